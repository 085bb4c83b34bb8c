//! What a checked question may read when it is asked: the loaded model and the analysis of the
//! prompt, the selections and settings on screen, and — in their chapters — the training lab's
//! log and the retrieval results. Plain data, so that the questions are tested natively.

use crate::i18n::Lang;
use crate::sampling::Sampling;
use crate::session::{Analysis, Loaded};
use crate::tokenizer::visible;
use crate::training::trainer::LogEntry;

/// The state a question is asked in.
pub struct Facts<'a> {
    pub lang: Lang,
    pub loaded: &'a Loaded,
    pub analysis: &'a Analysis,
    pub layer: usize,
    pub head: usize,
    /// The selected token position in the model's input (the last one by default).
    pub token: Option<usize>,
    pub sampling: Sampling,
    pub seed: u64,
    /// The generation chapter's limit of new tokens.
    pub max_new: usize,
    /// The LayerNorm chosen in its chapter: 0 before attention, 1 before the FFN, 2 the final.
    pub norm: usize,
    /// The built-in chat model (roles and the SFT loss mask).
    pub chat: Option<&'a Loaded>,
    /// The training lab's pretraining log, when a run has logged.
    pub lab_log: &'a [LogEntry],
    /// The retrieval chapter's last search.
    pub rag: Option<&'a RagFacts>,
}

/// One search of the retrieval chapter.
#[derive(Debug, Clone, PartialEq)]
pub struct RagFacts {
    pub question: String,
    /// The chunks, and the indexes each search returned.
    pub chunks: Vec<String>,
    pub vector_hits: Vec<usize>,
    pub keyword_hits: Vec<usize>,
    /// The handbook sentence that answers the question, when the question is one of the
    /// handbook's own.
    pub answer_sentence: Option<String>,
}

impl Facts<'_> {
    /// The selected token position, or the last one; `None` for an empty prompt.
    pub fn selected(&self) -> Option<usize> {
        let n = self.analysis.ids.len();
        (n > 0).then(|| self.token.unwrap_or(n - 1).min(n - 1))
    }

    /// A token's text as the page shows it (`␣` for a space).
    pub fn label(&self, id: u32) -> String {
        visible(&self.loaded.tokenizer.token_view(id).label)
    }
}

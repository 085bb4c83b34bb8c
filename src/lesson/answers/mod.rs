//! The expected answer of each question, computed from the live state, with the values its
//! texts quote: one small function per question, in one file per group of chapters.

mod around;
mod input;
mod layer;
mod output;

use around::{counts, loss_to_prob, loss_trend, which_search};
use input::{distance, largest_part, learned, merges, nearest_token, next_token, token_count};
use layer::{attention_argmax, attention_later, ffn_share, ffn_width, variance};
use output::{final_prob, stop, top_p, top_prob};

use super::T;
use super::facts::Facts;
use super::questions::{Expect, Question};
use crate::chat::Role;
use crate::i18n::Lang;
use crate::i18n::lessons::questions::{self as text, not_now};

/// Values for the texts' placeholders.
pub type Values = Vec<(&'static str, String)>;
/// A computed answer, or why the question cannot be asked now.
pub type Answer = Result<(Values, Expect), T>;

/// Computes the expected answer of `q` in the state `f`.
pub fn compute(q: Question, f: &Facts) -> Answer {
    use Question::*;
    match q {
        OvLargestPart => largest_part(f),
        OvNextToken | LogOrder => next_token(q, f),
        TokCount => token_count(f),
        TokMerges => merges(f),
        EmbNearest => nearest_token(f),
        PosLearned => learned(f),
        PosDistance => distance(f),
        AttArgmax => attention_argmax(f),
        AttLater => attention_later(f),
        LnVariance => variance(f),
        FfnWidth => ffn_width(f),
        FfnShare => ffn_share(f),
        LogTopProb => top_prob(f),
        SamTopP => top_p(f),
        SamFinalProb => final_prob(f),
        GenStop => stop(f),
        RoleUserCounts => counts(f, Role::User),
        RoleAnswerCounts => counts(f, Role::Assistant),
        LabLossTrend => loss_trend(f),
        LabLossToProb => loss_to_prob(f),
        RagWhichSearch => which_search(f),
    }
}

/// The traced pass: not there for an empty prompt, or while a large model still computes it.
pub fn trace<'a>(f: &'a Facts) -> Result<&'a crate::model::Trace, T> {
    if f.analysis.ids.is_empty() {
        return Err(not_now::EMPTY_PROMPT);
    }
    f.analysis.trace.as_ref().ok_or(not_now::COMPUTING)
}

/// Options from fixed texts.
pub fn options(lang: Lang, texts: &[T]) -> Vec<String> {
    texts.iter().map(|t| t.get(lang).to_string()).collect()
}

/// "Ja" first, then "Nein".
pub fn options_yes_no(lang: Lang) -> Vec<String> {
    options(lang, &[text::YES, text::NO])
}

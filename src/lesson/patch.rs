//! The state a step or a teacher's link sets. A patch names only what it needs; applied to the
//! current [`ViewState`] it gives the view to open, so "Show me" works through the URL like any
//! shared link (and the back button undoes it).

use super::T;
use crate::i18n::Lang;
use crate::route::ViewState;
use crate::session::ModelId;

/// Which token a step selects.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TokenPick {
    /// The last token of the prompt.
    Last,
    /// The token at this position (from 0).
    At(usize),
    /// The first token whose text is this (`␣` for a space), e.g. `␣dem`.
    Text(T),
}

/// A partial view state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Patch {
    pub prompt: Option<T>,
    pub model: Option<ModelId>,
    pub layer: Option<usize>,
    pub head: Option<usize>,
    pub token: Option<TokenPick>,
    pub step: Option<usize>,
    pub temperature: Option<f32>,
    pub top_k: Option<usize>,
    pub top_p: Option<f32>,
    pub seed: Option<u64>,
    pub view: Option<&'static str>,
    pub max_new: Option<usize>,
    pub rag_question: Option<T>,
    pub rag_k: Option<usize>,
    pub rag_rrf: Option<usize>,
    pub rag_method: Option<&'static str>,
    pub rag_chunk: Option<usize>,
    pub rag_overlap: Option<usize>,
    pub lab_source: Option<&'static str>,
    pub lab_width: Option<usize>,
    pub lab_layers: Option<usize>,
    pub lab_lr: Option<f32>,
}

/// What applying a patch could not do as asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Shortfall {
    /// The loaded model splits the prompt differently: the named token is not one of its tokens
    /// (the last token is selected instead).
    TokenNotFound(String),
    /// The loaded model has fewer layers or heads than the step names (the last one is used).
    TooFewLayers {
        asked: usize,
        has: usize,
    },
    TooFewHeads {
        asked: usize,
        has: usize,
    },
}

/// The loaded model's sizes that a patch must fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub layers: usize,
    pub heads: usize,
}

impl Patch {
    /// A patch that changes nothing.
    pub const NONE: Patch = Patch {
        prompt: None,
        model: None,
        layer: None,
        head: None,
        token: None,
        step: None,
        temperature: None,
        top_k: None,
        top_p: None,
        seed: None,
        view: None,
        max_new: None,
        rag_question: None,
        rag_k: None,
        rag_rrf: None,
        rag_method: None,
        rag_chunk: None,
        rag_overlap: None,
        lab_source: None,
        lab_width: None,
        lab_layers: None,
        lab_lr: None,
    };

    /// The view after this patch. `labels` gives the token texts of a prompt with the loaded
    /// tokenizer (to find a token named by its text), `fit` the loaded model's sizes; what could
    /// not be done as asked is reported, and the nearest possible state is used instead.
    pub fn apply(
        &self,
        view: &ViewState,
        lang: Lang,
        labels: impl Fn(&str) -> Vec<String>,
        fit: Option<Fit>,
    ) -> (ViewState, Vec<Shortfall>) {
        let mut v = view.clone();
        let mut short = Vec::new();
        if let Some(p) = self.prompt {
            v.prompt = Some(p.get(lang).to_string());
            v.token = None;
            v.step = None;
        }
        self.apply_numbers(&mut v, fit, &mut short);
        if let Some(pick) = self.token {
            let prompt = v.prompt.clone().unwrap_or_default();
            let tokens = labels(&prompt);
            v.token = match pick {
                TokenPick::Last => None,
                TokenPick::At(i) => Some(i.min(tokens.len().saturating_sub(1))),
                TokenPick::Text(t) => {
                    let want = t.get(lang).replace('␣', " ");
                    let found = tokens.iter().position(|l| *l == want);
                    if found.is_none() {
                        short.push(Shortfall::TokenNotFound(t.get(lang).to_string()));
                    }
                    found
                }
            };
        }
        self.apply_sections(&mut v, lang);
        (v, short)
    }

    /// Model, layer, head, merge or generation step, sampling and seed.
    fn apply_numbers(&self, v: &mut ViewState, fit: Option<Fit>, short: &mut Vec<Shortfall>) {
        if let Some(m) = self.model {
            v.model = Some(m);
        }
        if let Some(l) = self.layer {
            let has = fit.map_or(usize::MAX, |f| f.layers);
            if l >= has {
                short.push(Shortfall::TooFewLayers { asked: l + 1, has });
            }
            v.layer = Some(l.min(has.saturating_sub(1)));
        }
        if let Some(h) = self.head {
            let has = fit.map_or(usize::MAX, |f| f.heads);
            if h >= has {
                short.push(Shortfall::TooFewHeads { asked: h + 1, has });
            }
            v.head = Some(h.min(has.saturating_sub(1)));
        }
        v.step = self.step.or(v.step);
        v.temperature = self.temperature.or(v.temperature);
        v.top_k = self.top_k.or(v.top_k);
        v.top_p = self.top_p.or(v.top_p);
        v.seed = self.seed.or(v.seed);
        v.max_new = self.max_new.or(v.max_new);
    }

    /// The chapter's view, the retrieval settings and the lab's.
    fn apply_sections(&self, v: &mut ViewState, lang: Lang) {
        if let Some(view) = self.view {
            v.view = Some(view.to_string());
        }
        let rag = &mut v.rag;
        if let Some(q) = self.rag_question {
            rag.question = Some(q.get(lang).to_string());
        }
        rag.k = self.rag_k.or(rag.k);
        rag.rrf = self.rag_rrf.or(rag.rrf);
        rag.chunk = self.rag_chunk.or(rag.chunk);
        rag.overlap = self.rag_overlap.or(rag.overlap);
        if let Some(m) = self.rag_method {
            rag.method = Some(m.to_string());
        }
        let lab = &mut v.lab;
        if let Some(s) = self.lab_source {
            lab.source = Some(s.to_string());
        }
        lab.width = self.lab_width.or(lab.width);
        lab.layers = self.lab_layers.or(lab.layers);
        lab.lr = self.lab_lr.or(lab.lr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chapters::Chapter;

    fn labels(prompt: &str) -> Vec<String> {
        prompt
            .split_inclusive(' ')
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
    }

    #[test]
    fn a_patch_sets_only_what_it_names() {
        let view = ViewState {
            chapter: Chapter::Attention,
            head: Some(2),
            seed: Some(9),
            ..Default::default()
        };
        let patch = Patch {
            prompt: Some(T("Der Vater spielt", "The father plays")),
            layer: Some(1),
            token: Some(TokenPick::Text(T("Vater␣", "father␣"))),
            view: Some("masked"),
            ..Patch::NONE
        };
        let (v, short) = patch.apply(
            &view,
            Lang::De,
            labels,
            Some(Fit {
                layers: 4,
                heads: 4,
            }),
        );
        assert!(short.is_empty());
        assert_eq!(v.prompt.as_deref(), Some("Der Vater spielt"));
        assert_eq!((v.layer, v.head, v.seed), (Some(1), Some(2), Some(9)));
        assert_eq!(v.token, Some(1));
        assert_eq!(v.view.as_deref(), Some("masked"));
        assert_eq!(v.chapter, Chapter::Attention);
    }

    #[test]
    fn what_the_model_cannot_do_is_reported_and_the_nearest_state_used() {
        let patch = Patch {
            prompt: Some(T("Der Vater", "The father")),
            layer: Some(5),
            head: Some(9),
            token: Some(TokenPick::Text(T("␣König", "␣king"))),
            ..Patch::NONE
        };
        let (v, short) = patch.apply(
            &ViewState::default(),
            Lang::En,
            labels,
            Some(Fit {
                layers: 4,
                heads: 4,
            }),
        );
        assert_eq!((v.layer, v.head, v.token), (Some(3), Some(3), None));
        assert_eq!(
            short,
            vec![
                Shortfall::TooFewLayers { asked: 6, has: 4 },
                Shortfall::TooFewHeads { asked: 10, has: 4 },
                Shortfall::TokenNotFound("␣king".into()),
            ]
        );
    }
}

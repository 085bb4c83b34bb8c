//! The chapters of the walk-through, in the order the seed text explains a GPT: first the whole
//! model at a glance, then from the prompt to tokens, through the transformer layer, to the next
//! token, and on to training and retrieval. The glossary stands beside them as an appendix: it has
//! a page and a link, but no number in the reading order.
//!
//! A chapter's slug is what the URL hash carries (`#/attention`); its title and introduction live
//! in [`crate::i18n`].

use serde::{Deserialize, Serialize};

/// One chapter of the walk-through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Chapter {
    Overview,
    Tokens,
    Embeddings,
    Positions,
    Attention,
    LayerNorm,
    Ffn,
    Logits,
    Sampling,
    Generation,
    Roles,
    Training,
    Rag,
    /// The appendix of terms; not part of the numbered reading order.
    Glossary,
}

impl Default for Chapter {
    fn default() -> Self {
        Chapter::FIRST
    }
}

impl Chapter {
    /// All numbered chapters in reading order.
    pub const ALL: [Chapter; 13] = [
        Chapter::Overview,
        Chapter::Tokens,
        Chapter::Embeddings,
        Chapter::Positions,
        Chapter::Attention,
        Chapter::LayerNorm,
        Chapter::Ffn,
        Chapter::Logits,
        Chapter::Sampling,
        Chapter::Generation,
        Chapter::Roles,
        Chapter::Training,
        Chapter::Rag,
    ];

    /// Every page a link can open: the numbered chapters, then the glossary.
    pub const PAGES: [Chapter; 14] = [
        Chapter::Overview,
        Chapter::Tokens,
        Chapter::Embeddings,
        Chapter::Positions,
        Chapter::Attention,
        Chapter::LayerNorm,
        Chapter::Ffn,
        Chapter::Logits,
        Chapter::Sampling,
        Chapter::Generation,
        Chapter::Roles,
        Chapter::Training,
        Chapter::Rag,
        Chapter::Glossary,
    ];

    /// The first chapter: where a fresh visit and an unknown link land.
    pub const FIRST: Chapter = Chapter::Overview;

    /// The name in the URL hash: lower case ASCII, stable across releases.
    pub fn slug(self) -> &'static str {
        match self {
            Chapter::Overview => "overview",
            Chapter::Tokens => "tokens",
            Chapter::Embeddings => "embeddings",
            Chapter::Positions => "positions",
            Chapter::Attention => "attention",
            Chapter::LayerNorm => "layernorm",
            Chapter::Ffn => "ffn",
            Chapter::Logits => "logits",
            Chapter::Sampling => "sampling",
            Chapter::Generation => "generation",
            Chapter::Roles => "roles",
            Chapter::Training => "training",
            Chapter::Rag => "rag",
            Chapter::Glossary => "glossary",
        }
    }

    /// The page with this slug (case-insensitive), if there is one.
    pub fn from_slug(slug: &str) -> Option<Chapter> {
        Chapter::PAGES
            .into_iter()
            .find(|c| c.slug().eq_ignore_ascii_case(slug))
    }

    /// Position in reading order, starting at 0; `None` for the glossary, which has no number.
    pub fn index(self) -> Option<usize> {
        Chapter::ALL.iter().position(|&c| c == self)
    }

    /// The number a reader sees ("Kapitel 5 von 13"), starting at 1.
    pub fn number(self) -> Option<usize> {
        self.index().map(|i| i + 1)
    }

    /// The chapter after this one in reading order, if any.
    pub fn next(self) -> Option<Chapter> {
        Chapter::ALL.get(self.index()? + 1).copied()
    }

    /// The chapter before this one in reading order, if any.
    pub fn prev(self) -> Option<Chapter> {
        self.index()?.checked_sub(1).map(|i| Chapter::ALL[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in Chapter::PAGES {
            assert_eq!(Chapter::from_slug(c.slug()), Some(c));
            assert!(seen.insert(c.slug()), "duplicate slug {}", c.slug());
            assert!(c.slug().bytes().all(|b| b.is_ascii_lowercase()));
        }
        assert_eq!(Chapter::from_slug("ATTENTION"), Some(Chapter::Attention));
        assert_eq!(Chapter::from_slug("nope"), None);
        assert_eq!(Chapter::from_slug(""), None);
    }

    #[test]
    fn order_follows_the_seed_text() {
        assert_eq!(Chapter::ALL[0], Chapter::FIRST);
        assert_eq!(Chapter::Overview.prev(), None);
        assert_eq!(Chapter::Overview.next(), Some(Chapter::Tokens));
        assert_eq!(Chapter::Tokens.number(), Some(2));
        assert_eq!(Chapter::Attention.index(), Some(4));
        assert_eq!(Chapter::Rag.next(), None);
        assert_eq!(Chapter::Rag.prev(), Some(Chapter::Training));
        // The glossary is an appendix: reachable by its link, outside the numbered order.
        assert_eq!(Chapter::from_slug("glossary"), Some(Chapter::Glossary));
        assert_eq!(Chapter::Glossary.number(), None);
        assert_eq!(Chapter::Glossary.next(), None);
        assert_eq!(Chapter::Glossary.prev(), None);
        assert_eq!(Chapter::PAGES[..13], Chapter::ALL);
    }
}

//! The chapters of the walk-through, in the order the seed text explains a GPT: from the prompt
//! to tokens, through the transformer layer, to the next token, and on to training and retrieval.
//!
//! A chapter's slug is what the URL hash carries (`#/attention`); its title and introduction live
//! in [`crate::i18n`].

use serde::{Deserialize, Serialize};

/// One chapter of the walk-through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Chapter {
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
}

impl Default for Chapter {
    fn default() -> Self {
        Chapter::FIRST
    }
}

impl Chapter {
    /// All chapters in reading order.
    pub const ALL: [Chapter; 12] = [
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

    /// The first chapter: where a fresh visit and an unknown link land.
    pub const FIRST: Chapter = Chapter::Tokens;

    /// The name in the URL hash: lower case ASCII, stable across releases.
    pub fn slug(self) -> &'static str {
        match self {
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
        }
    }

    /// The chapter with this slug (case-insensitive), if there is one.
    pub fn from_slug(slug: &str) -> Option<Chapter> {
        Chapter::ALL
            .into_iter()
            .find(|c| c.slug().eq_ignore_ascii_case(slug))
    }

    /// Position in reading order, starting at 0.
    pub fn index(self) -> usize {
        Chapter::ALL
            .iter()
            .position(|&c| c == self)
            .expect("every chapter is in ALL")
    }

    /// The chapter after this one, if any.
    pub fn next(self) -> Option<Chapter> {
        Chapter::ALL.get(self.index() + 1).copied()
    }

    /// The chapter before this one, if any.
    pub fn prev(self) -> Option<Chapter> {
        self.index().checked_sub(1).map(|i| Chapter::ALL[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in Chapter::ALL {
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
        assert_eq!(Chapter::Tokens.prev(), None);
        assert_eq!(Chapter::Tokens.next(), Some(Chapter::Embeddings));
        assert_eq!(Chapter::Attention.index(), 3);
        assert_eq!(Chapter::Rag.next(), None);
        assert_eq!(Chapter::Rag.prev(), Some(Chapter::Training));
    }
}

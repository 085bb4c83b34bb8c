//! Every string the user reads, in German and English.
//!
//! [`Msg`] names a piece of text; [`tr`] returns it in a [`Lang`]. The table in `strings.rs` is a
//! single exhaustive `match`, so a message without both translations does not compile. Texts with
//! values carry `{name}` placeholders, filled by [`trf`].
//!
//! A message belongs to a chapter by its name's prefix (`Att…` to attention, see
//! [`chapter_of`]); messages named `…Explain` and the chapter introductions are prose, where the
//! first use of each [`glossary`] term in a chapter links to its entry ([`first_uses`]).

pub mod glossary;
pub mod lessons;
mod strings;

use serde::{Deserialize, Serialize};

use crate::chapters::Chapter;
pub use strings::Msg;

/// A language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    De,
    En,
}

impl Lang {
    /// Both languages, German first (the seed text's language).
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The short code used in the URL hash and storage: `de` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag for `<html lang>`: the German is Swiss (ss for ß, «…», 12'288).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::De => "de-CH",
            Lang::En => "en",
        }
    }

    /// The language's own name, as shown on the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch (Schweiz)",
            Lang::En => "English",
        }
    }

    /// Parses a language tag such as `de`, `de-CH` or `en_US` by its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "de" | "gsw" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language in a browser's preference list (`navigator.languages`);
    /// English when none is supported.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }
}

/// The text of `msg` in `lang`.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    let (de, en) = strings::text(msg);
    match lang {
        Lang::De => de,
        Lang::En => en,
    }
}

/// A whole number with the language's thousands separator: 12'288 in Swiss German, 12,288 in
/// English.
pub fn number(lang: Lang, n: u64) -> String {
    let sep = match lang {
        Lang::De => '\'',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Text in the language's quotation marks: «…» in Swiss German, “…” in English.
pub fn quoted(lang: Lang, text: &str) -> String {
    match lang {
        Lang::De => format!("«{text}»"),
        Lang::En => format!("“{text}”"),
    }
}

/// The chapter a message belongs to, by its name: `Ov` overview, `Tok` tokens, `Emb`
/// embeddings, `Pos` positions, `Att` attention, `Ln` LayerNorm, `Ffn`, `Log` logits, `Sam`
/// sampling, `Gen` generation, `Role` roles, `Lab` training, `Rag`, `Glo` glossary (the prefix
/// followed by a capital letter). Messages of the whole page belong to none.
pub fn chapter_of(msg: Msg) -> Option<Chapter> {
    if let Msg::ChapterTitle(c) | Msg::ChapterIntro(c) = msg {
        return Some(c);
    }
    const PREFIXES: [(&str, Chapter); 14] = [
        ("Ov", Chapter::Overview),
        ("Tok", Chapter::Tokens),
        ("Emb", Chapter::Embeddings),
        ("Pos", Chapter::Positions),
        ("Att", Chapter::Attention),
        ("Ln", Chapter::LayerNorm),
        ("Ffn", Chapter::Ffn),
        ("Log", Chapter::Logits),
        ("Sam", Chapter::Sampling),
        ("Gen", Chapter::Generation),
        ("Role", Chapter::Roles),
        ("Lab", Chapter::Training),
        ("Rag", Chapter::Rag),
        ("Glo", Chapter::Glossary),
    ];
    let name = format!("{msg:?}");
    PREFIXES.iter().find_map(|&(p, c)| {
        name.strip_prefix(p)
            .filter(|rest| rest.starts_with(|ch: char| ch.is_ascii_uppercase()))
            .map(|_| c)
    })
}

/// Whether a message is prose (an explanation paragraph), where glossary terms are linked.
pub fn is_prose(msg: Msg) -> bool {
    matches!(msg, Msg::ChapterIntro(_)) || format!("{msg:?}").ends_with("Explain")
}

/// For a chapter, the prose message in which each glossary term is used first (in table
/// order, the introduction first): there its first occurrence links to the glossary.
pub fn first_uses(c: Chapter, lang: Lang) -> Vec<(Msg, &'static glossary::Term)> {
    let prose = std::iter::once(Msg::ChapterIntro(c)).chain(
        Msg::all()
            .into_iter()
            .filter(|&m| is_prose(m) && chapter_of(m) == Some(c) && m != Msg::ChapterIntro(c)),
    );
    let mut out: Vec<(Msg, &'static glossary::Term)> = Vec::new();
    for msg in prose {
        for (_, _, term) in glossary::find_terms(tr(lang, msg), lang) {
            if !out.iter().any(|(_, t)| t.id == term.id) {
                out.push((msg, term));
            }
        }
    }
    out
}

/// The text of `msg` in `lang` with each `{name}` placeholder replaced by its value.
pub fn trf(lang: Lang, msg: Msg, values: &[(&str, &str)]) -> String {
    fill(tr(lang, msg), values)
}

/// `text` with each `{name}` placeholder replaced by its value.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("de"), Some(Lang::De));
        assert_eq!(Lang::from_tag("de-CH"), Some(Lang::De));
        assert_eq!(Lang::from_tag("DE_at"), Some(Lang::De));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr-FR"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::from_preferences(["fr", "de-CH", "en"]), Lang::De);
        assert_eq!(Lang::from_preferences(["ja", "en-US"]), Lang::En);
        assert_eq!(Lang::from_preferences(["ja"]), Lang::En);
        assert_eq!(Lang::from_preferences([]), Lang::En);
    }

    #[test]
    fn placeholders_are_filled() {
        let s = trf(Lang::En, Msg::ChapterOf, &[("n", "3"), ("total", "12")]);
        assert_eq!(s, "Chapter 3 of 12");
        let s = trf(Lang::De, Msg::ChapterOf, &[("n", "3"), ("total", "12")]);
        assert_eq!(s, "Kapitel 3 von 12");
    }

    #[test]
    fn numbers_are_grouped_the_swiss_and_the_english_way() {
        assert_eq!(number(Lang::De, 12_288), "12'288");
        assert_eq!(number(Lang::En, 12_288), "12,288");
        assert_eq!(number(Lang::De, 175_000_000_000), "175'000'000'000");
        assert_eq!(number(Lang::En, 999), "999");
        assert_eq!(number(Lang::De, 0), "0");
        assert_eq!(number(Lang::En, 1_000), "1,000");
        assert_eq!(Lang::De.tag(), "de-CH");
    }

    #[test]
    fn messages_belong_to_chapters_by_name() {
        assert_eq!(chapter_of(Msg::AttArcsExplain), Some(Chapter::Attention));
        assert_eq!(chapter_of(Msg::TokenAt), None);
        assert_eq!(chapter_of(Msg::LocalTitle), None);
        assert_eq!(chapter_of(Msg::LabTabs), Some(Chapter::Training));
        assert_eq!(
            chapter_of(Msg::ChapterIntro(Chapter::Ffn)),
            Some(Chapter::Ffn)
        );
        assert!(is_prose(Msg::AttArcsExplain) && !is_prose(Msg::AttArcsTitle));
    }

    /// Every glossary term is used, in both languages, in the texts of the chapter it links to;
    /// so that chapter can show the term where the glossary sends a reader.
    #[test]
    fn every_glossary_term_is_used_in_its_chapter() {
        let mut unused = Vec::new();
        for term in glossary::TERMS {
            for lang in Lang::ALL {
                let used = Msg::all()
                    .into_iter()
                    .filter(|&m| chapter_of(m) == Some(term.chapter))
                    .any(|m| {
                        glossary::find_terms(tr(lang, m), lang)
                            .iter()
                            .any(|(_, _, t)| t.id == term.id)
                    });
                if !used {
                    unused.push(format!("{} ({lang:?}) in {:?}", term.id, term.chapter));
                }
            }
        }
        assert!(unused.is_empty(), "not used in their chapter: {unused:#?}");
    }

    #[test]
    fn a_term_links_once_per_chapter_at_its_first_use() {
        let uses = first_uses(Chapter::Attention, Lang::De);
        let ids: Vec<_> = uses.iter().map(|(_, t)| t.id).collect();
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(ids.len(), unique.len());
        assert!(ids.contains(&"self-attention"), "{ids:?}");
        assert_eq!(uses[0].0, Msg::ChapterIntro(Chapter::Attention));
    }

    /// Every message exists in both languages, is not empty, and uses the same placeholders in
    /// both; texts meant to differ do differ.
    #[test]
    fn every_message_is_complete_in_both_languages() {
        for msg in Msg::all() {
            let (de, en) = strings::text(msg);
            assert!(!de.trim().is_empty(), "{msg:?} has no German text");
            assert!(!en.trim().is_empty(), "{msg:?} has no English text");
            assert_eq!(
                placeholders(de),
                placeholders(en),
                "{msg:?}: placeholders differ"
            );
            if !msg.same_in_both_languages() {
                assert_ne!(de, en, "{msg:?} is not translated");
            }
        }
    }

    fn placeholders(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        v.sort_unstable();
        v
    }
}

//! Every string the user reads, in German and English.
//!
//! [`Msg`] names a piece of text; [`tr`] returns it in a [`Lang`]. The table in `strings.rs` is a
//! single exhaustive `match`, so a message without both translations does not compile. Texts with
//! values carry `{name}` placeholders, filled by [`trf`].

mod strings;

use serde::{Deserialize, Serialize};

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

    /// The BCP 47 code used in `<html lang>`, the URL hash and storage: `de` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's own name, as shown on the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
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

/// The text of `msg` in `lang` with each `{name}` placeholder replaced by its value.
pub fn trf(lang: Lang, msg: Msg, values: &[(&str, &str)]) -> String {
    let mut out = tr(lang, msg).to_string();
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

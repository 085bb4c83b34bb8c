//! Training questions that ask by a value (a teacher's or a head's name, a bus line's number)
//! for the item: «Welches Fach gibt Frau Kalomi?». The retrieval model learns from them to find
//! the sentence that names the value and to answer with it; the held-out test asks the same
//! kinds with other templates ([`super::by_value_questions`]).

use super::{Fact, Pair, pick, town};
use crate::i18n::Lang;
use crate::rng::Rng;

/// Training questions that ask by a value for the item, per kind whose values are names or
/// numbers: a teacher's name, a head's name, a bus line's number. The held-out test asks the
/// same kinds with other templates ([`super::by_value_questions`]).
pub const ASK_BY_VALUE: [(usize, [Pair; 2]); 3] = [
    (
        1,
        [
            ("Welches Fach gibt {v}?", "Which subject does {v} give?"),
            (
                "In welchem Fach ist {v} die Lehrperson?",
                "In which subject is {v} the teacher?",
            ),
        ],
    ),
    (
        town::KINDS_AT + 1,
        [
            (
                "Wo ist {v} die Chefin oder der Chef?",
                "Where is {v} the boss?",
            ),
            ("Welchen Betrieb führt {v}?", "Which place does {v} head?"),
        ],
    ),
    (
        town::KINDS_AT + 3,
        [
            (
                "Welches Ziel hat die Linie {v}?",
                "What is the end stop of line {v}?",
            ),
            (
                "Bis wohin fährt die Buslinie {v}?",
                "How far does bus line {v} go?",
            ),
        ],
    ),
];

impl Fact {
    /// Whether questions about this fact can ask by its value (its kind is in [`ASK_BY_VALUE`]).
    pub fn asks_by_value(&self) -> bool {
        self.by_value_templates().is_some()
    }

    fn by_value_templates(&self) -> Option<&'static [Pair; 2]> {
        ASK_BY_VALUE
            .iter()
            .find(|(k, _)| *k == self.kind)
            .map(|(_, t)| t)
    }

    /// A training question that names `value` (the fact's own or a made-up one in its place)
    /// and asks for the item, with one of the kind's [`ASK_BY_VALUE`] templates; `None` for a
    /// kind whose values are no names or numbers.
    pub fn by_value_question(&self, rng: &mut Rng, lang: Lang, value: &str) -> Option<String> {
        let t = self.by_value_templates()?;
        let template = pick(t[rng.below(t.len())], lang);
        Some(self.fill_with(template, lang, self.name(lang), value))
    }
}

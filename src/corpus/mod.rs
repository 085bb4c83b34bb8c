//! Lupe's own training data: a small bilingual world, written by code so that every machine gets
//! exactly the same text.
//!
//! | file | what |
//! |---|---|
//! | [`world`] | the words: people, animals, food, places, vehicles, colours, numbers |
//! | [`text`] | sentences and stories from templates |
//! | [`dialogs`] | question–answer dialogs in the role format, for SFT |
//! | [`copy`] | copy drills (a random run of tokens, repeated) that teach reading from context |
//! | [`web`] | a raw "web" stage with duplicates, boilerplate, spam and junk, and its cleaning |

pub mod copy;
pub mod dialogs;
pub mod knowledge;
pub mod rag;
pub mod text;
pub mod web;
pub mod world;

use serde::Serialize;

use crate::i18n::Lang;
use crate::rng::Rng;

/// The pretraining corpus, by source (the seed text's data mixture: curated sentences, stories,
/// and cleaned web text).
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Paragraphs of everyday sentences ("curated data").
    pub sentences: Vec<String>,
    /// Short stories ("licensed books").
    pub stories: Vec<String>,
    /// Web pages after cleaning, and the report of the cleaning.
    pub web: Vec<String>,
    pub cleaning: web::Report,
}

impl Corpus {
    /// The three sources by name, in the order the trainers list them.
    pub fn sources(self) -> [(&'static str, Vec<String>); 3] {
        [
            ("sentences", self.sentences),
            ("stories", self.stories),
            ("web", self.web),
        ]
    }
}

/// The text a tokenizer learns from for one source: its documents, one per line.
pub fn tokenizer_text(documents: &[String]) -> String {
    documents.join("\n")
}

/// The seed of the built-in models' data (`training/base.json`).
pub const BUILTIN_SEED: u64 = 1;

/// Sizes of the built-in corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sizes {
    pub paragraphs: usize,
    pub stories: usize,
    pub web_pages: usize,
}

impl Sizes {
    /// What the built-in models are trained on (about 1.5 MB of text).
    pub const BUILTIN: Sizes = Sizes {
        paragraphs: 12_000,
        stories: 3_000,
        web_pages: 3_000,
    };
}

fn lang_of(rng: &mut Rng) -> Lang {
    if rng.below(2) == 0 {
        Lang::De
    } else {
        Lang::En
    }
}

/// Generates the corpus for a seed.
pub fn generate(seed: u64, sizes: Sizes) -> Corpus {
    let mut rng = Rng::new(seed);
    let sentences = (0..sizes.paragraphs)
        .map(|_| {
            let l = lang_of(&mut rng);
            text::paragraph(&mut rng, l)
        })
        .collect();
    let stories = (0..sizes.stories)
        .map(|_| {
            let l = lang_of(&mut rng);
            text::story(&mut rng, l)
        })
        .collect();
    let raw = web::raw_pages(seed ^ 0x5EED, sizes.web_pages, 0.4, text::paragraph);
    let (web, cleaning) = web::clean(&raw, 5);
    Corpus {
        sentences,
        stories,
        web,
        cleaning,
    }
}

/// All documents of a source joined into one text, separated by the end token.
pub fn join(documents: &[String]) -> String {
    let mut out = String::new();
    for d in documents {
        out.push_str(d);
        out.push_str(crate::chat::END);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_is_deterministic_bilingual_and_covers_the_seed_examples() {
        let small = Sizes {
            paragraphs: 400,
            stories: 100,
            web_pages: 100,
        };
        let a = generate(1, small);
        let b = generate(1, small);
        assert_eq!(a.sentences, b.sentences);
        assert_eq!(a.web, b.web);
        let all = [join(&a.sentences), join(&a.stories), join(&a.web)].concat();
        for word in [
            " König ",
            " Königin ",
            " Mann ",
            " Frau ",
            " Hund ",
            " Hundewelpe ",
            " Katze ",
            " Auto ",
            " Fahrzeug ",
            " heiss",
            " kalt",
            " Essen",
            " kochen",
            " Mahlzeit",
            " king ",
            " queen ",
            " man ",
            " woman ",
            " dog ",
            " puppy ",
            " car ",
            " vehicle ",
            " hot",
            " cold",
            " meal",
        ] {
            assert!(all.contains(word), "the corpus never says {word:?}");
        }
        assert!(a.cleaning.pages_out < 100);
    }

    #[test]
    fn dialogs_pair_every_question_in_both_languages() {
        let pairs = dialogs::all_questions();
        assert!(pairs.len() > 60);
        assert_eq!(pairs.iter().filter(|p| dialogs::is_held_out(p)).count(), 4);
        let d = dialogs::dialogs(1, 1);
        assert_eq!(d.len(), 2 * (pairs.len() - 4));
        assert!(
            d.iter()
                .any(|m| m.iter().any(|x| x.role == crate::chat::Role::Developer))
        );
    }
}

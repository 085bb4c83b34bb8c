//! Dialogs that teach the retrieval model to read its context: a context of a few sentences from
//! the knowledge base's kinds ([`super::knowledge`]) with random values, so that no value can be
//! learned by heart, a question in the student's words (a `train` template), and as the answer the
//! sentence that holds the value. Also the prompts of web search: the instruction to write a
//! search query, and offline "web" snippets.

use super::knowledge::{Fact, Pair, filler, kinds, pick, random_fact, twin_kinds};
use crate::chat::{Message, Role};
use crate::i18n::Lang;
use crate::rng::Rng;

/// The system message that carries retrieved context.
pub fn context_message(lang: Lang, passages: &[String]) -> String {
    let head = match lang {
        Lang::De => "Kontext:",
        Lang::En => "Context:",
    };
    format!("{head} {}", passages.join(" "))
}

/// The answer when the context does not hold it.
pub fn not_in_context(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Das steht nicht im Kontext.",
        Lang::En => "The context does not say.",
    }
}

/// The system message asking for a search query.
pub fn query_instruction(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Schreibe eine Suchanfrage.",
        Lang::En => "Write a search query.",
    }
}

/// A chat that asks `question` with `passages` as context: the context as a system message,
/// then the question.
pub fn rag_chat(lang: Lang, passages: &[String], question: &str) -> Vec<Message> {
    vec![
        Message::new(Role::System, context_message(lang, passages)),
        Message::new(Role::User, question),
    ]
}

/// How the retrieval dialogs are mixed: how crowded a context is, and how often a question asks
/// by the value. Retrieved chunks often hold several sentences of one kind («… öffnet um …»
/// three times), and the model must then tie the value to the asked item, not just to the kind
/// of sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mix {
    /// Most sentences besides the answering one (at least two, at most [`MOST_OTHERS`]).
    pub most_others: usize,
    /// Chance that each of them is of the asked fact's kind (else of any kind).
    pub same_kind: f64,
    /// Chance that one of the asked kind is also in the answering sentence's form. Then the form
    /// («Die … ist ab … Uhr geöffnet.») no longer tells which value to copy; only the item does.
    pub same_form: f64,
    /// Chance that a question about a fact whose value is a name or number asks by that value
    /// for the item («Welches Fach gibt Frau Kalomi?», see [`super::knowledge::ASK_BY_VALUE`]).
    pub by_value: f64,
    /// Chance that the context also states a fact about the asked item of a twin kind (the
    /// subject's room beside its teacher, the library's rule beside its opening time), so that
    /// the item alone does not tell which sentence answers; the question's kind must.
    pub twin: f64,
}

/// The upper bound of [`Mix::most_others`], so that a dialog fits a training sequence.
pub const MOST_OTHERS: usize = 10;

impl Default for Mix {
    /// Two to five other sentences, half of them of the asked kind, in forms of their own.
    fn default() -> Self {
        Mix {
            most_others: 5,
            same_kind: 0.5,
            same_form: 0.0,
            by_value: 0.0,
            twin: 0.0,
        }
    }
}

/// A fact about another item: of the same kind as `target` with chance `mix.same_kind`, and
/// then in its form with chance `mix.same_form`; else any fact.
fn distractor(rng: &mut Rng, target: &Fact, mix: Mix) -> Fact {
    let mut f = random_fact(rng);
    if rng.next_f64() < mix.same_kind {
        f.kind = target.kind;
        // No draw at 0, so that the default mix makes the same dialogs as before it existed.
        if mix.same_form > 0.0 && rng.next_f64() < mix.same_form {
            f.form = target.form;
        }
    }
    f
}

/// A fact about `target`'s item in a twin kind ([`twin_kinds`]), with a random value and form;
/// `None` when the kind has no twin.
fn twin_of(rng: &mut Rng, target: &Fact) -> Option<Fact> {
    let twins = twin_kinds(target.kind);
    if twins.is_empty() {
        return None;
    }
    let kind = twins[rng.below(twins.len())];
    let k = kinds()[kind];
    Some(Fact {
        kind,
        item: target.item,
        value: rng.below(k.values.len()),
        form: rng.below(k.forms.len()),
    })
}

/// Words that change no question's meaning, which [`vary`] puts into training questions. None
/// of them is a word of the held-out questions' templates (a test checks it).
pub const FILLERS: [Pair; 6] = [
    ("denn", "actually"),
    ("eigentlich", "exactly"),
    ("genau", "now"),
    ("nun", "just"),
    ("jetzt", "really"),
    ("überhaupt", "again"),
];

/// A training question worded a little differently, so that the model keys on the item and
/// the kind of question rather than on a template's exact words: one time in three a word
/// left out (never a word of the item's names, nor the last), one time in three a filler
/// ([`FILLERS`]) put in after the question's first word. The held-out questions' templates are not
/// learned; this teaches that an unfamiliar wording can still ask a known question.
fn vary(rng: &mut Rng, question: &str, names: &[&str], lang: Lang) -> String {
    let mut words: Vec<&str> = question.split(' ').collect();
    let named = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        names.iter().any(|n| n.split(' ').any(|part| part == w))
    };
    if rng.below(3) == 0 && words.len() > 3 {
        let at = rng.below(words.len() - 1);
        if !named(words[at]) && !words[at].ends_with(['.', ':', '?']) {
            words.remove(at);
        }
    }
    // After an opener sentence, if there is one, and the question's first word.
    let start = words
        .iter()
        .rposition(|w| w.ends_with(['.', ':']))
        .map_or(0, |i| i + 1);
    if rng.below(3) == 0 && words.len() > start + 2 {
        let f = FILLERS[rng.below(FILLERS.len())];
        words.insert(start + 1, pick(f, lang));
    }
    let text = words.join(" ");
    super::knowledge::cap(&text)
}

/// Syllables of made-up names and words ([`made_up_value`]).
const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ta", "ren", "bo", "si", "nu", "par", "vel", "dor", "gi", "mu", "fen", "ra",
    "lin",
];

/// `value` with its last word made up: a number from 1 to 99 for a number, else two or three
/// random syllables (capitalised like the word they replace), so «Frau Weber» may become
/// «Frau Kalomi» and «4» «57».
fn made_up_value(rng: &mut Rng, value: &str) -> String {
    let (head, last) = value.rsplit_once(' ').map_or(("", value), |(h, l)| (h, l));
    let new = if last.starts_with(|c: char| c.is_ascii_digit()) {
        (1 + rng.below(99)).to_string()
    } else {
        let word: String = (0..2 + rng.below(2))
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect();
        if last.starts_with(char::is_uppercase) {
            super::knowledge::cap(&word)
        } else {
            word
        }
    };
    if head.is_empty() {
        new
    } else {
        format!("{head} {new}")
    }
}

/// One training dialog about a random fact (see [`training_dialogs`]).
fn dialog(rng: &mut Rng, mix: Mix) -> Vec<Message> {
    let lang = if rng.below(2) == 0 {
        Lang::De
    } else {
        Lang::En
    };
    let target = random_fact(rng);
    let question = target.train_question(rng, lang);
    let question = vary(rng, &question, &target.names(lang), lang);
    if rng.below(5) == 0 {
        return vec![
            Message::new(Role::System, query_instruction(lang)),
            Message::new(Role::User, question),
            Message::new(Role::Assistant, target.query(lang)),
        ];
    }
    // Asked by the value: no other sentence of the kind may state the same value. No draw at 0.
    let by_value = mix.by_value > 0.0 && target.asks_by_value() && rng.next_f64() < mix.by_value;
    // Other sentences, as in three retrieved chunks.
    let most = mix.most_others.clamp(2, MOST_OTHERS);
    let mut facts: Vec<Fact> = (0..2 + rng.below(most - 1))
        .map(|_| distractor(rng, &target, mix))
        .filter(|f| (f.kind, f.item) != (target.kind, target.item))
        .filter(|f| !by_value || (f.kind, f.value) != (target.kind, target.value))
        .collect();
    // No draw at 0.
    if mix.twin > 0.0
        && rng.next_f64() < mix.twin
        && let Some(twin) = twin_of(rng, &target)
    {
        let at = rng.below(facts.len() + 1);
        facts.insert(at, twin);
    }
    let answerable = by_value || rng.below(12) != 0;
    let at = rng.below(facts.len() + 1);
    if answerable {
        facts.insert(at, target);
    }
    // Half of the contexts state values of no list (made-up names and numbers): those cannot be
    // guessed from what such sentences usually say, only copied from the context.
    let made_up = rng.below(2) == 0;
    let values: Vec<String> = facts
        .iter()
        .map(|f| {
            let v = f.value_text(lang);
            if made_up {
                made_up_value(rng, v)
            } else {
                v.to_string()
            }
        })
        .collect();
    let mut passages: Vec<String> = facts
        .iter()
        .zip(&values)
        .map(|(f, v)| f.sentence_with(lang, v))
        .collect();
    // Retrieved chunks also hold headings and sentences without facts.
    if rng.below(3) == 0 {
        let at = rng.below(passages.len() + 1);
        passages.insert(at, filler(rng, lang));
    }
    let question = match by_value {
        true => target
            .by_value_question(rng, lang, &values[at])
            .unwrap_or(question),
        false => question,
    };
    let mut chat = rag_chat(lang, &passages, &question);
    let answer = if answerable {
        target.answer_with(lang, &values[at])
    } else {
        not_in_context(lang).to_string()
    };
    chat.push(Message::new(Role::Assistant, answer));
    chat
}

/// Training dialogs for the retrieval model: a context and a question about one of its facts
/// (answer: the sentence with the value; its question worded a little differently by [`vary`]
/// about every second time), one in twelve about none of them (answer: "not in the
/// context"), and one in five asking for a search query instead. `mix` sets how crowded the
/// contexts are (other facts, their kind and form, twins) and how often a question asks by a
/// name or number ([`Mix`]).
pub fn training_dialogs(seed: u64, count: usize, mix: Mix) -> Vec<Vec<Message>> {
    let mut rng = Rng::new(seed);
    (0..count).map(|_| dialog(&mut rng, mix)).collect()
}

/// Offline "web" snippets for the web-search mode: when the school's rooms open, with values of
/// their own (the web need not agree with the handbook) and a made-up source each.
pub fn web_snippets(lang: Lang) -> Vec<(String, String)> {
    let mut rng = Rng::new(0x0E_B5);
    let sites = ["stadtinfo.example", "freizeit.example", "schulnetz.example"];
    let rooms = super::knowledge::school::KINDS[0].items.len();
    (0..rooms)
        .map(|item| {
            let f = Fact {
                kind: 0,
                item,
                value: rng.below(6),
                form: 0,
            };
            let extra = match lang {
                Lang::De => "Am Wochenende bleibt geschlossen.",
                Lang::En => "It is closed at weekends.",
            };
            (
                sites[item % sites.len()].to_string(),
                format!("{} {extra}", f.sentence(lang)),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests;

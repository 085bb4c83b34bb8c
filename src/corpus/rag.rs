//! Dialogs that teach the retrieval model to read its context: a context of a few sentences from
//! the knowledge base's kinds ([`super::knowledge`]) with random values, so that no value can be
//! learned by heart, a question in the student's words (a `train` template), and as the answer the
//! sentence that holds the value. Also the prompts of web search: the instruction to write a
//! search query, and offline "web" snippets.

use super::knowledge::{Fact, filler, random_fact};
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

/// A fact of the same kind as `target` about another item, half the time; else any fact.
fn distractor(rng: &mut Rng, target: &Fact) -> Fact {
    let mut f = random_fact(rng);
    if rng.below(2) == 0 {
        f.kind = target.kind;
    }
    f
}

/// One training dialog about a random fact (see [`training_dialogs`]).
fn dialog(rng: &mut Rng) -> Vec<Message> {
    let lang = if rng.below(2) == 0 {
        Lang::De
    } else {
        Lang::En
    };
    let target = random_fact(rng);
    let question = target.train_question(rng, lang);
    if rng.below(5) == 0 {
        return vec![
            Message::new(Role::System, query_instruction(lang)),
            Message::new(Role::User, question),
            Message::new(Role::Assistant, target.query(lang)),
        ];
    }
    // Two to five other sentences, as in three retrieved chunks.
    let mut facts: Vec<Fact> = (0..2 + rng.below(4))
        .map(|_| distractor(rng, &target))
        .filter(|f| (f.kind, f.item) != (target.kind, target.item))
        .collect();
    let answerable = rng.below(8) != 0;
    if answerable {
        let at = rng.below(facts.len() + 1);
        facts.insert(at, target);
    }
    let mut passages: Vec<String> = facts.iter().map(|f| f.sentence(lang)).collect();
    // Retrieved chunks also hold headings and sentences without facts.
    if rng.below(3) == 0 {
        let at = rng.below(passages.len() + 1);
        passages.insert(at, filler(rng, lang));
    }
    let mut chat = rag_chat(lang, &passages, &question);
    let answer = if answerable {
        target.answer(lang)
    } else {
        not_in_context(lang).to_string()
    };
    chat.push(Message::new(Role::Assistant, answer));
    chat
}

/// Training dialogs for the retrieval model: a context and a question about one of its facts
/// (answer: the sentence with the value), one in eight about none of them (answer: "not in the
/// context"), and one in five asking for a search query instead.
pub fn training_dialogs(seed: u64, count: usize) -> Vec<Vec<Message>> {
    let mut rng = Rng::new(seed);
    (0..count).map(|_| dialog(&mut rng)).collect()
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
mod tests {
    use super::*;

    #[test]
    fn dialogs_answer_from_their_context_or_say_it_is_not_there() {
        let d = training_dialogs(1, 400);
        assert_eq!(d.len(), 400);
        let mut answered = 0;
        for chat in &d {
            let answer = &chat.last().unwrap().text;
            if chat[0].text == query_instruction(Lang::De)
                || chat[0].text == query_instruction(Lang::En)
            {
                continue;
            }
            assert_eq!((chat[0].role, chat[1].role), (Role::System, Role::User));
            if answer != not_in_context(Lang::De) && answer != not_in_context(Lang::En) {
                // The answer's value stands in the context.
                let value = answer.trim_end_matches('.').rsplit(' ').next().unwrap();
                assert!(chat[0].text.contains(value), "{answer} / {}", chat[0].text);
                answered += 1;
            }
        }
        assert!(answered > 200, "{answered}");
        assert!(
            d.iter()
                .any(|c| c.last().unwrap().text == not_in_context(Lang::De))
        );
        assert_eq!(training_dialogs(1, 400), d);
        assert_eq!(web_snippets(Lang::De).len(), 10);
    }
}

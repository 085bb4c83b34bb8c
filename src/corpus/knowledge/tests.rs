use super::*;
use crate::rag::bm25::words;
use crate::rag::chunk::chunk;

#[test]
fn the_documents_hold_every_fact_in_at_least_150_sentences_per_language() {
    for lang in Lang::ALL {
        let docs = documents(lang);
        assert_eq!(docs.len(), 2);
        let all: String = docs
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        // One chunk per sentence: the chunker's own sentence split.
        let sentences = chunk("kb", &all, 1000, 0)
            .iter()
            .map(|c| c.text.matches(['.', '?', '!']).count())
            .sum::<usize>();
        assert!(sentences >= 150, "{lang:?}: {sentences} sentences");
        for f in kb_facts() {
            assert!(all.contains(&f.sentence(lang)), "{}", f.sentence(lang));
            assert!(f.sentence(lang).contains(f.value(lang)));
            assert!(f.answer(lang).contains(f.value(lang)), "{}", f.answer(lang));
        }
        assert_eq!(documents(lang), docs, "the same text every time");
    }
}

#[test]
fn the_templates_fill_every_placeholder() {
    let mut rng = Rng::new(7);
    for lang in Lang::ALL {
        for (kind, k) in kinds().iter().enumerate() {
            for item in 0..k.items.len() {
                for form in 0..k.forms.len() {
                    let f = Fact {
                        kind,
                        item,
                        value: item,
                        form,
                    };
                    let mut texts = vec![f.sentence(lang), f.answer(lang), f.query(lang)];
                    texts.push(f.train_question(&mut rng, lang));
                    texts.extend((0..4).map(|n| f.eval_question(lang, n)));
                    for t in texts {
                        assert!(!t.contains(['{', '}']) && !t.contains("  "), "{t}");
                    }
                }
            }
        }
    }
    let f = Fact {
        kind: 6,
        item: 4,
        value: 0,
        form: 0,
    };
    assert_eq!(
        f.sentence(Lang::De),
        "Die Post liegt an der Hauptstrasse. Sie ist am Montag geschlossen."
    );
    assert_eq!(f.answer(Lang::De), "Die Post ist am Montag geschlossen.");
    assert_eq!(f.answer(Lang::En), "The post office is closed on Monday.");
    let f = Fact {
        kind: 0,
        item: 0,
        value: 1,
        form: 0,
    };
    assert_eq!(f.sentence(Lang::De), "Die Bibliothek öffnet um acht Uhr.");
    assert_eq!(
        f.eval_question(Lang::De, 0),
        "Sag mir bitte, ab welcher Uhrzeit die Bücherei offen hat."
    );
}

#[test]
fn held_out_questions_use_other_templates_and_other_words_than_their_answer() {
    for k in kinds() {
        for e in k.eval {
            assert!(!k.train.contains(e), "{e:?} is also a training template");
        }
    }
    for lang in Lang::ALL {
        let test = eval_questions(lang);
        assert!(test.len() >= 100, "{}", test.len());
        // Most questions share no word of four or more letters with their answer.
        let shared = test
            .iter()
            .filter(|t| {
                let answer = words(&t.evidence);
                words(&t.question)
                    .iter()
                    .any(|w| w.chars().count() >= 4 && answer.contains(w))
            })
            .count();
        assert!(
            shared * 4 <= test.len(),
            "{lang:?}: {shared} of {} questions share a word with their answer",
            test.len()
        );
    }
}

#[test]
fn known_questions_find_their_evidence() {
    let library = kb_facts()[0];
    assert_eq!(
        evidence_for(Lang::De, " wann öffnet die Bibliothek? "),
        Some(library.sentence(Lang::De))
    );
    assert_eq!(
        evidence_for(Lang::De, "Wann macht die Bücherei auf?"),
        Some(library.sentence(Lang::De))
    );
    for lang in Lang::ALL {
        for t in showcase(lang).iter().chain(&eval_questions(lang)) {
            assert_eq!(
                evidence_for(lang, &t.question).as_deref(),
                Some(t.evidence.as_str()),
                "{}",
                t.question
            );
        }
    }
    assert_eq!(evidence_for(Lang::En, "What is the meaning of life?"), None);
}

#[test]
fn questions_by_value_name_a_rare_word_of_their_evidence_only() {
    for lang in Lang::ALL {
        let questions = by_value_questions(lang);
        assert!(questions.len() >= 20, "{lang:?}: {}", questions.len());
        let docs: String = documents(lang).into_iter().map(|d| d.1).collect();
        for q in &questions {
            assert!(docs.contains(&q.evidence), "{}", q.question);
            // The question shares a word with its evidence that no other fact sentence holds.
            let sentences: Vec<String> = kb_facts().iter().map(|f| f.sentence(lang)).collect();
            let rare = words(&q.question).into_iter().any(|w| {
                let holds = |s: &String| words(s).contains(&w);
                holds(&q.evidence) && sentences.iter().filter(|s| holds(s)).count() <= 2
            });
            assert!(rare, "{} / {}", q.question, q.evidence);
        }
    }
}

#[test]
fn training_asks_by_value_with_other_templates_than_the_test() {
    use super::held_out::BY_VALUE;
    for ((kind, train), (tested, test)) in ASK_BY_VALUE.iter().zip(&BY_VALUE) {
        assert_eq!(kind, tested);
        for lang in Lang::ALL {
            assert!(train.iter().all(|&t| pick(t, lang) != pick(*test, lang)));
        }
    }
    let teacher = Fact {
        kind: 1,
        item: 0,
        value: 0,
        form: 0,
    };
    let room = Fact { kind: 0, ..teacher };
    assert!(teacher.asks_by_value() && !room.asks_by_value());
    for lang in Lang::ALL {
        let q = teacher.by_value_question(&mut Rng::new(1), lang, "Frau Kalomi");
        let q = q.expect("teachers are asked by name");
        assert!(q.contains("Frau Kalomi") && q.ends_with('?'), "{q}");
    }
}

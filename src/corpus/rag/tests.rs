use super::*;

#[test]
fn dialogs_answer_from_their_context_or_say_it_is_not_there() {
    let d = training_dialogs(1, 400, Mix::default());
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
    assert_eq!(training_dialogs(1, 400, Mix::default()), d);
    assert_eq!(web_snippets(Lang::De).len(), 10);
}

#[test]
fn crowded_contexts_hold_more_sentences_of_the_asked_kind() {
    // Sentences in each dialog's context (its system message), dialogs for a search query left out.
    let sentences = |mix: Mix| -> Vec<usize> {
        training_dialogs(3, 300, mix)
            .iter()
            .filter(|c| c.len() == 3 && c[0].text.starts_with(['K', 'C']))
            .map(|c| c[0].text.matches(". ").count() + 1)
            .collect()
    };
    let plain = sentences(Mix::default());
    let crowded = sentences(Mix {
        most_others: 8,
        same_kind: 0.75,
        ..Mix::default()
    });
    // Up to five others, the answering fact and a heading; some facts take two sentences.
    let max = |v: &[usize]| *v.iter().max().unwrap();
    assert!(max(&plain) <= 2 * 6 + 1 && max(&crowded) <= 2 * 9 + 1);
    assert!(max(&crowded) > max(&plain), "{crowded:?}");
    let mean = |v: &[usize]| v.iter().sum::<usize>() as f64 / v.len() as f64;
    assert!(
        mean(&crowded) > mean(&plain) + 0.6,
        "{} {}",
        mean(&plain),
        mean(&crowded)
    );
    // With only sentences of the asked kind, every answered dialog's context is of one kind:
    // school hours all say «öffnet» or «geöffnet» ("open").
    let one_kind = training_dialogs(
        4,
        200,
        Mix {
            most_others: 6,
            same_kind: 1.0,
            ..Mix::default()
        },
    );
    assert!(one_kind.iter().any(|c| c.len() == 3
        && c[0].text.matches("open").count() >= 4
        && c[2].text.contains("open")));
    // In one form too: then only the item tells the answering sentence from the others.
    let mut rng = Rng::new(6);
    let target = random_fact(&mut rng);
    let crowd = |same_form| Mix {
        most_others: 6,
        same_kind: 1.0,
        same_form,
        ..Mix::default()
    };
    let forms = |same_form, rng: &mut Rng| {
        (0..100)
            .map(|_| distractor(rng, &target, crowd(same_form)))
            .inspect(|f| assert_eq!(f.kind, target.kind))
            .filter(|f| f.form == target.form)
            .count()
    };
    assert_eq!(forms(1.0, &mut rng), 100);
    assert!(forms(0.0, &mut rng) < 70);
}

#[test]
fn questions_by_value_name_a_value_of_the_context_and_get_its_sentence() {
    let mix = Mix {
        by_value: 1.0,
        ..Mix::default()
    };
    let mut asked = 0;
    for c in training_dialogs(5, 400, mix) {
        for (_, templates) in crate::corpus::knowledge::ASK_BY_VALUE {
            for t in templates {
                let (head, tail) = pick(t, Lang::De).split_once("{v}").unwrap();
                let value = c[1].text.strip_prefix(head);
                let Some(value) = value.and_then(|v| v.strip_suffix(tail)) else {
                    continue;
                };
                // «Welches Fach gibt Frau Kalomi?»: the context and the answer name her.
                assert!(
                    c[0].text.contains(value) && c[2].text.contains(value),
                    "{c:?}"
                );
                asked += 1;
            }
        }
    }
    assert!(asked > 10, "{asked}");
}

#[test]
fn twins_put_the_asked_item_into_the_context_in_another_kind() {
    let mix = Mix {
        twin: 1.0,
        ..Mix::default()
    };
    // Teachers (kind 1) and rooms (kind 2) are about the same subjects.
    let both = |mix: Mix| {
        training_dialogs(7, 300, mix)
            .iter()
            .filter(|c| c.len() == 3 && c[0].text.contains("Raum"))
            .filter(|c| c[0].text.contains("unterrichtet"))
            .count()
    };
    let (twinned, plain) = (both(mix), both(Mix::default()));
    assert!(twinned > plain + 5, "{twinned} {plain}");
}

#[test]
fn made_up_values_keep_their_shape() {
    let mut rng = Rng::new(2);
    for _ in 0..30 {
        let name = made_up_value(&mut rng, "Frau Weber");
        let rest = name.strip_prefix("Frau ").expect(&name);
        assert!(
            rest.starts_with(char::is_uppercase) && rest.len() >= 4,
            "{name}"
        );
        let n: usize = made_up_value(&mut rng, "4").parse().unwrap();
        assert!((1..=99).contains(&n));
        let word = made_up_value(&mut rng, "an den See");
        assert!(
            word.starts_with("an den ") && !word.ends_with("See"),
            "{word}"
        );
        assert!(made_up_value(&mut rng, "sieben").starts_with(char::is_lowercase));
    }
}

#[test]
fn varied_questions_keep_the_item_and_learn_no_held_out_word() {
    use crate::corpus::knowledge::kinds;
    for lang in Lang::ALL {
        // Every word of the held-out templates, stop words included.
        let held_out: Vec<String> = kinds()
            .iter()
            .flat_map(|k| k.eval.iter())
            .flat_map(|&p| pick(p, lang).split(|c: char| !c.is_alphanumeric()))
            .map(str::to_lowercase)
            .collect();
        for f in FILLERS {
            let w = pick(f, lang);
            assert!(!held_out.contains(&w.to_string()), "{w}");
        }
    }
    let names = ["Bibliothek", "Bücherei"];
    let question = "Hallo. Wann macht die Bücherei auf?";
    let mut rng = Rng::new(5);
    let varied: Vec<String> = (0..60)
        .map(|_| vary(&mut rng, question, &names, Lang::De))
        .collect();
    for v in &varied {
        assert!(v.starts_with("Hallo. ") && v.ends_with(" auf?"), "{v}");
        assert!(v.contains("Bücherei"), "{v}");
    }
    // Words left out and fillers put in, each some of the time; most questions stay.
    assert!(varied.iter().any(|v| v.split(' ').count() == 5));
    assert!(varied.iter().any(|v| {
        FILLERS
            .iter()
            .any(|f| v.starts_with(&format!("Hallo. Wann {} ", f.0)))
    }));
    assert!(varied.iter().filter(|v| v.as_str() == question).count() > 15);
}

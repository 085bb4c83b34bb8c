//! The checked questions on the built-in models, natively: every question of every lesson is
//! asked with two prompts; its expected answer is accepted and a wrong one rejected, and several
//! answers are recomputed here from the model's own numbers.
#![cfg(not(target_arch = "wasm32"))]

use lupe::chapters::Chapter;
use lupe::i18n::Lang;
use lupe::lesson::facts::{Facts, RagFacts};
use lupe::lesson::lesson;
use lupe::lesson::questions::{Expect, Question, Reply};
use lupe::model::softmax::softmax;
use lupe::sampling::Sampling;
use lupe::session::{Analysis, Loaded, analyse};
use lupe::training::trainer::LogEntry;

fn builtin(name: &str) -> Loaded {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/models")
        .join(name);
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    Loaded::from_files(
        &read("config.json"),
        &std::fs::read(dir.join("model.safetensors")).unwrap(),
        &read("tokenizer.json"),
        Some(&read("training_log.json")),
    )
    .unwrap()
}

fn log(steps: &[(usize, f32)]) -> Vec<LogEntry> {
    steps
        .iter()
        .map(|&(step, train_loss)| LogEntry {
            step,
            lr: 1e-3,
            train_loss,
            val_loss: None,
            grad_norm: 1.0,
            tokens: 0,
        })
        .collect()
}

fn facts<'a>(
    lang: Lang,
    loaded: &'a Loaded,
    analysis: &'a Analysis,
    lab: &'a [LogEntry],
    rag: &'a RagFacts,
) -> Facts<'a> {
    Facts {
        lang,
        loaded,
        analysis,
        layer: 1,
        head: 2,
        token: None,
        sampling: Sampling {
            temperature: 0.8,
            top_k: 0,
            top_p: 0.9,
        },
        seed: 5,
        max_new: 12,
        norm: 0,
        chat: Some(loaded),
        lab_log: lab,
        rag: Some(rag),
    }
}

/// A reply that must be accepted, and one that must be rejected.
fn right_and_wrong(e: &Expect) -> (Reply, Reply) {
    match e {
        Expect::Choice { options, correct } => (
            Reply::Choice(*correct),
            Reply::Choice((correct + 1) % options.len()),
        ),
        Expect::Many { correct, .. } => {
            let mut wrong = correct.clone();
            wrong[0] = !wrong[0];
            (Reply::Many(correct.clone()), Reply::Many(wrong))
        }
        Expect::Number { value, tolerance } => (
            Reply::Number(*value + tolerance * 0.5),
            Reply::Number(value + tolerance + 1.0),
        ),
    }
}

#[test]
fn every_question_accepts_its_answer_and_rejects_a_wrong_one_with_two_prompts() {
    let loaded = builtin("chat");
    let lab = log(&[(1, 7.1), (50, 4.2), (100, 3.3)]);
    for (lang, prompt) in [
        (Lang::De, "Der Vater spielt mit dem"),
        (Lang::En, "The king rules the land and the"),
    ] {
        let analysis = analyse(&loaded, prompt);
        let rag = RagFacts {
            question: "Wann öffnet die Bibliothek?".into(),
            chunks: vec![
                "Die Bibliothek öffnet um acht Uhr.".into(),
                "Die Mensa öffnet um neun Uhr.".into(),
            ],
            vector_hits: vec![1],
            keyword_hits: vec![0, 1],
            answer_sentence: Some("Die Bibliothek öffnet um acht Uhr.".into()),
        };
        let f = facts(lang, &loaded, &analysis, &lab, &rag);
        let mut asked = 0;
        for c in Chapter::ALL {
            for &q in lesson(c).unwrap().questions {
                let a = q
                    .ask(&f)
                    .unwrap_or_else(|why| panic!("{q:?} in {lang:?}: {}", why.0));
                assert!(
                    !a.text.contains('{'),
                    "{q:?}: unfilled placeholder in {}",
                    a.text
                );
                let (right, wrong) = right_and_wrong(&a.expect);
                let yes = a.check(&right, lang);
                assert!(yes.correct, "{q:?}: {}", yes.feedback);
                assert!(!yes.feedback.contains('{'), "{q:?}: {}", yes.feedback);
                let no = a.check(&wrong, lang);
                assert!(!no.correct, "{q:?} accepted a wrong reply");
                assert!(!no.feedback.contains('{'), "{q:?}: {}", no.feedback);
                asked += 1;
            }
        }
        assert!(asked >= 20);
    }
}

#[test]
fn answers_are_the_models_own_numbers() {
    let loaded = builtin("chat");
    let analysis = analyse(&loaded, "Der Vater spielt mit dem");
    let trace = analysis.trace.as_ref().unwrap();
    let (lab, rag) = (
        log(&[(1, 7.0), (20, 5.0)]),
        RagFacts {
            question: String::new(),
            chunks: vec![],
            vector_hits: vec![],
            keyword_hits: vec![],
            answer_sentence: None,
        },
    );
    let f = facts(Lang::De, &loaded, &analysis, &lab, &rag);

    // The argmax of α in layer 2, head 3, for the last token.
    let row = trace.layers[1].block.attention[2].weights.row(4);
    let best = (0..5).max_by(|&a, &b| row[a].total_cmp(&row[b])).unwrap();
    match Question::AttArgmax.ask(&f).unwrap().expect {
        Expect::Choice { correct, .. } => assert_eq!(correct, best),
        e => panic!("{e:?}"),
    }
    // The top probability at temperature 0.5.
    let p = softmax(trace.logits.row(0), 0.5)
        .into_iter()
        .fold(0.0f32, f32::max);
    match Question::LogTopProb.ask(&f).unwrap().expect {
        Expect::Number { value, tolerance } => {
            assert!((value - p as f64 * 100.0).abs() < 1e-4);
            assert_eq!(tolerance, 2.0);
        }
        e => panic!("{e:?}"),
    }
    // The first token gives the last one nothing: the mask.
    match Question::AttLater.ask(&f).unwrap().expect {
        Expect::Number { value, .. } => assert_eq!(value, 0.0),
        e => panic!("{e:?}"),
    }
    // A user token does not count in the SFT loss, an answer token does.
    for (q, counts) in [
        (Question::RoleUserCounts, false),
        (Question::RoleAnswerCounts, true),
    ] {
        match q.ask(&f).unwrap().expect {
            Expect::Choice { correct, .. } => assert_eq!(correct, usize::from(!counts), "{q:?}"),
            e => panic!("{e:?}"),
        }
    }
    // The loss fell from 7.0 to 5.0.
    match Question::LabLossTrend.ask(&f).unwrap().expect {
        Expect::Choice { correct, .. } => assert_eq!(correct, 1),
        e => panic!("{e:?}"),
    }
    // Without a handbook question the retrieval question says why it cannot be asked.
    let why = Question::RagWhichSearch.ask(&f).unwrap_err();
    assert!(why.0.contains("Handbuch"), "{}", why.0);
    // Without a run, the lab question says so instead of failing.
    let f = Facts { lab_log: &[], ..f };
    assert!(Question::LabLossTrend.ask(&f).is_err());
}

#[test]
fn an_empty_prompt_is_explained_not_failed() {
    let loaded = builtin("chat");
    let analysis = analyse(&loaded, "");
    let rag = RagFacts {
        question: String::new(),
        chunks: vec![],
        vector_hits: vec![],
        keyword_hits: vec![],
        answer_sentence: None,
    };
    let f = facts(Lang::En, &loaded, &analysis, &[], &rag);
    for q in [
        Question::AttArgmax,
        Question::TokCount,
        Question::LogTopProb,
        Question::GenStop,
        Question::EmbNearest,
    ] {
        let why = q.ask(&f).unwrap_err();
        assert!(why.0.contains("prompt"), "{q:?}: {}", why.0);
    }
    // Questions about the model itself still work.
    assert!(Question::FfnShare.ask(&f).is_ok());
}

//! Quality of the shipped built-in models (www/models/base and www/models/chat): the recorded
//! validation loss, continuations of the seed's prompts, chat answers in the role format that
//! stop at the end token, and the seed's examples of meaning in the embedding table.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use lupe::chat::{self, Message, Role};
use lupe::model::embedding::{analogy, nearest};
use lupe::model::generate::{GenerateOptions, StopReason, generate};
use lupe::model::{Gpt, LogitRows, load_dir};
use lupe::sampling::Sampling;
use lupe::tokenizer::{Tokenizer, formats};

fn folder(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("www/models")
        .join(name)
}

fn load(name: &str) -> (Gpt, Tokenizer) {
    let dir = folder(name);
    (load_dir(&dir).unwrap(), formats::load(&dir).unwrap())
}

fn log(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(folder(name).join("training_log.json")).unwrap())
        .unwrap()
}

/// The token of a word in running text (" König").
fn word(t: &Tokenizer, w: &str) -> u32 {
    match t.encode(&format!(" {w}"))[..] {
        [id] => id,
        ref ids => panic!("{w:?} is {} tokens", ids.len()),
    }
}

fn label(t: &Tokenizer, id: u32) -> String {
    t.token_view(id).label.trim().to_string()
}

#[test]
fn both_models_fit_in_six_megabytes_with_every_file() {
    let mut total = 0;
    for name in ["base", "chat"] {
        for f in [
            "config.json",
            "model.safetensors",
            "tokenizer.json",
            "training_log.json",
        ] {
            let meta = std::fs::metadata(folder(name).join(f))
                .unwrap_or_else(|_| panic!("{name}/{f} is missing"));
            total += meta.len();
        }
        let (model, tokenizer) = load(name);
        assert!(
            model.config.d_model <= 128 && model.config.n_layer <= 4 && model.config.n_head <= 4
        );
        assert!(model.config.n_ctx >= 64);
        assert!((1000..=4096).contains(&tokenizer.vocab_size()));
    }
    assert!(total <= 6 << 20, "{total} bytes");
}

/// The recorded validation loss. The threshold, 1.0 nat per token, means the model has narrowed
/// the next token down to e¹ ≈ 2.7 equally likely candidates on average, out of about 1,400 —
/// a uniform guess would score ln 1400 ≈ 7.2, and a model that only knew word frequencies (a
/// unigram model) about 5.
#[test]
fn validation_loss_is_recorded_and_low() {
    let base = log("base");
    let val = base["final_val_loss"].as_f64().unwrap();
    assert!(val < 1.0, "base validation loss {val}");
    let entries = base["log"].as_array().unwrap();
    assert!(entries.len() >= 100);
    let first = entries.iter().find_map(|e| e["val_loss"].as_f64()).unwrap();
    assert!(first > val);
    let chat = log("chat");
    assert!(chat["final_val_loss"].as_f64().unwrap() < 1.0);
}

/// The likeliest next words after a prompt.
fn top_next(model: &Gpt, t: &Tokenizer, prompt: &str, k: usize) -> Vec<String> {
    let logits = model.forward(&t.encode(prompt), LogitRows::Last).unwrap();
    let mut ids: Vec<usize> = (0..logits.cols).collect();
    ids.sort_by(|&a, &b| logits.data[b].total_cmp(&logits.data[a]));
    ids[..k].iter().map(|&i| label(t, i as u32)).collect()
}

#[test]
fn the_base_model_continues_the_seed_prompts_plausibly() {
    let (model, t) = load("base");
    let de = top_next(&model, &t, "Der König regiert das", 3);
    assert!(de.contains(&"Land".to_string()), "{de:?}");
    let en = top_next(&model, &t, "The king rules the", 3);
    assert!(en.contains(&"land".to_string()), "{en:?}");
    // A whole greedy continuation reads like the corpus.
    let out = generate(
        &model,
        &t.encode("Die Königin"),
        GenerateOptions {
            max_new_tokens: 8,
            sampling: Sampling::GREEDY,
            seed: 0,
            end_token: t.special_id(chat::END),
        },
    )
    .unwrap();
    let text = t.decode(&out.tokens).unwrap();
    assert!(
        text.starts_with(' ') && text.chars().filter(|c| c.is_alphabetic()).count() > 8,
        "{text:?}"
    );
}

/// Questions that were kept out of the SFT dialogs: the answers follow the learned form and stop
/// at the end token. (Their facts can be wrong — "Drei plus vier ist acht." — which is the seed
/// text's point about SFT: it imitates the form of its examples.)
#[test]
fn the_chat_model_answers_held_out_questions_in_the_role_format() {
    let (model, t) = load("chat");
    let end = t.special_id(chat::END).unwrap();
    let cases = [
        (
            "Du bist ein freundlicher Assistent. Antworte kurz und richtig.",
            "Was macht die Prinzessin?",
            "Die Prinzessin ",
        ),
        (
            "You are a friendly assistant. Answer briefly and correctly.",
            "What colour is the grass?",
            "The ",
        ),
        (
            "Du bist ein hilfsbereiter Assistent.",
            "Was ist drei plus vier?",
            "Drei plus vier ist ",
        ),
        (
            "Du bist ein hilfsbereiter Assistent.",
            "Ist das Schaf ein Tier?",
            "Ja, ",
        ),
    ];
    for (system, question, start) in cases {
        let prompt = chat::prompt(&[
            Message::new(Role::System, system),
            Message::new(Role::User, question),
        ]);
        let ids = t.encode_with(&prompt, true);
        let out = generate(
            &model,
            &ids,
            GenerateOptions {
                max_new_tokens: 40,
                sampling: Sampling::GREEDY,
                seed: 0,
                end_token: Some(end),
            },
        )
        .unwrap();
        assert_eq!(
            out.stop,
            StopReason::EndToken,
            "{question}: no end token in {:?}",
            t.decode(&out.tokens).unwrap()
        );
        let answer = t.decode(&out.tokens[..out.tokens.len() - 1]).unwrap();
        assert!(!answer.contains("<|"), "{question}: {answer:?}");
        assert!(
            answer.starts_with(start) && answer.ends_with('.'),
            "{question}: {answer:?}"
        );
    }
    // Questions it was trained on, it answers correctly.
    for (question, answer) in [
        ("Was macht der König?", "Der König regiert das Land."),
        ("What is a puppy?", "A puppy is a young dog."),
    ] {
        let prompt = chat::prompt(&[
            Message::new(Role::System, "Du bist ein hilfsbereiter Assistent."),
            Message::new(Role::User, question),
        ]);
        let out = generate(
            &model,
            &t.encode_with(&prompt, true),
            GenerateOptions {
                max_new_tokens: 40,
                sampling: Sampling::GREEDY,
                seed: 0,
                end_token: Some(end),
            },
        )
        .unwrap();
        assert_eq!(
            t.decode(&out.tokens).unwrap(),
            format!("{answer}{}", chat::END)
        );
    }
}

fn nearest_words(model: &Gpt, t: &Tokenizer, w: &str, k: usize) -> Vec<String> {
    let table = &model.weights.token_embedding;
    let id = word(t, w);
    nearest(table, table.row(id as usize), k, &[id])
        .into_iter()
        .map(|(i, _)| label(t, i))
        .collect()
}

fn analogy_words(model: &Gpt, t: &Tokenizer, a: &str, b: &str, c: &str) -> Vec<String> {
    let table = &model.weights.token_embedding;
    analogy(table, word(t, a), word(t, b), word(t, c), 3)
        .into_iter()
        .map(|(i, _)| label(t, i))
        .collect()
}

#[test]
fn embeddings_show_the_seed_texts_relations() {
    let (model, t) = load("base");
    for (w, neighbour, k) in [
        ("Hund", "Hundewelpe", 3),
        ("dog", "puppy", 3),
        ("Auto", "Fahrzeug", 3),
        ("car", "vehicle", 3),
        ("heiss", "kalt", 5),
        ("hot", "cold", 5),
        ("Hund", "Katze", 10),
        ("meal", "food", 3),
        // German nouns also sort by grammatical gender (das Essen, die Mahlzeit), so "near" here
        // means within the closest 1 % of the vocabulary.
        ("Essen", "Mahlzeit", t.vocab_size() / 100),
    ] {
        let near = nearest_words(&model, &t, w, k);
        assert!(
            near.contains(&neighbour.to_string()),
            "{neighbour} is not among the {k} nearest of {w}: {near:?}"
        );
    }
    for (a, b, c, expected) in [
        ("König", "Mann", "Frau", "Königin"),
        ("king", "man", "woman", "queen"),
    ] {
        let top = analogy_words(&model, &t, a, b, c);
        assert!(
            top.contains(&expected.to_string()),
            "{a} − {b} + {c}: {top:?}"
        );
    }
}

/// The seed's "typical context patterns" (Essen appears with kochen and Mahlzeit) are what the
/// model expects next, rather than a similarity of vectors.
#[test]
fn the_model_knows_which_words_go_together() {
    let (model, t) = load("base");
    for (prompt, expected) in [
        ("Die Mutter kocht das", "Essen"),
        ("Nach dem Kochen essen alle zusammen eine", "Mahlzeit"),
        ("The father cooks the", "food"),
    ] {
        let top = top_next(&model, &t, prompt, 3);
        assert!(top.contains(&expected.to_string()), "{prompt} → {top:?}");
    }
}

/// The tokens chapter replays the built-in tokenizer's training on the same text with the same
/// trainer: its rules must come out in the vocabulary's own order, and the seed it uses must be
/// the one `training/base.json` trains with.
#[test]
fn the_tokenizer_replay_reproduces_the_built_in_merges() {
    use lupe::corpus::{self, BUILTIN_SEED, Sizes};
    use lupe::tokenizer::train::{Mode, Trainer};
    let config: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("training/base.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(config["seed"], BUILTIN_SEED);
    let texts: Vec<String> = corpus::generate(BUILTIN_SEED, Sizes::BUILTIN)
        .sources()
        .iter()
        .map(|(_, d)| corpus::tokenizer_text(d))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut trainer = Trainer::new(Mode::ByteLevel, &refs);
    let (_, tokenizer) = load("base");
    let merges = tokenizer.bpe().merge_list();
    for (rank, &(left, right)) in merges.iter().take(40).enumerate() {
        let step = trainer.step().expect("a pair to merge");
        assert_eq!((step.left, step.right), (left, right), "rule {}", rank + 1);
    }
}

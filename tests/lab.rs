//! The training lab's phases natively (the same code runs in the page's Web Worker): SFT's loss
//! mask, the reward model on a toy preference set, a policy step, and a short pretraining run.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use lupe::chat::{self, Message, Role};
use lupe::lab::pretrain::{PretrainSettings, TextSource};
use lupe::lab::reward::{Comparison, RewardModel};
use lupe::lab::rlhf::{Policy, PolicySettings};
use lupe::lab::{Command, Event, Lab};
use lupe::model::weights::Weights;
use lupe::model::{Gpt, load_dir};
use lupe::tokenizer::{Tokenizer, formats};
use lupe::training::backward::backward;
use lupe::training::forward::{Batch, forward};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn builtin(name: &str) -> (Gpt, Tokenizer) {
    let dir = root().join("www/models").join(name);
    (load_dir(&dir).unwrap(), formats::load(&dir).unwrap())
}

fn tiny() -> Gpt {
    load_dir(&root().join("tests/model/tiny-gpt2")).unwrap()
}

fn grads(model: &Gpt, batch: &Batch) -> Weights {
    let (_, acts) = forward(model, batch).unwrap();
    let mut g = Weights::zeros(&model.config);
    backward(model, batch, &acts, &mut g);
    g
}

#[test]
fn sft_masking_gives_no_gradient_from_user_tokens() {
    let (model, tokenizer) = builtin("base");
    let dialog = [
        Message::new(Role::User, "Was frisst ein Hund?"),
        Message::new(Role::Assistant, "Ein Hund frisst Fleisch."),
    ];
    let (ids, roles) = chat::encode(&tokenizer, &dialog);
    let mask = chat::loss_mask(&roles);
    let n = ids.len() - 1;
    let batch = Batch {
        batch: 1,
        seq_len: n,
        inputs: ids[..n].to_vec(),
        targets: ids[1..].to_vec(),
        mask: mask[1..].to_vec(),
    };
    let user_targets: Vec<usize> = (0..n)
        .filter(|&t| roles[t + 1] == Some(Role::User))
        .collect();
    assert!(user_targets.len() >= 4);
    assert!(user_targets.iter().all(|&t| batch.mask[t] == 0.0));
    // Other user tokens as targets change nothing: they do not count.
    let mut other = batch.clone();
    for &t in &user_targets {
        other.targets[t] = (other.targets[t] + 7) % model.config.vocab_size as u32;
    }
    let (a, b) = (grads(&model, &batch), grads(&model, &other));
    assert_eq!(a, b);
    // Assistant targets do count.
    let t = (0..n)
        .rfind(|&t| roles[t + 1] == Some(Role::Assistant))
        .unwrap();
    let mut changed = batch.clone();
    changed.targets[t] = (changed.targets[t] + 7) % model.config.vocab_size as u32;
    assert_ne!(grads(&model, &changed), a);
}

/// Toy preferences on the tiny model: answers holding token 5 are preferred to the same length
/// of other tokens.
fn toy_preferences() -> Vec<Comparison> {
    (0..6u32)
        .map(|i| Comparison {
            chosen: vec![1, 2, 10 + i, 5, 5, 20 + i],
            rejected: vec![1, 2, 10 + i, 30 + i, 40 + i, 20 + i],
        })
        .collect()
}

#[test]
fn the_reward_model_learns_to_score_preferred_answers_higher() {
    let mut rm = RewardModel::from(&tiny());
    let prefs = toy_preferences();
    assert!(
        prefs
            .iter()
            .all(|c| rm.score(&c.chosen) == rm.score(&c.rejected))
    );
    let first = rm.train_step(&prefs, 3e-3);
    assert!(
        (first - std::f32::consts::LN_2).abs() < 1e-4,
        "an untrained head scores all 0: loss ln 2"
    );
    let mut last = first;
    for _ in 0..40 {
        last = rm.train_step(&prefs, 3e-3);
    }
    assert!(last < 0.1, "Bradley–Terry loss {first} → {last}");
    for c in &prefs {
        assert!(rm.score(&c.chosen) > rm.score(&c.rejected));
    }
    // A pair it has not seen: token 5 still wins.
    assert!(rm.score(&[1, 2, 17, 5, 5, 29]) > rm.score(&[1, 2, 17, 33, 44, 29]));
}

#[test]
fn policy_steps_raise_the_mean_reward_and_report_the_kl() {
    let mut rm = RewardModel::from(&tiny());
    let prefs = toy_preferences();
    for _ in 0..40 {
        rm.train_step(&prefs, 3e-3);
    }
    let mut policy = Policy::new(tiny());
    let settings = PolicySettings {
        samples: 8,
        max_tokens: 6,
        temperature: 1.0,
        beta: 0.02,
        lr: 1e-2,
    };
    let prompt = [1u32, 2, 3];
    let mut reports = Vec::new();
    for _ in 0..12 {
        reports.push(policy.step(&prompt, &rm, settings, None, 3).unwrap());
    }
    let early: f32 = reports[..3].iter().map(|r| r.mean_reward).sum::<f32>() / 3.0;
    let late: f32 = reports[9..].iter().map(|r| r.mean_reward).sum::<f32>() / 3.0;
    assert!(late > early, "mean reward {early} → {late}");
    assert_eq!(
        reports[0].kl, 0.0,
        "the first samples come from the reference itself"
    );
    assert!(reports.last().unwrap().kl.is_finite() && reports.last().unwrap().kl != 0.0);
}

#[test]
fn a_short_pretraining_run_in_the_lab_lowers_the_loss_and_stops_on_bad_input() {
    let mut lab = Lab::new(builtin("base"), builtin("chat"));
    let settings = PretrainSettings {
        source: TextSource::Sentences,
        d_model: 32,
        n_layer: 1,
        seq_len: 32,
        vocab_size: 400,
        ..PretrainSettings::default()
    };
    let events = lab.handle(Command::Pretrain(settings.clone()));
    let Event::Prepared(p) = &events[0] else {
        panic!("{events:?}")
    };
    assert_eq!(p.sources.len(), 1);
    assert_eq!(p.example_block.len(), 33);
    assert_eq!(p.merges.len(), 40);
    assert!(p.merges[0].count >= p.merges[1].count);
    let mut losses = Vec::new();
    while losses.len() < 60 {
        for e in lab.work(&|| false, &|| 0.0) {
            if let Event::Progress(p) = e {
                losses.extend(p.entries.iter().map(|e| e.train_loss));
                assert_eq!(p.token_losses.unwrap().losses.len(), 32);
            }
        }
    }
    let head: f32 = losses[..5].iter().sum::<f32>() / 5.0;
    let tail: f32 = losses[losses.len() - 5..].iter().sum::<f32>() / 5.0;
    assert!(tail < head - 1.0, "loss {head} → {tail}");
    assert_eq!(lab.handle(Command::Pause), vec![Event::Paused]);
    assert!(!lab.busy());

    // Bad input: empty own text, a huge one (capped), a NaN learning rate.
    let empty = PretrainSettings {
        source: TextSource::Own,
        ..settings.clone()
    };
    assert!(
        matches!(&lab.handle(Command::Pretrain(empty))[0], Event::Error(m) if m.contains("empty"))
    );
    let tiny_text = PretrainSettings {
        source: TextSource::Own,
        own_text: "Hallo Welt.".into(),
        ..settings.clone()
    };
    assert!(
        matches!(&lab.handle(Command::Pretrain(tiny_text))[0], Event::Error(m) if m.contains("too short"))
    );
    let huge = PretrainSettings {
        source: TextSource::Own,
        own_text: "Der Hund läuft über die Wiese. ".repeat(40_000),
        ..settings.clone()
    };
    let Event::Prepared(p) = &lab.handle(Command::Pretrain(huge))[0] else {
        panic!()
    };
    assert_eq!(
        p.capped_from,
        Some(33 * 40_000 - 1),
        "bytes of the trimmed text"
    );
    assert!(p.sources[0].chars <= lupe::lab::pretrain::MAX_TEXT_BYTES);
    assert!(matches!(
        &lab.handle(Command::SetLr(f32::NAN))[0],
        Event::Error(_)
    ));
}

//! The training loop on a tiny model: the loss falls, runs repeat exactly for a seed, a resumed
//! run equals an uninterrupted one, and a learning rate that blows up stops with the weights kept.
#![cfg(not(target_arch = "wasm32"))]

use lupe::model::{Config, Gpt, Positions};
use lupe::training::data::{Batcher, Source};
use lupe::training::trainer::{Settings, Trainer};

fn config() -> Config {
    Config {
        vocab_size: 16,
        n_ctx: 16,
        d_model: 16,
        n_head: 2,
        n_layer: 2,
        d_ff: 32,
        layer_norm_eps: 1e-5,
        positions: Positions::Learned,
    }
}

/// A repetitive "language": 0 1 2 … 7 then 8 9 … 15, over and over, with a little noise.
fn source() -> Source {
    let tokens: Vec<u32> = (0..3000u32)
        .map(|i| if i % 97 == 0 { 3 } else { i % 16 })
        .collect();
    Source {
        name: "counting".into(),
        mask: vec![1.0; tokens.len()],
        tokens,
        weight: 1.0,
    }
}

fn settings(steps: usize, lr: f32) -> Settings {
    Settings {
        steps,
        batch_size: 8,
        lr,
        min_lr: lr / 10.0,
        warmup: 5,
        weight_decay: 0.1,
        grad_clip: 1.0,
        eval_every: 10,
    }
}

fn trainer(steps: usize, lr: f32) -> Trainer {
    let batcher = Batcher::new(vec![source()], 12, 0.1, 5).unwrap();
    Trainer::new(
        Gpt::random(config(), 3).unwrap(),
        batcher,
        settings(steps, lr),
    )
    .unwrap()
}

#[test]
fn loss_falls_and_runs_repeat() {
    let mut t = trainer(60, 1e-2);
    let first_val = t.validate().unwrap();
    while !t.done() {
        t.step().unwrap();
    }
    let log = t.log();
    let last_val = log.last().unwrap().val_loss.unwrap();
    assert!(
        (first_val - (16f32).ln()).abs() < 0.3,
        "an untrained model is close to uniform: {first_val}"
    );
    assert!(
        last_val < 0.5 * first_val,
        "validation loss {first_val} → {last_val}"
    );
    assert!(log.iter().filter(|e| e.val_loss.is_some()).count() == 6);
    let mut again = trainer(60, 1e-2);
    while !again.done() {
        again.step().unwrap();
    }
    assert_eq!(again.log(), log);
    assert_eq!(again.model, t.model);
}

#[test]
fn resuming_from_a_checkpoint_equals_an_uninterrupted_run() {
    let mut straight = trainer(20, 1e-2);
    while !straight.done() {
        straight.step().unwrap();
    }
    let mut first = trainer(20, 1e-2);
    for _ in 0..7 {
        first.step().unwrap();
    }
    let checkpoint = first.checkpoint();
    let batcher = Batcher::new(vec![source()], 12, 0.1, 5).unwrap();
    let mut resumed = Trainer::resume(
        Gpt::random(config(), 99).unwrap(),
        batcher,
        settings(20, 1e-2),
        checkpoint,
    )
    .unwrap();
    while !resumed.done() {
        resumed.step().unwrap();
    }
    assert_eq!(resumed.model, straight.model);
    assert_eq!(resumed.log(), straight.log());
}

#[test]
fn a_learning_rate_that_blows_up_stops_and_keeps_the_weights() {
    let mut t = trainer(50, 1e30);
    let mut last_good = t.model.clone();
    let err = loop {
        match t.step() {
            Ok(_) => last_good = t.model.clone(),
            Err(e) => break e,
        }
    };
    assert!(err.to_string().contains("stopped being a number"), "{err}");
    assert_eq!(t.model, last_good);
    assert!(
        t.model
            .weights
            .params()
            .iter()
            .all(|(p, _)| p.iter().all(|v| v.is_finite()))
    );
}

#[test]
fn bad_settings_are_named() {
    let batcher = Batcher::new(vec![source()], 32, 0.1, 5).unwrap();
    let e = Trainer::new(
        Gpt::random(config(), 3).unwrap(),
        batcher,
        settings(5, 1e-2),
    )
    .err()
    .unwrap();
    assert!(
        e.to_string()
            .contains("longer than the model's context of 16"),
        "{e}"
    );
    let batcher = Batcher::new(vec![source()], 12, 0.1, 5).unwrap();
    let e = Trainer::new(
        Gpt::random(config(), 3).unwrap(),
        batcher,
        settings(5, -1.0),
    )
    .err()
    .unwrap();
    assert!(e.to_string().contains("learning rate"));
}

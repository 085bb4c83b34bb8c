//! The hand-written backward pass against PyTorch autograd (tests/training/make_fixture.py) and
//! against finite differences.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use lupe::model::checkpoint::load_safetensors;
use lupe::model::weights::Weights;
use lupe::model::{Config, Gpt, Positions, load_dir};
use lupe::training::backward::backward;
use lupe::training::forward::{Batch, forward};
use serde::Deserialize;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[derive(Deserialize)]
struct Fixture {
    inputs: Vec<Vec<u32>>,
    targets: Vec<Vec<u32>>,
    mask: Vec<Vec<f32>>,
    loss: f32,
}

fn batch_of(f: &Fixture) -> Batch {
    Batch {
        batch: f.inputs.len(),
        seq_len: f.inputs[0].len(),
        inputs: f.inputs.concat(),
        targets: f.targets.concat(),
        mask: f.mask.concat(),
    }
}

#[test]
fn gradients_match_pytorch_autograd() {
    let model = load_dir(&root().join("tests/model/tiny-gpt2")).unwrap();
    let f: Fixture = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/training/batch.json")).unwrap(),
    )
    .unwrap();
    let batch = batch_of(&f);
    let (loss, acts) = forward(&model, &batch).unwrap();
    assert!(
        (loss - f.loss).abs() < 1e-5,
        "loss {loss} vs PyTorch {}",
        f.loss
    );
    let mut grads = Weights::zeros(&model.config);
    backward(&model, &batch, &acts, &mut grads);
    let torch = load_safetensors(
        &model.config,
        &std::fs::read(root().join("tests/training/grads.safetensors")).unwrap(),
    )
    .unwrap();
    let names = lupe::model::weights::tensor_shapes(&model.config);
    for (((ours, _), (theirs, _)), (name, _)) in
        grads.params().iter().zip(torch.params()).zip(names)
    {
        let scale = theirs.iter().fold(0.0f32, |m, v| m.max(v.abs())).max(1e-6);
        let worst = ours
            .iter()
            .zip(theirs)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        assert!(
            worst <= 1e-4 * scale.max(1.0),
            "{name}: max difference {worst} (largest gradient {scale})"
        );
    }
}

#[test]
fn gradients_match_finite_differences() {
    // A tiny model with an odd vocabulary, in f32: compare the
    // analytic gradient with (L(θ+ε) − L(θ−ε)) / 2ε for a sample of parameters.
    let config = Config {
        vocab_size: 23,
        n_ctx: 8,
        d_model: 8,
        n_head: 2,
        n_layer: 2,
        d_ff: 16,
        layer_norm_eps: 1e-5,
        positions: Positions::Learned,
    };
    let mut model = Gpt::random(config.clone(), 11).unwrap();
    // Larger weights than GPT-2's init, so that every part of the network matters.
    for (k, p) in model.weights.params_mut().into_iter().enumerate() {
        for (i, v) in p.iter_mut().enumerate() {
            *v += (((i * 31 + k * 7) % 17) as f32 / 17.0 - 0.5) * 0.6;
        }
    }
    let batch = Batch {
        batch: 2,
        seq_len: 5,
        inputs: vec![1, 5, 9, 2, 22, 0, 3, 3, 7, 19],
        targets: vec![5, 9, 2, 22, 4, 3, 3, 7, 19, 8],
        mask: vec![1., 1., 0., 1., 1., 1., 1., 1., 0., 1.],
    };
    let (_, acts) = forward(&model, &batch).unwrap();
    let mut grads = Weights::zeros(&config);
    backward(&model, &batch, &acts, &mut grads);
    let analytic: Vec<Vec<f32>> = grads.params().iter().map(|(g, _)| g.to_vec()).collect();
    let eps = 1e-2f32;
    let mut checked = 0;
    for (k, grad) in analytic.iter().enumerate() {
        let len = grad.len();
        for i in (0..len).step_by((len / 3).max(1)) {
            let orig = model.weights.params_mut()[k][i];
            model.weights.params_mut()[k][i] = orig + eps;
            let plus = forward(&model, &batch).unwrap().0;
            model.weights.params_mut()[k][i] = orig - eps;
            let minus = forward(&model, &batch).unwrap().0;
            model.weights.params_mut()[k][i] = orig;
            let numeric = (plus - minus) / (2.0 * eps);
            let a = grad[i];
            assert!(
                (a - numeric).abs() <= 2e-3 + 2e-2 * a.abs().max(numeric.abs()),
                "tensor {k} index {i}: analytic {a}, numeric {numeric}"
            );
            checked += 1;
        }
    }
    assert!(checked > 60);
}

#[test]
fn masked_positions_give_no_gradient() {
    // SFT: the loss ignores user tokens. With the mask on a position zeroed, changing that
    // position's target changes nothing.
    let model = load_dir(&root().join("tests/model/tiny-gpt2")).unwrap();
    let mut batch = Batch {
        batch: 1,
        seq_len: 4,
        inputs: vec![5, 17, 300, 42],
        targets: vec![17, 300, 42, 7],
        mask: vec![0., 0., 1., 1.],
    };
    let grads = |b: &Batch| {
        let (loss, acts) = forward(&model, b).unwrap();
        let mut g = Weights::zeros(&model.config);
        backward(&model, b, &acts, &mut g);
        (loss, g)
    };
    let (loss_a, ga) = grads(&batch);
    batch.targets[0] = 250;
    batch.targets[1] = 3;
    let (loss_b, gb) = grads(&batch);
    assert_eq!(loss_a, loss_b);
    assert_eq!(ga, gb);
    // And with everything masked there is no gradient at all.
    batch.mask = vec![0.0; 4];
    let (loss, g) = grads(&batch);
    assert_eq!(loss, 0.0);
    assert!(g.params().iter().all(|(t, _)| t.iter().all(|&v| v == 0.0)));
}

//! GPU checks shared by the native tests (Mesa lavapipe, `tests/gpu_native.rs`) and the browser
//! tests (SwiftShader in headless Chromium, `tests/web.rs`): every kernel and the whole forward
//! pass against the CPU reference, and seeded generation.
#![allow(dead_code)]

use lupe::gpu::{Gpu, GpuModel, Kernels, attention, embedding, ffn, layernorm, matmul, softmax};
use lupe::model::generate::{GenerateOptions, generate};
use lupe::model::{Config, Gpt, LogitRows, Matrix};
use lupe::sampling::Sampling;

/// Deterministic values in about [-scale, scale].
fn values(n: usize, seed: u64, scale: f32) -> Vec<f32> {
    let mut s = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * scale
        })
        .collect()
}

fn matrix(rows: usize, cols: usize, seed: u64, scale: f32) -> Matrix {
    Matrix::from_vec(rows, cols, values(rows * cols, seed, scale)).unwrap()
}

/// max |a − b| ≤ 1e-4 · max(1, max |b|): the tolerance relative to the values' scale.
#[track_caller]
fn close(got: &[f32], want: &[f32], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    let scale = want
        .iter()
        .filter(|v| v.is_finite())
        .fold(1.0f32, |m, v| m.max(v.abs()));
    for (i, (a, b)) in got.iter().zip(want).enumerate() {
        if b.is_infinite() {
            assert_eq!(a, b, "{what}[{i}]");
            continue;
        }
        assert!(
            (a - b).abs() <= 1e-4 * scale,
            "{what}[{i}]: GPU {a} vs CPU {b} (scale {scale})"
        );
    }
}

async fn kernels(gpu: &Gpu) -> Kernels {
    Kernels::new(gpu).await.expect("every kernel compiles")
}

pub async fn matmul_and_matvec_match_the_cpu_on_odd_shapes_and_chunks(gpu: &Gpu) {
    let k = kernels(gpu).await;
    for (n, inp, out, chunk) in [
        (1, 7, 5, None),
        (3, 17, 33, None),
        (17, 40, 19, Some(6)),
        (1, 65, 70, Some(9)),
        (33, 16, 16, None),
        (70, 33, 130, Some(67)),
        (65, 64, 64, None),
        (1, 130, 200, None),
    ] {
        let x = matrix(n, inp, 1, 1.0);
        let w = matrix(out, inp, 2, 0.5);
        let b = values(out, 3, 0.1);
        let want = lupe::model::matrix::linear(&x, &w, Some(&b));
        let got = matmul::linear(gpu, &k, &x, &w, Some(&b), chunk)
            .await
            .unwrap();
        close(&got.data, &want.data, &format!("linear {n}×{inp}·{out}ᵀ"));
        let want = lupe::model::matrix::linear(&x, &w, None);
        let got = matmul::linear(gpu, &k, &x, &w, None, chunk).await.unwrap();
        close(&got.data, &want.data, "linear without bias");
    }
}

pub async fn embedding_layernorm_gelu_and_softmax_match_the_cpu(gpu: &Gpu) {
    let k = kernels(gpu).await;
    // Gather + positions, with the table split into chunks of 4 rows.
    let table = matrix(11, 6, 4, 1.0);
    let pos = matrix(9, 6, 5, 0.3);
    let ids = [10u32, 0, 3, 7, 3];
    let got = embedding::embed(gpu, &k, &table, &pos, &ids, 2, 4)
        .await
        .unwrap();
    let e = lupe::model::embedding::token_embeddings(&table, &ids);
    let p = pos.rows_slice(2, 7);
    close(
        &got.data,
        &lupe::model::embedding::add(&e, &p).data,
        "X = E + P",
    );

    for (n, d) in [(1, 5), (3, 300), (4, 64)] {
        let x = matrix(n, d, 6, 3.0);
        let (g, b) = (values(d, 7, 1.0), values(d, 8, 0.2));
        let want = lupe::model::layernorm::layer_norm(&x, &g, &b, 1e-5);
        let got = layernorm::layer_norm(gpu, &k, &x, &g, &b, 1e-5)
            .await
            .unwrap();
        close(&got.output.data, &want.output.data, "layernorm y");
        close(&got.mean, &want.mean, "layernorm μ");
        close(&got.var, &want.var, "layernorm σ²");
    }

    let x = values(1001, 9, 8.0);
    let got = ffn::gelu(gpu, &k, &x).await.unwrap();
    let want: Vec<f32> = x.iter().map(|&v| lupe::model::ffn::gelu(v)).collect();
    close(&got, &want, "gelu");

    // The vocabulary softmax with temperatures, rows longer than a workgroup.
    let z = matrix(3, 700, 10, 20.0);
    for t in [1.0f32, 0.3, 2.5] {
        let got = softmax::softmax_rows(gpu, &k, &z, t, None).await.unwrap();
        for r in 0..3 {
            let want = lupe::model::softmax::softmax(z.row(r), t);
            close(got.row(r), &want, &format!("softmax τ = {t}"));
        }
    }
    let err = softmax::softmax_rows(gpu, &k, &z, 0.0, None)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("temperature"), "{err}");
}

pub async fn attention_matches_the_cpu_with_and_without_a_cache(gpu: &Gpu) {
    let k = kernels(gpu).await;
    for (n, start, heads, dk) in [(5, 0, 2, 3), (1, 4, 3, 4), (3, 2, 1, 17)] {
        let d = heads * dk;
        let qkv = matrix(n, 3 * d, 11, 1.0);
        let past_k = matrix(start, d, 12, 1.0);
        let past_v = matrix(start, d, 13, 1.0);
        let (concat, got) = attention::attention(gpu, &k, &qkv, &past_k, &past_v, heads)
            .await
            .unwrap();
        // The CPU reference reads the caches with the new rows already appended.
        let mut keys = past_k.data.clone();
        let mut vals = past_v.data.clone();
        for r in 0..n {
            keys.extend_from_slice(&qkv.row(r)[d..2 * d]);
            vals.extend_from_slice(&qkv.row(r)[2 * d..]);
        }
        let keys = Matrix::from_vec(start + n, d, keys).unwrap();
        let vals = Matrix::from_vec(start + n, d, vals).unwrap();
        let want = lupe::model::attention::attention(
            &qkv,
            &keys,
            &vals,
            heads,
            start,
            lupe::model::attention::Record::Everything,
        );
        close(&concat.data, &want.concat.data, "concat");
        for (h, (g, w)) in got.iter().zip(&want.heads).enumerate() {
            close(&g.q.data, &w.q.data, &format!("head {h} Q"));
            close(&g.k.data, &w.k.data, &format!("head {h} K"));
            close(&g.v.data, &w.v.data, &format!("head {h} V"));
            close(&g.scores.data, &w.scores.data, &format!("head {h} scores"));
            close(
                &g.masked_scores.data,
                &w.masked_scores.data,
                &format!("head {h} mask"),
            );
            close(&g.weights.data, &w.weights.data, &format!("head {h} α"));
            close(
                &g.context.data,
                &w.context.data,
                &format!("head {h} context"),
            );
        }
    }
}

fn tiny() -> Gpt {
    let config = Config::from_json(include_str!("../model/tiny-gpt2/config.json")).unwrap();
    let weights = lupe::model::checkpoint::load_safetensors(
        &config,
        include_bytes!("../model/tiny-gpt2/model.safetensors"),
    )
    .unwrap();
    Gpt::new(config, weights).unwrap()
}

fn builtin(name: &str) -> Gpt {
    let (config, weights): (&str, &[u8]) = match name {
        "base" => (
            include_str!("../../www/models/base/config.json"),
            include_bytes!("../../www/models/base/model.safetensors"),
        ),
        _ => (
            include_str!("../../www/models/chat/config.json"),
            include_bytes!("../../www/models/chat/model.safetensors"),
        ),
    };
    let config = Config::from_json(config).unwrap();
    let weights = lupe::model::checkpoint::load_safetensors(&config, weights).unwrap();
    Gpt::new(config, weights).unwrap()
}

pub async fn the_whole_forward_pass_matches_the_cpu_trace(gpu: &Gpu) {
    for (name, model, ids) in [
        ("tiny GPT-2", tiny(), vec![5u32, 17, 3, 99, 42, 7, 301]),
        (
            "built-in base",
            builtin("base"),
            vec![459, 631, 593, 348, 342],
        ),
    ] {
        let g = GpuModel::upload(gpu, &model).await.unwrap();
        let got = g.forward_traced(gpu, &ids).await.unwrap();
        let want = model.forward_traced(&ids, LogitRows::Last).unwrap();
        close(
            &got.token_embeddings.data,
            &want.token_embeddings.data,
            &format!("{name} E"),
        );
        close(
            &got.position_vectors.data,
            &want.position_vectors.data,
            &format!("{name} P"),
        );
        close(&got.input.data, &want.input.data, &format!("{name} X"));
        for (l, (a, b)) in got.layers.iter().zip(&want.layers).enumerate() {
            close(
                &a.block.ln_1.output.data,
                &b.block.ln_1.output.data,
                &format!("{name} layer {l} ln_1"),
            );
            close(
                &a.block.ln_1.var,
                &b.block.ln_1.var,
                &format!("{name} layer {l} σ²"),
            );
            close(
                &a.block.qkv.data,
                &b.block.qkv.data,
                &format!("{name} layer {l} QKV"),
            );
            for (h, (x, y)) in a.block.attention.iter().zip(&b.block.attention).enumerate() {
                close(
                    &x.weights.data,
                    &y.weights.data,
                    &format!("{name} layer {l} head {h} α"),
                );
                close(
                    &x.scores.data,
                    &y.scores.data,
                    &format!("{name} layer {l} head {h} scores"),
                );
            }
            close(
                &a.block.ffn.activated.data,
                &b.block.ffn.activated.data,
                &format!("{name} layer {l} GELU"),
            );
            close(
                &a.block.residual_2.data,
                &b.block.residual_2.data,
                &format!("{name} layer {l} output"),
            );
        }
        close(
            &got.final_norm.output.data,
            &want.final_norm.output.data,
            &format!("{name} ln_f"),
        );
        close(
            &got.logits.data,
            &want.logits.data,
            &format!("{name} logits"),
        );
        close(
            &got.probs.data,
            &want.probs.data,
            &format!("{name} probabilities"),
        );

        // All rows, and decoding with the cache, give the CPU's logits too.
        let all = g.forward(gpu, &ids, LogitRows::All).await.unwrap();
        close(
            &all.data,
            &model.forward(&ids, LogitRows::All).unwrap().data,
            &format!("{name} all logits"),
        );
        let mut cache = g.cache(gpu);
        g.step(gpu, &mut cache, &ids[..3], LogitRows::Last, false)
            .await
            .unwrap();
        let (next, _) = g
            .step(gpu, &mut cache, &ids[3..], LogitRows::Last, false)
            .await
            .unwrap();
        close(
            &next.data,
            &want.logits.data,
            &format!("{name} cached decoding"),
        );
    }
}

pub async fn generation_on_the_gpu_gives_the_cpu_tokens_for_a_seed(gpu: &Gpu) {
    let model = builtin("chat");
    let g = GpuModel::upload(gpu, &model).await.unwrap();
    let prompt = [459u32, 631, 593, 348, 342];
    for (sampling, seed) in [
        (
            Sampling {
                temperature: 0.0,
                top_k: 0,
                top_p: 1.0,
            },
            1,
        ),
        (
            Sampling {
                temperature: 1.0,
                top_k: 0,
                top_p: 0.9,
            },
            7,
        ),
        (
            Sampling {
                temperature: 0.8,
                top_k: 20,
                top_p: 1.0,
            },
            42,
        ),
    ] {
        let options = GenerateOptions {
            max_new_tokens: 12,
            sampling,
            seed,
            end_token: None,
        };
        let cpu = generate(&model, &prompt, options.clone()).unwrap();
        let on_gpu = g.generate(gpu, &prompt, options).await.unwrap();
        assert_eq!(on_gpu, cpu, "{sampling:?} seed {seed}");
    }
}

pub async fn bad_input_is_an_error_not_a_panic(gpu: &Gpu) {
    let model = tiny();
    let g = GpuModel::upload(gpu, &model).await.unwrap();
    let vocab = model.config.vocab_size as u32;
    for (ids, what) in [
        (vec![], "no tokens"),
        (vec![vocab], "outside the vocabulary"),
        (vec![1; 40], "context holds"),
    ] {
        let err = g.forward(gpu, &ids, LogitRows::Last).await.unwrap_err();
        assert!(err.to_string().contains(what), "{err}");
    }
}

/// A device that is lost mid-way (driver reset, tab in the background too long) makes the next
/// pass fail with an error the page can act on (falling back to the CPU), never a panic.
pub async fn a_lost_device_is_an_error_not_a_panic(gpu: &Gpu) {
    let model = tiny();
    let g = GpuModel::upload(gpu, &model).await.unwrap();
    assert!(g.forward(gpu, &[1, 2, 3], LogitRows::Last).await.is_ok());
    gpu.device.destroy();
    let err = g
        .forward(gpu, &[1, 2, 3], LogitRows::Last)
        .await
        .unwrap_err();
    assert!(!err.to_string().is_empty());
}

/// Where the adapter offers timestamp queries (lavapipe and SwiftShader do), a profiled forward
/// pass times every kernel it dispatched: one pass per dispatch, named after its WGSL file.
pub async fn a_profile_times_every_kernel_of_a_forward_pass(gpu: &Gpu) {
    let model = tiny();
    let g = GpuModel::upload(gpu, &model).await.unwrap();
    if !gpu.has_timestamps() {
        assert!(gpu.start_profile(64).is_err());
        return;
    }
    gpu.start_profile(lupe::gpu::profile::MAX_PASSES).unwrap();
    g.forward(gpu, &[1, 2, 3], LogitRows::Last).await.unwrap();
    let (times, untimed) = gpu.finish_profile().await.unwrap();
    assert_eq!(untimed, 0);
    let count = |name: &str| {
        times
            .iter()
            .find(|t| t.name == name)
            .map_or(0, |t| t.dispatches)
    };
    let layers = model.config.n_layer;
    assert_eq!(count("layernorm"), 2 * layers + 1);
    assert_eq!(count("matmul"), 4 * layers);
    assert_eq!(count("softmax"), layers);
    assert_eq!(count("gelu"), layers);
    assert_eq!(count("embedding"), 1);
    assert!(
        times
            .iter()
            .all(|t| t.total_ms >= 0.0 && t.total_ms.is_finite())
    );
    assert!(times.iter().map(|t| t.total_ms).sum::<f64>() > 0.0);
    // The profile is over: nothing more is timed.
    assert!(gpu.finish_profile().await.is_err());
}

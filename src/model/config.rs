//! The model's sizes, read from and written to Hugging Face's GPT-2 `config.json`.

use serde::Serialize;
use serde_json::{Value, json};

use super::ModelError;
use crate::budget::{Budget, Bytes};

/// How a token learns where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Positions {
    /// A trained table `W_P` `[n_ctx × d_model]`, as in GPT-2 and GPT-3.
    Learned,
    /// The fixed formula of the original transformer:
    /// `P[pos, 2i] = sin(pos / 10000^(2i/d))`, `P[pos, 2i+1] = cos(pos / 10000^(2i/d))`.
    Sinusoidal,
}

/// Sizes of a GPT-2-style model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Config {
    /// Number of tokens in the vocabulary, |V|.
    pub vocab_size: usize,
    /// Longest sequence (context length), `n_positions` in Hugging Face's files.
    pub n_ctx: usize,
    /// Width of every token vector, `n_embd`.
    pub d_model: usize,
    /// Attention heads per layer; each works on `d_model / n_head` dimensions.
    pub n_head: usize,
    /// Transformer layers.
    pub n_layer: usize,
    /// Width of the FFN's hidden layer, `n_inner` (GPT-2: 4 · d_model).
    pub d_ff: usize,
    pub layer_norm_eps: f32,
    pub positions: Positions,
}

/// A number in the config, if present: a value of another type is an error, not a default.
fn number(obj: &serde_json::Map<String, Value>, key: &str) -> Result<Option<f64>, ModelError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v.as_f64().map(Some).ok_or_else(|| {
            ModelError::new(format!("config.json: {key} must be a number, found {v}"))
        }),
    }
}

impl Config {
    /// Head dimension `d_k = d_model / n_head`.
    pub fn d_head(&self) -> usize {
        self.d_model / self.n_head
    }

    /// Checks a step's input before any computation (CPU and GPU alike): at least one token,
    /// every id inside the vocabulary, and `start + ids.len()` within the context.
    pub fn check_input(&self, start: usize, ids: &[u32]) -> Result<(), ModelError> {
        if ids.is_empty() {
            return Err(ModelError::new(
                "no tokens to process: the model needs at least one token",
            ));
        }
        if let Some(&bad) = ids.iter().find(|&&id| id as usize >= self.vocab_size) {
            return Err(ModelError::new(format!(
                "token id {bad} is outside the vocabulary (0 … {})",
                self.vocab_size - 1
            )));
        }
        if start + ids.len() > self.n_ctx {
            return Err(ModelError::new(format!(
                "the sequence would be {} tokens long, but the model's context holds {}",
                start + ids.len(),
                self.n_ctx
            )));
        }
        Ok(())
    }

    /// Parameters the sizes imply (tied head), counted with checked arithmetic:
    /// `V·d + n_ctx·d + N·(4d² + 4d + 4d + 2·d·d_ff + d_ff + d) + 2d`.
    pub fn parameters(&self) -> Bytes {
        let (v, d, f, n) = (self.vocab_size, self.d_model, self.d_ff, self.n_layer);
        let positions = if self.positions == Positions::Learned {
            Bytes::product(&[self.n_ctx, d])
        } else {
            Bytes::ZERO
        };
        let per_layer = Bytes::product(&[4, d, d])
            .plus(Bytes::product(&[9, d]))
            .plus(Bytes::product(&[2, d, f]))
            .plus(Bytes::of(f, 1));
        Bytes::product(&[v, d])
            .plus(positions)
            .plus(Bytes(per_layer.0.and_then(|l| l.checked_mul(n as u64))))
            .plus(Bytes::product(&[2, d]))
    }

    /// Bytes of the weights in memory (f32), and of the key-value cache for a full context.
    pub fn model_bytes(&self) -> Bytes {
        let cache = Bytes::product(&[2, self.n_layer, self.n_ctx, self.d_model]);
        self.parameters().plus(cache).times(4)
    }

    /// Bytes a traced pass over `n` tokens keeps (what the chapters show): per layer about
    /// `12·n·d + 2·n·d_ff` numbers and the `3·h·n²` scores, masked scores and weights, plus the
    /// embeddings, the final LayerNorm and the logits and probabilities of the last position.
    pub fn trace_bytes(&self, n: usize) -> Bytes {
        let (d, f, h) = (self.d_model, self.d_ff, self.n_head);
        let per_layer = Bytes::product(&[12, n, d])
            .plus(Bytes::product(&[2, n, f]))
            .plus(Bytes::product(&[3, h, n, n]))
            .plus(Bytes::product(&[4, n]));
        let layers = Bytes(per_layer.0.and_then(|l| l.checked_mul(self.n_layer as u64)));
        layers
            .plus(Bytes::product(&[4, n, d]))
            .plus(Bytes::product(&[2, self.vocab_size]))
            .times(4)
    }

    /// Refuses a model that would not fit the budget: its weights, a full key-value cache and
    /// a traced pass over one token.
    pub fn check_budget(&self, budget: &Budget) -> Result<(), ModelError> {
        budget
            .check(self.model_bytes().plus(self.trace_bytes(1)), "this model")
            .map_err(ModelError::new)
    }

    /// The most tokens a traced pass may cover within `budget` next to the model itself (at
    /// most the context): the chapters show the last ones of a longer prompt.
    pub fn traceable_tokens(&self, budget: &Budget) -> usize {
        let room = budget
            .bytes
            .saturating_sub(self.model_bytes().0.unwrap_or(u64::MAX));
        let fits = |n: usize| self.trace_bytes(n).0.is_some_and(|b| b <= room);
        // The trace grows with n: the largest n that fits, by halving.
        let (mut lo, mut hi) = (0usize, self.n_ctx);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if fits(mid) { lo = mid } else { hi = mid - 1 }
        }
        lo
    }

    /// Checks that the sizes fit together.
    pub fn validate(&self) -> Result<(), ModelError> {
        let positive = [
            ("vocab_size", self.vocab_size),
            ("n_positions", self.n_ctx),
            ("n_embd", self.d_model),
            ("n_head", self.n_head),
            ("n_layer", self.n_layer),
            ("n_inner", self.d_ff),
        ];
        for (name, v) in positive {
            if v == 0 {
                return Err(ModelError::new(format!(
                    "config: {name} must be at least 1"
                )));
            }
        }
        if !self.d_model.is_multiple_of(self.n_head) {
            return Err(ModelError::new(format!(
                "config: n_embd ({}) must be divisible by n_head ({})",
                self.d_model, self.n_head
            )));
        }
        if self.positions == Positions::Sinusoidal && !self.d_model.is_multiple_of(2) {
            return Err(ModelError::new(
                "config: sinusoidal positions need an even n_embd",
            ));
        }
        if self.layer_norm_eps.is_nan()
            || self.layer_norm_eps <= 0.0
            || self.layer_norm_eps.is_infinite()
        {
            return Err(ModelError::new(
                "config: layer_norm_epsilon must be positive",
            ));
        }
        if self.vocab_size > u32::MAX as usize || self.n_ctx > 1 << 20 {
            return Err(ModelError::new("config: sizes are implausibly large"));
        }
        Ok(())
    }

    /// Reads a Hugging Face GPT-2 `config.json`. Keys Lupe does not need are ignored; the
    /// activation must be GPT-2's tanh GELU.
    pub fn from_json(text: &str) -> Result<Config, ModelError> {
        let v: Value = serde_json::from_str(text)
            .map_err(|e| ModelError::new(format!("config.json is not valid JSON ({e})")))?;
        let obj = v
            .as_object()
            .ok_or_else(|| ModelError::new("config.json must hold a JSON object"))?;
        let size = |keys: &[&str]| -> Result<Option<usize>, ModelError> {
            for k in keys {
                match obj.get(*k) {
                    None | Some(Value::Null) => continue,
                    Some(v) => {
                        return v.as_u64().map(|n| Some(n as usize)).ok_or_else(|| {
                            ModelError::new(format!(
                                "config.json: {k} must be a whole number, found {v}"
                            ))
                        });
                    }
                }
            }
            Ok(None)
        };
        let need = |keys: &[&str]| -> Result<usize, ModelError> {
            size(keys)?
                .ok_or_else(|| ModelError::new(format!("config.json: {} is missing", keys[0])))
        };
        for key in ["model_type", "activation_function", "lupe_positions"] {
            if let Some(v) = obj.get(key).filter(|v| !v.is_null() && !v.is_string()) {
                return Err(ModelError::new(format!(
                    "config.json: {key} must be text, found {v}"
                )));
            }
        }
        if let Some(kind) = obj.get("model_type").and_then(Value::as_str)
            && kind != "gpt2"
        {
            return Err(ModelError::new(format!(
                "config.json describes a {kind:?} model; Lupe runs GPT-2-style models"
            )));
        }
        if let Some(act) = obj.get("activation_function").and_then(Value::as_str)
            && !matches!(act, "gelu_new" | "gelu_pytorch_tanh" | "gelu_fast")
        {
            return Err(ModelError::new(format!(
                "config.json: activation {act:?} is not supported; Lupe uses GPT-2's tanh GELU (gelu_new)"
            )));
        }
        let d_model = need(&["n_embd", "d_model", "hidden_size"])?;
        let positions = match obj.get("lupe_positions").and_then(Value::as_str) {
            None | Some("learned") => Positions::Learned,
            Some("sinusoidal") => Positions::Sinusoidal,
            Some(other) => {
                return Err(ModelError::new(format!(
                    "config.json: lupe_positions must be \"learned\" or \"sinusoidal\", found {other:?}"
                )));
            }
        };
        let d_ff = match size(&["n_inner"])? {
            Some(f) => f,
            None => d_model.checked_mul(4).ok_or_else(|| {
                ModelError::new(format!(
                    "config.json: n_embd {d_model} is implausibly large"
                ))
            })?,
        };
        let config = Config {
            vocab_size: need(&["vocab_size"])?,
            n_ctx: need(&["n_positions", "n_ctx"])?,
            d_model,
            n_head: need(&["n_head", "num_attention_heads"])?,
            n_layer: need(&["n_layer", "num_hidden_layers"])?,
            d_ff,
            layer_norm_eps: number(obj, "layer_norm_epsilon")?.unwrap_or(1e-5) as f32,
            positions,
        };
        config.validate()?;
        Ok(config)
    }

    /// Writes a `config.json` that Hugging Face transformers loads as `GPT2LMHeadModel`.
    pub fn to_json(&self) -> String {
        let mut v = json!({
            "architectures": ["GPT2LMHeadModel"],
            "model_type": "gpt2",
            "activation_function": "gelu_new",
            "vocab_size": self.vocab_size,
            "n_positions": self.n_ctx,
            "n_embd": self.d_model,
            "n_head": self.n_head,
            "n_layer": self.n_layer,
            "n_inner": self.d_ff,
            "layer_norm_epsilon": self.layer_norm_eps,
            "tie_word_embeddings": true,
            "attn_pdrop": 0.0, "embd_pdrop": 0.0, "resid_pdrop": 0.0,
        });
        if self.positions == Positions::Sinusoidal {
            v["lupe_positions"] = json!("sinusoidal");
        }
        serde_json::to_string_pretty(&v).expect("a config serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_model_is_refused_before_anything_is_allocated() {
        let text = r#"{"vocab_size":50257,"n_positions":1024,"n_embd":768,"n_head":12,"n_layer":1000000000}"#;
        let c = Config::from_json(text).unwrap();
        let e = c
            .check_budget(&Budget::test(1 << 32))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("this model would need") && e.contains("4.0 GB"),
            "{e}"
        );
        let huge = r#"{"vocab_size":50257,"n_positions":1024,"n_embd":768,"n_head":12,"n_layer":1000000000000000000}"#;
        let e = Config::from_json(huge)
            .unwrap()
            .check_budget(&Budget::test(1 << 32))
            .unwrap_err()
            .to_string();
        assert!(e.contains("more memory than can be counted"), "{e}");
        // GPT-2 small: 124 M parameters fit a tab; a traced pass over all 1,024 tokens does not.
        let gpt2 =
            r#"{"vocab_size":50257,"n_positions":1024,"n_embd":768,"n_head":12,"n_layer":12}"#;
        let c = Config::from_json(gpt2).unwrap();
        assert_eq!(c.parameters().0, Some(124_439_808));
        assert!(c.check_budget(&Budget::TAB).is_ok());
        let n = c.traceable_tokens(&Budget::TAB);
        assert!((256..1024).contains(&n), "{n}");
        assert!(c.trace_bytes(n).0.unwrap() + c.model_bytes().0.unwrap() <= Budget::TAB.bytes);
    }

    #[test]
    fn reads_gpt2_config_and_round_trips() {
        let text = r#"{"model_type":"gpt2","vocab_size":50257,"n_positions":1024,"n_embd":768,
                      "n_head":12,"n_layer":12,"n_inner":null,"layer_norm_epsilon":1e-5,
                      "activation_function":"gelu_new","summary_type":"cls_index"}"#;
        let c = Config::from_json(text).unwrap();
        assert_eq!(
            (c.vocab_size, c.n_ctx, c.d_model, c.d_ff, c.d_head()),
            (50257, 1024, 768, 3072, 64)
        );
        assert_eq!(Config::from_json(&c.to_json()).unwrap(), c);
    }

    #[test]
    fn names_the_problem() {
        let cases = [
            ("{", "not valid JSON"),
            ("[]", "JSON object"),
            (
                r#"{"vocab_size":10,"n_positions":8,"n_head":2,"n_layer":1}"#,
                "n_embd is missing",
            ),
            (
                r#"{"vocab_size":10,"n_positions":8,"n_embd":6,"n_head":4,"n_layer":1}"#,
                "divisible",
            ),
            (
                r#"{"vocab_size":"x","n_positions":8,"n_embd":8,"n_head":2,"n_layer":1}"#,
                "whole number",
            ),
            (r#"{"model_type":"llama","vocab_size":10}"#, "\"llama\""),
            (r#"{"activation_function":"relu","vocab_size":10}"#, "relu"),
            (
                r#"{"vocab_size":10,"n_positions":8,"n_embd":8,"n_head":2,"n_layer":1,"layer_norm_epsilon":"abc"}"#,
                "layer_norm_epsilon must be a number",
            ),
            (
                r#"{"model_type":7,"vocab_size":10}"#,
                "model_type must be text",
            ),
            (
                r#"{"vocab_size":10,"n_positions":8,"n_embd":4611686018427387904,"n_head":2,"n_layer":1}"#,
                "implausibly large",
            ),
        ];
        for (text, expected) in cases {
            let e = Config::from_json(text).unwrap_err().to_string();
            assert!(e.contains(expected), "{text}: {e}");
        }
    }
}

//! The model's sizes, read from and written to Hugging Face's GPT-2 `config.json`.

use serde::Serialize;
use serde_json::{Value, json};

use super::ModelError;

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
        let config = Config {
            vocab_size: need(&["vocab_size"])?,
            n_ctx: need(&["n_positions", "n_ctx"])?,
            d_model,
            n_head: need(&["n_head", "num_attention_heads"])?,
            n_layer: need(&["n_layer", "num_hidden_layers"])?,
            d_ff: size(&["n_inner"])?.unwrap_or(4 * d_model),
            layer_norm_eps: obj
                .get("layer_norm_epsilon")
                .and_then(Value::as_f64)
                .unwrap_or(1e-5) as f32,
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
        ];
        for (text, expected) in cases {
            let e = Config::from_json(text).unwrap_err().to_string();
            assert!(e.contains(expected), "{text}: {e}");
        }
    }
}

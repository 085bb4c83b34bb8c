//! Supervised fine-tuning in the lab: dialogs in the role format, where only the tokens of the
//! system message and the assistant's answers count in the loss (the user's words are context:
//! the model should learn to answer, not to ask), and the same question answered before and
//! after.

use serde::{Deserialize, Serialize};

use crate::chat::{self, Message, Role};
use crate::corpus::dialogs;
use crate::model::Gpt;
use crate::tokenizer::Tokenizer;
use crate::training::data::{Batcher, Source};
use crate::training::trainer::{Settings, Trainer};

/// Which model to fine-tune.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BaseModel {
    /// The page's built-in base model.
    Builtin,
    /// The model from the pretraining tab.
    Pretrained,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SftSettings {
    pub base: BaseModel,
    /// How often each dialog appears in the data (oversampling).
    pub repeats: usize,
    /// Passes over the data.
    pub epochs: usize,
    pub batch_size: usize,
    pub lr: f32,
    /// The question answered before and after.
    pub question: String,
    pub seed: u64,
}

impl Default for SftSettings {
    fn default() -> Self {
        SftSettings {
            base: BaseModel::Builtin,
            repeats: 4,
            epochs: 2,
            batch_size: 8,
            lr: 1e-3,
            question: "Was frisst ein Hund?".into(),
            seed: 1,
        }
    }
}

/// A token of the example dialog and whether it counts in the loss.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MaskedToken {
    pub label: String,
    /// "system", "user", "assistant", "developer", or none for role markers.
    pub role: Option<String>,
    pub counted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SftPrepared {
    pub example: Vec<MaskedToken>,
    pub dialogs: usize,
    pub tokens: usize,
    pub counted: usize,
    pub steps: usize,
    pub before: String,
}

pub struct Sft {
    pub trainer: Trainer,
    pub tokenizer: Tokenizer,
    pub question: String,
    pub total_steps: usize,
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::System => "system",
        Role::Developer => "developer",
        Role::User => "user",
        Role::Assistant => "assistant",
    }
}

/// The model's answer to `question` as a user message (greedy, up to 40 tokens).
pub fn answer(model: &Gpt, tokenizer: &Tokenizer, question: &str) -> String {
    let prompt = chat::prompt(&[Message::new(Role::User, question.trim())]);
    chat::reply(model, tokenizer, &tokenizer.encode_with(&prompt, true))
}

/// Builds the SFT data for `model` and its tokenizer (which must know the role markers).
pub fn prepare(
    model: Gpt,
    tokenizer: Tokenizer,
    s: &SftSettings,
) -> Result<(Sft, SftPrepared), String> {
    for m in chat::SPECIALS {
        if tokenizer.special_id(m).is_none() {
            return Err(format!("this model's tokenizer lacks the role marker {m}"));
        }
    }
    if s.question.trim().is_empty() {
        return Err("the question is empty".into());
    }
    let all = dialogs::dialogs(s.seed, s.repeats.clamp(1, 8));
    let mut tokens = Vec::new();
    let mut mask = Vec::new();
    let mut example = Vec::new();
    for (i, d) in all.iter().enumerate() {
        let (ids, roles) = chat::encode(&tokenizer, d);
        let m = chat::loss_mask(&roles);
        if i == 0 {
            example = ids
                .iter()
                .zip(&roles)
                .zip(&m)
                .map(|((&id, r), &c)| MaskedToken {
                    label: tokenizer.token_view(id).label,
                    role: r.map(|r| role_name(r).to_string()),
                    counted: c > 0.0,
                })
                .collect();
        }
        tokens.extend(ids);
        mask.extend(m);
    }
    let counted = mask.iter().filter(|&&m| m > 0.0).count();
    let total = tokens.len();
    let seq_len = model.config.n_ctx.min(64);
    let batcher = Batcher::new(
        vec![Source {
            name: "dialogs".into(),
            tokens,
            mask,
            weight: 1.0,
        }],
        seq_len,
        0.05,
        s.seed,
    )
    .map_err(|e| e.message.clone())?;
    let blocks: usize = batcher.train_blocks().iter().sum();
    let batch_size = s.batch_size.clamp(1, 64);
    let steps = (blocks * s.epochs.clamp(1, 10)).div_ceil(batch_size).max(1);
    let before = answer(&model, &tokenizer, &s.question);
    let settings = Settings {
        steps,
        batch_size,
        lr: s.lr,
        min_lr: s.lr * 0.1,
        warmup: 10,
        weight_decay: 0.0,
        grad_clip: 1.0,
        eval_every: 0,
    };
    let trainer = Trainer::new(model, batcher, settings).map_err(|e| e.message.clone())?;
    Ok((
        Sft {
            trainer,
            tokenizer,
            question: s.question.trim().to_string(),
            total_steps: steps,
        },
        SftPrepared {
            example,
            dialogs: all.len(),
            tokens: total,
            counted,
            steps,
            before,
        },
    ))
}

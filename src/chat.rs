//! Roles: how a chat becomes one text for the model. Each message is introduced by a marker
//! token for its role; the assistant's message ends with the end token, where generation stops.
//!
//! ```text
//! <|system|>Du bist ein freundlicher Assistent.
//! <|user|>Was macht der König?
//! <|assistant|>Der König regiert das Land.<|endoftext|>
//! ```
//!
//! For fine-tuning (SFT) only the assistant's text, with its end token, counts in the loss: the
//! model should learn to answer. The system's, the developer's and the user's text, and the
//! markers, are context the model reads but does not learn to write.

use serde::{Deserialize, Serialize};

use crate::tokenizer::Tokenizer;

/// Who speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    System,
    Developer,
    User,
    Assistant,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::System, Role::Developer, Role::User, Role::Assistant];

    /// The marker token that opens a message of this role.
    pub fn marker(self) -> &'static str {
        match self {
            Role::System => "<|system|>",
            Role::Developer => "<|developer|>",
            Role::User => "<|user|>",
            Role::Assistant => "<|assistant|>",
        }
    }

    /// Whether SFT learns this role's text: the assistant's only.
    pub fn counts_in_loss(self) -> bool {
        self == Role::Assistant
    }
}

/// The end token: ends a document in pretraining and the assistant's answer in a chat.
pub const END: &str = "<|endoftext|>";

/// Every special token of Lupe's tokenizers.
pub const SPECIALS: [&str; 5] = [
    END,
    "<|system|>",
    "<|developer|>",
    "<|user|>",
    "<|assistant|>",
];

/// One message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub role: Role,
    pub text: String,
}

impl Message {
    pub fn new(role: Role, text: impl Into<String>) -> Message {
        Message {
            role,
            text: text.into(),
        }
    }
}

/// A chat as text: each message is its marker and its text, a newline after every message but
/// the assistant's, which ends with [`END`].
pub fn render(messages: &[Message]) -> String {
    let mut out = String::new();
    for m in messages {
        out.push_str(m.role.marker());
        out.push_str(&m.text);
        out.push_str(if m.role == Role::Assistant { END } else { "\n" });
    }
    out
}

/// The prompt for the model's next answer: the chat so far and the assistant's marker.
pub fn prompt(messages: &[Message]) -> String {
    format!("{}{}", render(messages), Role::Assistant.marker())
}

/// Token ids and, per token, the role it belongs to (markers belong to no role).
pub fn encode(tokenizer: &Tokenizer, messages: &[Message]) -> (Vec<u32>, Vec<Option<Role>>) {
    let mut ids = Vec::new();
    let mut roles = Vec::new();
    for m in messages {
        let marker = tokenizer.encode_with(m.role.marker(), true);
        roles.extend(std::iter::repeat_n(None, marker.len()));
        ids.extend(marker);
        let mut text = m.text.clone();
        text.push_str(if m.role == Role::Assistant { END } else { "\n" });
        let body = tokenizer.encode_with(&text, true);
        roles.extend(std::iter::repeat_n(Some(m.role), body.len()));
        ids.extend(body);
    }
    (ids, roles)
}

/// The most tokens an answer may have: replies stop here, and a prompt leaves this much room.
pub const ANSWER_TOKENS: usize = 40;

/// The model's greedy reply after the prompt `ids` (a chat ending in the assistant's marker):
/// at most [`ANSWER_TOKENS`] tokens, up to the end token, decoded and trimmed; empty when the prompt leaves no
/// room in the context.
pub fn reply(model: &crate::model::Gpt, tokenizer: &Tokenizer, ids: &[u32]) -> String {
    use crate::model::generate::{GenerateOptions, generate};
    let end = tokenizer.special_id(END);
    if ids.is_empty() || ids.len() + 1 >= model.config.n_ctx {
        return String::new();
    }
    let options = GenerateOptions {
        max_new_tokens: ANSWER_TOKENS.min(model.config.n_ctx - ids.len() - 1),
        sampling: crate::sampling::Sampling::GREEDY,
        seed: 0,
        end_token: end,
    };
    let tokens = generate(model, ids, options)
        .map(|g| g.tokens)
        .unwrap_or_default();
    answer_text(tokenizer, &tokens)
}

/// An answer's generated tokens as the reader sees them: without the end token, decoded,
/// trimmed (empty when they do not decode).
pub fn answer_text(tokenizer: &Tokenizer, tokens: &[u32]) -> String {
    let end = tokenizer.special_id(END);
    let shown: Vec<u32> = tokens.iter().copied().filter(|&t| Some(t) != end).collect();
    tokenizer
        .decode(&shown)
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The SFT loss mask for [`encode`]'s roles: 1 for the assistant's tokens, else 0.
pub fn loss_mask(roles: &[Option<Role>]) -> Vec<f32> {
    roles
        .iter()
        .map(|r| {
            if r.is_some_and(Role::counts_in_loss) {
                1.0
            } else {
                0.0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenizer::train::{Mode, train};

    #[test]
    fn renders_and_masks_by_role() {
        let chat = [
            Message::new(Role::System, "Sei nett."),
            Message::new(Role::User, "Hallo?"),
            Message::new(Role::Assistant, "Hallo!"),
        ];
        assert_eq!(
            render(&chat),
            "<|system|>Sei nett.\n<|user|>Hallo?\n<|assistant|>Hallo!<|endoftext|>"
        );
        assert_eq!(
            prompt(&chat[..2]),
            "<|system|>Sei nett.\n<|user|>Hallo?\n<|assistant|>"
        );
        let (tok, _) = train(
            Mode::ByteLevel,
            &["Sei nett. Hallo? Hallo!"],
            300,
            &SPECIALS,
        )
        .unwrap();
        let (ids, roles) = encode(&tok, &chat);
        assert_eq!(tok.decode(&ids).unwrap(), render(&chat));
        assert_eq!(ids[0], tok.special_id("<|system|>").unwrap());
        let mask = loss_mask(&roles);
        let counted: String = ids
            .iter()
            .zip(&mask)
            .filter(|(_, m)| **m == 1.0)
            .map(|(&i, _)| tok.decode(&[i]).unwrap())
            .collect();
        assert_eq!(counted, "Hallo!<|endoftext|>");
    }
}

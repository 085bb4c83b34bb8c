//! Putting retrieved passages into the prompt — exactly the tokens the model reads — and letting
//! the retrieval model answer, or write a search query.

use crate::chat::{self, Message, Role};
use crate::corpus::rag::{query_instruction, rag_chat};
use crate::i18n::Lang;
use crate::model::Gpt;
use crate::tokenizer::Tokenizer;

/// The prompt's token ids and, per token, its role: the context as a system message, the
/// question as the user's, then the assistant's marker. Passages that would not leave room for
/// the question and an answer of [`chat::ANSWER_TOKENS`] in the context window are dropped from the end; returns
/// how many passages fit.
pub fn assemble(
    model: &Gpt,
    tokenizer: &Tokenizer,
    lang: Lang,
    passages: &[String],
    question: &str,
) -> (Vec<u32>, Vec<Option<Role>>, usize) {
    let mut used = passages.len();
    loop {
        let messages = if used == 0 && passages.is_empty() {
            vec![Message::new(Role::User, question)]
        } else {
            rag_chat(lang, &passages[..used], question)
        };
        let (mut ids, mut roles) = chat::encode(tokenizer, &messages);
        let marker = tokenizer.encode_with(Role::Assistant.marker(), true);
        roles.extend(std::iter::repeat_n(None, marker.len()));
        ids.extend(marker);
        if ids.len() + chat::ANSWER_TOKENS <= model.config.n_ctx || used == 0 {
            return (ids, roles, used);
        }
        used -= 1;
    }
}

/// The model's answer to `question` with `passages` as context (none: the question alone).
pub fn answer(
    model: &Gpt,
    tokenizer: &Tokenizer,
    lang: Lang,
    passages: &[String],
    question: &str,
) -> String {
    let (ids, _, _) = assemble(model, tokenizer, lang, passages, question);
    chat::reply(model, tokenizer, &ids)
}

/// The search query the model writes for `question`.
pub fn write_query(model: &Gpt, tokenizer: &Tokenizer, lang: Lang, question: &str) -> String {
    let messages = [
        Message::new(Role::System, query_instruction(lang)),
        Message::new(Role::User, question),
    ];
    let ids = tokenizer.encode_with(&chat::prompt(&messages), true);
    chat::reply(model, tokenizer, &ids)
}

//! Answers of the questions around the model: roles, training, retrieval.

use super::{Answer, options, options_yes_no};
use crate::chat::{self, Message, Role};
use crate::i18n::lessons::questions::{self as text, not_now};
use crate::lesson::facts::Facts;
use crate::lesson::questions::{Expect, percent, token};

/// Whether a token of the user's question (or of the assistant's answer) counts in the SFT
/// loss, by the loss mask the trainer uses, on a chat of the lesson.
pub fn counts(f: &Facts, role: Role) -> Answer {
    let loaded = f.chat.ok_or(not_now::NO_CHAT)?;
    let (question, answer) = (
        text::CHAT_QUESTION.get(f.lang),
        text::CHAT_ANSWER.get(f.lang),
    );
    let chat = [
        Message::new(Role::User, question),
        Message::new(Role::Assistant, answer),
    ];
    let (ids, roles) = chat::encode(&loaded.tokenizer, &chat);
    let mask = chat::loss_mask(&roles);
    // The longest token of that role's text: a whole word where there is one.
    let pick = (0..ids.len())
        .filter(|&i| roles[i] == Some(role))
        .max_by_key(|&i| {
            (
                loaded
                    .tokenizer
                    .token_view(ids[i])
                    .label
                    .trim()
                    .chars()
                    .count(),
                std::cmp::Reverse(i),
            )
        })
        .ok_or(not_now::NO_CHAT)?;
    let counted = mask[pick] > 0.0;
    let label = crate::tokenizer::visible(&loaded.tokenizer.token_view(ids[pick]).label);
    let values = vec![
        ("t", token(f.lang, &label)),
        ("q", question.to_string()),
        ("a", answer.to_string()),
        (
            "counted",
            mask.iter().filter(|&&m| m > 0.0).count().to_string(),
        ),
        ("all", ids.len().to_string()),
    ];
    Ok((
        values,
        Expect::Choice {
            options: options_yes_no(f.lang),
            correct: usize::from(!counted),
        },
    ))
}

pub fn loss_trend(f: &Facts) -> Answer {
    let (first, last) = match f.lab_log {
        [first, .., last] => (first, last),
        _ => return Err(not_now::NO_RUN),
    };
    let (a, b) = (first.train_loss as f64, last.train_loss as f64);
    let correct = if b < a { 1 } else { 0 };
    let values = vec![
        ("a", first.step.to_string()),
        ("b", last.step.to_string()),
        ("la", format!("{a:.2}")),
        ("lb", format!("{b:.2}")),
    ];
    Ok((
        values,
        Expect::Choice {
            options: options(f.lang, &[text::ROSE, text::FELL]),
            correct,
        },
    ))
}

pub fn loss_to_prob(f: &Facts) -> Answer {
    let loss = f
        .loaded
        .log
        .as_ref()
        .and_then(|l| l.get("final_val_loss"))
        .and_then(|v| v.as_f64())
        .ok_or(not_now::NO_LOG)?;
    let p = (-loss).exp();
    let values = vec![("l", format!("{loss:.3}")), ("p", percent(p))];
    Ok((
        values,
        Expect::Number {
            value: p * 100.0,
            tolerance: 2.0,
        },
    ))
}

pub fn which_search(f: &Facts) -> Answer {
    let rag = f.rag.ok_or(not_now::NO_SEARCH)?;
    let sentence = rag
        .answer_sentence
        .as_deref()
        .ok_or(not_now::NOT_HANDBOOK)?;
    // The rank (from 1) of the answering chunk among a search's hits.
    let rank = |hits: &[usize]| {
        hits.iter()
            .position(|&i| rag.chunks.get(i).is_some_and(|c| c.contains(sentence)))
    };
    let (rv, rk) = (rank(&rag.vector_hits), rank(&rag.keyword_hits));
    let (v, k) = (rv.is_some(), rk.is_some());
    let shown = |r: Option<usize>| r.map_or("–".to_string(), |r| (r + 1).to_string());
    let correct = match (v, k) {
        (true, false) => 0,
        (false, true) => 1,
        (true, true) => 2,
        (false, false) => 3,
    };
    let options = options(
        f.lang,
        &[
            text::ONLY_VECTOR,
            text::ONLY_KEYWORD,
            text::BOTH,
            text::NEITHER,
        ],
    );
    let values = vec![
        ("s", token(f.lang, sentence)),
        ("q", rag.question.clone()),
        ("which", options[correct].clone()),
        ("rv", shown(rv)),
        ("rk", shown(rk)),
        (
            "k",
            rag.vector_hits
                .len()
                .max(rag.keyword_hits.len())
                .to_string(),
        ),
    ];
    Ok((values, Expect::Choice { options, correct }))
}

//! Answers of the overview's and the input chapters' questions (and the likeliest token, which
//! the logits chapter asks about too).

use super::{Answer, options, options_yes_no, trace};
use crate::i18n::lessons::questions::{self as text, not_now};
use crate::i18n::number;
use crate::lesson::facts::Facts;
use crate::lesson::questions::{Expect, Question, anatomy, percent, token, top_at};
use crate::model::Positions;
use crate::model::embedding::nearest;

pub fn largest_part(f: &Facts) -> Answer {
    let a = anatomy(f);
    let parts = [
        a.token_embedding + a.head,
        a.attention,
        a.ffn,
        a.block_norms + a.final_norm,
    ];
    let correct = (0..parts.len()).max_by_key(|&i| parts[i]).unwrap_or(0);
    let names = options(f.lang, text::PART_NAMES);
    let values = vec![
        ("part", names[correct].clone()),
        ("n", number(f.lang, parts[correct] as u64)),
        (
            "share",
            percent(parts[correct] as f64 / a.total().max(1) as f64),
        ),
    ];
    Ok((
        values,
        Expect::Choice {
            options: names,
            correct,
        },
    ))
}

/// The likeliest next token among four candidates (listed alphabetically, so their order gives
/// nothing away); for `LogOrder` the same with the temperature doubled.
pub fn next_token(q: Question, f: &Facts) -> Answer {
    let t = trace(f)?;
    let logits = t.logits.row(0);
    let probs = crate::model::softmax::softmax(logits, 1.0);
    let mut order: Vec<usize> = (0..probs.len()).collect();
    order.sort_by(|&i, &j| probs[j].total_cmp(&probs[i]).then(i.cmp(&j)));
    let mut four: Vec<usize> = order.iter().copied().take(4).collect();
    four.sort_by_key(|&i| f.label(i as u32));
    let options: Vec<String> = four
        .iter()
        .map(|&i| token(f.lang, &f.label(i as u32)))
        .collect();
    let top = order[0];
    if q == Question::LogOrder {
        let (hot, _) = top_at(logits, 2.0);
        let same = hot == top;
        let values = vec![
            ("t", token(f.lang, &f.label(top as u32))),
            ("p1", percent(probs[top] as f64)),
            (
                "p2",
                percent(crate::model::softmax::softmax(logits, 2.0)[top] as f64),
            ),
        ];
        return Ok((
            values,
            Expect::Choice {
                options: options_yes_no(f.lang),
                correct: usize::from(same),
            },
        ));
    }
    let correct = four.iter().position(|&i| i == top).unwrap_or(0);
    let values = vec![
        ("t", options[correct].clone()),
        ("p", percent(probs[top] as f64)),
    ];
    Ok((values, Expect::Choice { options, correct }))
}

pub fn token_count(f: &Facts) -> Answer {
    if f.analysis.ids.is_empty() {
        return Err(not_now::EMPTY_PROMPT);
    }
    let n = f.analysis.encoding.ids.len();
    let words = f.analysis.prompt.split_whitespace().count();
    let values = vec![
        ("n", number(f.lang, n as u64)),
        ("w", number(f.lang, words as u64)),
    ];
    Ok((
        values,
        Expect::Number {
            value: n as f64,
            tolerance: 0.0,
        },
    ))
}

pub fn merges(f: &Facts) -> Answer {
    let enc = &f.analysis.encoding;
    let i = crate::session::replay_piece(enc, f.token).ok_or(not_now::EMPTY_PROMPT)?;
    let piece = &enc.pieces[i];
    let values = vec![
        (
            "word",
            token(f.lang, &crate::tokenizer::visible(&piece.text)),
        ),
        ("n", piece.steps.len().to_string()),
        ("b", piece.symbols.len().to_string()),
        ("k", piece.tokens.len().to_string()),
    ];
    Ok((
        values,
        Expect::Number {
            value: piece.steps.len() as f64,
            tolerance: 0.0,
        },
    ))
}

/// The nearest row of the embedding table to the selected token's: the nearest one against
/// the 4th, 6th and 8th nearest.
pub fn nearest_token(f: &Facts) -> Answer {
    let sel = f.selected().ok_or(not_now::EMPTY_PROMPT)?;
    let id = f.analysis.ids[sel];
    let table = &f.loaded.model.weights.token_embedding;
    let near = nearest(table, table.row(id as usize), 8, &[id]);
    if near.len() < 8 {
        return Err(not_now::EMPTY_PROMPT);
    }
    let mut picks = [near[0], near[3], near[5], near[7]];
    picks.sort_by_key(|(i, _)| f.label(*i));
    let options: Vec<String> = picks
        .iter()
        .map(|(i, _)| token(f.lang, &f.label(*i)))
        .collect();
    let correct = picks.iter().position(|p| p.0 == near[0].0).unwrap_or(0);
    let values = vec![
        ("t", token(f.lang, &f.label(id))),
        ("n", options[correct].clone()),
        ("c", format!("{:.3}", near[0].1)),
    ];
    Ok((values, Expect::Choice { options, correct }))
}

pub fn learned(f: &Facts) -> Answer {
    let learned = f.loaded.model.config.positions == Positions::Learned;
    let options = options(f.lang, &[text::LEARNED, text::FORMULA]);
    let values = vec![
        ("kind", options[usize::from(!learned)].clone()),
        ("n", number(f.lang, anatomy(f).positions as u64)),
    ];
    Ok((
        values,
        Expect::Choice {
            options,
            correct: usize::from(!learned),
        },
    ))
}

pub fn distance(f: &Facts) -> Answer {
    let sel = f.selected().ok_or(not_now::EMPTY_PROMPT)?;
    let ids = &f.analysis.ids;
    let values = vec![
        ("t", token(f.lang, &f.label(ids[sel]))),
        ("first", token(f.lang, &f.label(ids[0]))),
        ("n", sel.to_string()),
    ];
    Ok((
        values,
        Expect::Number {
            value: sel as f64,
            tolerance: 0.0,
        },
    ))
}

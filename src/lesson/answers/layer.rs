//! Answers of the questions about the layer: attention, LayerNorm, FFN.

use super::{Answer, trace};
use crate::i18n::lessons::questions::{self as text, not_now};
use crate::i18n::number;
use crate::lesson::facts::Facts;
use crate::lesson::questions::{Expect, anatomy, percent, token};

pub fn attention_argmax(f: &Facts) -> Answer {
    let t = trace(f)?;
    let sel = f.selected().ok_or(not_now::EMPTY_PROMPT)?;
    let row = t.layers[f.layer].block.attention[f.head].weights.row(sel);
    let best = (0..=sel)
        .max_by(|&a, &b| row[a].total_cmp(&row[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let options: Vec<String> = (0..=sel)
        .map(|i| format!("{} {}", i, token(f.lang, &f.label(f.analysis.ids[i]))))
        .collect();
    let values = vec![
        ("t", token(f.lang, &f.label(f.analysis.ids[sel]))),
        ("l", (f.layer + 1).to_string()),
        ("h", (f.head + 1).to_string()),
        ("best", options[best].clone()),
        ("a", percent(row[best] as f64)),
    ];
    Ok((
        values,
        Expect::Choice {
            options,
            correct: best,
        },
    ))
}

pub fn attention_later(f: &Facts) -> Answer {
    let t = trace(f)?;
    let n = f.analysis.ids.len();
    if n < 2 {
        return Err(not_now::TWO_TOKENS);
    }
    let alpha = t.layers[f.layer].block.attention[f.head].weights.row(0)[n - 1] as f64;
    let values = vec![
        ("first", token(f.lang, &f.label(f.analysis.ids[0]))),
        ("last", token(f.lang, &f.label(f.analysis.ids[n - 1]))),
        ("l", (f.layer + 1).to_string()),
        ("h", (f.head + 1).to_string()),
    ];
    Ok((
        values,
        Expect::Number {
            value: alpha * 100.0,
            tolerance: 0.5,
        },
    ))
}

pub fn variance(f: &Facts) -> Answer {
    let t = trace(f)?;
    let sel = f.selected().ok_or(not_now::EMPTY_PROMPT)?;
    let ln = match f.norm {
        0 => &t.layers[f.layer].block.ln_1,
        1 => &t.layers[f.layer].block.ln_2,
        _ => &t.final_norm,
    };
    let var = ln.var[sel] as f64;
    let names = [text::NORM_FIRST, text::NORM_SECOND, text::NORM_FINAL];
    let values = vec![
        ("t", token(f.lang, &f.label(f.analysis.ids[sel]))),
        ("which", names[f.norm.min(2)].get(f.lang).to_string()),
        ("l", (f.layer + 1).to_string()),
        ("v", format!("{var:.3}")),
    ];
    // Read off the screen with three decimals: a tenth of the value, at least 0.002.
    Ok((
        values,
        Expect::Number {
            value: var,
            tolerance: (var * 0.1).max(0.002),
        },
    ))
}

pub fn ffn_width(f: &Facts) -> Answer {
    let c = &f.loaded.model.config;
    let values = vec![
        ("f", number(f.lang, c.d_ff as u64)),
        ("d", number(f.lang, c.d_model as u64)),
    ];
    Ok((
        values,
        Expect::Number {
            value: c.d_ff as f64,
            tolerance: 0.0,
        },
    ))
}

pub fn ffn_share(f: &Facts) -> Answer {
    let a = anatomy(f);
    let share = a.ffn_share() * 100.0;
    let layers = a.layers.max(1);
    let values = vec![
        ("share", format!("{share:.1} %")),
        ("ffn", number(f.lang, (a.ffn / layers) as u64)),
        ("layer", number(f.lang, a.per_layer() as u64)),
    ];
    Ok((
        values,
        Expect::Number {
            value: share,
            tolerance: 2.0,
        },
    ))
}

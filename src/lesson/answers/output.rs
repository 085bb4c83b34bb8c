//! Answers of the questions about the output: logits, sampling, generation.

use super::{Answer, options, trace};
use crate::i18n::lessons::questions::{self as text, not_now};
use crate::i18n::number;
use crate::lesson::facts::Facts;
use crate::lesson::questions::{Expect, decimal, percent, report, token, top_at};
use crate::model::generate::{GenerateOptions, StopReason, generate};
use crate::sampling::Sampling;

pub fn top_prob(f: &Facts) -> Answer {
    let t = trace(f)?;
    let (i, p) = top_at(t.logits.row(0), 0.5);
    let (_, p1) = top_at(t.logits.row(0), 1.0);
    let values = vec![
        ("t", token(f.lang, &f.label(i as u32))),
        ("p", percent(p as f64)),
        ("p1", percent(p1 as f64)),
    ];
    Ok((
        values,
        Expect::Number {
            value: p as f64 * 100.0,
            tolerance: 2.0,
        },
    ))
}

/// Which of the eight likeliest tokens stay in play at top-p 0.9 (at the temperature set).
pub fn top_p(f: &Facts) -> Answer {
    let temperature = if f.sampling.is_greedy() {
        1.0
    } else {
        f.sampling.temperature
    };
    let settings = Sampling {
        temperature,
        top_k: 0,
        top_p: 0.9,
    };
    let r = report(f, &settings).ok_or(not_now::COMPUTING)?;
    let shown: Vec<_> = r.candidates.iter().take(8).collect();
    let options: Vec<String> = shown
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                token(f.lang, &f.label(c.id)),
                percent(c.prob as f64)
            )
        })
        .collect();
    let correct: Vec<bool> = shown.iter().map(|c| c.kept).collect();
    let values = vec![
        ("t", decimal(f.lang, temperature as f64)),
        ("k", number(f.lang, r.kept as u64)),
        ("mass", percent(r.kept_mass)),
    ];
    Ok((values, Expect::Many { options, correct }))
}

/// The chosen token's probability after the cut, with the settings and seed on screen.
pub fn final_prob(f: &Facts) -> Answer {
    let r = report(f, &f.sampling).ok_or(not_now::COMPUTING)?;
    let c = r
        .candidates
        .iter()
        .find(|c| c.id == r.token)
        .ok_or(not_now::COMPUTING)?;
    let values = vec![
        ("t", token(f.lang, &f.label(r.token))),
        ("before", percent(c.prob as f64)),
        ("after", percent(c.final_prob as f64)),
        ("mass", percent(r.kept_mass)),
    ];
    Ok((
        values,
        Expect::Number {
            value: c.final_prob as f64 * 100.0,
            tolerance: 2.0,
        },
    ))
}

pub fn stop(f: &Facts) -> Answer {
    trace(f)?;
    if f.loaded.is_large() {
        return Err(not_now::LARGE);
    }
    let settings = GenerateOptions {
        max_new_tokens: f.max_new,
        sampling: f.sampling,
        seed: f.seed,
        end_token: f.loaded.end_token(),
    };
    let g = generate(&f.loaded.model, &f.analysis.ids, settings).map_err(|_| not_now::COMPUTING)?;
    let correct = match g.stop {
        StopReason::EndToken => 0,
        StopReason::MaxNewTokens => 1,
        StopReason::ContextFull => 2,
    };
    let names = options(
        f.lang,
        &[text::STOP_END, text::STOP_MAX, text::STOP_CONTEXT],
    );
    let values = vec![
        ("n", g.tokens.len().to_string()),
        ("why", names[correct].clone()),
        ("max", f.max_new.to_string()),
    ];
    Ok((
        values,
        Expect::Choice {
            options: names,
            correct,
        },
    ))
}

//! The expected answer of each question, computed from the live state, with the values its
//! texts quote. One small function per question.

use super::T;
use super::facts::Facts;
use super::questions::{Expect, Question, anatomy, decimal, percent, report, token, top_at};
use crate::chat::{self, Message, Role};
use crate::i18n::lessons::questions::{self as text, not_now};
use crate::i18n::{Lang, number};
use crate::model::Positions;
use crate::model::embedding::nearest;
use crate::model::generate::{GenerateOptions, StopReason, generate};
use crate::sampling::Sampling;

/// Values for the texts' placeholders.
type Values = Vec<(&'static str, String)>;
/// A computed answer, or why the question cannot be asked now.
type Answer = Result<(Values, Expect), T>;

/// Computes the expected answer of `q` in the state `f`.
pub fn compute(q: Question, f: &Facts) -> Answer {
    use Question::*;
    match q {
        OvLargestPart => largest_part(f),
        OvNextToken | LogOrder => next_token(q, f),
        TokCount => token_count(f),
        TokMerges => merges(f),
        EmbNearest => nearest_token(f),
        PosLearned => learned(f),
        PosDistance => distance(f),
        AttArgmax => attention_argmax(f),
        AttLater => attention_later(f),
        LnVariance => variance(f),
        FfnWidth => ffn_width(f),
        FfnShare => ffn_share(f),
        LogTopProb => top_prob(f),
        SamTopP => top_p(f),
        SamFinalProb => final_prob(f),
        GenStop => stop(f),
        RoleUserCounts => counts(f, Role::User),
        RoleAnswerCounts => counts(f, Role::Assistant),
        LabLossTrend => loss_trend(f),
        LabLossToProb => loss_to_prob(f),
        RagWhichSearch => which_search(f),
    }
}

/// The traced pass: not there for an empty prompt, or while a large model still computes it.
fn trace<'a>(f: &'a Facts) -> Result<&'a crate::model::Trace, T> {
    if f.analysis.ids.is_empty() {
        return Err(not_now::EMPTY_PROMPT);
    }
    f.analysis.trace.as_ref().ok_or(not_now::COMPUTING)
}

/// Options from fixed texts.
fn options(lang: Lang, texts: &[T]) -> Vec<String> {
    texts.iter().map(|t| t.get(lang).to_string()).collect()
}

fn largest_part(f: &Facts) -> Answer {
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
fn next_token(q: Question, f: &Facts) -> Answer {
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

/// "Ja" first, then "Nein".
fn options_yes_no(lang: Lang) -> Vec<String> {
    options(lang, &[text::YES, text::NO])
}

fn token_count(f: &Facts) -> Answer {
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

fn merges(f: &Facts) -> Answer {
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
fn nearest_token(f: &Facts) -> Answer {
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

fn learned(f: &Facts) -> Answer {
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

fn distance(f: &Facts) -> Answer {
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

fn attention_argmax(f: &Facts) -> Answer {
    let t = trace(f)?;
    let sel = f.selected().ok_or(not_now::EMPTY_PROMPT)?;
    let row = t.layers[f.layer].heads[f.head].weights.row(sel);
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

fn attention_later(f: &Facts) -> Answer {
    let t = trace(f)?;
    let n = f.analysis.ids.len();
    if n < 2 {
        return Err(not_now::TWO_TOKENS);
    }
    let alpha = t.layers[f.layer].heads[f.head].weights.row(0)[n - 1] as f64;
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

fn variance(f: &Facts) -> Answer {
    let t = trace(f)?;
    let sel = f.selected().ok_or(not_now::EMPTY_PROMPT)?;
    let ln = match f.norm {
        0 => &t.layers[f.layer].ln_1,
        1 => &t.layers[f.layer].ln_2,
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

fn ffn_width(f: &Facts) -> Answer {
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

fn ffn_share(f: &Facts) -> Answer {
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

fn top_prob(f: &Facts) -> Answer {
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
fn top_p(f: &Facts) -> Answer {
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
fn final_prob(f: &Facts) -> Answer {
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

fn stop(f: &Facts) -> Answer {
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

/// Whether a token of the user's question (or of the assistant's answer) counts in the SFT
/// loss, by the loss mask the trainer uses, on a chat of the lesson.
fn counts(f: &Facts, role: Role) -> Answer {
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

fn loss_trend(f: &Facts) -> Answer {
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

fn loss_to_prob(f: &Facts) -> Answer {
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

fn which_search(f: &Facts) -> Answer {
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

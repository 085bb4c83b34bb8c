//! Chapter 2 — from prompt to tokens: the prompt as chips, how BPE builds a word, longest match
//! against BPE, the seed's word-level example, and how Lupe's own tokenizer learned.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::corpus;
use crate::i18n::{Lang, Msg, number, tr, trf};
use crate::tokenizer::greedy::greedy_longest_match;
use crate::tokenizer::train::{Mode, Trainer};
use crate::tokenizer::{PieceTrace, Tokenizer};
use crate::ui::context::use_app;
use crate::ui::state::Action;
use crate::ui::terms::Prose;
use crate::ui::widgets::{Chip, StepControls, TokenChips, on_text, visible};

fn chip(t: &Tokenizer, id: u32) -> Chip {
    let v = t.token_view(id);
    Chip {
        label: v.label,
        id,
        special: v.special,
        marked: false,
    }
}

#[function_component(Tokens)]
pub fn tokens() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (Some(loaded), Some(analysis)) = (app.loaded(), app.analysis.clone()) else {
        return html! {};
    };
    let t = &loaded.tokenizer;
    let chips: Vec<Chip> = analysis
        .encoding
        .ids
        .iter()
        .map(|&id| chip(t, id))
        .collect();
    html! {
        <>
            <section class="panel" aria-labelledby="tok-chips">
                <h2 id="tok-chips">{ tr(lang, Msg::TokChipsTitle) }</h2>
                <Prose msg={Msg::TokChipsExplain} />
                <TokenChips chips={chips} show_ids=true label={tr(lang, Msg::TokChipsTitle)} />
                <p class="meta">{ trf(lang, Msg::TokVocab, &[("n", &number(lang, t.vocab_size() as u64))]) }</p>
            </section>
            <MergeReplay lang={lang} pieces={analysis.encoding.pieces.clone()} tokenizer={loaded.clone()}
                replay_piece={crate::session::replay_piece(&analysis.encoding, app.token)} />
            <GreedyVsBpe lang={lang} prompt={analysis.prompt.clone()} tokenizer={loaded.clone()} ids={analysis.encoding.ids.clone()} />
            <SeedExample lang={lang} />
            <TokenizerTraining lang={lang} />
        </>
    }
}

#[derive(Properties)]
struct MergeProps {
    lang: Lang,
    pieces: Vec<PieceTrace>,
    /// The piece to replay ([`crate::session::replay_piece`]).
    replay_piece: Option<usize>,
    tokenizer: Rc<crate::session::Loaded>,
}

impl PartialEq for MergeProps {
    fn eq(&self, o: &Self) -> bool {
        self.lang == o.lang
            && self.pieces == o.pieces
            && self.replay_piece == o.replay_piece
            && Rc::ptr_eq(&self.tokenizer, &o.tokenizer)
    }
}

/// The symbols of a piece after the first `k` merges.
fn after(piece: &PieceTrace, k: usize) -> Vec<u32> {
    let mut s = piece.symbols.clone();
    for step in &piece.steps[..k] {
        s[step.position] = step.merged;
        s.remove(step.position + 1);
    }
    s
}

#[function_component(MergeReplay)]
fn merge_replay(p: &MergeProps) -> Html {
    let lang = p.lang;
    let t = &p.tokenizer.tokenizer;
    // Pieces worth replaying: not special, and with at least one merge (the longest first).
    let app = use_app();
    // The word is the state's selected token position (the pieces mostly match the tokens), the
    // longest word by default; the merge step is the state's step, so a link restores both.
    let candidates: Vec<usize> = (0..p.pieces.len())
        .filter(|&i| !p.pieces[i].special)
        .collect();
    let playing = use_state(|| false);
    let piece_index = p.replay_piece.unwrap_or(0);
    let total = p.pieces.get(piece_index).map_or(0, |x| x.steps.len());
    let now = app.step.unwrap_or(0).min(total);
    // Playing advances one merge every 700 ms.
    {
        let (playing, app) = (playing.clone(), app.clone());
        use_effect_with((*playing, now, total), move |&(on, now, total)| {
            let timer = on.then(|| {
                Interval::new(700, move || {
                    if now >= total {
                        playing.set(false);
                    } else {
                        app.dispatch(Action::SetStep(Some(now + 1)));
                    }
                })
            });
            move || drop(timer)
        });
    }
    if candidates.is_empty() {
        return html! {};
    }
    let piece = &p.pieces[piece_index];
    let k = now;
    let symbols = after(piece, k);
    let last = k.checked_sub(1).map(|i| &piece.steps[i]);
    let chips: Vec<Chip> = symbols
        .iter()
        .enumerate()
        .map(|(i, &id)| Chip {
            marked: last.is_some_and(|s| s.position == i),
            ..chip(t, id)
        })
        .collect();
    let label = |id: u32| visible(&t.token_view(id).label);
    let explain = match last {
        None if total == 0 => tr(lang, Msg::TokNoMerge).to_string(),
        None => tr(lang, Msg::TokStart).to_string(),
        Some(s) => trf(
            lang,
            Msg::TokRule,
            &[
                ("rank", &(s.rank + 1).to_string()),
                ("a", &label(s.left)),
                ("b", &label(s.right)),
                ("c", &label(s.merged)),
            ],
        ),
    };
    let pick = {
        let (app, playing) = (app.clone(), playing.clone());
        Callback::from(move |i: usize| {
            playing.set(false);
            app.dispatch(Action::SetToken(Some(i)));
            app.dispatch(Action::SetStep(None));
        })
    };
    html! {
        <section class="panel" aria-labelledby="tok-merge">
            <h2 id="tok-merge">{ tr(lang, Msg::TokMergeTitle) }</h2>
            <Prose msg={Msg::TokMergeExplain} />
            <div class="word-picker" role="group" aria-label={tr(lang, Msg::TokPickWord)}>
                <span class="examples-label">{ tr(lang, Msg::TokPickWord) }{ ":" }</span>
                { for candidates.iter().map(|&i| {
                    let pick = pick.clone();
                    html! {
                        <button type="button" class="word" aria-pressed={(i == piece_index).to_string()}
                                onclick={ move |_| pick.emit(i) }>{ visible(&p.pieces[i].text) }</button>
                    }
                }) }
            </div>
            <div class="replay" data-testid="merge-replay">
                <TokenChips chips={chips} show_ids=true label={tr(lang, Msg::TokMergeTitle)} />
                <p class="replay-explain" aria-live="polite">{ explain }</p>
                <StepControls lang={lang} step={k} total={total}
                    on_change={ let (app, pl) = (app.clone(), playing.clone()); Callback::from(move |v: usize| { pl.set(false); app.dispatch(Action::SetStep((v > 0).then_some(v))) }) }
                    playing={*playing}
                    on_play={ let (pl, app) = (playing.clone(), app.clone()); Callback::from(move |on: bool| { if on && now >= total { app.dispatch(Action::SetStep(None)); } pl.set(on) }) } />
            </div>
        </section>
    }
}

#[derive(Properties)]
struct GreedyProps {
    lang: Lang,
    prompt: String,
    ids: Vec<u32>,
    tokenizer: Rc<crate::session::Loaded>,
}

impl PartialEq for GreedyProps {
    fn eq(&self, o: &Self) -> bool {
        self.lang == o.lang && self.prompt == o.prompt && Rc::ptr_eq(&self.tokenizer, &o.tokenizer)
    }
}

/// Byte spans of a token sequence.
fn spans(t: &Tokenizer, ids: &[u32]) -> Vec<(usize, usize)> {
    let mut pos = 0;
    ids.iter()
        .map(|&id| {
            let len = t.token_bytes(id).map_or(0, <[u8]>::len);
            pos += len;
            (pos - len, pos)
        })
        .collect()
}

#[function_component(GreedyVsBpe)]
fn greedy_vs_bpe(p: &GreedyProps) -> Html {
    let lang = p.lang;
    let t = &p.tokenizer.tokenizer;
    if p.ids.is_empty() {
        return html! {};
    }
    // Special tokens are compared as plain text, so both sides cover the same bytes.
    let bpe = t.encode(&p.prompt);
    let greedy = greedy_longest_match(t, &p.prompt);
    let (sb, sg) = (spans(t, &bpe), spans(t, &greedy));
    let row = |ids: &[u32], own: &[(usize, usize)], other: &[(usize, usize)]| -> Vec<Chip> {
        ids.iter()
            .zip(own)
            .map(|(&id, span)| Chip {
                marked: !other.contains(span),
                ..chip(t, id)
            })
            .collect()
    };
    let same = bpe == greedy;
    html! {
        <section class="panel" aria-labelledby="tok-greedy">
            <h2 id="tok-greedy">{ tr(lang, Msg::TokGreedyTitle) }</h2>
            <Prose msg={Msg::TokGreedyExplain} />
            <div class="compare">
                <h3>{ tr(lang, Msg::TokBpeRow) }</h3>
                <TokenChips chips={row(&bpe, &sb, &sg)} show_ids=true label={tr(lang, Msg::TokBpeRow)} />
                <h3>{ tr(lang, Msg::TokGreedyRow) }</h3>
                <TokenChips chips={row(&greedy, &sg, &sb)} show_ids=true label={tr(lang, Msg::TokGreedyRow)} />
            </div>
            <p class="meta" data-testid="greedy-verdict">{ tr(lang, if same { Msg::TokAgree } else { Msg::TokDiffer }) }</p>
        </section>
    }
}

/// A trainer shown step by step, with the rules it learned.
#[derive(Clone)]
struct Replay {
    trainer: Trainer,
    learned: Vec<(String, String, String, u64)>,
}

impl Replay {
    fn new(mode: Mode, docs: &[&str]) -> Replay {
        Replay {
            trainer: Trainer::new(mode, docs),
            learned: Vec::new(),
        }
    }

    fn symbol(&self, id: u32) -> String {
        visible(&String::from_utf8_lossy(&self.trainer.vocab()[id as usize]))
    }

    /// Learns one rule; false when no pair is left.
    fn step(&mut self) -> bool {
        match self.trainer.step() {
            Some(s) => {
                let (a, b, c) = (
                    self.symbol(s.left),
                    self.symbol(s.right),
                    self.symbol(s.merged),
                );
                self.learned.push((a, b, c, s.count));
                true
            }
            None => false,
        }
    }
}

#[derive(Properties, PartialEq)]
struct LangProps {
    lang: Lang,
}

#[function_component(SeedExample)]
fn seed_example(p: &LangProps) -> Html {
    let lang = p.lang;
    let corpus_text = use_state(|| "low lower lowest".to_string());
    let replay = use_mut_ref(|| Replay::new(Mode::WordLevel, &["low lower lowest"]));
    let version = use_state(|| 0u32);
    let refresh = {
        let version = version.clone();
        move || version.set(*version + 1)
    };
    let on_input = {
        let (corpus_text, replay, refresh) = (corpus_text.clone(), replay.clone(), refresh.clone());
        on_text(move |v| {
            let text: String = v.chars().take(400).collect();
            *replay.borrow_mut() = Replay::new(Mode::WordLevel, &[&text]);
            corpus_text.set(text);
            refresh();
        })
    };
    let merge = {
        let (replay, refresh) = (replay.clone(), refresh.clone());
        Callback::from(move |_| {
            replay.borrow_mut().step();
            refresh();
        })
    };
    let reset = {
        let (replay, corpus_text, refresh) = (replay.clone(), corpus_text.clone(), refresh.clone());
        Callback::from(move |_| {
            *replay.borrow_mut() = Replay::new(Mode::WordLevel, &[&corpus_text]);
            refresh();
        })
    };
    let r = replay.borrow();
    let pairs = r.trainer.pair_counts();
    let words: Vec<Html> = r
        .trainer
        .words()
        .take(12)
        .map(|(w, count)| {
            html! {
                <li>
                    <span class="symbols">{ for w.iter().map(|&id| html! { <span class="symbol">{ r.symbol(id) }</span> }) }</span>
                    if count > 1 { <span class="meta">{ format!(" ×{count}") }</span> }
                </li>
            }
        })
        .collect();
    html! {
        <section class="panel" aria-labelledby="tok-seed">
            <h2 id="tok-seed">{ tr(lang, Msg::TokSeedTitle) }</h2>
            <Prose msg={Msg::TokSeedExplain} />
            <label class="field">
                <span>{ tr(lang, Msg::TokCorpus) }</span>
                <input type="text" value={(*corpus_text).clone()} oninput={on_input} maxlength="400" data-testid="seed-corpus" />
            </label>
            <div class="two-col">
                <div>
                    <h3>{ tr(lang, Msg::TokWords) }</h3>
                    <ul class="word-list" data-testid="seed-words">{ for words }</ul>
                </div>
                <div>
                    <h3>{ tr(lang, Msg::TokPairs) }</h3>
                    if pairs.is_empty() {
                        <p class="meta">{ tr(lang, Msg::TokNoPairs) }</p>
                    } else {
                        <ol class="pair-list" data-testid="seed-pairs">
                            { for pairs.iter().take(8).enumerate().map(|(i, pc)| html! {
                                <li class={classes!((i == 0).then_some("top"))}>
                                    <span class="symbol">{ r.symbol(pc.left) }</span>{ " " }
                                    <span class="symbol">{ r.symbol(pc.right) }</span>
                                    <span class="count">{ trf(lang, Msg::TokTimes, &[("n", &pc.count.to_string())]) }</span>
                                </li>
                            }) }
                        </ol>
                    }
                </div>
            </div>
            <div class="actions">
                <button type="button" class="primary" onclick={merge} disabled={pairs.is_empty()}>{ tr(lang, Msg::TokMergeNext) }</button>
                <button type="button" onclick={reset}>{ tr(lang, Msg::TokReset) }</button>
            </div>
            if !r.learned.is_empty() {
                <h3>{ tr(lang, Msg::TokLearned) }</h3>
                <ol class="rules" data-testid="seed-rules">
                    { for r.learned.iter().map(|(a, b, c, n)| html! {
                        <li><span class="symbol">{ a }</span>{ " + " }<span class="symbol">{ b }</span>{ " → " }<span class="symbol">{ c }</span>
                            <span class="count">{ trf(lang, Msg::TokTimes, &[("n", &n.to_string())]) }</span></li>
                    }) }
                </ol>
            }
        </section>
    }
}

#[function_component(TokenizerTraining)]
fn tokenizer_training(p: &LangProps) -> Html {
    let lang = p.lang;
    let app = use_app();
    let replay: Rc<RefCell<Option<Replay>>> = use_mut_ref(|| None);
    let version = use_state(|| 0u32);
    let preparing = use_state(|| false);
    let learn = |n: usize| {
        let (replay, version, preparing) = (replay.clone(), version.clone(), preparing.clone());
        Callback::from(move |_| {
            let (replay, version, preparing) = (replay.clone(), version.clone(), preparing.clone());
            let fresh = replay.borrow().is_none();
            if fresh {
                preparing.set(true);
            }
            wasm_bindgen_futures::spawn_local(async move {
                if fresh {
                    // Let the notice paint: generating and counting the text takes a moment.
                    gloo::timers::future::TimeoutFuture::new(30).await;
                }
                let mut slot = replay.borrow_mut();
                let r = slot.get_or_insert_with(builtin_replay);
                for _ in 0..n {
                    if !r.step() {
                        break;
                    }
                }
                preparing.set(false);
                version.set(*version + 1);
            });
        })
    };
    let r = replay.borrow();
    html! {
        <section class="panel" aria-labelledby="tok-train">
            <h2 id="tok-train">{ tr(lang, Msg::TokTrainTitle) }</h2>
            <Prose msg={Msg::TokTrainExplain} />
            if !app.model.is_built_in() {
                <p class="meta" data-testid="train-other">{ tr(lang, Msg::TokTrainOther) }</p>
            }
            <div class="actions">
                <button type="button" class="primary" onclick={learn(1)} disabled={*preparing}>{ tr(lang, Msg::TokTrainNext) }</button>
                <button type="button" onclick={learn(10)} disabled={*preparing}>{ tr(lang, Msg::TokTrainTen) }</button>
            </div>
            if *preparing {
                <p class="prompt-status" role="status"><span class="spinner" aria-hidden="true"></span>{ tr(lang, Msg::TokTrainPreparing) }</p>
            }
            if let Some(r) = r.as_ref() {
                <ol class="rules" data-testid="train-rules" reversed=true>
                    { for r.learned.iter().enumerate().rev().take(12).map(|(i, (a, b, c, n))| html! {
                        <li value={(i + 1).to_string()}><span class="symbol">{ a }</span>{ " + " }<span class="symbol">{ b }</span>{ " → " }<span class="symbol">{ c }</span>
                            <span class="count">{ trf(lang, Msg::TokTimes, &[("n", &number(lang, *n))]) }</span></li>
                    }) }
                </ol>
            }
        </section>
    }
}

/// The built-in tokenizer's training, ready to replay: the same generated text, joined per
/// source as the trainer joins it, so the rules come out in the vocabulary's order.
fn builtin_replay() -> Replay {
    let texts: Vec<String> = corpus::generate(corpus::BUILTIN_SEED, corpus::Sizes::BUILTIN)
        .sources()
        .iter()
        .map(|(_, docs)| corpus::tokenizer_text(docs))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    Replay::new(Mode::ByteLevel, &refs)
}

//! Chapter 12 — training, live: pretraining a tiny GPT from random weights, SFT with the loss
//! mask, and RLHF (ranking answers, a reward model, the policy against it). The work runs in the
//! lab's Web Worker ([`crate::ui::lab`]); this chapter sends commands and draws its reports.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::corpus::web::Removed;
use crate::i18n::{Lang, Msg, number, tr};
use crate::lab::pretrain::{PretrainSettings, TextSource};
use crate::lab::sft::{BaseModel, SftSettings};
use crate::lab::{Command, Phase};
use crate::training::trainer::LogEntry;
use crate::ui::context::use_app;
use crate::ui::lab::{self, LabView, use_lab};
use crate::ui::state::Action;
use crate::ui::terms::Prose;
use crate::ui::widgets::{event_value, visible};

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Pretrain,
    Sft,
    Rlhf,
}

/// A loss curve: training loss per step (and validation points), as an SVG line chart.
fn loss_chart(lang: Lang, log: &[LogEntry], testid: &str) -> Html {
    if log.is_empty() {
        return html! {};
    }
    let (w, h) = (560.0f32, 180.0f32);
    let max_step = log.last().map_or(1, |e| e.step).max(1) as f32;
    let max_loss = log
        .iter()
        .map(|e| e.train_loss)
        .fold(0.0f32, f32::max)
        .max(0.1);
    let x = |s: usize| 40.0 + (s as f32 / max_step) * (w - 50.0);
    let y = |l: f32| 10.0 + (1.0 - (l / max_loss).clamp(0.0, 1.0)) * (h - 30.0);
    // At most ~300 points: every k-th step.
    let k = log.len().div_ceil(300).max(1);
    let train: String = log
        .iter()
        .step_by(k)
        .map(|e| format!("{:.1},{:.1} ", x(e.step), y(e.train_loss)))
        .collect();
    let val: Vec<(f32, f32)> = log
        .iter()
        .filter_map(|e| e.val_loss.map(|v| (x(e.step), y(v))))
        .collect();
    let last = log.last().expect("not empty");
    html! {
        <figure class="loss-chart" data-testid={testid.to_string()} data-first={log[0].train_loss.to_string()}
                data-last={last.train_loss.to_string()} data-step={last.step.to_string()}
                data-val={log.iter().rev().find_map(|e| e.val_loss).map(|v| v.to_string()).unwrap_or_default()}>
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label={tr(lang, Msg::LabLossChart)}>
                <line x1="40" y1={(h - 20.0).to_string()} x2={w.to_string()} y2={(h - 20.0).to_string()} class="axis" />
                <line x1="40" y1="10" x2="40" y2={(h - 20.0).to_string()} class="axis" />
                <text x="2" y="16" class="tick">{ format!("{max_loss:.1}") }</text>
                <text x="2" y={(h - 20.0).to_string()} class="tick">{ "0" }</text>
                <text x={(w - 4.0).to_string()} y={(h - 4.0).to_string()} class="tick" text-anchor="end">{ format!("{} {}", tr(lang, Msg::LabStep), last.step) }</text>
                <polyline points={train} class="line-train" fill="none" />
                { for val.iter().map(|(vx, vy)| html! { <circle cx={vx.to_string()} cy={vy.to_string()} r="3.5" class="dot-val" /> }) }
            </svg>
            <figcaption>
                <span class="legend-item line-train-key">{ format!("{}: {:.3}", tr(lang, Msg::LabTrainLoss), last.train_loss) }</span>
                { for log.iter().rev().find_map(|e| e.val_loss).map(|v| html! {
                    <span class="legend-item dot-val-key">{ format!("{}: {v:.3}", tr(lang, Msg::LabValLoss)) }</span>
                }) }
            </figcaption>
        </figure>
    }
}

/// Colour for a loss in nats on a light-to-dark blue scale (colour-blind safe, readable in
/// grey): 0 → pale, ≥ 6 → dark.
fn loss_colour(l: f32) -> String {
    let t = (l / 6.0).clamp(0.0, 1.0);
    let lightness = 92.0 - 62.0 * t;
    format!("hsl(210, 70%, {lightness:.0}%)")
}

fn select(
    label: &str,
    value: String,
    options: &[(&str, String)],
    onchange: Callback<Event>,
    testid: &str,
) -> Html {
    html! {
        <label class="field">
            <span>{ label.to_string() }</span>
            <select {onchange} data-testid={testid.to_string()}>
                // A value set from elsewhere (the "lower learning rate" offer) is shown too.
                if !options.iter().any(|(v, _)| *v == value) {
                    <option value={value.clone()} selected=true>{ value.clone() }</option>
                }
                { for options.iter().map(|(v, text)| html! {
                    <option value={v.to_string()} selected={*v == value}>{ text.clone() }</option>
                }) }
            </select>
        </label>
    }
}

#[derive(Properties, PartialEq)]
struct TabProps {
    view: LabView,
}

/// The settings a link names, over `s`.
fn with_link(mut s: PretrainSettings, l: &crate::route::LabView) -> PretrainSettings {
    if let Some(src) = l.source.as_deref().and_then(TextSource::from_code) {
        s.source = src;
    }
    s.d_model = l.width.unwrap_or(s.d_model);
    s.n_layer = l.layers.unwrap_or(s.n_layer);
    s.lr = l.lr.unwrap_or(s.lr);
    s.batch_size = l.batch.unwrap_or(s.batch_size);
    s.seq_len = l.seq.unwrap_or(s.seq_len);
    s
}

/// What a link says about the settings (the own text stays on this device).
fn link_of(s: &PretrainSettings) -> crate::route::LabView {
    crate::route::LabView {
        source: Some(s.source.code().to_string()),
        width: Some(s.d_model),
        layers: Some(s.n_layer),
        lr: Some(s.lr),
        batch: Some(s.batch_size),
        seq: Some(s.seq_len),
    }
}

#[function_component(PretrainTab)]
fn pretrain_tab(p: &TabProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let v = &p.view;
    let settings = use_state(|| with_link(PretrainSettings::default(), &app.lab));
    // A link or a lesson step changes the settings; the run restarts from them on "Start".
    {
        let settings = settings.clone();
        use_effect_with(app.lab.clone(), move |l| {
            let next = with_link((*settings).clone(), l);
            if next != *settings {
                settings.set(next);
            }
        });
    }
    let set = |f: fn(&mut PretrainSettings, String)| {
        let (settings, app) = (settings.clone(), app.clone());
        Callback::from(move |e: Event| {
            let mut s = (*settings).clone();
            f(&mut s, event_value(&e));
            app.dispatch(Action::SetLab(link_of(&s)));
            settings.set(s);
        })
    };
    let source = settings.source;
    let start = {
        let settings = settings.clone();
        Callback::from(move |_| lab::send(&Command::Pretrain((*settings).clone())))
    };
    let own_input = {
        let settings = settings.clone();
        Callback::from(move |e: InputEvent| {
            let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            else {
                return;
            };
            let mut s = (*settings).clone();
            s.own_text = el.value();
            settings.set(s);
        })
    };
    let upload_error = use_state(|| None::<Msg>);
    let upload = {
        let settings = settings.clone();
        let upload_error = upload_error.clone();
        Callback::from(move |e: Event| {
            let Some(file) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            // Far more than the lab uses (1 MB) is not even read.
            if file.size() > 20e6 {
                upload_error.set(Some(Msg::LabFileTooLarge));
                return;
            }
            let settings = settings.clone();
            let upload_error = upload_error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await
                else {
                    upload_error.set(Some(Msg::LabFileUnreadable));
                    return;
                };
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                match String::from_utf8(bytes) {
                    Ok(t) if !t.contains('\0') => {
                        let mut s = (*settings).clone();
                        s.source = TextSource::Own;
                        s.own_text = t;
                        settings.set(s);
                        upload_error.set(None);
                    }
                    _ => upload_error.set(Some(Msg::LabFileNotText)),
                }
            });
        })
    };
    let sources = [
        (TextSource::Builtin, Msg::LabSourceBuiltin),
        (TextSource::Sentences, Msg::LabSourceSentences),
        (TextSource::Stories, Msg::LabSourceStories),
        (TextSource::Web, Msg::LabSourceWeb),
        (TextSource::Own, Msg::LabSourceOwn),
    ];
    let running = v.prepared.is_some() && !v.paused;
    let pause = Callback::from(|_| lab::send(&Command::Pause));
    let resume = Callback::from(|_| lab::send(&Command::Resume));
    let reset = Callback::from(|_| lab::send(&Command::Reset));
    let step = v.log.last().map_or(0, |e| e.step);
    html! {
        <>
        <section class="panel" aria-labelledby="lab-data">
            <h2 id="lab-data">{ tr(lang, Msg::LabDataTitle) }</h2>
            <Prose msg={Msg::LabDataExplain} />
            <fieldset class="choices" data-testid="lab-source">
                <legend>{ tr(lang, Msg::LabSource) }</legend>
                { for sources.iter().map(|&(s, m)| {
                    let (settings, app) = (settings.clone(), app.clone());
                    let onchange = Callback::from(move |_| {
                        let mut x = (*settings).clone();
                        x.source = s;
                        app.dispatch(Action::SetLab(link_of(&x)));
                        settings.set(x);
                    });
                    html! { <label class="choice"><input type="radio" name="lab-source" checked={source == s} {onchange} />{ tr(lang, m) }</label> }
                }) }
            </fieldset>
            if source == TextSource::Own {
                <label class="field wide">
                    <span>{ tr(lang, Msg::LabOwnText) }</span>
                    <textarea rows="5" value={settings.own_text.clone()} oninput={own_input} data-testid="lab-own-text" />
                </label>
                <label class="field"><span>{ tr(lang, Msg::LabUpload) }</span><input type="file" accept=".txt,.md,text/plain" onchange={upload} data-testid="lab-upload" /></label>
                if let Some(m) = *upload_error {
                    <p class="notice" role="alert" data-testid="lab-upload-error">{ tr(lang, m) }</p>
                }
            }
            <div class="controls-row">
                { select(tr(lang, Msg::LabVocab), settings.vocab_size.to_string(), &[("300", "300".into()), ("512", "512".into()), ("1024", "1024".into())], set(|s, v| s.vocab_size = v.parse().unwrap_or(512)), "lab-vocab") }
                { select(tr(lang, Msg::LabSeqLen), settings.seq_len.to_string(), &[("32", "32".into()), ("48", "48".into()), ("64", "64".into()), ("128", "128".into())], set(|s, v| s.seq_len = v.parse().unwrap_or(48)), "lab-seq") }
                { select(tr(lang, Msg::LabBatch), settings.batch_size.to_string(), &[("4", "4".into()), ("8", "8".into()), ("16", "16".into())], set(|s, v| s.batch_size = v.parse().unwrap_or(8)), "lab-batch") }
                { select(tr(lang, Msg::LabWidth), settings.d_model.to_string(), &[("32", "32".into()), ("64", "64".into()), ("128", "128".into())], set(|s, v| s.d_model = v.parse().unwrap_or(64)), "lab-width") }
                { select(tr(lang, Msg::LabLayers), settings.n_layer.to_string(), &[("1", "1".into()), ("2", "2".into()), ("3", "3".into()), ("4", "4".into())], set(|s, v| s.n_layer = v.parse().unwrap_or(2)), "lab-layers") }
                { select(tr(lang, Msg::LabLr), format!("{}", settings.lr), &[("0.001", "0.001".into()), ("0.003", "0.003".into()), ("0.01", "0.01".into()), ("0.1", "0.1".into()), ("100", format!("100 ({})", tr(lang, Msg::LabLrTooHigh)))], set(|s, v| s.lr = v.parse().unwrap_or(3e-3)), "lab-lr") }
            </div>
            <div class="controls-row">
                <button class="primary" onclick={start} disabled={!v.ready} data-testid="lab-start">{ tr(lang, if v.prepared.is_some() { Msg::LabRestart } else { Msg::LabStart }) }</button>
                if v.prepared.is_some() {
                    if running { <button onclick={pause} data-testid="lab-pause">{ tr(lang, Msg::LabPause) }</button> }
                    else { <button onclick={resume} data-testid="lab-resume">{ tr(lang, Msg::LabResume) }</button> }
                    <button onclick={reset} data-testid="lab-reset">{ tr(lang, Msg::LabReset) }</button>
                }
                if !v.ready { <span class="meta" role="status">{ tr(lang, Msg::LabLoading) }</span> }
                if v.waiting && v.prepared.is_none() && v.ready { <span class="meta" role="status">{ tr(lang, Msg::LabPreparing) }</span> }
            </div>
            if let Some((Phase::Pretrain, message, lr)) = &v.stopped {
                <div class="notice" role="alert" data-testid="lab-stopped">
                    <p>{ tr(lang, Msg::LabDiverged) }</p>
                    <p class="meta">{ tr(lang, Msg::TechnicalDetail) }{ " " }<code lang="en">{ message.clone() }</code></p>
                    { for lr.map(|lr| {
                        let settings = settings.clone();
                        let onclick = Callback::from(move |_| {
                            let mut s = (*settings).clone();
                            s.lr = lr;
                            settings.set(s.clone());
                            lab::send(&Command::Pretrain(s));
                        });
                        html! { <button {onclick} data-testid="lab-lower-lr">{ format!("{} {lr:.0e}", tr(lang, Msg::LabTryLr)) }</button> }
                    }) }
                </div>
            }
        </section>
        if let Some(prep) = &v.prepared {
            <section class="panel" aria-labelledby="lab-prepared">
                <h2 id="lab-prepared">{ tr(lang, Msg::LabPreparedTitle) }</h2>
                if let Some(n) = prep.capped_from {
                    <p class="notice" role="status" data-testid="lab-capped">{ crate::i18n::trf(lang, Msg::LabCapped, &[("n", &n.to_string())]) }</p>
                }
                if let Some(c) = &prep.cleaning {
                    <h3>{ tr(lang, Msg::LabCleaning) }</h3>
                    <p data-testid="lab-cleaning">{ crate::i18n::trf(lang, Msg::LabCleaningSummary, &[("in", &c.pages_in.to_string()), ("out", &c.pages_out.to_string())]) }</p>
                    <ul class="cleaning">
                        { for c.removed.iter().map(|(why, n)| {
                            let example = c.examples.iter().find(|(w, _)| w == why).map(|(_, t)| t.clone()).unwrap_or_default();
                            html! { <li><strong>{ format!("{}: {n}", tr(lang, removed_name(*why))) }</strong>{ " — " }<q class="meta">{ example }</q></li> }
                        }) }
                    </ul>
                }
                <h3>{ tr(lang, Msg::LabMerges) }</h3>
                <ol class="merges" data-testid="lab-merges">
                    { for prep.merges.iter().enumerate().map(|(i, m)| html! {
                        <li style={format!("animation-delay: {}ms", i * 120)}>
                            <span class="chip">{ visible(&m.left) }</span>{ " + " }<span class="chip">{ visible(&m.right) }</span>{ " → " }<span class="chip counts">{ visible(&m.merged) }</span>
                            <span class="meta">{ format!(" ×{}", m.count) }</span>
                        </li>
                    }) }
                </ol>
                <p class="meta">{ crate::i18n::trf(lang, Msg::LabDataSummary, &[("vocab", &number(lang, prep.vocab_size as u64)), ("params", &number(lang, prep.params as u64)), ("tokens", &number(lang, prep.sources.iter().map(|s| s.tokens).sum::<usize>() as u64))]) }</p>
                <h3>{ tr(lang, Msg::LabBlocks) }</h3>
                <Prose msg={Msg::LabBlocksExplain} />
                <div class="block-rows" data-testid="lab-block">
                    <div><span class="row-label">{ tr(lang, Msg::LabInput) }</span>
                        { for prep.example_block.iter().take(prep.example_block.len().saturating_sub(1)).take(16).map(|t| html! { <span class="chip">{ visible(t) }</span> }) }</div>
                    <div><span class="row-label">{ tr(lang, Msg::LabTarget) }</span>
                        { for prep.example_block.iter().skip(1).take(16).map(|t| html! { <span class="chip counts">{ visible(t) }</span> }) }</div>
                </div>
                if prep.sources.len() > 1 {
                    <h3>{ tr(lang, Msg::LabMixture) }</h3>
                    <div class="controls-row" data-testid="lab-mixture">
                        { for prep.sources.iter().enumerate().map(|(i, s)| {
                            let n = prep.sources.len();
                            let onchange = Callback::from(move |e: Event| {
                                let value: f64 = event_value(&e).parse().unwrap_or(1.0);
                                let mut w = vec![f64::NAN; n];
                                w[i] = value;
                                let current = lab::view().prepared.map(|p| p.sources.iter().map(|s| s.weight).collect::<Vec<_>>()).unwrap_or_else(|| vec![1.0; n]);
                                let weights: Vec<f64> = (0..n).map(|j| if j == i { value } else { current[j] }).collect();
                                lab::send(&Command::SetMixture(weights));
                            });
                            html! { <label class="field"><span>{ crate::i18n::trf(lang, Msg::LabSrcTokens, &[("name", source_name(lang, &s.name)), ("n", &number(lang, s.tokens as u64))]) }</span>
                                <input type="range" min="0" max="3" step="0.5" value={s.weight.to_string()} {onchange} /></label> }
                        }) }
                    </div>
                }
            </section>
            <section class="panel" aria-labelledby="lab-live">
                <h2 id="lab-live">{ tr(lang, Msg::LabLiveTitle) }</h2>
                <p class="meta" role="status" data-testid="lab-status">{
                    crate::i18n::trf(lang, if v.paused { Msg::LabStatusPaused } else { Msg::LabStatusRunning },
                        &[("step", &step.to_string()), ("rate", &format!("{:.0}", v.tokens_per_s))])
                }</p>
                { loss_chart(lang, &v.log, "lab-loss") }
                if let Some(tl) = &v.token_losses {
                    <h3>{ tr(lang, Msg::LabTokenLoss) }</h3>
                    <Prose msg={Msg::LabTokenLossExplain} />
                    <div class="loss-strip" data-testid="lab-token-loss">
                        { for tl.targets.iter().zip(&tl.losses).zip(&tl.inputs).map(|((t, l), i)| html! {
                            <span class="chip" style={format!("background:{}; color:{}", loss_colour(*l), if *l > 3.5 { "#fff" } else { "#111" })}
                                  title={crate::i18n::trf(lang, Msg::LabTokenLossTip, &[("i", &visible(i)), ("t", &visible(t)), ("l", &format!("{l:.2}"))])}>{ visible(t) }</span>
                        }) }
                    </div>
                }
                <h3>{ tr(lang, Msg::LabMask) }</h3>
                <Prose msg={Msg::LabMaskExplain} />
                { causal_mask(prep.example_block.iter().take(8).cloned().collect()) }
                <h3>{ tr(lang, Msg::LabSamples) }</h3>
                <ol class="samples" data-testid="lab-samples">
                    { for v.samples.iter().rev().take(6).map(|(s, texts)| html! {
                        <li><span class="meta">{ format!("{} {s}: ", tr(lang, Msg::LabStep)) }</span>{ for texts.iter().map(|t| html! { <q>{ t.clone() }</q> }) }</li>
                    }) }
                </ol>
            </section>
        }
        </>
    }
}

/// The causal mask over a few tokens: row i may look at columns ≤ i.
fn causal_mask(tokens: Vec<String>) -> Html {
    let n = tokens.len();
    html! {
        <table class="mask-table" data-testid="lab-mask">
            <tr><th></th>{ for tokens.iter().map(|t| html! { <th scope="col">{ visible(t) }</th> }) }</tr>
            { for (0..n).map(|r| html! {
                <tr><th scope="row">{ visible(&tokens[r]) }</th>
                    { for (0..n).map(|c| html! { <td class={if c <= r { "seen" } else { "masked" }}>{ if c <= r { "✓" } else { "" } }</td> }) }</tr>
            }) }
        </table>
    }
}

#[function_component(SftTab)]
fn sft_tab(p: &TabProps) -> Html {
    let lang = use_app().lang;
    let v = &p.view;
    let settings = use_state(|| SftSettings {
        question: if lang == Lang::De {
            "Was frisst ein Hund?".into()
        } else {
            "What does a dog eat?".into()
        },
        ..SftSettings::default()
    });
    let set = |f: fn(&mut SftSettings, String)| {
        let settings = settings.clone();
        Callback::from(move |e: Event| {
            let mut s = (*settings).clone();
            f(&mut s, event_value(&e));
            settings.set(s);
        })
    };
    let start = {
        let settings = settings.clone();
        Callback::from(move |_| lab::send(&Command::Sft((*settings).clone())))
    };
    let base = if settings.base == BaseModel::Builtin {
        "builtin"
    } else {
        "pretrained"
    };
    html! {
        <>
        <section class="panel" aria-labelledby="sft-title">
            <h2 id="sft-title">{ tr(lang, Msg::LabSftTitle) }</h2>
            <Prose msg={Msg::LabSftExplain} />
            <div class="controls-row">
                { select(tr(lang, Msg::LabSftBase), base.to_string(), &[("builtin", tr(lang, Msg::ModelBase).to_string()), ("pretrained", tr(lang, Msg::LabSftPretrained).to_string())],
                    set(|s, v| s.base = if v == "pretrained" { BaseModel::Pretrained } else { BaseModel::Builtin }), "sft-base") }
                { select(tr(lang, Msg::LabSftRepeats), settings.repeats.to_string(), &[("1", "1×".into()), ("2", "2×".into()), ("4", "4×".into()), ("8", "8×".into())], set(|s, v| s.repeats = v.parse().unwrap_or(4)), "sft-repeats") }
                { select(tr(lang, Msg::LabSftEpochs), settings.epochs.to_string(), &[("1", "1".into()), ("2", "2".into()), ("3", "3".into())], set(|s, v| s.epochs = v.parse().unwrap_or(2)), "sft-epochs") }
                <label class="field wide"><span>{ tr(lang, Msg::LabSftQuestion) }</span>
                    <input type="text" value={settings.question.clone()} onchange={set(|s, v| s.question = v.chars().take(120).collect())} data-testid="sft-question" /></label>
            </div>
            <button class="primary" onclick={start} disabled={!v.ready || v.sft_running} data-testid="sft-start">{ tr(lang, Msg::LabSftStart) }</button>
            if !v.ready { <span class="meta" role="status">{ tr(lang, Msg::LabLoading) }</span> }
        </section>
        if let Some(s) = &v.sft {
            <section class="panel" aria-labelledby="sft-mask">
                <h2 id="sft-mask">{ tr(lang, Msg::LabSftMaskTitle) }</h2>
                <Prose msg={Msg::LabSftMaskExplain} />
                <ol class="chips role-chips" data-testid="sft-example">
                    { for s.example.iter().map(|t| html! {
                        <li><span class={classes!("chip", t.role.as_ref().map_or("role-marker".to_string(), |r| format!("role-{r}")), t.counted.then_some("counts"))}
                            title={if t.counted { tr(lang, Msg::LabCounted) } else { tr(lang, Msg::LabNotCounted) }}>{ visible(&t.label) }</span></li>
                    }) }
                </ol>
                <p class="meta">{ crate::i18n::trf(lang, Msg::LabSftSummary, &[("dialogs", &s.dialogs.to_string()), ("counted", &s.counted.to_string()), ("tokens", &s.tokens.to_string())]) }</p>
                <progress max={s.steps.to_string()} value={v.sft_log.len().to_string()} data-testid="sft-progress"></progress>
                { loss_chart(lang, &v.sft_log, "sft-loss") }
                <div class="two-col">
                    <div class="answer" data-testid="sft-before"><h3>{ tr(lang, Msg::LabBefore) }</h3><p>{ if s.before.is_empty() { tr(lang, Msg::NoAnswer).to_string() } else { s.before.clone() } }</p></div>
                    <div class="answer" data-testid="sft-after"><h3>{ tr(lang, Msg::LabAfter) }</h3><p>{ v.sft_after.clone().unwrap_or_else(|| tr(lang, Msg::LabTraining).to_string()) }</p></div>
                </div>
            </section>
        }
        </>
    }
}

#[function_component(RlhfTab)]
fn rlhf_tab(p: &TabProps) -> Html {
    let lang = use_app().lang;
    let v = &p.view;
    let question = use_state(|| {
        if lang == Lang::De {
            "Was frisst ein Hund?".to_string()
        } else {
            "What does a dog eat?".to_string()
        }
    });
    let temperature = use_state(|| 1.0f32);
    let beta = use_state(|| 0.3f32);
    let order = use_state(Vec::<usize>::new);
    let n_answers = v.answers.as_ref().map_or(0, |(_, a)| a.len());
    if order.len() != n_answers {
        order.set((0..n_answers).collect());
    }
    let sample = {
        let (q, t) = (question.clone(), temperature.clone());
        Callback::from(move |_| {
            lab::send(&Command::Sample {
                question: (*q).clone(),
                n: 4,
                temperature: *t,
                top_p: 0.95,
            })
        })
    };
    let rank = {
        let order = order.clone();
        Callback::from(move |_| lab::send(&Command::Rank((*order).clone())))
    };
    let train_reward = Callback::from(|_| lab::send(&Command::TrainReward { steps: 30 }));
    let optimise = {
        let beta = beta.clone();
        Callback::from(move |_| {
            lab::send(&Command::Policy {
                steps: 8,
                beta: *beta,
            })
        })
    };
    let mv = |pos: usize, up: bool| {
        let order = order.clone();
        Callback::from(move |_| {
            let mut o = (*order).clone();
            let other = if up {
                pos.checked_sub(1)
            } else {
                (pos + 1 < o.len()).then_some(pos + 1)
            };
            if let Some(q) = other {
                o.swap(pos, q);
                order.set(o);
            }
        })
    };
    html! {
        <>
        <section class="panel" aria-labelledby="rlhf-title">
            <h2 id="rlhf-title">{ tr(lang, Msg::LabRlhfTitle) }</h2>
            <Prose msg={Msg::LabRlhfExplain} />
            <div class="controls-row">
                <label class="field wide"><span>{ tr(lang, Msg::LabSftQuestion) }</span>
                    <input type="text" value={(*question).clone()} onchange={{ let q = question.clone(); Callback::from(move |e: Event| q.set(event_value(&e).chars().take(120).collect())) }} data-testid="rlhf-question" /></label>
                <label class="field"><span>{ format!("{} {:.1}", tr(lang, Msg::SamTemperature), *temperature) }</span>
                    <input type="range" min="0.3" max="2" step="0.1" value={temperature.to_string()} onchange={{ let t = temperature.clone(); Callback::from(move |e: Event| t.set(event_value(&e).parse().unwrap_or(1.0))) }} /></label>
            </div>
            <button class="primary" onclick={sample} disabled={!v.ready} data-testid="rlhf-sample">{ tr(lang, Msg::LabSample) }</button>
        </section>
        if let Some((_, answers)) = &v.answers {
            <section class="panel" aria-labelledby="rlhf-rank">
                <h2 id="rlhf-rank">{ tr(lang, Msg::LabRankTitle) }</h2>
                <Prose msg={Msg::LabRankExplain} />
                <ol class="ranking" data-testid="rlhf-answers">
                    { for order.iter().enumerate().filter_map(|(pos, &i)| answers.get(i).map(|a| (pos, i, a))).map(|(pos, i, a)| html! {
                        <li data-answer={i.to_string()}>
                            <span class="answer-text">{ if a.text.is_empty() { tr(lang, Msg::NoAnswer).to_string() } else { a.text.clone() } }</span>
                            { for a.score.map(|s| html! { <span class="meta score">{ format!(" r = {s:+.2}") }</span> }) }
                            <button onclick={mv(pos, true)} disabled={pos == 0} aria-label={tr(lang, Msg::LabUp)}>{ "↑" }</button>
                            <button onclick={mv(pos, false)} disabled={pos + 1 == order.len()} aria-label={tr(lang, Msg::LabDown)}>{ "↓" }</button>
                        </li>
                    }) }
                </ol>
                <div class="controls-row">
                    <button onclick={rank} data-testid="rlhf-rank-save">{ tr(lang, Msg::LabSaveRanking) }</button>
                    <span class="meta" data-testid="rlhf-comparisons">{ crate::i18n::trf(lang, Msg::LabComparisons, &[("n", &v.comparisons.to_string())]) }</span>
                </div>
                <h3>{ tr(lang, Msg::LabRlVocab) }</h3>
                <Prose msg={Msg::LabRlVocabExplain} />
                { for answers.get(order.first().copied().unwrap_or(0)).map(|a| html! {
                    <table class="rl-table" data-testid="rlhf-vocab">
                        <tr><th scope="col">{ tr(lang, Msg::LabState) }</th><th scope="col">{ tr(lang, Msg::LabAction) }</th><th scope="col">{ "π(a|s)" }</th></tr>
                        { for a.tokens.iter().zip(&a.probs).enumerate().take(10).map(|(k, (t, p))| html! {
                            <tr><td>{ format!("… {}", a.tokens[..k].iter().rev().take(4).rev().map(|t| visible(t)).collect::<Vec<_>>().join("")) }</td>
                                <td><span class="chip">{ visible(t) }</span></td><td>{ format!("{:.1} %", p * 100.0) }</td></tr>
                        }) }
                    </table>
                }) }
            </section>
            <section class="panel" aria-labelledby="rlhf-reward">
                <h2 id="rlhf-reward">{ tr(lang, Msg::LabRewardTitle) }</h2>
                <Prose msg={Msg::LabRewardExplain} />
                <button onclick={train_reward} disabled={v.comparisons == 0} data-testid="rlhf-train-reward">{ tr(lang, Msg::LabTrainReward) }</button>
                if let Some((step, loss)) = v.reward_log.last() {
                    <p class="meta" data-testid="rlhf-reward-loss">{ format!("{} {step}: Bradley–Terry {loss:.3}", tr(lang, Msg::LabStep)) }</p>
                }
                <h3>{ tr(lang, Msg::LabPolicyTitle) }</h3>
                <Prose msg={Msg::LabPolicyExplain} />
                <label class="field"><span>{ format!("β (KL) {:.2}", *beta) }</span>
                    <input type="range" min="0" max="1" step="0.05" value={beta.to_string()} onchange={{ let b = beta.clone(); Callback::from(move |e: Event| b.set(event_value(&e).parse().unwrap_or(0.1))) }} /></label>
                <button onclick={optimise} disabled={v.reward_log.is_empty()} data-testid="rlhf-optimise">{ tr(lang, Msg::LabOptimise) }</button>
                if !v.policy_log.is_empty() {
                    <table class="policy-table" data-testid="rlhf-policy">
                        <tr><th scope="col">{ tr(lang, Msg::LabStep) }</th><th scope="col">{ tr(lang, Msg::LabMeanReward) }</th><th scope="col">{ "KL" }</th><th scope="col">{ tr(lang, Msg::LabPreferredProb) }</th><th scope="col">{ tr(lang, Msg::LabExample) }</th></tr>
                        { for v.policy_log.iter().map(|p| html! {
                            <tr><td>{ p.step }</td><td>{ format!("{:+.3}", p.mean_reward) }</td><td>{ format!("{:.3}", p.kl) }</td>
                                <td>{ if p.preferred_logprob.is_finite() { format!("{:.1} %", p.preferred_logprob.exp() * 100.0) } else { "–".into() } }</td><td><q>{ p.sample.clone() }</q></td></tr>
                        }) }
                    </table>
                }
            </section>
        }
        </>
    }
}

/// The chapter: three tabs, one per training phase.
#[function_component(TrainingChapter)]
pub fn training_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let view = use_lab();
    let tabs = [
        (Tab::Pretrain, Msg::LabTabPretrain, "pretrain"),
        (Tab::Sft, Msg::LabTabSft, "sft"),
        (Tab::Rlhf, Msg::LabTabRlhf, "rlhf"),
    ];
    // The tab is the chapter's view in the URL; pretraining by default.
    let tab = tabs
        .iter()
        .find(|(_, _, id)| app.view.as_deref() == Some(*id))
        .map_or(Tab::Pretrain, |t| t.0);
    html! {
        <>
            <div class="segmented lab-tabs" role="tablist" aria-label={tr(lang, Msg::LabTabs)}>
                { for tabs.iter().map(|&(t, m, id)| {
                    let app = app.clone();
                    html! { <button role="tab" aria-selected={(tab == t).to_string()} aria-pressed={(tab == t).to_string()} data-testid={format!("lab-tab-{id}")}
                        onclick={Callback::from(move |_| app.dispatch(Action::SetView(Some(id.to_string()))))}>{ tr(lang, m) }</button> }
                }) }
            </div>
            if let Some(e) = &view.error {
                <p class="notice" role="alert" data-testid="lab-error">{ tr(lang, Msg::LabError) }{ " " }<code lang="en">{ e.clone() }</code></p>
            }
            <p class="meta">{ tr(lang, Msg::LabWorkerNote) }</p>
            <p class="computed-on meta">{ tr(lang, Msg::ComputedOnCpu) }</p>
            { match tab {
                Tab::Pretrain => html! { <PretrainTab view={view.clone()} /> },
                Tab::Sft => html! { <SftTab view={view.clone()} /> },
                Tab::Rlhf => html! { <RlhfTab view={view.clone()} /> },
            } }
        </>
    }
}

/// The name of a reason the web cleaning removed something.
fn removed_name(why: Removed) -> Msg {
    match why {
        Removed::Duplicate => Msg::LabRemovedDuplicate,
        Removed::Boilerplate => Msg::LabRemovedBoilerplate,
        Removed::Spam => Msg::LabRemovedSpam,
        Removed::Junk => Msg::LabRemovedJunk,
        Removed::TooShort => Msg::LabRemovedTooShort,
    }
}

/// A pretraining source's name for the reader (the lab names them in English internally).
fn source_name(lang: Lang, name: &str) -> &'static str {
    tr(
        lang,
        match name {
            "sentences" => Msg::LabSrcSentences,
            "stories" => Msg::LabSrcStories,
            "web" => Msg::LabSrcWeb,
            _ => Msg::LabSrcOwn,
        },
    )
}

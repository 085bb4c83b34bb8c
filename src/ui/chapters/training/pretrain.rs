//! The pretraining tab: the text, the tokenizer and model settings, what the prepared data looks
//! like (cleaning, merges, blocks, mixture) and the live run (loss, per-token loss, samples).

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{TabProps, loss_chart, loss_colour, removed_name, select, source_name};
use crate::i18n::{Lang, Msg, number, tr};
use crate::lab::pretrain::{Prepared, PretrainSettings, TextSource};
use crate::lab::{Command, Phase};
use crate::ui::context::use_app;
use crate::ui::lab::{self, LabView};
use crate::ui::state::Action;
use crate::ui::terms::Prose;
use crate::ui::widgets::{event_files, event_value, visible};

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
pub(super) fn pretrain_tab(p: &TabProps) -> Html {
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
    let upload = upload_callback(settings.clone(), upload_error.clone());
    let sources = [
        (TextSource::Builtin, Msg::LabSourceBuiltin),
        (TextSource::Sentences, Msg::LabSourceSentences),
        (TextSource::Stories, Msg::LabSourceStories),
        (TextSource::Web, Msg::LabSourceWeb),
        (TextSource::Own, Msg::LabSourceOwn),
    ];
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
            { run_buttons(lang, v, start) }
            { stopped_notice(lang, v, settings.clone()) }
        </section>
        if let Some(prep) = &v.prepared {
            { prepared_panel(lang, prep) }
            { live_panel(lang, v, prep) }
        }
        </>
    }
}

/// Start (or restart), pause or resume, and reset, with what the lab is busy with.
fn run_buttons(lang: Lang, v: &LabView, start: Callback<MouseEvent>) -> Html {
    let running = v.prepared.is_some() && !v.paused;
    let pause = Callback::from(|_| lab::send(&Command::Pause));
    let resume = Callback::from(|_| lab::send(&Command::Resume));
    let reset = Callback::from(|_| lab::send(&Command::Reset));
    html! {
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
    }
}

/// Why a run stopped (it diverged), with a button that restarts it at a lower learning rate.
fn stopped_notice(lang: Lang, v: &LabView, settings: UseStateHandle<PretrainSettings>) -> Html {
    html! {
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
    }
}

/// Reads a dropped or chosen text file into the settings as the own text (at most 20 MB is
/// read; binary and unreadable files give a message instead).
fn upload_callback(
    settings: UseStateHandle<PretrainSettings>,
    upload_error: UseStateHandle<Option<Msg>>,
) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let Some(file) = event_files(&e).and_then(|f| f.get(0)) else {
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
            let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
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
}

/// What the prepared data looks like: the web cleaning, the tokenizer's merges, one training
/// block (inputs and targets) and the data mixture.
fn prepared_panel(lang: Lang, prep: &Prepared) -> Html {
    html! {
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
    }
}

/// The live run: status, loss curve, per-token loss, the causal mask and samples.
fn live_panel(lang: Lang, v: &LabView, prep: &Prepared) -> Html {
    let step = v.log.last().map_or(0, |e| e.step);
    html! {
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

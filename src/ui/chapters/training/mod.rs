//! Chapter 12 — training, live: pretraining a tiny GPT from random weights, SFT with the loss
//! mask, and RLHF (ranking answers, a reward model, the policy against it). The work runs in the
//! lab's Web Worker ([`crate::ui::lab`]); this chapter sends commands and draws its reports.
//!
//! | file | what |
//! |---|---|
//! | [`pretrain`] | the pretraining tab: data, settings, the prepared tokens, the live run |
//! | [`sft`] | the SFT tab: the loss mask and the answer before and after |
//! | [`rlhf`] | the RLHF tab: rankings, the reward model, the policy |

mod pretrain;
mod rlhf;
mod sft;

use yew::prelude::*;

use crate::corpus::web::Removed;
use crate::i18n::{Lang, Msg, tr};
use crate::training::trainer::LogEntry;
use crate::ui::context::use_app;
use crate::ui::lab::{LabView, use_lab};
use crate::ui::state::Action;
use pretrain::PretrainTab;
use rlhf::RlhfTab;
use sft::SftTab;

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

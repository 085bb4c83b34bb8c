//! The SFT tab: fine-tuning on dialogs with the loss mask, and one answer before and after.

use yew::prelude::*;

use super::{TabProps, loss_chart, select};
use crate::i18n::{Lang, Msg, tr};
use crate::lab::Command;
use crate::lab::sft::{BaseModel, SftSettings};
use crate::ui::context::use_app;
use crate::ui::lab::{self};
use crate::ui::terms::Prose;
use crate::ui::widgets::{event_value, visible};

#[function_component(SftTab)]
pub(super) fn sft_tab(p: &TabProps) -> Html {
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

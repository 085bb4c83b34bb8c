//! The RLHF tab: ranking answers, training a reward model on the rankings, and moving the
//! policy towards higher reward.

use yew::prelude::*;

use super::TabProps;
use crate::i18n::{Lang, Msg, tr};
use crate::lab::{AnswerView, Command};
use crate::ui::context::use_app;
use crate::ui::lab::{self, LabView};
use crate::ui::terms::Prose;
use crate::ui::widgets::{event_value, visible};

#[function_component(RlhfTab)]
pub(super) fn rlhf_tab(p: &TabProps) -> Html {
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
    let mv = |pos: usize, up: bool| move_answer(order.clone(), pos, up);
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
                { for answers.get(order.first().copied().unwrap_or(0)).map(|a| rl_vocab_table(lang, a)) }
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
                { policy_table(lang, v) }
            </section>
        }
        </>
    }
}

/// The language model as a policy: for the first few tokens of an answer, the state (the text so
/// far), the action (the token) and its probability π(a|s).
fn rl_vocab_table(lang: Lang, a: &AnswerView) -> Html {
    html! {
        <table class="rl-table" data-testid="rlhf-vocab">
            <tr><th scope="col">{ tr(lang, Msg::LabState) }</th><th scope="col">{ tr(lang, Msg::LabAction) }</th><th scope="col">{ "π(a|s)" }</th></tr>
            { for a.tokens.iter().zip(&a.probs).enumerate().take(10).map(|(k, (t, p))| html! {
                <tr><td>{ format!("… {}", a.tokens[..k].iter().rev().take(4).rev().map(|t| visible(t)).collect::<Vec<_>>().join("")) }</td>
                    <td><span class="chip">{ visible(t) }</span></td><td>{ format!("{:.1} %", p * 100.0) }</td></tr>
            }) }
        </table>
    }
}

/// The policy steps so far: mean reward, KL from the start, the preferred answer's probability.
fn policy_table(lang: Lang, v: &LabView) -> Html {
    if v.policy_log.is_empty() {
        return html! {};
    }
    html! {
        <table class="policy-table" data-testid="rlhf-policy">
            <tr><th scope="col">{ tr(lang, Msg::LabStep) }</th><th scope="col">{ tr(lang, Msg::LabMeanReward) }</th><th scope="col">{ "KL" }</th><th scope="col">{ tr(lang, Msg::LabPreferredProb) }</th><th scope="col">{ tr(lang, Msg::LabExample) }</th></tr>
            { for v.policy_log.iter().map(|p| html! {
                <tr><td>{ p.step }</td><td>{ format!("{:+.3}", p.mean_reward) }</td><td>{ format!("{:.3}", p.kl) }</td>
                    <td>{ if p.preferred_logprob.is_finite() { format!("{:.1} %", p.preferred_logprob.exp() * 100.0) } else { "–".into() } }</td><td><q>{ p.sample.clone() }</q></td></tr>
            }) }
        </table>
    }
}

/// Moves the answer at `pos` of the ranking one place up or down (nothing at either end).
fn move_answer(order: UseStateHandle<Vec<usize>>, pos: usize, up: bool) -> Callback<MouseEvent> {
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
}

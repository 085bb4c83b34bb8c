//! The questions the page checks: each asked from the live state when it renders, answered with
//! options, check boxes or a number, and checked with feedback that quotes the live numbers.

use yew::prelude::*;

use crate::chapters::Chapter;
use crate::i18n::{Msg, tr};
use crate::lesson::facts::Facts;
use crate::lesson::lesson;
use crate::lesson::questions::{Asked, Expect, Question, Reply, Verdict};
use crate::session::ModelId;
use crate::ui::context::use_app;
use crate::ui::lab::use_lab;
use crate::ui::state::{Action, Slot};
use crate::ui::widgets::event_value;

#[derive(Properties, PartialEq)]
pub struct QuizProps {
    pub chapter: Chapter,
}

/// The chapter's checked questions.
#[function_component(Quiz)]
pub fn quiz(p: &QuizProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some(l) = lesson(p.chapter) else {
        return html! {};
    };
    html! {
        <section class="panel quiz" aria-labelledby="quiz-title" data-testid="quiz">
            <h2 id="quiz-title">{ tr(lang, Msg::QuizTitle) }</h2>
            <p class="meta">{ tr(lang, Msg::QuizExplain) }</p>
            <ol class="questions">
                { for l.questions.iter().map(|&q| html! { <QuestionCard key={q.id()} question={q} /> }) }
            </ol>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    question: Question,
}

/// One question: asked now from the live state (or why it cannot be), the reply, the verdict.
#[function_component(QuestionCard)]
fn question_card(p: &CardProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let lab = use_lab();
    let choice = use_state(|| None::<usize>);
    let many = use_state(Vec::<bool>::new);
    let number = use_state(String::new);
    let verdict = use_state(|| None::<Verdict>);
    let asked = ask(&app, p.question, &lab.log);
    // A new question (the state changed) clears the last verdict.
    {
        let (verdict, key) = (verdict.clone(), asked.as_ref().map(|a| a.text.clone()).ok());
        use_effect_with(key, move |_| verdict.set(None));
    }
    let id = p.question.id();
    let Ok(asked) = asked else {
        let why = asked.err().unwrap_or_default();
        return html! {
            <li class="question" data-question={id} data-ready="false">
                <p class="meta" data-testid="not-now">{ why }</p>
            </li>
        };
    };
    let check = {
        let (asked, app, verdict) = (asked.clone(), app.clone(), verdict.clone());
        let (choice, many, number) = (choice.clone(), many.clone(), number.clone());
        Callback::from(move |_| {
            let reply = match &asked.expect {
                Expect::Choice { .. } => Reply::Choice(choice.unwrap_or(usize::MAX)),
                Expect::Many { options, .. } => {
                    let mut v = (*many).clone();
                    v.resize(options.len(), false);
                    Reply::Many(v)
                }
                Expect::Number { .. } => Reply::Number(
                    number
                        .trim()
                        .replace(['\'', '’', ' ', '%'], "")
                        .replace(',', ".")
                        .parse()
                        .unwrap_or(f64::NAN),
                ),
            };
            let v = asked.check(&reply, app.lang);
            app.dispatch(Action::Answered(id, v.correct));
            verdict.set(Some(v));
        })
    };
    let answer = answer_input(&asked, id, lang, &choice, &many, &number);
    html! {
        <li class="question" data-question={id} data-ready="true">
            <p class="q-text">{ asked.text.clone() }</p>
            { answer }
            <p class="answer-line print-only">{ tr(lang, Msg::QuizAnswerLine) }</p>
            <button type="button" onclick={check} data-testid="check">{ tr(lang, Msg::QuizCheck) }</button>
            <p class="feedback" role="status" aria-live="polite" data-testid="feedback"
               data-correct={verdict.as_ref().map(|v| v.correct.to_string())}>
                if let Some(v) = &*verdict {
                    <strong>{ tr(lang, if v.correct { Msg::QuizRight } else { Msg::QuizWrong }) }</strong>{ " " }{ v.feedback.clone() }
                }
            </p>
        </li>
    }
}

/// Asks a question in the app's state; why not, when it cannot be asked now.
fn ask(
    app: &crate::ui::context::App,
    q: Question,
    lab_log: &[crate::training::trainer::LogEntry],
) -> Result<Asked, String> {
    let (Some(loaded), Some(analysis)) = (app.loaded(), app.analysis.clone()) else {
        return Err(tr(app.lang, Msg::ModelLoading).to_string());
    };
    let chat = match app.slot(ModelId::Chat) {
        Slot::Ready(c) => Some(c.clone()),
        _ => None,
    };
    let facts = Facts {
        lang: app.lang,
        loaded: &loaded,
        analysis: &analysis,
        layer: app.layer,
        head: app.head,
        token: app.token,
        sampling: app.sampling,
        seed: app.seed,
        max_new: app.max_new,
        norm: crate::ui::chapters::norm_index(app.view.as_deref()),
        chat: chat.as_deref(),
        lab_log,
        rag: app.rag_facts.as_deref(),
    };
    q.ask(&facts).map_err(|why| why.0)
}

/// The reply's input: options, check boxes or a number field.
fn answer_input(
    asked: &Asked,
    id: &str,
    lang: crate::i18n::Lang,
    choice: &UseStateHandle<Option<usize>>,
    many: &UseStateHandle<Vec<bool>>,
    number: &UseStateHandle<String>,
) -> Html {
    let name = format!("q-{id}");
    match &asked.expect {
        Expect::Choice { options, .. } => html! {
            <fieldset class="options">
                <legend class="sr-only">{ asked.text.clone() }</legend>
                { for options.iter().enumerate().map(|(i, o)| {
                    let choice = choice.clone();
                    html! { <label class="option"><input type="radio" name={name.clone()} value={i.to_string()}
                        checked={*choice == Some(i)} onchange={ move |_| choice.set(Some(i)) } />{ o.clone() }</label> }
                }) }
            </fieldset>
        },
        Expect::Many { options, .. } => html! {
            <fieldset class="options">
                <legend class="sr-only">{ asked.text.clone() }</legend>
                { for options.iter().enumerate().map(|(i, o)| {
                    let many = many.clone();
                    let on = many.get(i).copied().unwrap_or(false);
                    let len = options.len();
                    html! { <label class="option"><input type="checkbox" value={i.to_string()} checked={on}
                        onchange={ move |_| { let mut v = (*many).clone(); v.resize(len, false); v[i] = !v[i]; many.set(v); } } />{ o.clone() }</label> }
                }) }
            </fieldset>
        },
        Expect::Number { .. } => html! {
            <label class="option number">
                <span>{ tr(lang, Msg::QuizNumber) }</span>
                <input type="text" inputmode="decimal" value={(**number).clone()} data-testid="answer-number"
                    oninput={ let number = number.clone(); move |e: InputEvent| number.set(event_value(&e)) } />
            </label>
        },
    }
}

//! A chapter as a lesson: the goal and the guided steps ([`LessonPanel`]), the questions the page
//! checks ([`quiz::Quiz`]) and the notes for teachers ([`teacher::TeacherNotes`]). The content is
//! [`crate::lesson`]; "Show me" applies a step's patch through the URL ([`apply`]).

mod apply;
pub mod quiz;
pub mod teacher;

use yew::prelude::*;

use super::context::use_app;
use super::state::Action;
use crate::chapters::Chapter;
use crate::i18n::{Msg, tr, trf};
use crate::lesson::lesson;
use crate::lesson::patch::Shortfall;

/// The step on show (from 0) in a chapter with `steps` steps.
pub fn current_step(lesson_param: Option<usize>, steps: usize) -> usize {
    lesson_param
        .unwrap_or(1)
        .clamp(1, steps.max(1))
        .saturating_sub(1)
}

/// The `id` of the element the current step points at (presenter mode and print show that
/// panel); `None` for a chapter without lesson.
pub fn focus(c: Chapter, lesson_param: Option<usize>) -> Option<&'static str> {
    let l = lesson(c)?;
    let i = current_step(lesson_param, l.steps.len());
    l.steps.get(i).map(|s| s.target)
}

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub chapter: Chapter,
}

/// The goal, the steps as an ordered list with "Show me", and the way through them.
#[function_component(LessonPanel)]
pub fn lesson_panel(p: &PanelProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let short = use_state(Vec::<Shortfall>::new);
    let Some(l) = lesson(p.chapter) else {
        return html! {};
    };
    let n = l.steps.len();
    let current = current_step(app.lesson, n);
    let go = |to: usize| {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::SetLesson(Some(to + 1))))
    };
    // Going on counts the step on show as done.
    let next = {
        let (app, c) = (app.clone(), p.chapter);
        Callback::from(move |_| {
            app.dispatch(Action::StepDone(c, current + 1));
            app.dispatch(Action::SetLesson(Some((current + 2).min(n))));
        })
    };
    let show = |i: usize| {
        let (app, short, c) = (app.clone(), short.clone(), p.chapter);
        Callback::from(move |_| short.set(apply::show_step(&app, c, i)))
    };
    let done = (0..n)
        .filter(|&i| app.progress.step_done(p.chapter, i + 1))
        .count();
    let right = l
        .questions
        .iter()
        .filter(|q| app.progress.answer(q.id()) == Some(true))
        .count();
    let progress = trf(
        lang,
        Msg::LessonProgress,
        &[
            ("steps", &done.to_string()),
            ("all", &n.to_string()),
            ("right", &right.to_string()),
            ("questions", &l.questions.len().to_string()),
        ],
    );
    html! {
        <section class="panel lesson" aria-labelledby="lesson-title" data-testid="lesson">
            <h2 id="lesson-title">{ tr(lang, Msg::LessonTitle) }</h2>
            <p class="goal" data-testid="lesson-goal"><strong>{ tr(lang, Msg::LessonGoal) }</strong>{ " " }{ l.goal.get(lang) }</p>
            <ol class="steps" aria-label={tr(lang, Msg::LessonSteps)} data-testid="lesson-steps">
                { for l.steps.iter().enumerate().map(|(i, s)| {
                    let here = i == current;
                    let seen = app.progress.step_done(p.chapter, i + 1);
                    html! {
                        <li class={classes!("step", here.then_some("current"), seen.then_some("done"))}
                            aria-current={here.then_some("step")} data-step={(i + 1).to_string()}>
                            <p class="step-action">
                                <button type="button" class="link step-pick" onclick={go(i)}>{ s.action.get(lang) }</button>
                                if seen { <span class="step-done">{ " ✓ " }<span class="sr-only">{ tr(lang, Msg::LessonDone) }</span></span> }
                            </p>
                            <button type="button" class="show-me" onclick={show(i)} data-testid="show-me">{ tr(lang, Msg::LessonShowMe) }</button>
                            <p class="step-notice">{ s.notice.get(lang) }</p>
                        </li>
                    }
                }) }
            </ol>
            { for short.iter().map(|s| html! { <p class="notice" role="status" data-testid="lesson-shortfall">{ shortfall(lang, s) }</p> }) }
            <div class="lesson-nav">
                <button type="button" onclick={go(current.saturating_sub(1))} disabled={current == 0}
                        aria-label={tr(lang, Msg::LessonPrev)}>{ "← " }<span class="nav-text">{ tr(lang, Msg::LessonPrev) }</span></button>
                <span class="meta" aria-live="polite">{ trf(lang, Msg::LessonStepOf, &[("i", &(current + 1).to_string()), ("n", &n.to_string())]) }</span>
                <button type="button" onclick={next} disabled={current + 1 >= n} data-testid="next-step"
                        aria-label={tr(lang, Msg::LessonNext)}><span class="nav-text">{ tr(lang, Msg::LessonNext) }</span>{ " →" }</button>
            </div>
            <p class="meta lesson-progress" data-testid="lesson-progress">
                { progress }{ " · " }
                <button type="button" class="link" onclick={ let app = app.clone(); move |_| app.dispatch(Action::ResetProgress) } data-testid="reset-progress">{ tr(lang, Msg::LessonReset) }</button>
                { " · " }
                <button type="button" class="link" onclick={|_| print()} data-testid="print">{ tr(lang, Msg::LessonPrint) }</button>
            </p>
        </section>
    }
}

/// What could not be done as the step asked, in words.
fn shortfall(lang: crate::i18n::Lang, s: &Shortfall) -> String {
    match s {
        Shortfall::TokenNotFound(t) => trf(
            lang,
            Msg::LessonTokenMissing,
            &[("t", &crate::i18n::quoted(lang, t))],
        ),
        Shortfall::TooFewLayers { asked, has } => trf(
            lang,
            Msg::LessonFewLayers,
            &[("asked", &asked.to_string()), ("has", &has.to_string())],
        ),
        Shortfall::TooFewHeads { asked, has } => trf(
            lang,
            Msg::LessonFewHeads,
            &[("asked", &asked.to_string()), ("has", &has.to_string())],
        ),
    }
}

/// Opens the browser's print dialog (the handout is the page's print style).
pub fn print() {
    let _ = gloo::utils::window().print();
}

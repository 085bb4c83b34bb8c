//! Notes for teachers, folded by default: a 45-minute plan, questions for the class with answers,
//! the misconceptions the chapter addresses, and links that open prepared states. They print
//! only when open.

use yew::prelude::*;

use super::apply::patched;
use crate::chapters::Chapter;
use crate::i18n::{Msg, tr};
use crate::lesson::lesson;
use crate::route::{self, ViewState};
use crate::ui::context::use_app;
use crate::ui::state::Action;

#[derive(Properties, PartialEq)]
pub struct TeacherProps {
    pub chapter: Chapter,
}

#[function_component(TeacherNotes)]
pub fn teacher_notes(p: &TeacherProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some(l) = lesson(p.chapter) else {
        return html! {};
    };
    let t = &l.teacher;
    let ontoggle = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let open = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|d| d.has_attribute("open"));
            if open != app.teacher {
                app.dispatch(Action::ToggleTeacher);
            }
        })
    };
    // A prepared state: this chapter in the language on show, with only the link's settings.
    let link = |patch| {
        let base = ViewState {
            chapter: p.chapter,
            lang: Some(lang),
            teacher: true,
            ..Default::default()
        };
        route::to_hash(&patched(&app, &base, patch).0)
    };
    let print_with_notes = Callback::from(|_| super::print());
    html! {
        <details class="panel teacher" open={app.teacher} {ontoggle} data-testid="teacher">
            <summary><h2>{ tr(lang, Msg::TeacherTitle) }</h2></summary>
            <h3>{ tr(lang, Msg::TeacherPlan) }</h3>
            <table class="numbers plan">
                <thead><tr><th scope="col" class="num">{ tr(lang, Msg::TeacherMinutes) }</th><th scope="col">{ tr(lang, Msg::TeacherPhase) }</th></tr></thead>
                <tbody>
                    { for t.plan.iter().map(|ph| html! { <tr><td class="num">{ ph.minutes }</td><td>{ ph.what.get(lang) }</td></tr> }) }
                </tbody>
            </table>
            <h3>{ tr(lang, Msg::TeacherQuestions) }</h3>
            <dl class="qa">
                { for t.class_questions.iter().map(|(q, a)| html! { <><dt>{ q.get(lang) }</dt><dd>{ a.get(lang) }</dd></> }) }
            </dl>
            <h3>{ tr(lang, Msg::TeacherMisconceptions) }</h3>
            <dl class="qa">
                { for t.misconceptions.iter().map(|(wrong, why)| html! { <><dt>{ wrong.get(lang) }</dt><dd>{ why.get(lang) }</dd></> }) }
            </dl>
            <h3>{ tr(lang, Msg::TeacherLinks) }</h3>
            <p class="meta">{ tr(lang, Msg::TeacherLinksExplain) }</p>
            <ul class="prepared" data-testid="prepared-links">
                { for t.links.iter().map(|(label, patch)| html! { <li><a href={link(patch)}>{ label.get(lang) }</a></li> }) }
            </ul>
            <button type="button" class="no-print" onclick={print_with_notes}>{ tr(lang, Msg::TeacherPrint) }</button>
        </details>
    }
}

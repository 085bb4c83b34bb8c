//! One chapter's page: where it stands in the walk-through, its title and introduction, the
//! prompt bar for chapters that work on the prompt, the chapter's own content, and the links to
//! the chapters before and after.

use yew::prelude::*;

use super::app::focus_main_heading;
use super::chapters::{ChapterBody, uses_prompt};
use super::context::use_app;
use super::lesson::quiz::Quiz;
use super::lesson::teacher::TeacherNotes;
use super::lesson::{self, LessonPanel};
use super::map::MiniMap;
use super::prompt::PromptBar;
use super::state::Action;
use super::terms::Prose;
use crate::chapters::Chapter;
use crate::i18n::{Msg, tr, trf};
use crate::route::RouteNotice;

#[function_component(ChapterView)]
pub fn chapter_view() -> Html {
    let app = use_app();
    let lang = app.lang;
    let c = app.chapter;

    // After the first render, a chapter change moves focus to the new heading so that keyboard
    // and screen-reader users land at the top of the new content.
    let first = use_mut_ref(|| true);
    use_effect_with(c, move |_| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            focus_main_heading();
        }
    });

    let notice = app.notice.as_ref().map(|n| {
        let text = match n {
            RouteNotice::UnknownChapter(slug) => trf(lang, Msg::UnknownChapter, &[("slug", slug)]),
        };
        let app = app.clone();
        let dismiss = Callback::from(move |_| app.dispatch(Action::DismissNotice));
        html! {
            <div class="notice" role="alert" data-testid="notice">
                <p>{ text }</p>
                <button type="button" class="notice-close" onclick={dismiss}
                        aria-label={tr(lang, Msg::Dismiss)} title={tr(lang, Msg::Dismiss)}>{ "×" }</button>
            </div>
        }
    });

    let focus = lesson::focus(c, app.lesson);
    let position = match c.number() {
        Some(n) => trf(
            lang,
            Msg::ChapterOf,
            &[
                ("n", &n.to_string()),
                ("total", &Chapter::ALL.len().to_string()),
            ],
        ),
        None => tr(lang, Msg::Appendix).to_string(),
    };
    html! {
        <>
            { for notice }
            <article class="chapter" data-chapter={c.slug()} data-focus={focus}>
                { focus_style(focus) }
                if c.number().is_some() { <MiniMap /> }
                <p class="eyebrow">{ position }</p>
                <h1 tabindex="-1">{ tr(lang, Msg::ChapterTitle(c)) }</h1>
                <Prose msg={Msg::ChapterIntro(c)} class={classes!("lead")} />
                <LessonPanel chapter={c} />
                if uses_prompt(c) { <PromptBar /> }
                <ChapterBody chapter={c} />
                <Quiz chapter={c} />
                <TeacherNotes chapter={c} />
            </article>
            <nav class="pager" aria-label={tr(lang, Msg::PagerLabel)}>
                if let Some(prev) = c.prev() {
                    <a class="pager-link prev" href={app.hash_for(prev)} rel="prev">
                        <span class="pager-dir">{ "← " }{ tr(lang, Msg::Previous) }</span>
                        <span class="pager-title">{ tr(lang, Msg::ChapterTitle(prev)) }</span>
                    </a>
                }
                if let Some(next) = c.next() {
                    <a class="pager-link next" href={app.hash_for(next)} rel="next">
                        <span class="pager-dir">{ tr(lang, Msg::Next) }{ " →" }</span>
                        <span class="pager-title">{ tr(lang, Msg::ChapterTitle(next)) }</span>
                    </a>
                }
            </nav>
            <p class="hint">{ tr(lang, Msg::KeyboardHint) }</p>
        </>
    }
}

/// In presenter mode and in print, only the panel of the current lesson step is shown (with the
/// lesson itself): one step at a time on the projector, one figure on the handout.
fn focus_style(focus: Option<&str>) -> Html {
    let Some(id) = focus else {
        return html! {};
    };
    // Ids are the chapters' own heading ids (letters, digits and hyphens): safe in a selector.
    let hide = format!(".chapter section.panel:not(.lesson):not(.quiz):not(:has(#{id}))");
    let css = format!(
        ":root[data-presenter=\"on\"] {hide} {{ display: none; }} @media print {{ {hide} {{ display: none; }} }}"
    );
    html! { <style>{ css }</style> }
}

//! The chapter rail: every chapter with its number, the current one marked. A column beside the
//! content on wide screens, a scrolling strip on phones.

use yew::prelude::*;

use crate::chapters::Chapter;
use crate::i18n::{Lang, Msg, tr};

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub lang: Lang,
    pub current: Chapter,
    /// One link target per page, in [`Chapter::PAGES`] order (the glossary last).
    pub hrefs: Vec<String>,
}

#[function_component(Nav)]
pub fn nav(props: &NavProps) -> Html {
    let lang = props.lang;
    // On phones the rail is a scrolling strip: keep the current chapter in view.
    use_effect_with(props.current, |_| {
        if let Ok(Some(el)) = gloo::utils::document().query_selector(".rail li.current") {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            options.set_inline(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    html! {
        <nav class="rail" aria-label={tr(lang, Msg::NavLabel)}>
            <ol>
                { for Chapter::PAGES.iter().zip(&props.hrefs).map(|(&c, href)| {
                    let current = c == props.current;
                    let appendix = c.number().is_none();
                    html! {
                        <li class={classes!(current.then_some("current"), appendix.then_some("appendix"))}>
                            <a href={href.clone()} aria-current={current.then_some("page")}
                               data-chapter={c.slug()}>
                                <span class="num" aria-hidden="true">{ c.number().map_or_else(|| "A–Z".to_string(), |n| n.to_string()) }</span>
                                <span class="title">{ tr(lang, Msg::ChapterTitle(c)) }</span>
                            </a>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}

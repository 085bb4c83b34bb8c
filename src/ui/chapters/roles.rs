//! Chapter 11 — roles: a chat (system, developer, user) turned into one text of tokens, coloured
//! by role, with the tokens SFT learns from marked; and the base and chat models answering the
//! same chat.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::chat::{self, Message, Role};
use crate::i18n::{Lang, Msg, tr, trf};
use crate::session::{Loaded, ModelId};
use crate::ui::context::use_app;
use crate::ui::state::Slot;
use crate::ui::terms::Prose;
use crate::ui::widgets::{role_class, visible};

fn role_name(lang: Lang, r: Role) -> &'static str {
    tr(
        lang,
        match r {
            Role::System => Msg::RoleSystem,
            Role::Developer => Msg::RoleDeveloper,
            Role::User => Msg::RoleUser,
            Role::Assistant => Msg::RoleAssistant,
        },
    )
}

/// The model's greedy answer to a chat, up to the end token.
fn answer(l: &Loaded, messages: &[Message]) -> String {
    chat::reply(
        &l.model,
        &l.tokenizer,
        &l.tokenizer.encode_with(&chat::prompt(messages), true),
    )
}

#[function_component(RolesChapter)]
pub fn roles_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let texts = use_state(|| {
        [
            tr(lang, Msg::RoleSystemDefault).to_string(),
            String::new(),
            tr(lang, Msg::RoleUserDefault).to_string(),
        ]
    });
    {
        let texts = texts.clone();
        use_effect_with(lang, move |&lang| {
            texts.set([
                tr(lang, Msg::RoleSystemDefault).to_string(),
                String::new(),
                tr(lang, Msg::RoleUserDefault).to_string(),
            ])
        });
    }
    let (chat_model, base_model) = match (app.slot(ModelId::Chat), app.slot(ModelId::Base)) {
        (Slot::Ready(c), Slot::Ready(b)) => (c.clone(), b.clone()),
        _ => return html! {},
    };
    let mut messages = vec![Message::new(Role::System, texts[0].trim())];
    if !texts[1].trim().is_empty() {
        messages.push(Message::new(Role::Developer, texts[1].trim()));
    }
    messages.push(Message::new(Role::User, texts[2].trim()));
    let answers = use_memo(
        (
            messages.clone(),
            Rc::as_ptr(&chat_model) as usize,
            Rc::as_ptr(&base_model) as usize,
        ),
        {
            let (c, b) = (chat_model.clone(), base_model.clone());
            move |(m, _, _)| (answer(&c, m), answer(&b, m))
        },
    );
    let mut full = messages.clone();
    full.push(Message::new(Role::Assistant, answers.0.clone()));
    let (ids, roles) = chat::encode(&chat_model.tokenizer, &full);
    let mask = chat::loss_mask(&roles);
    let field = |i: usize, role: Role, hint: Option<Msg>| {
        let value = texts[i].clone();
        let texts = texts.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                let mut t = (*texts).clone();
                t[i] = el.value().chars().take(300).collect();
                texts.set(t);
            }
        });
        html! {
            <label class={classes!("field", "role-field", role_class(Some(role)))}>
                <span>{ role_name(lang, role) }</span>
                <input type="text" {value} {oninput} placeholder={hint.map(|h| tr(lang, h))} data-testid={format!("role-{}", i)} />
            </label>
        }
    };
    html! {
        <>
            <section class="panel" aria-labelledby="role-title">
                <h2 id="role-title">{ tr(lang, Msg::RoleTitle) }</h2>
                { field(0, Role::System, None) }
                { field(1, Role::Developer, Some(Msg::RoleDeveloperHint)) }
                { field(2, Role::User, None) }
                <Prose msg={Msg::RoleExplain} />
                <ol class="chips role-chips" aria-label={tr(lang, Msg::RoleTitle)} data-testid="role-tokens">
                    { for ids.iter().zip(&roles).zip(&mask).map(|((&id, &role), &m)| html! {
                        <li><span class={classes!("chip", role_class(role), (m > 0.0).then_some("counts"))}
                                  title={format!("{} · {}", role.map_or(tr(lang, Msg::RoleMarker), |r| role_name(lang, r)), trf(lang, Msg::ChipTitle, &[("t", &visible(&chat_model.tokenizer.token_view(id).label)), ("id", &id.to_string())]))} data-id={id.to_string()}>
                            <span class="chip-text">{ visible(&chat_model.tokenizer.token_view(id).label) }</span>
                        </span></li>
                    }) }
                </ol>
                <p class="meta legend">
                    { for Role::ALL.iter().map(|&r| html! { <span class={classes!("legend-item", role_class(Some(r)))}>{ role_name(lang, r) }</span> }) }
                    <span>{ tr(lang, Msg::RoleLegend) }</span>
                </p>
            </section>
            <section class="panel" aria-labelledby="role-compare">
                <h2 id="role-compare">{ tr(lang, Msg::RoleCompareTitle) }</h2>
                <Prose msg={Msg::RoleCompareExplain} />
                <p class="computed-on meta">{ tr(lang, Msg::ComputedOnCpu) }</p>
                <div class="two-col">
                    <div class="answer" data-testid="answer-chat">
                        <h3>{ tr(lang, Msg::ModelChat) }</h3>
                        <p>{ if answers.0.trim().is_empty() { tr(lang, Msg::NoAnswer).to_string() } else { answers.0.clone() } }</p>
                    </div>
                    <div class="answer" data-testid="answer-base">
                        <h3>{ tr(lang, Msg::ModelBase) }</h3>
                        <p>{ if answers.1.trim().is_empty() { tr(lang, Msg::NoAnswer).to_string() } else { answers.1.clone() } }</p>
                    </div>
                </div>
            </section>
        </>
    }
}

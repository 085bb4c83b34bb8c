//! Chapter 11 — roles: a chat (system, developer, user) turned into one text of tokens, coloured
//! by role, with the tokens SFT learns from marked; and the base and chat models answering the
//! same chat.

use std::rc::Rc;

use yew::prelude::*;

use crate::chat::{self, Message, Role};
use crate::i18n::{Lang, Msg, tr, trf};
use crate::session::{Loaded, ModelId};
use crate::ui::context::use_app;
use crate::ui::state::Slot;
use crate::ui::terms::Prose;
use crate::ui::widgets::{on_text, role_class, visible};

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

/// The fields' texts when the chapter opens or the language changes: system, developer, user.
fn default_texts(lang: Lang) -> [String; 3] {
    [
        tr(lang, Msg::RoleSystemDefault).to_string(),
        String::new(),
        tr(lang, Msg::RoleUserDefault).to_string(),
    ]
}

/// The chat the fields describe; an empty developer message is left out.
fn chat_messages(texts: &[String; 3]) -> Vec<Message> {
    let mut messages = vec![Message::new(Role::System, texts[0].trim())];
    if !texts[1].trim().is_empty() {
        messages.push(Message::new(Role::Developer, texts[1].trim()));
    }
    messages.push(Message::new(Role::User, texts[2].trim()));
    messages
}

/// One message's text field (at most 300 characters), coloured by its role.
fn role_field(
    lang: Lang,
    texts: &UseStateHandle<[String; 3]>,
    i: usize,
    role: Role,
    hint: Option<Msg>,
) -> Html {
    let value = texts[i].clone();
    let texts = texts.clone();
    let oninput = on_text(move |v| {
        let mut t = (*texts).clone();
        t[i] = v.chars().take(300).collect();
        texts.set(t);
    });
    html! {
        <label class={classes!("field", "role-field", role_class(Some(role)))}>
            <span>{ role_name(lang, role) }</span>
            <input type="text" {value} {oninput} placeholder={hint.map(|h| tr(lang, h))} data-testid={format!("role-{}", i)} />
        </label>
    }
}

/// The whole chat as one row of tokens coloured by role; the tokens SFT learns from marked.
fn role_chips(lang: Lang, l: &Loaded, chat: &[Message]) -> Html {
    let (ids, roles) = chat::encode(&l.tokenizer, chat);
    let mask = chat::loss_mask(&roles);
    html! {
        <>
            <ol class="chips role-chips" aria-label={tr(lang, Msg::RoleTitle)} data-testid="role-tokens">
                { for ids.iter().zip(&roles).zip(&mask).map(|((&id, &role), &m)| html! {
                    <li><span class={classes!("chip", role_class(role), (m > 0.0).then_some("counts"))}
                              title={format!("{} · {}", role.map_or(tr(lang, Msg::RoleMarker), |r| role_name(lang, r)), trf(lang, Msg::ChipTitle, &[("t", &visible(&l.tokenizer.token_view(id).label)), ("id", &id.to_string())]))} data-id={id.to_string()}>
                        <span class="chip-text">{ visible(&l.tokenizer.token_view(id).label) }</span>
                    </span></li>
                }) }
            </ol>
            <p class="meta legend">
                { for Role::ALL.iter().map(|&r| html! { <span class={classes!("legend-item", role_class(Some(r)))}>{ role_name(lang, r) }</span> }) }
                <span>{ tr(lang, Msg::RoleLegend) }</span>
            </p>
        </>
    }
}

/// One model's answer, or a note that it gave none.
fn answer_box(lang: Lang, model: Msg, answer: &str, testid: &'static str) -> Html {
    html! {
        <div class="answer" data-testid={testid}>
            <h3>{ tr(lang, model) }</h3>
            <p>{ if answer.trim().is_empty() { tr(lang, Msg::NoAnswer).to_string() } else { answer.to_string() } }</p>
        </div>
    }
}

#[function_component(RolesChapter)]
pub fn roles_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let texts = use_state(|| default_texts(lang));
    {
        let texts = texts.clone();
        use_effect_with(lang, move |&lang| texts.set(default_texts(lang)));
    }
    let models = match (app.slot(ModelId::Chat), app.slot(ModelId::Base)) {
        (Slot::Ready(c), Slot::Ready(b)) => Some((c.clone(), b.clone())),
        _ => None,
    };
    let messages = chat_messages(&texts);
    let answers = use_memo(
        (
            messages.clone(),
            models
                .as_ref()
                .map(|(c, b)| (Rc::as_ptr(c) as usize, Rc::as_ptr(b) as usize)),
        ),
        {
            let models = models.clone();
            move |(m, _)| models.map(|(c, b)| (answer(&c, m), answer(&b, m)))
        },
    );
    let (Some((chat_model, _)), Some((chat_answer, base_answer))) = (models, (*answers).clone())
    else {
        return html! {};
    };
    let mut full = messages;
    full.push(Message::new(Role::Assistant, chat_answer.clone()));
    html! {
        <>
            <section class="panel" aria-labelledby="role-title">
                <h2 id="role-title">{ tr(lang, Msg::RoleTitle) }</h2>
                { role_field(lang, &texts, 0, Role::System, None) }
                { role_field(lang, &texts, 1, Role::Developer, Some(Msg::RoleDeveloperHint)) }
                { role_field(lang, &texts, 2, Role::User, None) }
                <Prose msg={Msg::RoleExplain} />
                { role_chips(lang, &chat_model, &full) }
            </section>
            <section class="panel" aria-labelledby="role-compare">
                <h2 id="role-compare">{ tr(lang, Msg::RoleCompareTitle) }</h2>
                <Prose msg={Msg::RoleCompareExplain} />
                <p class="computed-on meta">{ tr(lang, Msg::ComputedOnCpu) }</p>
                <div class="two-col">
                    { answer_box(lang, Msg::ModelChat, &chat_answer, "answer-chat") }
                    { answer_box(lang, Msg::ModelBase, &base_answer, "answer-base") }
                </div>
            </section>
        </>
    }
}

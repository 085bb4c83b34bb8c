//! Small building blocks the chapters share: token chips, step controls, vector strips,
//! heatmaps and bar charts. Every value is readable as a number (tooltip or label), so nothing
//! relies on colour alone.

use yew::prelude::*;

use super::palette;
use crate::i18n::{Lang, Msg, tr, trf};

pub use crate::tokenizer::visible;

/// The value of the input, select or text area that fired `e` ("" for anything else).
pub fn event_value(e: &Event) -> String {
    use wasm_bindgen::JsCast;
    let target = e.target();
    target
        .clone()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|el| el.value())
        .or_else(|| {
            target
                .clone()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|el| el.value())
        })
        .or_else(|| {
            target
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                .map(|el| el.value())
        })
        .unwrap_or_default()
}

/// The files chosen in the file input that fired `e` (`None` for anything else).
pub fn event_files(e: &Event) -> Option<web_sys::FileList> {
    use wasm_bindgen::JsCast;
    e.target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()
}

/// An `input` callback that hands the field's text to `on`.
pub fn on_text(on: impl Fn(String) + 'static) -> Callback<InputEvent> {
    Callback::from(move |e: InputEvent| on(event_value(&e)))
}

/// An `input` callback that hands the field's value to `on` as a `T` (a slider's number); a
/// value that does not parse is ignored, so the state keeps its last good value.
pub fn on_parsed<T: std::str::FromStr + 'static>(on: impl Fn(T) + 'static) -> Callback<InputEvent> {
    Callback::from(move |e: InputEvent| {
        if let Ok(v) = event_value(&e).parse::<T>() {
            on(v);
        }
    })
}

/// The CSS class that colours a token by its chat role (markers: none).
pub fn role_class(r: Option<crate::chat::Role>) -> &'static str {
    use crate::chat::Role;
    match r {
        Some(Role::System) => "role-system",
        Some(Role::Developer) => "role-developer",
        Some(Role::User) => "role-user",
        Some(Role::Assistant) => "role-assistant",
        None => "role-marker",
    }
}

/// One chip.
#[derive(Clone, PartialEq)]
pub struct Chip {
    pub label: String,
    pub id: u32,
    pub special: bool,
    /// Drawn with an outline (e.g. where two tokenizations differ).
    pub marked: bool,
}

#[derive(Properties, PartialEq)]
pub struct ChipsProps {
    pub chips: Vec<Chip>,
    #[prop_or_default]
    pub selected: Option<usize>,
    /// Makes the chips buttons that report their index.
    #[prop_or_default]
    pub on_select: Option<Callback<usize>>,
    #[prop_or_default]
    pub show_ids: bool,
    /// An accessible name for the list.
    pub label: AttrValue,
}

/// Tokens as coloured chips with their ids.
#[function_component(TokenChips)]
pub fn token_chips(p: &ChipsProps) -> Html {
    let lang = super::context::use_app().lang;
    html! {
        <ol class="chips" aria-label={p.label.clone()}>
            { for p.chips.iter().enumerate().map(|(i, c)| {
                let tint = palette::CHIP_TINTS[i % palette::CHIP_TINTS.len()];
                let class = classes!("chip", c.special.then_some("special"), c.marked.then_some("marked"),
                                     (p.selected == Some(i)).then_some("selected"));
                let style = if c.special { String::new() } else { format!("background:{tint}") };
                let body = html! {
                    <>
                        <span class="chip-text">{ visible(&c.label) }</span>
                        if p.show_ids { <span class="chip-id">{ c.id }</span> }
                    </>
                };
                let title = trf(lang, Msg::ChipTitle, &[("t", &visible(&c.label)), ("id", &c.id.to_string())]);
                html! {
                    <li>
                        if let Some(cb) = &p.on_select {
                            <button type="button" {class} {style} {title} data-id={c.id.to_string()}
                                    aria-pressed={(p.selected == Some(i)).to_string()}
                                    onclick={ let cb = cb.clone(); move |_| cb.emit(i) }>{ body }</button>
                        } else {
                            <span {class} {style} {title} data-id={c.id.to_string()}>{ body }</span>
                        }
                    </li>
                }
            }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
pub struct StepsProps {
    pub lang: Lang,
    /// Current step, 0 ..= total.
    pub step: usize,
    pub total: usize,
    pub on_change: Callback<usize>,
    #[prop_or_default]
    pub playing: bool,
    #[prop_or_default]
    pub on_play: Option<Callback<bool>>,
}

/// Small icons drawn as SVG, so they look the same with every font.
#[derive(Clone, Copy, PartialEq)]
pub enum Icon {
    First,
    Back,
    Forward,
    Last,
    Play,
    Pause,
}

pub fn icon(i: Icon) -> Html {
    let path = match i {
        Icon::First => "M3 3h2v10H3zM13 3v10L6 8z",
        Icon::Back => "M11 3v10L4 8z",
        Icon::Forward => "M5 3v10l7-5z",
        Icon::Last => "M11 3h2v10h-2zM3 3v10l7-5z",
        Icon::Play => "M4 2.5v11l9-5.5z",
        Icon::Pause => "M4 3h3v10H4zM9 3h3v10H9z",
    };
    html! {
        <svg class="svg-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d={path} fill="currentColor" />
        </svg>
    }
}

/// First / back / play–pause / forward / last, with the step count.
#[function_component(StepControls)]
pub fn step_controls(p: &StepsProps) -> Html {
    let lang = p.lang;
    let go = |to: usize| {
        let cb = p.on_change.clone();
        Callback::from(move |_| cb.emit(to))
    };
    html! {
        <div class="steps" role="group">
            <button type="button" class="icon" onclick={go(0)} disabled={p.step == 0}
                    aria-label={tr(lang, Msg::First)} title={tr(lang, Msg::First)}>{ icon(Icon::First) }</button>
            <button type="button" class="icon" onclick={go(p.step.saturating_sub(1))} disabled={p.step == 0}
                    aria-label={tr(lang, Msg::Back)} title={tr(lang, Msg::Back)}>{ icon(Icon::Back) }</button>
            if let Some(on_play) = &p.on_play {
                <button type="button" class="icon play" disabled={p.step >= p.total && !p.playing}
                        aria-label={tr(lang, if p.playing { Msg::Pause } else { Msg::Play })}
                        title={tr(lang, if p.playing { Msg::Pause } else { Msg::Play })}
                        onclick={ let cb = on_play.clone(); let playing = p.playing; move |_| cb.emit(!playing) }>
                    { icon(if p.playing { Icon::Pause } else { Icon::Play }) }
                </button>
            }
            <button type="button" class="icon" onclick={go((p.step + 1).min(p.total))} disabled={p.step >= p.total}
                    aria-label={tr(lang, Msg::Forward)} title={tr(lang, Msg::Forward)}>{ icon(Icon::Forward) }</button>
            <button type="button" class="icon" onclick={go(p.total)} disabled={p.step >= p.total}
                    aria-label={tr(lang, Msg::Last)} title={tr(lang, Msg::Last)}>{ icon(Icon::Last) }</button>
            <span class="step-count" aria-live="polite">
                { trf(lang, Msg::StepOf, &[("i", &p.step.to_string()), ("n", &p.total.to_string())]) }
            </span>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StripProps {
    pub values: Vec<f32>,
    /// Largest magnitude for the colour scale (shared between strips that are compared).
    pub scale: f32,
    pub label: AttrValue,
    #[prop_or(6)]
    pub cell: usize,
    #[prop_or(22)]
    pub height: usize,
}

/// A vector as a row of coloured cells, each with its value as a tooltip.
#[function_component(VectorStrip)]
pub fn vector_strip(p: &StripProps) -> Html {
    let w = p.values.len() * p.cell;
    html! {
        <svg class="strip" role="img" aria-label={p.label.clone()} width={w.to_string()} height={p.height.to_string()}
             viewBox={format!("0 0 {w} {}", p.height)} preserveAspectRatio="none">
            { for p.values.iter().enumerate().map(|(i, &v)| html! {
                <rect x={(i * p.cell).to_string()} y="0" width={p.cell.to_string()} height={p.height.to_string()}
                      fill={palette::diverging(v, p.scale)}>
                    <title>{ format!("[{i}] {v:.4}") }</title>
                </rect>
            }) }
        </svg>
    }
}

/// How a heatmap colours its cells.
#[derive(Clone, Copy, PartialEq)]
pub enum Scale {
    /// Signed values, blue–white–orange, scaled by the largest magnitude.
    Diverging,
    /// Values in [0, 1], white to blue; cells with a NaN/−∞ value are drawn hatched (masked).
    Sequential,
}

#[derive(Properties, PartialEq)]
pub struct HeatmapProps {
    pub rows: usize,
    pub cols: usize,
    pub values: Vec<f32>,
    pub scale: Scale,
    pub label: AttrValue,
    /// Labels along the left (rows) and the top (columns).
    #[prop_or_default]
    pub row_labels: Vec<String>,
    #[prop_or_default]
    pub col_labels: Vec<String>,
    #[prop_or(18)]
    pub cell: usize,
    /// Print the values in the cells (for small matrices).
    #[prop_or_default]
    pub numbers: bool,
    /// Hatch the cells above the diagonal (the causal mask), whatever their value.
    #[prop_or_default]
    pub causal: bool,
}

/// A matrix as coloured cells with tooltips; −∞ (masked) cells are hatched.
#[function_component(Heatmap)]
pub fn heatmap(p: &HeatmapProps) -> Html {
    let masked_word = tr(super::context::use_app().lang, Msg::Masked);
    let c = p.cell;
    let left = if p.row_labels.is_empty() { 0 } else { 70 };
    let top = if p.col_labels.is_empty() { 0 } else { 64 };
    let (w, h) = (left + p.cols * c, top + p.rows * c);
    let max = palette::max_abs(&p.values);
    html! {
        <svg class="heatmap" role="img" aria-label={p.label.clone()} width={w.to_string()} height={h.to_string()}
             viewBox={format!("0 0 {w} {h}")}>
            <defs>
                <pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="4" height="4" fill="var(--surface-2)" />
                    <line x1="0" y1="0" x2="0" y2="4" stroke="var(--muted)" stroke-width="1.2" />
                </pattern>
            </defs>
            { for p.row_labels.iter().enumerate().map(|(r, l)| html! {
                <text x={(left - 4).to_string()} y={(top + r * c + c / 2 + 4).to_string()} text-anchor="end" class="axis-label">{ visible(l) }</text>
            }) }
            { for p.col_labels.iter().enumerate().map(|(col, l)| html! {
                <text transform={format!("translate({},{}) rotate(-55)", left + col * c + c / 2 + 3, top - 4)} class="axis-label">{ visible(l) }</text>
            }) }
            { for (0..p.rows).flat_map(|r| (0..p.cols).map(move |col| (r, col))).map(|(r, col)| {
                let v = p.values[r * p.cols + col];
                let masked = !v.is_finite() || (p.causal && col > r);
                let fill = if masked { "url(#hatch)".to_string() } else {
                    match p.scale { Scale::Diverging => palette::diverging(v, max), Scale::Sequential => palette::sequential(v) }
                };
                let tip = if !v.is_finite() { format!("−∞ ({masked_word})") } else if masked { format!("{v:.4} ({masked_word})") } else { format!("{v:.4}") };
                let light = p.scale == Scale::Sequential && palette::light_text_on(v);
                html! {
                    <g>
                        <rect x={(left + col * c).to_string()} y={(top + r * c).to_string()} width={c.to_string()} height={c.to_string()}
                              fill={fill} class="cell"><title>{ tip }</title></rect>
                        if p.numbers && !masked {
                            <text x={(left + col * c + c / 2).to_string()} y={(top + r * c + c / 2 + 4).to_string()}
                                  text-anchor="middle" class={classes!("cell-number", light.then_some("light"))}>
                                { format!("{:.0}", v * 100.0) }
                            </text>
                        }
                    </g>
                }
            }) }
        </svg>
    }
}

/// One bar.
#[derive(Clone, PartialEq)]
pub struct Bar {
    /// Shown as given; token texts go through [`visible`] first.
    pub label: String,
    pub value: f32,
    /// Shown after the bar, e.g. "37.2 %".
    pub text: String,
    pub emphasis: bool,
    /// Drawn faded and struck through (cut off).
    pub cut: bool,
}

#[derive(Properties, PartialEq)]
pub struct BarsProps {
    pub bars: Vec<Bar>,
    /// The value of a full-width bar.
    pub max: f32,
    pub label: AttrValue,
}

/// A horizontal bar chart with labels and values.
#[function_component(Bars)]
pub fn bars(p: &BarsProps) -> Html {
    html! {
        <ol class="bars" aria-label={p.label.clone()}>
            { for p.bars.iter().map(|b| {
                let pct = if p.max > 0.0 { (b.value / p.max * 100.0).clamp(0.0, 100.0) } else { 0.0 };
                html! {
                    <li class={classes!("bar-row", b.emphasis.then_some("emphasis"), b.cut.then_some("cut"))}>
                        <span class="bar-label">{ &b.label }</span>
                        <span class="bar-track"><span class="bar-fill" style={format!("width:{pct:.2}%")}></span></span>
                        <span class="bar-value">{ &b.text }</span>
                    </li>
                }
            }) }
        </ol>
    }
}

/// A percentage with one decimal, e.g. "37.2 %".
pub fn percent(p: f32) -> String {
    format!("{:.1} %", p * 100.0)
}

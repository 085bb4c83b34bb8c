//! The URL hash ↔ view state, so that a teacher can share a link that opens exactly one view.
//!
//! Format: `#/<chapter>?key=value&key=value`, values percent-encoded as UTF-8. Keys that a later
//! release no longer knows are ignored, so old links keep working; an unknown chapter falls back
//! to the first one with a [`RouteNotice`], never to a blank page.

use crate::chapters::Chapter;
use crate::i18n::Lang;
use crate::session::ModelId;

/// What the hash describes. Everything but the chapter is optional: a link names only what
/// differs from the defaults.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    pub chapter: Chapter,
    /// The language named in the link, if any (it wins over the stored preference).
    pub lang: Option<Lang>,
    pub prompt: Option<String>,
    pub model: Option<ModelId>,
    /// Selected layer, head and token position (0-based).
    pub layer: Option<usize>,
    pub head: Option<usize>,
    pub token: Option<usize>,
    /// Step within the chapter (a merge of the word being replayed, or tokens generated).
    pub step: Option<usize>,
    /// Sampling settings.
    pub temperature: Option<f32>,
    pub top_k: Option<usize>,
    pub top_p: Option<f32>,
    pub seed: Option<u64>,
    /// Large type and fewer controls, for a projector.
    pub presenter: bool,
    /// The glossary entry to show (its id, e.g. `logit`).
    pub term: Option<String>,
    /// The step of the chapter's lesson on show, from 1.
    pub lesson: Option<usize>,
    /// The chapter's own view: the attention matrix shown (`scores`, `masked`, `weights`), the
    /// LayerNorm chosen (`ln1`, `ln2`, `final`), the training lab's tab (`pretrain`, `sft`,
    /// `rlhf`).
    pub view: Option<String>,
    /// The notes for teachers are open.
    pub teacher: bool,
    /// Generation: at most this many new tokens.
    pub max_new: Option<usize>,
    pub rag: RagView,
    pub lab: LabView,
}

/// What a link may say about the retrieval chapter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RagView {
    pub question: Option<String>,
    pub k: Option<usize>,
    /// k of reciprocal rank fusion in hybrid search.
    pub rrf: Option<usize>,
    /// The search whose hits go into the prompt: `vector`, `bm25` or `hybrid`.
    pub method: Option<String>,
    /// Chunk size and overlap in words.
    pub chunk: Option<usize>,
    pub overlap: Option<usize>,
}

/// What a link may say about the training lab's pretraining run (the run itself restarts from
/// these settings).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LabView {
    /// `builtin`, `sentences`, `stories`, `web` or `own`.
    pub source: Option<String>,
    pub width: Option<usize>,
    pub layers: Option<usize>,
    pub lr: Option<f32>,
    pub batch: Option<usize>,
    pub seq: Option<usize>,
}

/// Something about the link the user should be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteNotice {
    /// The link named a chapter that does not exist (the name as given, decoded).
    UnknownChapter(String),
}

/// The result of reading a hash: always a usable state, plus an optional notice.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub state: ViewState,
    pub notice: Option<RouteNotice>,
}

/// Reads a location hash (with or without the leading `#`).
pub fn parse(hash: &str) -> Parsed {
    let body = hash.strip_prefix('#').unwrap_or(hash);
    let body = body.strip_prefix('/').unwrap_or(body);
    let (path, query) = body.split_once('?').unwrap_or((body, ""));
    let slug = decode_component(path.trim_end_matches('/'));

    let mut state = ViewState::default();
    let mut notice = None;
    if !slug.is_empty() {
        match Chapter::from_slug(&slug) {
            Some(c) => state.chapter = c,
            None => notice = Some(RouteNotice::UnknownChapter(slug)),
        }
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode_component(value);
        // Values that do not parse are ignored: the view falls back to its default.
        match key {
            "lang" => state.lang = Lang::from_tag(&value),
            "prompt" => state.prompt = Some(value),
            "model" => state.model = ModelId::from_slug(&value),
            "layer" => state.layer = value.parse().ok(),
            "head" => state.head = value.parse().ok(),
            "token" => state.token = value.parse().ok(),
            "step" => state.step = value.parse().ok(),
            "t" => {
                state.temperature = value
                    .parse()
                    .ok()
                    .filter(|t: &f32| t.is_finite() && *t >= 0.0)
            }
            "k" => state.top_k = value.parse().ok(),
            "p" => {
                state.top_p = value
                    .parse()
                    .ok()
                    .filter(|p: &f32| p.is_finite() && *p > 0.0)
            }
            "seed" => state.seed = value.parse().ok(),
            "presenter" => state.presenter = value != "0",
            "term" => state.term = Some(value).filter(|t| !t.is_empty()),
            "lesson" => state.lesson = value.parse().ok().filter(|&n: &usize| n >= 1),
            "view" => state.view = Some(value).filter(|v| !v.is_empty()),
            "teacher" => state.teacher = value != "0",
            "n" => state.max_new = value.parse().ok(),
            _ => parse_more(&mut state, key, value),
        }
    }
    Parsed { state, notice }
}

/// The retrieval and lab keys: `q`, `rk`, `rl`, `method`, `chunk`, `overlap`; `src`, `width`,
/// `layers`, `lr`, `batch`, `seq`. Unknown keys are ignored.
fn parse_more(state: &mut ViewState, key: &str, value: String) {
    let (rag, lab) = (&mut state.rag, &mut state.lab);
    match key {
        "q" => rag.question = Some(value).filter(|q| !q.is_empty()),
        "rk" => rag.k = value.parse().ok(),
        "rrf" => rag.rrf = value.parse().ok(),
        "method" => rag.method = Some(value).filter(|m| !m.is_empty()),
        "chunk" => rag.chunk = value.parse().ok(),
        "overlap" => rag.overlap = value.parse().ok(),
        "src" => lab.source = Some(value).filter(|s| !s.is_empty()),
        "width" => lab.width = value.parse().ok(),
        "layers" => lab.layers = value.parse().ok(),
        "lr" => lab.lr = value.parse().ok().filter(|l: &f32| l.is_finite()),
        "batch" => lab.batch = value.parse().ok(),
        "seq" => lab.seq = value.parse().ok(),
        _ => {}
    }
}

/// Writes the hash for a state, e.g. `#/attention?lang=de&layer=2`.
pub fn to_hash(state: &ViewState) -> String {
    let mut params: Vec<(&'static str, String)> = Vec::new();
    if let Some(lang) = state.lang {
        params.push(("lang", lang.code().to_string()));
    }
    if let Some(m) = state.model {
        params.push(("model", m.slug().to_string()));
    }
    if let Some(p) = &state.prompt {
        params.push(("prompt", p.clone()));
    }
    let numbers = [
        ("layer", state.layer),
        ("head", state.head),
        ("token", state.token),
        ("step", state.step),
        ("k", state.top_k),
    ];
    for (key, v) in numbers {
        if let Some(v) = v {
            params.push((key, v.to_string()));
        }
    }
    if let Some(t) = state.temperature {
        params.push(("t", t.to_string()));
    }
    if let Some(p) = state.top_p {
        params.push(("p", p.to_string()));
    }
    if let Some(s) = state.seed {
        params.push(("seed", s.to_string()));
    }
    if state.presenter {
        params.push(("presenter", "1".to_string()));
    }
    if let Some(t) = &state.term {
        params.push(("term", t.clone()));
    }
    if let Some(v) = &state.view {
        params.push(("view", v.clone()));
    }
    if let Some(n) = state.max_new {
        params.push(("n", n.to_string()));
    }
    push_more(&mut params, state);
    if state.teacher {
        params.push(("teacher", "1".to_string()));
    }
    if let Some(l) = state.lesson {
        params.push(("lesson", l.to_string()));
    }
    let mut out = format!("#/{}", state.chapter.slug());
    for (i, (key, value)) in params.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(key);
        out.push('=');
        out.push_str(&encode_component(value));
    }
    out
}

/// Writes the retrieval and lab keys that are set.
fn push_more(params: &mut Vec<(&'static str, String)>, state: &ViewState) {
    let (rag, lab) = (&state.rag, &state.lab);
    let texts = [
        ("q", &rag.question),
        ("method", &rag.method),
        ("src", &lab.source),
    ];
    let numbers = [
        ("rk", rag.k),
        ("rrf", rag.rrf),
        ("chunk", rag.chunk),
        ("overlap", rag.overlap),
        ("width", lab.width),
        ("layers", lab.layers),
        ("batch", lab.batch),
        ("seq", lab.seq),
    ];
    for (key, v) in texts {
        if let Some(v) = v {
            params.push((key, v.clone()));
        }
    }
    for (key, v) in numbers {
        if let Some(v) = v {
            params.push((key, v.to_string()));
        }
    }
    if let Some(lr) = lab.lr {
        params.push(("lr", lr.to_string()));
    }
}

/// Percent-encodes everything except `A–Z a–z 0–9 - _ . ~` (RFC 3986 unreserved), as UTF-8.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as a space). Malformed escapes stay as written; byte sequences
/// that are not UTF-8 become U+FFFD. Never fails.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes[i] {
            b'%' => bytes
                .get(i + 1)
                .and_then(|&h| hex(h))
                .zip(bytes.get(i + 2).and_then(|&l| hex(l))),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some((h, l)), _) => {
                out.push(h << 4 | l);
                i += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                i += 1;
            }
            (None, b) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_hash_is_the_first_chapter_without_notice() {
        for h in ["", "#", "#/", "#/?"] {
            let p = parse(h);
            assert_eq!(p.state, ViewState::default(), "{h:?}");
            assert_eq!(p.notice, None, "{h:?}");
        }
    }

    #[test]
    fn deep_links_open_their_chapter() {
        let p = parse("#/attention?lang=de");
        assert_eq!(p.state.chapter, Chapter::Attention);
        assert_eq!(p.state.lang, Some(Lang::De));
        assert_eq!(p.notice, None);
        assert_eq!(parse("#ffn").state.chapter, Chapter::Ffn);
        let g = parse("#/glossary?term=logit");
        assert_eq!(g.state.chapter, Chapter::Glossary);
        assert_eq!(g.state.term.as_deref(), Some("logit"));
        assert_eq!(parse("#/Logits/").state.chapter, Chapter::Logits);
        assert_eq!(parse("#/rag?unknown=1&lang=en").state.lang, Some(Lang::En));
    }

    #[test]
    fn unknown_chapter_falls_back_with_notice() {
        let p = parse("#/gr%C3%BCnde?lang=de");
        assert_eq!(p.state.chapter, Chapter::FIRST);
        assert_eq!(p.state.lang, Some(Lang::De));
        assert_eq!(p.notice, Some(RouteNotice::UnknownChapter("gründe".into())));
    }

    #[test]
    fn state_round_trips_through_the_hash() {
        for chapter in Chapter::PAGES {
            for lang in [None, Some(Lang::De), Some(Lang::En)] {
                let s = ViewState {
                    chapter,
                    lang,
                    ..Default::default()
                };
                let p = parse(&to_hash(&s));
                assert_eq!(p.state, s);
                assert_eq!(p.notice, None);
            }
        }
        assert_eq!(
            to_hash(&ViewState {
                chapter: Chapter::Attention,
                lang: Some(Lang::En),
                ..Default::default()
            }),
            "#/attention?lang=en"
        );
        let full = ViewState {
            chapter: Chapter::Sampling,
            lang: Some(Lang::De),
            prompt: Some("Der König & die Königin = 2 👑?".into()),
            model: Some(ModelId::Base),
            layer: Some(2),
            head: Some(3),
            token: Some(0),
            step: Some(5),
            temperature: Some(0.7),
            top_k: Some(40),
            top_p: Some(0.9),
            seed: Some(42),
            presenter: true,
            term: Some("d-k".into()),
            lesson: Some(3),
            view: Some("masked".into()),
            teacher: true,
            max_new: Some(12),
            rag: RagView {
                question: Some("Wann öffnet die Bibliothek?".into()),
                k: Some(3),
                rrf: Some(10),
                method: Some("hybrid".into()),
                chunk: Some(20),
                overlap: Some(5),
            },
            lab: LabView {
                source: Some("own".into()),
                width: Some(64),
                layers: Some(2),
                lr: Some(0.003),
                batch: Some(8),
                seq: Some(64),
            },
        };
        let hash = to_hash(&full);
        assert!(!hash.contains(' ') && !hash.contains("&die"), "{hash}");
        assert_eq!(parse(&hash).state, full);
    }

    #[test]
    fn bad_values_fall_back_to_defaults() {
        let p = parse("#/attention?layer=x&t=-1&p=0&model=gpt5&k=&seed=1e9");
        assert_eq!(p.state.layer, None);
        assert_eq!(p.state.temperature, None);
        assert_eq!(p.state.top_p, None);
        assert_eq!(p.state.model, None);
        assert_eq!(p.state.top_k, None);
        assert_eq!(p.state.seed, None);
        assert_eq!(p.state.chapter, Chapter::Attention);
    }

    #[test]
    fn percent_coding_round_trips_odd_unicode() {
        for s in [
            "Grüsse, König!",
            "a&b=c?d#e/f",
            "👩‍👩‍👧 🇨🇭",
            "tab\tnew\nline",
            "%zz",
            "",
        ] {
            assert_eq!(decode_component(&encode_component(s)), s);
        }
        assert_eq!(decode_component("100%"), "100%");
        assert_eq!(decode_component("%4"), "%4");
        assert_eq!(decode_component("%zz"), "%zz");
        assert_eq!(decode_component("a+b"), "a b");
        assert_eq!(decode_component("%FF"), "\u{FFFD}");
    }
}

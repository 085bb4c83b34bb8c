//! The held-out tests on the bundled documents: paraphrased questions ([`eval_questions`]),
//! questions by a rare name or number ([`by_value_questions`]), the chapter's two live cases
//! ([`showcase`]) and the answering sentence for a known question ([`evidence_for`]).

use super::{Fact, Pair, kb_facts, pick, town};
use crate::i18n::Lang;

/// One held-out test question: the question, the sentence(s) that answer it, and the word a
/// right answer contains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestQuestion {
    pub question: String,
    pub evidence: String,
    pub value: String,
}

/// The held-out test in `lang`: one paraphrased question per fact of the bundled documents.
pub fn eval_questions(lang: Lang) -> Vec<TestQuestion> {
    kb_facts()
        .iter()
        .enumerate()
        .map(|(n, f)| TestQuestion {
            question: f.eval_question(lang, n),
            evidence: f.sentence(lang),
            value: f.value(lang).to_string(),
        })
        .collect()
}

/// Questions that ask by a value: a teacher's or a head's name, a bus line's number. Kinds whose
/// values are names or numbers, with the question's template.
pub(super) const BY_VALUE: [(usize, Pair); 3] = [
    (1, ("Was unterrichtet {v}?", "What does {v} teach?")),
    (
        town::KINDS_AT + 1,
        ("Was leitet {v}?", "What does {v} run?"),
    ),
    (
        town::KINDS_AT + 3,
        ("Wohin fährt die Linie {v}?", "Where does line {v} go?"),
    ),
];

/// The second held-out test in `lang`: one question per fact whose value is a name or number
/// found once in its kind, asked by that value («Was leitet Frau Ziörjen?»). The rare word is the
/// question's key; the item it asks for is not named.
pub fn by_value_questions(lang: Lang) -> Vec<TestQuestion> {
    let facts = kb_facts();
    let once = |f: &Fact| {
        let same = |g: &&Fact| g.kind == f.kind && g.value == f.value;
        facts.iter().filter(same).count() == 1
    };
    facts
        .iter()
        .filter(|f| once(f))
        .filter_map(|f| {
            let (_, t) = BY_VALUE.iter().find(|(k, _)| *k == f.kind)?;
            Some(TestQuestion {
                question: f.fill(pick(*t, lang), lang, f.name(lang)),
                evidence: f.sentence(lang),
                value: f.name(lang).0.to_string(),
            })
        })
        .collect()
}

/// The two questions the retrieval chapter shows live, about facts of the bundled documents:
/// first one asked with other words than the document (keyword search has nothing to match; the
/// embedding model learned that «Bücherei» means «Bibliothek»), then one about a rare name
/// (keyword search weighs the rare word highly; the embedding model never saw the name).
pub fn showcase(lang: Lang) -> [TestQuestion; 2] {
    let facts = kb_facts();
    let find = |kind: usize, item: usize| {
        facts
            .iter()
            .find(|f| f.kind == kind && f.item == item)
            .copied()
            .unwrap_or(Fact {
                kind,
                item,
                value: 0,
                form: 0,
            })
    };
    let library = find(0, 0);
    let museum_head = find(town::KINDS_AT + 1, 0);
    let asked = |f: &Fact, t: Pair| TestQuestion {
        question: f.fill(pick(t, lang), lang, f.name(lang)),
        evidence: f.sentence(lang),
        value: f.value(lang).to_string(),
    };
    [
        asked(
            &library,
            (
                "Wann darf ich in die Bücherei?",
                "When can I get into the media centre?",
            ),
        ),
        asked(&museum_head, BY_VALUE[1].1),
    ]
}

/// The sentence(s) of the bundled documents that answer `question`, when it is one the knowledge
/// base knows: a showcase question, or any template about one of its facts, with any name of
/// the item (letter case and spaces at the ends ignored).
pub fn evidence_for(lang: Lang, question: &str) -> Option<String> {
    let wanted = question.trim().to_lowercase();
    let same = |q: &str| q.trim().to_lowercase() == wanted;
    if let Some(t) = showcase(lang).into_iter().find(|t| same(&t.question)) {
        return Some(t.evidence);
    }
    kb_facts().into_iter().find_map(|f| {
        let k = f.kind();
        let mut names = vec![f.name(lang)];
        names.extend(f.other_names(lang));
        let hit = k
            .train
            .iter()
            .chain(k.eval)
            .any(|&t| names.iter().any(|&n| same(&f.ask(pick(t, lang), lang, n))));
        hit.then(|| f.sentence(lang))
    })
}

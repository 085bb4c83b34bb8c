//! Retrieval-augmented generation on the bundled knowledge base, natively: recall of vector,
//! keyword and hybrid search on the held-out paraphrased questions, the assembled prompt, and the
//! retrieval model's answers with and without retrieved context.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use lupe::chat::Role;
use lupe::corpus::knowledge::{
    TestQuestion, by_value_questions, documents, eval_questions, showcase,
};
use lupe::embedder::{Embedder, load_dir as load_embedder};
use lupe::i18n::Lang;
use lupe::model::{Gpt, load_dir};
use lupe::rag::chunk::{Chunk, chunk};
use lupe::rag::prompt::{answer, assemble};
use lupe::rag::search::{Index, Method};
use lupe::rag::{CHUNK_WORDS, K, OVERLAP_WORDS, answered, holds, recall};
use lupe::tokenizer::{Tokenizer, formats};

fn models() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/models")
}

fn embedder() -> (Embedder, Tokenizer) {
    let dir = models().join("embed");
    (load_embedder(&dir).unwrap(), formats::load(&dir).unwrap())
}

fn rag() -> (Gpt, Tokenizer) {
    let dir = models().join("rag");
    (load_dir(&dir).unwrap(), formats::load(&dir).unwrap())
}

fn chunks(lang: Lang) -> Vec<Chunk> {
    documents(lang)
        .iter()
        .flat_map(|(name, text)| chunk(name, text, CHUNK_WORDS, OVERLAP_WORDS))
        .collect()
}

/// Recall@3 of (vector, BM25, hybrid) search for `questions` in `lang`.
fn recall_at_3(lang: Lang, questions: &[TestQuestion]) -> (f32, f32, f32) {
    let (e, t) = embedder();
    let chunks = chunks(lang);
    let index = Index::build(&e, &t, chunks.clone());
    let hits: Vec<_> = questions
        .iter()
        .map(|q| index.ask(&e, &t, &q.question, 3))
        .collect();
    let at = |m: Method| -> f32 {
        let ids: Vec<Vec<usize>> = hits
            .iter()
            .map(|h| h.of(m).iter().map(|x| x.0).collect())
            .collect();
        recall(&chunks, questions, &ids)
    };
    (at(Method::Vector), at(Method::Keyword), at(Method::Hybrid))
}

#[test]
fn vector_and_hybrid_search_find_paraphrased_questions_that_keywords_miss() {
    for lang in Lang::ALL {
        let (v, k, h) = recall_at_3(lang, &eval_questions(lang));
        // Measured (BENCHMARKS.md): vector 0.82 / 0.93, BM25 0.13 / 0.24, hybrid 0.85 / 0.91.
        assert!(
            v >= 0.8 && v > k + 0.5,
            "{lang:?}: vector recall@3 {v}, BM25 {k}"
        );
        assert!(
            h >= 0.84 && h >= v.max(k) - 0.025,
            "{lang:?}: hybrid recall@3 {h}, vector {v}, BM25 {k}"
        );
    }
}

/// The chapter's two live cases, as the page shows them: the question in other words is found
/// by vector and hybrid search and missed by keywords; the rare name is keyword search's first
/// hit and stays among the hybrid hits.
#[test]
fn the_live_cases_show_what_each_search_is_good_at() {
    let (e, t) = embedder();
    for lang in Lang::ALL {
        let chunks = chunks(lang);
        let index = Index::build(&e, &t, chunks.clone());
        let [paraphrase, rare] = showcase(lang);
        let found = |q: &TestQuestion, m: Method, n: usize| {
            let hits = index.ask(&e, &t, &q.question, K);
            hits.of(m).iter().take(n).any(|h| holds(&chunks[h.0], q))
        };
        assert!(found(&paraphrase, Method::Vector, K), "{lang:?} vector");
        assert!(found(&paraphrase, Method::Hybrid, K), "{lang:?} hybrid");
        assert!(!found(&paraphrase, Method::Keyword, K), "{lang:?} BM25");
        assert!(found(&rare, Method::Keyword, 1), "{lang:?} BM25, rare name");
        assert!(
            found(&rare, Method::Hybrid, K),
            "{lang:?} hybrid, rare name"
        );
    }
}

#[test]
fn hybrid_search_keeps_what_keywords_find_by_a_rare_name_or_number() {
    for lang in Lang::ALL {
        let (v, k, h) = recall_at_3(lang, &by_value_questions(lang));
        // Measured: BM25 1.0 / 1.0, vector 0.73 / 0.37, hybrid 1.0 / 1.0.
        assert!(k >= 0.95, "{lang:?}: BM25 recall@3 {k}");
        assert!(
            h >= 0.95 && h > v,
            "{lang:?}: hybrid recall@3 {h}, vector {v}, BM25 {k}"
        );
    }
}

#[test]
fn embeddings_are_unit_vectors_and_long_queries_are_cut() {
    let (e, t) = embedder();
    let (v, cut) = e.embed(&t, "Wann macht die Bücherei auf?").unwrap();
    assert_eq!(v.len(), e.projection.rows);
    assert!((v.iter().map(|x| x * x).sum::<f32>() - 1.0).abs() < 1e-4);
    assert!(!cut);
    let long = "Wann macht die Bücherei auf? ".repeat(60);
    let (w, cut) = e.embed(&t, &long).unwrap();
    assert!(cut);
    assert!((w.iter().map(|x| x * x).sum::<f32>() - 1.0).abs() < 1e-4);
    assert!(e.embed(&t, "").is_none());
}

#[test]
fn the_prompt_holds_the_chosen_chunks_in_order_and_fits_the_context() {
    let (m, t) = rag();
    let passages = vec![
        "Die Mensa öffnet um neun Uhr.".to_string(),
        "Kunst unterrichtet Frau Roth.".to_string(),
    ];
    let (ids, roles, used) = assemble(&m, &t, Lang::De, &passages, "Wer unterrichtet Kunst?");
    assert_eq!(used, 2);
    let text = t.decode(&ids).unwrap();
    assert_eq!(
        text,
        "<|system|>Kontext: Die Mensa öffnet um neun Uhr. Kunst unterrichtet Frau Roth.\n<|user|>Wer unterrichtet Kunst?\n<|assistant|>"
    );
    assert_eq!(roles.last(), Some(&None));
    assert!(roles.contains(&Some(Role::System)) && roles.contains(&Some(Role::User)));
    // Too many passages: the last ones are left out so that an answer still fits.
    let many: Vec<String> = (0..40)
        .map(|i| format!("Abschnitt {i}: {}", passages[i % 2]))
        .collect();
    let (ids, _, used) = assemble(&m, &t, Lang::De, &many, "Wer unterrichtet Kunst?");
    assert!(used < 40 && used > 0);
    assert!(ids.len() + 40 <= m.config.n_ctx);
    assert!(t.decode(&ids).unwrap().contains("Abschnitt 0:"));
}

/// The retrieval model's answers on the held-out questions, in per cent, as the page states
/// them (`Msg::RagAnswerMeasured`): (language, with the top-k hybrid chunks, with only the
/// answering sentence, without context). The small model mostly copies the value from a single
/// sentence but often fails to find it among several of the same kind; the page says so, and this keeps
/// it true.
const STATED_ACCURACY: [(Lang, f32, f32, f32); 2] =
    [(Lang::De, 42.0, 78.0, 0.0), (Lang::En, 44.0, 97.0, 1.0)];

#[test]
fn the_page_states_the_retrieval_models_measured_accuracy() {
    let (e, te) = embedder();
    let (m, t) = rag();
    for (lang, stated_with, stated_oracle, stated_without) in STATED_ACCURACY {
        let chunks = chunks(lang);
        let index = Index::build(&e, &te, chunks.clone());
        let (mut with, mut oracle, mut without, mut total) = (0, 0, 0, 0);
        for q in eval_questions(lang) {
            let passages: Vec<String> = index
                .ask(&e, &te, &q.question, K)
                .hybrid
                .iter()
                .map(|h| chunks[h.0].text.clone())
                .collect();
            let right = |context: &[String]| {
                usize::from(answered(&answer(&m, &t, lang, context, &q.question), &q))
            };
            with += right(&passages);
            oracle += right(std::slice::from_ref(&q.evidence));
            without += right(&[]);
            total += 1;
        }
        // The sentence on the page names every figure.
        for page_lang in Lang::ALL {
            let text = lupe::i18n::tr(page_lang, lupe::i18n::Msg::RagAnswerMeasured);
            for stated in [stated_with, stated_oracle, stated_without] {
                assert!(
                    text.contains(&format!("{stated}\u{a0}%")),
                    "{stated} % in {text}"
                );
            }
        }
        let pct = |n: usize| 100.0 * n as f32 / total as f32;
        for (name, got, stated) in [
            ("hybrid context", with, stated_with),
            ("only the answering sentence", oracle, stated_oracle),
            ("no context", without, stated_without),
        ] {
            assert!(
                (pct(got) - stated).abs() <= 1.5,
                "{lang:?}: {:.1} % with {name}; the page says {stated} %",
                pct(got)
            );
        }
        assert!(
            with > without,
            "{lang:?}: context must help: {with} vs {without}"
        );
    }
}

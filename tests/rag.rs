//! Retrieval-augmented generation on the bundled handbook, natively: recall@k of keyword and
//! vector search on the fixed question set, the assembled prompt, and the retrieval model's
//! answers with and without retrieved context.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use lupe::chat::Role;
use lupe::corpus::rag::handbook;
use lupe::i18n::Lang;
use lupe::model::{Gpt, load_dir};
use lupe::rag::bm25::Bm25;
use lupe::rag::chunk::{Chunk, chunk};
use lupe::rag::prompt::{answer, assemble};
use lupe::rag::vectors::VectorIndex;
use lupe::rag::{recall, test_questions};
use lupe::tokenizer::{Tokenizer, formats};

/// The page's defaults (src/ui/chapters/rag.rs).
const SIZE: usize = 10;
const OVERLAP: usize = 0;
const K: usize = 2;
const LAYER: usize = 0;

fn model() -> (Gpt, Tokenizer) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/models/rag");
    (load_dir(&dir).unwrap(), formats::load(&dir).unwrap())
}

fn chunks(lang: Lang) -> Vec<Chunk> {
    chunk("handbook", &handbook(lang), SIZE, OVERLAP)
}

#[test]
fn keyword_and_vector_search_find_the_answering_chunk() {
    let (m, t) = model();
    for lang in Lang::ALL {
        let chunks = chunks(lang);
        let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
        let questions = test_questions(lang);
        let bm25 = Bm25::new(&texts);
        let keyword: Vec<Vec<usize>> = questions
            .iter()
            .map(|(q, _, _)| bm25.search(q, K).iter().map(|h| h.0).collect())
            .collect();
        let index = VectorIndex::build(&m, &t, &texts, LAYER);
        let vector: Vec<Vec<usize>> = questions
            .iter()
            .map(|(q, _, _)| {
                index
                    .search(&index.query(&m, &t, q).unwrap(), K)
                    .iter()
                    .map(|h| h.0)
                    .collect()
            })
            .collect();
        let (rk, rv) = (
            recall(&chunks, &questions, &keyword),
            recall(&chunks, &questions, &vector),
        );
        assert!(rk >= 0.95, "{lang:?}: keyword recall@{K} {rk}");
        assert!(rv >= 0.4, "{lang:?}: vector recall@{K} {rv}");
    }
}

#[test]
fn the_prompt_holds_the_chosen_chunks_in_order_and_fits_the_context() {
    let (m, t) = model();
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

#[test]
fn retrieved_context_makes_the_answers_right() {
    let (m, t) = model();
    let mut with = 0;
    let mut without = 0;
    let mut total = 0;
    for lang in Lang::ALL {
        let chunks = chunks(lang);
        let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
        let bm25 = Bm25::new(&texts);
        for (q, _, value) in test_questions(lang) {
            let passages: Vec<String> = bm25
                .search(&q, K)
                .iter()
                .map(|h| chunks[h.0].text.clone())
                .collect();
            with += usize::from(answer(&m, &t, lang, &passages, &q).contains(value.as_str()));
            without += usize::from(answer(&m, &t, lang, &[], &q).contains(value.as_str()));
            total += 1;
        }
    }
    let (a, b) = (with as f32 / total as f32, without as f32 / total as f32);
    assert!(
        a >= 0.6 && a > b + 0.3,
        "accuracy with retrieval {a}, without {b}"
    );
}

//! Retrieval and answer quality on the bundled knowledge base (school handbook and town guide)
//! with its held-out paraphrased questions, per language: recall@1 and @3 of vector search (the
//! embedding model, and its untrained start for comparison), keyword search (BM25) and hybrid
//! search (RRF), the same for questions that ask by a rare name or number (`by_value_…`), vector
//! recall for questions asked in the other language, and the share of
//! questions the retrieval model answers with the right value: with the top-k hybrid chunks as
//! context, with the top-k BM25 chunks, with only the answering sentence ("oracle": how well
//! the model reads, whatever the search finds), and without context, and on the questions by a
//! rare name or number (the answer must name the item). Prints JSON;
//! `scripts/bench.sh rag` records it.
//!
//!     cargo run --release --example rag_eval [CHUNK_WORDS OVERLAP K]   (default: the page's)
//!
//! The models come from `www/models`, or from the folder in `LUPE_MODELS` (with `base`,
//! `embed` and `rag` in it) to measure a model before it ships.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use lupe::corpus::knowledge::{TestQuestion, by_value_questions, documents, eval_questions};
    use lupe::embedder::{Embedder, load_dir as load_embedder};
    use lupe::i18n::Lang;
    use lupe::model::load_dir;
    use lupe::rag::chunk::chunk;
    use lupe::rag::prompt::answer;
    use lupe::rag::search::{Index, Method};
    use lupe::rag::{CHUNK_WORDS, K, OVERLAP_WORDS, answered, recall};
    use lupe::tokenizer::formats;
    use serde_json::{Map, Value, json};

    let models = std::env::var_os("LUPE_MODELS").map_or_else(
        || std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/models"),
        std::path::PathBuf::from,
    );
    let embedder = load_embedder(&models.join("embed")).expect("www/models/embed");
    let tokenizer = formats::load(&models.join("embed")).expect("its tokenizer");
    let untrained = Embedder::from_base(
        load_dir(&models.join("base")).expect("base"),
        embedder.projection.rows,
    );
    let rag = load_dir(&models.join("rag")).expect("www/models/rag");
    let arg = |i: usize, default: usize| {
        std::env::args()
            .nth(i)
            .and_then(|a| a.parse().ok())
            .unwrap_or(default)
    };
    let (size, overlap, k) = (arg(1, CHUNK_WORDS), arg(2, OVERLAP_WORDS), arg(3, K));
    let mut out = Map::new();
    out.insert("chunk_words".into(), size.into());
    out.insert("overlap_words".into(), overlap.into());
    out.insert("k".into(), k.into());
    for lang in Lang::ALL {
        let chunks: Vec<_> = documents(lang)
            .iter()
            .flat_map(|(n, t)| chunk(n, t, size, overlap))
            .collect();
        let questions = eval_questions(lang);
        let by_value = by_value_questions(lang);
        let other = eval_questions(match lang {
            Lang::De => Lang::En,
            Lang::En => Lang::De,
        });
        let index = Index::build(&embedder, &tokenizer, chunks.clone());
        let before = Index::build(&untrained, &tokenizer, chunks.clone());
        let hits = |ix: &Index, e: &Embedder, qs: &[TestQuestion], n: usize| {
            qs.iter()
                .map(|t| ix.ask(e, &tokenizer, &t.question, n))
                .collect::<Vec<_>>()
        };
        let ids = |h: &[lupe::rag::search::Hits], m: Method| -> Vec<Vec<usize>> {
            h.iter()
                .map(|h| h.of(m).iter().map(|x| x.0).collect())
                .collect()
        };
        let mut r = Map::new();
        r.insert("chunks".into(), chunks.len().into());
        r.insert("questions".into(), questions.len().into());
        r.insert("by_value_questions".into(), by_value.len().into());
        for n in [1, 3] {
            let h = hits(&index, &embedder, &questions, n);
            for m in Method::ALL {
                r.insert(
                    format!("{}_recall@{n}", m.code()),
                    recall(&chunks, &questions, &ids(&h, m)).into(),
                );
            }
            let v = hits(&index, &embedder, &by_value, n);
            for m in Method::ALL {
                r.insert(
                    format!("by_value_{}_recall@{n}", m.code()),
                    recall(&chunks, &by_value, &ids(&v, m)).into(),
                );
            }
            let b = hits(&before, &untrained, &questions, n);
            r.insert(
                format!("untrained_recall@{n}"),
                recall(&chunks, &questions, &ids(&b, Method::Vector)).into(),
            );
            // Questions in the other language about the same facts (the evidence is this language's).
            let crossed: Vec<TestQuestion> = other
                .iter()
                .zip(&questions)
                .map(|(o, t)| TestQuestion {
                    question: o.question.clone(),
                    ..t.clone()
                })
                .collect();
            let c = hits(&index, &embedder, &crossed, n);
            r.insert(
                format!("cross_language_vector_recall@{n}"),
                recall(&chunks, &crossed, &ids(&c, Method::Vector)).into(),
            );
        }
        let h = hits(&index, &embedder, &questions, k);
        let accuracy = |m: Option<Method>| {
            let right = questions.iter().zip(&h).filter(|(t, hits)| {
                let passages: Vec<String> = m
                    .map(|m| {
                        hits.of(m)
                            .iter()
                            .map(|x| chunks[x.0].text.clone())
                            .collect()
                    })
                    .unwrap_or_default();
                answered(&answer(&rag, &tokenizer, lang, &passages, &t.question), t)
            });
            right.count() as f32 / questions.len() as f32
        };
        r.insert(
            format!("{}_recall@k", Method::Hybrid.code()),
            recall(&chunks, &questions, &ids(&h, Method::Hybrid)).into(),
        );
        r.insert(
            "accuracy_hybrid".into(),
            accuracy(Some(Method::Hybrid)).into(),
        );
        r.insert(
            "accuracy_bm25".into(),
            accuracy(Some(Method::Keyword)).into(),
        );
        r.insert(
            "accuracy_vector".into(),
            accuracy(Some(Method::Vector)).into(),
        );
        r.insert("accuracy_no_context".into(), accuracy(None).into());
        let oracle = questions.iter().filter(|t| {
            let context = [t.evidence.clone()];
            answered(&answer(&rag, &tokenizer, lang, &context, &t.question), t)
        });
        r.insert(
            "accuracy_oracle".into(),
            (oracle.count() as f32 / questions.len() as f32).into(),
        );
        // Questions by a rare name or number: the answer must name the item.
        let share = |n: usize| n as f32 / by_value.len().max(1) as f32;
        let (mut with, mut alone) = (0, 0);
        for t in &by_value {
            let hits = index.ask(&embedder, &tokenizer, &t.question, k);
            let passages: Vec<String> = hits
                .hybrid
                .iter()
                .map(|x| chunks[x.0].text.clone())
                .collect();
            with += usize::from(answered(
                &answer(&rag, &tokenizer, lang, &passages, &t.question),
                t,
            ));
            let context = [t.evidence.clone()];
            alone += usize::from(answered(
                &answer(&rag, &tokenizer, lang, &context, &t.question),
                t,
            ));
        }
        r.insert("accuracy_by_value_hybrid".into(), share(with).into());
        r.insert("accuracy_by_value_oracle".into(), share(alone).into());
        out.insert(lang.code().into(), Value::Object(r));
    }
    println!("{}", json!(out));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

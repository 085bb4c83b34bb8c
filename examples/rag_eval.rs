//! Retrieval and answer quality of the RAG chapter on the bundled handbook (both languages):
//! recall@1 and @3 of keyword search (BM25) and of vector search with the hidden states of every
//! layer of the retrieval model, and the share of handbook questions the model answers right
//! with the top-3 BM25 chunks as context, with the top-3 vector chunks, and with no context.
//! Prints JSON; `scripts/bench.sh rag` records it.
//!
//!     cargo run --release --example rag_eval [CHUNK_WORDS OVERLAP K]   (default 10 0 2)

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use lupe::corpus::rag::handbook;
    use lupe::i18n::Lang;
    use lupe::model::load_dir;
    use lupe::rag::bm25::Bm25;
    use lupe::rag::chunk::chunk;
    use lupe::rag::prompt::answer;
    use lupe::rag::vectors::VectorIndex;
    use lupe::rag::{recall, test_questions};
    use lupe::tokenizer::formats;

    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/models/rag");
    let model = load_dir(&dir).expect("www/models/rag");
    let tokenizer = formats::load(&dir).expect("its tokenizer");
    let arg = |i: usize, default: usize| {
        std::env::args()
            .nth(i)
            .and_then(|a| a.parse().ok())
            .unwrap_or(default)
    };
    let (size, overlap, k) = (arg(1, 10), arg(2, 0), arg(3, 2));
    let mut out = serde_json::Map::new();
    out.insert("chunk_words".into(), size.into());
    out.insert("overlap_words".into(), overlap.into());
    out.insert("k".into(), k.into());
    for lang in Lang::ALL {
        let chunks = chunk("handbook", &handbook(lang), size, overlap);
        let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
        let questions = test_questions(lang);
        let bm25 = Bm25::new(&texts);
        let hits = |k: usize, f: &dyn Fn(&str, usize) -> Vec<usize>| -> Vec<Vec<usize>> {
            questions.iter().map(|(q, _, _)| f(q, k)).collect()
        };
        let bm = |q: &str, k: usize| bm25.search(q, k).iter().map(|h| h.0).collect::<Vec<_>>();
        let mut r = serde_json::Map::new();
        r.insert("chunks".into(), chunks.len().into());
        r.insert(
            "bm25_recall@1".into(),
            recall(&chunks, &questions, &hits(1, &bm)).into(),
        );
        r.insert(
            "bm25_recall@3".into(),
            recall(&chunks, &questions, &hits(3, &bm)).into(),
        );
        r.insert(
            "bm25_recall@k".into(),
            recall(&chunks, &questions, &hits(k, &bm)).into(),
        );
        let mut best = (0usize, -1.0f32);
        for layer in 0..=model.config.n_layer {
            let index = VectorIndex::build(&model, &tokenizer, &texts, layer);
            let vs = |q: &str, k: usize| {
                index
                    .query(&model, &tokenizer, q)
                    .map(|v| index.search(&v, k).iter().map(|h| h.0).collect())
                    .unwrap_or_default()
            };
            let r1 = recall(&chunks, &questions, &hits(1, &vs));
            let r3 = recall(&chunks, &questions, &hits(3, &vs));
            r.insert(format!("layer{layer}_recall@1"), r1.into());
            r.insert(format!("layer{layer}_recall@3"), r3.into());
            let rk = recall(&chunks, &questions, &hits(k, &vs));
            r.insert(format!("layer{layer}_recall@k"), rk.into());
            if rk > best.1 {
                best = (layer, rk);
            }
        }
        r.insert("best_layer".into(), best.0.into());
        let index = VectorIndex::build(&model, &tokenizer, &texts, best.0);
        let correct = |passages: &dyn Fn(&str) -> Vec<String>| {
            questions
                .iter()
                .filter(|(q, _, value)| {
                    answer(&model, &tokenizer, lang, &passages(q), q).contains(value.as_str())
                })
                .count() as f32
                / questions.len() as f32
        };
        let by_bm25 = |q: &str| {
            bm25.search(q, k)
                .iter()
                .map(|h| chunks[h.0].text.clone())
                .collect::<Vec<_>>()
        };
        let by_vector = |q: &str| {
            index
                .query(&model, &tokenizer, q)
                .map(|v| {
                    index
                        .search(&v, k)
                        .iter()
                        .map(|h| chunks[h.0].text.clone())
                        .collect()
                })
                .unwrap_or_default()
        };
        r.insert("accuracy_bm25".into(), correct(&by_bm25).into());
        r.insert("accuracy_vector".into(), correct(&by_vector).into());
        r.insert(
            "accuracy_no_context".into(),
            correct(&|_| Vec::new()).into(),
        );
        out.insert(lang.code().into(), r.into());
    }
    println!("{}", serde_json::Value::Object(out));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

//! The three searches over a knowledge base's chunks: by meaning (the embedding model's unit
//! vectors, cosine), by keywords (BM25) and hybrid (both lists fused by rank, [`super::hybrid`]).
//!
//! At a few hundred chunks, comparing the query with every vector ("brute force", `N·k`
//! multiply-adds) takes well under a millisecond. Indexes such as FAISS or Milvus exist for
//! millions of vectors: they cluster the vectors (IVF) or link near neighbours in a graph (HNSW)
//! and compare the query with a small part only — faster, in exchange for sometimes missing the
//! best match.

use super::bm25::Bm25;
use super::chunk::Chunk;
use super::hybrid::{RRF_K, fuse};
use crate::embedder::Embedder;
use crate::model::Matrix;
use crate::model::embedding::pca_2d;
use crate::tokenizer::Tokenizer;

/// How to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Vector,
    Keyword,
    Hybrid,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::Vector, Method::Keyword, Method::Hybrid];

    /// The name in links and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Method::Vector => "vector",
            Method::Keyword => "bm25",
            Method::Hybrid => "hybrid",
        }
    }

    pub fn from_code(code: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// How many of each list hybrid search fuses, at least. Longer lists let chunks that both
/// methods rank low (a shared common word, a vaguely similar vector) add up past one method's
/// clear first hit; with 10 the rare-name case of the chapter fails in English (measured with
/// `examples/rag_eval.rs`).
const FUSED: usize = 5;

/// Chunks, their unit vectors `[N][k]` and the keyword index.
pub struct Index {
    pub chunks: Vec<Chunk>,
    pub vectors: Vec<Vec<f32>>,
    pub bm25: Bm25,
}

/// The hits of one query by every method, best first: `(chunk, score)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Hits {
    pub vector: Vec<(usize, f32)>,
    pub keyword: Vec<(usize, f32)>,
    pub hybrid: Vec<(usize, f32)>,
}

impl Hits {
    pub fn of(&self, method: Method) -> &[(usize, f32)] {
        match method {
            Method::Vector => &self.vector,
            Method::Keyword => &self.keyword,
            Method::Hybrid => &self.hybrid,
        }
    }
}

impl Index {
    /// The index of chunks whose vectors are already computed (the page embeds in steps).
    pub fn new(chunks: Vec<Chunk>, vectors: Vec<Vec<f32>>) -> Index {
        let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
        let bm25 = Bm25::new(&texts);
        Index {
            chunks,
            vectors,
            bm25,
        }
    }

    /// Embeds every chunk (a chunk without tokens gets a zero vector, which matches nothing).
    pub fn build(embedder: &Embedder, tokenizer: &Tokenizer, chunks: Vec<Chunk>) -> Index {
        let k = embedder.projection.rows;
        let vectors = chunks
            .iter()
            .map(|c| {
                embedder
                    .embed(tokenizer, &c.text)
                    .map_or(vec![0.0; k], |v| v.0)
            })
            .collect();
        Index::new(chunks, vectors)
    }

    /// The `n` chunks whose unit vectors are closest to the query's `q`: `(chunk, cosine)`.
    pub fn by_vector(&self, q: &[f32], n: usize) -> Vec<(usize, f32)> {
        let mut scores: Vec<(usize, f32)> = self
            .vectors
            .iter()
            .enumerate()
            .map(|(i, v)| (i, v.iter().zip(q).map(|(a, b)| a * b).sum()))
            .collect();
        scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scores.truncate(n);
        scores
    }

    /// The `k` best chunks by every method for a query with text `query` and unit vector `q`
    /// (`None` when the query has no tokens: vector and hybrid search then use keywords only).
    pub fn search(&self, query: &str, q: Option<&[f32]>, k: usize, rrf_k: f32) -> Hits {
        let wide = k.max(FUSED);
        let vector = q.map(|q| self.by_vector(q, wide)).unwrap_or_default();
        let keyword = self.bm25.search(query, wide);
        let hybrid = fuse(&[&vector, &keyword], rrf_k, k);
        Hits {
            vector: vector[..k.min(vector.len())].to_vec(),
            keyword: keyword[..k.min(keyword.len())].to_vec(),
            hybrid,
        }
    }

    /// [`Index::search`] with the query embedded by `embedder` and the usual k of RRF.
    pub fn ask(&self, embedder: &Embedder, tokenizer: &Tokenizer, query: &str, k: usize) -> Hits {
        let q = embedder.embed(tokenizer, query).map(|v| v.0);
        self.search(query, q.as_deref(), k, RRF_K)
    }

    /// A 2-D map (first two principal components) of the chunk vectors and, last, the query's.
    pub fn map(&self, q: &[f32]) -> Vec<(f32, f32)> {
        let d = q.len();
        let mut data: Vec<f32> = self.vectors.iter().flatten().copied().collect();
        data.extend_from_slice(q);
        pca_2d(&Matrix {
            rows: self.vectors.len() + 1,
            cols: d,
            data,
        })
    }
}

//! Hybrid search: the ranked lists of vector search and keyword search merged by reciprocal rank
//! fusion (RRF). A chunk at rank r (from 1) of a list earns `1 / (k + r)`; its score is the sum
//! over both lists. Ranks, not scores, are added, so the cosine and BM25 scales never have to be
//! compared; k (60 in the original paper) sets how much a top rank counts more than a lower one.

/// The default k of reciprocal rank fusion. The paper's 60 suits long lists; here three hits
/// come from two lists of five, and at k = 60 a chunk that both lists rank low (1/64 + 1/65)
/// beats the first hit of one list (1/61). At k = 1 each list's first hit earns 1/2, and only
/// a chunk that both lists rank high outscores it. Measured on the held-out questions
/// (`scripts/bench.sh rag`), hybrid recall@3 at k = 1 is the same as at 60 or higher (German
/// questions by a rare name: 1.00 against 0.90).
pub const RRF_K: f32 = 1.0;

/// Merges ranked lists of `(chunk, score)` (best first) into the `top` best by
/// `Σ_lists 1 / (k + rank)`. Ties go to the chunk that an earlier list ranks higher (the page
/// passes vector search first: it is the stronger list on paraphrased questions, and at k = 1
/// the second hits of both lists tie at 1/3), then to the lower chunk index.
pub fn fuse(lists: &[&[(usize, f32)]], k: f32, top: usize) -> Vec<(usize, f32)> {
    // (chunk, score, (list, rank) of its best placing)
    let mut scores: Vec<(usize, f32, (usize, usize))> = Vec::new();
    for (l, list) in lists.iter().enumerate() {
        for (rank, &(chunk, _)) in list.iter().enumerate() {
            let add = 1.0 / (k + rank as f32 + 1.0);
            match scores.iter_mut().find(|(c, _, _)| *c == chunk) {
                Some(s) => s.1 += add,
                None => scores.push((chunk, add, (l, rank))),
            }
        }
    }
    scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)).then(a.0.cmp(&b.0)));
    scores.truncate(top);
    scores.into_iter().map(|(c, s, _)| (c, s)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunk_high_in_both_lists_wins() {
        let vector = [(3, 0.9), (1, 0.8), (7, 0.5)];
        let keyword = [(1, 12.0), (5, 3.0)];
        let fused = fuse(&[&vector, &keyword], 60.0, 3);
        assert_eq!(fused.iter().map(|f| f.0).collect::<Vec<_>>(), [1, 3, 5]);
        assert!((fused[0].1 - (1.0 / 62.0 + 1.0 / 61.0)).abs() < 1e-6);
        // One list empty (no keyword shared): the other's order stays.
        let fused = fuse(&[&vector, &[]], 60.0, 2);
        assert_eq!(fused.iter().map(|f| f.0).collect::<Vec<_>>(), [3, 1]);
        // At k = 1 the second hits of two lists tie: the first list's goes first.
        let fused = fuse(&[&[(4, 0.9), (8, 0.7)], &[(2, 9.0), (0, 5.0)]], 1.0, 4);
        assert_eq!(fused.iter().map(|f| f.0).collect::<Vec<_>>(), [4, 2, 8, 0]);
        // A small k lets the top ranks dominate.
        assert!(fuse(&[&vector], 1.0, 1)[0].1 > fuse(&[&vector], 60.0, 1)[0].1);
    }
}

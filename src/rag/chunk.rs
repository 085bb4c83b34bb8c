//! Cutting documents into passages ("chunks") of at most `size` words made of whole sentences,
//! each repeating up to `overlap` words of sentences from the end of the previous one, so that
//! a fact near a border is whole in at least one chunk. A sentence longer than `size` words is
//! cut into word windows on its own.

use serde::{Deserialize, Serialize};

/// One passage: its text, where it lies in its document (byte offsets), and the document's name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chunk {
    pub source: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Words as byte spans: runs of non-whitespace.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// Sentences as word-span ranges `[first, last)`: a sentence ends with a word ending in `.`,
/// `!` or `?`, or before a blank line.
fn sentences(text: &str, words: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut first = 0;
    for (i, &(s, e)) in words.iter().enumerate() {
        let ends = text[s..e].ends_with(['.', '!', '?'])
            || words
                .get(i + 1)
                .is_some_and(|&(next, _)| text[e..next].matches('\n').count() >= 2);
        if ends || i + 1 == words.len() {
            out.push((first, i + 1));
            first = i + 1;
        }
    }
    out
}

/// Chunks of whole sentences with at most `size` words (≥ 1); each next chunk starts with the
/// last sentences of the previous one that together have at most `overlap` words.
pub fn chunk(source: &str, text: &str, size: usize, overlap: usize) -> Vec<Chunk> {
    let words = word_spans(text);
    let size = size.max(1);
    // Units: sentences, with over-long ones cut into windows of `size` words.
    let units: Vec<(usize, usize)> = sentences(text, &words)
        .into_iter()
        .flat_map(|(a, b)| (a..b).step_by(size).map(move |w| (w, (w + size).min(b))))
        .collect();
    let make = |a: usize, b: usize| {
        let (start, end) = (words[a].0, words[b - 1].1);
        Chunk {
            source: source.to_string(),
            text: text[start..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            start,
            end,
        }
    };
    let mut out = Vec::new();
    let mut u = 0;
    while u < units.len() {
        let mut v = u + 1;
        while v < units.len() && units[v].1 - units[u].0 <= size {
            v += 1;
        }
        out.push(make(units[u].0, units[v - 1].1));
        if v == units.len() {
            break;
        }
        // Step back over whole units that fit into the overlap, but always move forward.
        let mut next = v;
        while next > u + 1 && units[v - 1].1 - units[next - 1].0 <= overlap {
            next -= 1;
        }
        u = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_hold_whole_sentences_and_overlap_by_sentences() {
        let text = "A b c. D e. F g h. I j.";
        let c = chunk("t", text, 5, 3);
        let texts: Vec<&str> = c.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["A b c. D e.", "D e. F g h.", "F g h. I j."]);
        assert_eq!(&text[c[1].start..c[1].end], "D e. F g h.");
        // No overlap: every sentence once.
        let texts: Vec<String> = chunk("t", text, 5, 0).into_iter().map(|c| c.text).collect();
        assert_eq!(texts, ["A b c. D e.", "F g h. I j."]);
        assert_eq!(chunk("t", "  ", 4, 1), vec![]);
        // A sentence longer than the size is cut into windows; overlap ≥ size still advances.
        let texts: Vec<String> = chunk("t", "a b c d e f g", 3, 9)
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(texts, ["a b c", "d e f", "g"]);
        // A blank line ends a sentence (headings); odd Unicode is cut at word boundaries.
        assert_eq!(
            chunk("t", "Titel\n\nGrüße\u{00a0}aus 🙂 Zürich.", 4, 0)[1].text,
            "Grüße aus 🙂 Zürich."
        );
    }
}

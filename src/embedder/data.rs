//! Training pairs for the embedding model: a question and a passage that answers it, made from
//! the knowledge base's kinds with random values (so that no value is learned by heart).
//!
//! The question uses a `train` template and usually another word for the item than the
//! passage; the passage is a short stretch like a chunk: the answering sentence(s) among one or
//! two other sentences. One pair in five asks in the other language. A batch never holds two
//! pairs about the same item of the same kind, so no negative answers another pair's question;
//! it often holds the same item's fact of a twin kind, a hard negative ([`twin_kinds`](crate::corpus::knowledge::twin_kinds)).

use crate::corpus::knowledge::{Fact, filler, kinds, random_fact, twin_kinds};
use crate::i18n::Lang;
use crate::rng::Rng;

/// A question and its passage, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub question: String,
    pub passage: String,
}

fn lang_of(rng: &mut Rng) -> Lang {
    if rng.below(2) == 0 {
        Lang::De
    } else {
        Lang::En
    }
}

/// Another fact for a passage around `fact`: two times in three of the same kind (as in the
/// documents, whose sections group a kind's facts), and never about an item in `taken`.
fn neighbour(rng: &mut Rng, fact: &Fact, taken: &[(usize, usize)]) -> Fact {
    let same_kind = rng.below(3) != 0;
    for _ in 0..20 {
        let mut f = random_fact(rng);
        if same_kind {
            f.kind = fact.kind;
            f.item = rng.below(fact.kind().items.len());
        }
        if !taken.contains(&(f.kind, f.item)) {
            return f;
        }
    }
    let mut f = random_fact(rng);
    while taken.contains(&(f.kind, f.item)) {
        f = random_fact(rng);
    }
    f
}

/// A chunk-like passage around `fact`: zero to two other sentences (facts, one time in four a
/// heading or a section's own sentence) before or after it. No other fact is about an item in
/// `taken` (the batch's questions), so that no passage also answers another pair's question.
fn passage(rng: &mut Rng, fact: &Fact, lang: Lang, taken: &[(usize, usize)]) -> String {
    let mut sentences = vec![fact.sentence(lang)];
    for _ in 0..rng.below(3) {
        let other = if rng.below(4) == 0 {
            filler(rng, lang)
        } else {
            neighbour(rng, fact, taken).sentence(lang)
        };
        let at = rng.below(sentences.len() + 1);
        sentences.insert(at, other);
    }
    sentences.join(" ")
}

/// The batch's facts: distinct (kind, item), at most half of all items so that distractors
/// remain. Half of the facts whose kind has a twin bring the same item's fact of the twin kind
/// along, as a hard negative: the question «who teaches maths?» must find the teacher's
/// sentence, not the one with the maths room, though both name maths.
fn batch_facts(rng: &mut Rng, size: usize) -> Vec<Fact> {
    let possible: usize = kinds().iter().map(|k| k.items.len()).sum();
    let size = size.min(possible / 2);
    let mut facts: Vec<Fact> = Vec::with_capacity(size);
    let fresh =
        |facts: &[Fact], f: &Fact| !facts.iter().any(|g| (g.kind, g.item) == (f.kind, f.item));
    while facts.len() < size {
        let fact = random_fact(rng);
        if !fresh(&facts, &fact) {
            continue;
        }
        facts.push(fact);
        let twins = twin_kinds(fact.kind);
        if facts.len() < size && !twins.is_empty() && rng.below(2) == 0 {
            let mut twin = random_fact(rng);
            twin.kind = twins[rng.below(twins.len())];
            twin.item = fact.item;
            if fresh(&facts, &twin) {
                facts.push(twin);
            }
        }
    }
    facts
}

/// A batch of `size` pairs with distinct (kind, item), `cross` the share asked in the other
/// language.
pub fn batch(rng: &mut Rng, size: usize, cross: f64) -> Vec<Pair> {
    let facts = batch_facts(rng, size);
    let seen: Vec<(usize, usize)> = facts.iter().map(|f| (f.kind, f.item)).collect();
    let mut out = Vec::with_capacity(facts.len());
    for fact in facts {
        let lang = lang_of(rng);
        let asked = if rng.next_f64() < cross {
            match lang {
                Lang::De => Lang::En,
                Lang::En => Lang::De,
            }
        } else {
            lang
        };
        out.push(Pair {
            question: fact.train_question(rng, asked),
            passage: passage(rng, &fact, lang, &seen),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_pair_questions_with_answering_passages_about_distinct_items() {
        let mut rng = Rng::new(1);
        let b = batch(&mut rng, 48, 0.2);
        assert_eq!(b.len(), 48);
        let distinct: std::collections::HashSet<&str> =
            b.iter().map(|p| p.passage.as_str()).collect();
        assert_eq!(distinct.len(), 48);
        assert!(
            b.iter()
                .all(|p| p.question.ends_with('?') && !p.passage.is_empty())
        );
        // The same seed gives the same batch.
        assert_eq!(batch(&mut Rng::new(1), 48, 0.2), b);
    }

    #[test]
    fn batches_hold_hard_negatives_about_the_same_item() {
        // The subjects' teachers and rooms are twins, the rooms' opening times and rules too.
        let twins: Vec<Vec<usize>> = (0..kinds().len()).map(twin_kinds).collect();
        assert!(twins.iter().filter(|t| !t.is_empty()).count() >= 4);
        for (k, t) in twins.iter().enumerate() {
            assert!(t.iter().all(|&o| twins[o].contains(&k)));
        }
        let mut rng = Rng::new(3);
        let facts = batch_facts(&mut rng, 48);
        let pairs = facts
            .iter()
            .filter(|f| {
                facts
                    .iter()
                    .any(|g| g.item == f.item && twin_kinds(f.kind).contains(&g.kind))
            })
            .count();
        assert!(pairs >= 8, "{pairs} facts with their twin in the batch");
    }
}

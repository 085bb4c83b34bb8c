// RAG benchmark (issue 15): on the bundled knowledge base (school handbook and town guide) with
// its held-out paraphrased questions (one per fact, other templates and other words than the
// training data and the answering sentence), with the page's defaults (chunks of whole sentences
// up to 20 words, no overlap, k = 3), from examples/rag_eval.rs: recall@1 and @3 of vector search
// (the trained embedding model), keyword search (BM25) and hybrid search (RRF, k = 1), the
// embedding model's untrained start for comparison, vector recall for questions in the other
// language, recall@3 on questions that ask by a rare name or number (`by_value_questions`), and
// the retrieval model's answer accuracy with hybrid and BM25 context, with only the answering
// sentence (how well the model reads, apart from search) and without, and on the questions by a
// rare name or number with hybrid context (the answer must name the item).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../e2e/helpers.mjs';
import { record } from './record.mjs';

const r = JSON.parse(execFileSync(join(root, 'target/release/examples/rag_eval')).toString());
const rows = [];
for (const lang of ['de', 'en']) {
  const d = r[lang];
  const where = `knowledge base ${lang.toUpperCase()} (${d.chunks} chunks of ≤ ${r.chunk_words} words, overlap ≤ ${r.overlap_words}, ${d.questions} held-out paraphrased questions)`;
  for (const n of [1, 3]) {
    const bm25 = d[`bm25_recall@${n}`];
    rows.push({ bench: 'rag', figure: `${where}: vector search recall@${n} (embedding model)`, value: d[`vector_recall@${n}`], unit: '', peer: `keyword search (BM25) recall@${n}`, peerValue: bm25 });
    rows.push({ bench: 'rag', figure: `${where}: hybrid search (RRF) recall@${n}`, value: d[`hybrid_recall@${n}`], unit: '', peer: `max(vector, BM25) recall@${n}`, peerValue: Math.max(d[`vector_recall@${n}`], bm25) });
    rows.push({ bench: 'rag', figure: `${where}: vector search recall@${n}, questions in the other language`, value: d[`cross_language_vector_recall@${n}`], unit: '', peer: `keyword search (BM25) recall@${n}, same language`, peerValue: bm25 });
  }
  const byValue = `knowledge base ${lang.toUpperCase()} (${d.by_value_questions} questions by a rare name or number)`;
  for (const m of ['hybrid', 'vector']) {
    rows.push({ bench: 'rag', figure: `${byValue}: ${m} search recall@3`, value: d[`by_value_${m}_recall@3`], unit: '', peer: 'keyword search (BM25) recall@3', peerValue: d['by_value_bm25_recall@3'] });
  }
  rows.push({ bench: 'rag', figure: `${where}: vector search recall@3 of the embedding model before contrastive training (base model, mean-pooled)`, value: d['untrained_recall@3'], unit: '', peer: 'after training', peerValue: d['vector_recall@3'] });
  rows.push({ bench: 'rag', figure: `${where}: answers with the right value, top-${r.k} hybrid chunks as context`, value: d.accuracy_hybrid, unit: '', peer: 'the same questions without context', peerValue: d.accuracy_no_context });
  rows.push({ bench: 'rag', figure: `${where}: answers with the right value, only the answering sentence as context`, value: d.accuracy_oracle, unit: '', peer: `top-${r.k} hybrid chunks`, peerValue: d.accuracy_hybrid });
  rows.push({ bench: 'rag', figure: `${byValue}: answers that name the item, top-${r.k} hybrid chunks as context`, value: d.accuracy_by_value_hybrid, unit: '', peer: 'only the answering sentence', peerValue: d.accuracy_by_value_oracle });
  rows.push({ bench: 'rag', figure: `${where}: answers with the right value, top-${r.k} BM25 chunks as context`, value: d.accuracy_bm25, unit: '', peer: 'top-3 hybrid chunks', peerValue: d.accuracy_hybrid });
}
await record(rows);

// RAG benchmark (issue 9): retrieval on the bundled handbook's 72 questions (36 per language)
// with the page's defaults (chunks of whole sentences up to 10 words, no overlap, k = 2), from examples/rag_eval.rs:
// recall@k of vector search (averaged hidden states of each layer) against keyword search
// (BM25), and the retrieval model's answer accuracy with retrieved context against none.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../e2e/helpers.mjs';
import { record } from './record.mjs';

const r = JSON.parse(execFileSync(join(root, 'target/release/examples/rag_eval'), ['10', '0', '2']).toString());
const rows = [];
for (const lang of ['de', 'en']) {
  const d = r[lang];
  const where = `handbook ${lang.toUpperCase()} (${d.chunks} chunks of ≤ 10 words)`;
  for (let layer = 0; layer <= 4; layer++) {
    rows.push({ bench: 'rag', figure: `${where}: vector search recall@2, mean-pooled layer ${layer}${layer === 0 ? ' (token embeddings)' : ''}`, value: d[`layer${layer}_recall@k`], unit: '', peer: 'keyword search (BM25) recall@2', peerValue: d['bm25_recall@k'] });
  }
  rows.push({ bench: 'rag', figure: `${where}: answers containing the right value, top-2 BM25 chunks as context`, value: d.accuracy_bm25, unit: '', peer: 'the same questions without context', peerValue: d.accuracy_no_context });
  rows.push({ bench: 'rag', figure: `${where}: answers containing the right value, top-2 vector chunks (layer ${d.best_layer}) as context`, value: d.accuracy_vector, unit: '', peer: 'the same questions without context', peerValue: d.accuracy_no_context });
}
await record(rows);

// Appends measured rows to BENCHMARKS.md: date, machine, figure, value, the peer measured in the
// same run, and the ratio.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { root } from '../e2e/helpers.mjs';

/** "2× Intel(R) Xeon(R) Processor, 24 GiB", plus the browser when one was used. */
export function machine(browser = '') {
  const cpu = cpus()[0]?.model?.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const mem = Math.round(totalmem() / 2 ** 30);
  return `${cpus().length}× ${cpu}, ${mem} GiB${browser ? `; ${browser}` : ''}`;
}

/**
 * rows: [{ bench, figure, value, unit, peer, peerValue }]; ratio = value / peerValue.
 * browser: e.g. "Chromium 156.0.8078.108 headless", when the figures come from a browser.
 */
export async function record(rows, browser = '') {
  const file = join(root, 'BENCHMARKS.md');
  const date = new Date().toISOString().slice(0, 10);
  const where = machine(browser);
  const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : v);
  const lines = rows.map((r) => {
    const ratio = r.peerValue ? (r.value / r.peerValue).toFixed(3) : '–';
    return `| ${date} | ${where} | ${r.bench} | ${r.figure} | ${fmt(r.value)} ${r.unit} | ${r.peer ?? '–'} | ${r.peerValue != null ? `${fmt(r.peerValue)} ${r.unit}` : '–'} | ${ratio} |`;
  });
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/\n*$/, '\n') + lines.join('\n') + '\n');
  for (const l of lines) console.log(l);
}

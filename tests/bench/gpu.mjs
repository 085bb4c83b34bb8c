// WebGPU benchmark (issue 6), in headless Chromium, for the model benchmark's two shapes (the
// built-in size and GPT-2 124M, Lupe's random initialisation with seed 1 — the same weights
// examples/bench_model.rs writes to target/bench/models):
//   - end to end, WebGPU against the CPU path in the same page: greedy decoding tokens/s, a
//     forward pass over 64 tokens (plain and traced with read-back);
//   - GPU time of every kernel per decoding step from timestamp queries (with
//     --enable-webgpu-developer-features Chromium does not round them to 100 µs);
//   - the peer runtime: onnxruntime-web on WebGPU (and on wasm) running the same weights,
//     exported to ONNX by transformers (tests/bench/export_onnx.py), for the same forward pass.
//     Its last-position logits are compared with ours as a check that both compute one model.
import { readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { serve, launch, root } from '../e2e/helpers.mjs';
import { record } from './record.mjs';

const bench = join(root, 'target', 'bench');
const dirs = { '': join(bench, 'gpu-web'), 'ort/': join(bench, 'ort', 'node_modules', 'onnxruntime-web', 'dist') };
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.onnx': 'application/octet-stream' };

/** Serves the bindings, the ONNX files and onnxruntime-web under /bench/. */
async function serveBench() {
  return serve('/dist/', async (req, res, path) => {
    if (!path.startsWith('/bench/')) return false;
    const rel = path.slice('/bench/'.length);
    if (rel.includes('..')) { res.writeHead(403).end(); return true; }
    if (rel === '') { res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>'); return true; }
    const [prefix, file] = rel.startsWith('ort/') ? ['ort/', rel.slice(4)] : ['', rel];
    try {
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(await readFile(join(dirs[prefix], file)));
    } catch { res.writeHead(404).end(); }
    return true;
  });
}

const config = async (name) => JSON.parse(await readFile(join(bench, 'models', name, 'config.json'), 'utf8'));
const shapes = [
  { key: 'builtin', name: 'built-in size (d 128, 4 layers, V 2048)', config: await config('builtin'), decode: 32, reps: 5 },
  { key: 'gpt2-124m', name: 'GPT-2 124M shape', config: await config('gpt2-124m'), decode: 4, reps: 1 },
];

const server = await serveBench();
const browser = await launch({ webgpu: true, extra: ['--enable-webgpu-developer-features'] });
const browserVersion = browser.version();
const page = await (await browser.newContext()).newPage();
page.on('pageerror', (e) => console.error('page error:', String(e)));
page.setDefaultTimeout(0);
const rows = [];
let adapterName = '';
const hasOrt = await readFile(join(dirs['ort/'], 'ort.webgpu.min.mjs')).then(() => true, () => false);
try {
  await page.goto(server.url.replace('/dist/', '/bench/'));
  for (const s of shapes.filter((x) => !x.skip)) {
    console.log(`${s.name}: Lupe …`);
    const r = await page.evaluate(async ({ config, decode, reps }) => {
      const m = await import('./gpu_wasm.js');
      await m.default();
      const adapter = JSON.parse(await m.load(JSON.stringify(config), 1n));
      const prompt = new Uint32Array([1, 2, 3, 4, 5, 6, 7, 8]);
      const ids = new Uint32Array(64).map((_, i) => (i * 37 + 11) % config.vocab_size);
      const time = async (f) => { const t0 = performance.now(); await f(); return performance.now() - t0; };
      const best = async (f) => { let b = Infinity; for (let i = 0; i < reps; i++) b = Math.min(b, await time(f)); return b; };
      // Warm-up (pipelines, first buffers), and equal tokens on both paths.
      const g = await m.gpu_generate(prompt, 2);
      const c = m.cpu_generate(prompt, 2);
      if (String(g) !== String(c)) throw new Error(`GPU tokens ${g} ≠ CPU tokens ${c}`);
      const logits = Array.from(await m.gpu_forward(ids));
      return {
        adapter,
        logits,
        gpuDecode: await best(() => m.gpu_generate(prompt, decode)),
        cpuDecode: await best(() => m.cpu_generate(prompt, decode)),
        gpuForward: await best(() => m.gpu_forward(ids)),
        cpuForward: await best(() => m.cpu_forward(ids)),
        gpuTraced: await best(() => m.gpu_traced(ids)),
        cpuTraced: await best(() => m.cpu_traced(ids)),
        profile: adapter.timestamps ? JSON.parse(await m.profile_decoding(prompt, Math.min(decode, 8))) : null,
        forwardProfile: adapter.timestamps ? JSON.parse(await m.profile_forward(ids)) : null,
      };
    }, s);
    adapterName = `${r.adapter.name} (${r.adapter.backend})`;
    const tps = (ms) => (s.decode * 1000) / ms;
    const cpuPeer = 'CPU path (wasm, simd128) in the same page';
    rows.push({ bench: 'gpu', figure: `${s.name}: greedy decoding, ${s.decode} tokens after 8, WebGPU`, value: tps(r.gpuDecode), unit: 'tokens/s', peer: cpuPeer, peerValue: tps(r.cpuDecode) });
    rows.push({ bench: 'gpu', figure: `${s.name}: forward pass over 64 tokens, all logits, WebGPU`, value: r.gpuForward, unit: 'ms', peer: cpuPeer, peerValue: r.cpuForward });
    rows.push({ bench: 'gpu', figure: `${s.name}: traced forward pass over 64 tokens, read back, WebGPU`, value: r.gpuTraced, unit: 'ms', peer: cpuPeer, peerValue: r.cpuTraced });
    if (r.profile) {
      for (const [p, what] of [[r.profile, 'decoding step'], [r.forwardProfile, 'forward pass over 64 tokens']]) {
        const total = p.kernels.reduce((a, k) => a + k.total_ms, 0) / p.steps;
        for (const k of p.kernels) {
          rows.push({ bench: 'gpu', figure: `${s.name}: kernel ${k.name}.wgsl, GPU time per ${what} (${k.dispatches / p.steps} dispatches; timestamp queries)`, value: k.total_ms / p.steps, unit: 'ms', peer: `all kernels of the ${what}`, peerValue: total });
        }
      }
    } else {
      console.log(`${s.name}: the adapter offers no timestamp queries; no per-kernel rows`);
    }
    if (!hasOrt) { console.log('onnxruntime-web is not installed (scripts/bench.sh gpu installs it); no peer rows'); continue; }
    const ortVersion = JSON.parse(await readFile(join(dirs['ort/'], '..', 'package.json'), 'utf8')).version;
    for (const ep of ['webgpu', 'wasm']) {
      console.log(`${s.name}: onnxruntime-web ${ortVersion} on ${ep} …`);
      const o = await page.evaluate(async ({ key, config, reps, ep }) => {
        const ort = await import('./ort/ort.webgpu.min.mjs');
        ort.env.wasm.wasmPaths = '/bench/ort/';
        ort.env.wasm.numThreads = 1;
        const session = await ort.InferenceSession.create(`/bench/${key}.onnx`, { executionProviders: [ep] });
        const ids = BigInt64Array.from({ length: 64 }, (_, i) => BigInt((i * 37 + 11) % config.vocab_size));
        const feeds = { input_ids: new ort.Tensor('int64', ids, [1, 64]) };
        let out = await session.run(feeds);
        let best = Infinity;
        for (let i = 0; i < reps; i++) {
          const t0 = performance.now();
          out = await session.run(feeds);
          best = Math.min(best, performance.now() - t0);
        }
        const v = config.vocab_size;
        const last = Array.from(out.logits.data.slice(63 * v, 64 * v));
        await session.release();
        return { best, last };
      }, { ...s, ep });
      const maxErr = Math.max(...o.last.map((x, i) => Math.abs(x - r.logits[i])));
      const scale = Math.max(...r.logits.map(Math.abs));
      console.log(`${s.name}: last-position logits, Lupe WebGPU vs onnxruntime-web ${ep}: max |Δ| ${maxErr.toExponential(2)} (scale ${scale.toFixed(2)})`);
      if (!(maxErr <= 1e-3 * Math.max(1, scale))) throw new Error(`onnxruntime-web (${ep}) computes other logits: max |Δ| ${maxErr}`);
      const ours = ep === 'webgpu' ? r.gpuForward : r.cpuForward;
      rows.push({ bench: 'gpu', figure: `${s.name}: forward pass over 64 tokens, all logits, Lupe on ${ep === 'webgpu' ? 'WebGPU' : 'the CPU (wasm)'}`, value: ours, unit: 'ms', peer: `onnxruntime-web ${ortVersion} (${ep} EP, 1 thread), same weights via transformers' ONNX export; logits agree to ${maxErr.toExponential(1)}`, peerValue: o.best });
    }
  }
} finally {
  await browser.close();
  await server.close();
}
await record(rows, `Chromium ${browserVersion} headless, WebGPU on ${adapterName}`);

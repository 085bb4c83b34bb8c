// Wasm training benchmark in Node: steps of 16 × 128 tokens on the built-in model's shape.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../e2e/helpers.mjs';

const require = createRequire(import.meta.url);
const { BenchTrainer } = require(join(root, 'target/bench/wasm/training_wasm.js'));
const t = new BenchTrainer();
t.step();
const steps = 4;
const start = performance.now();
for (let i = 0; i < steps; i++) t.step();
const ms = (performance.now() - start) / steps;
console.log(JSON.stringify({ node: process.version, tokens_per_s: (16 * 128) / (ms / 1e3), ms_per_step: ms }));

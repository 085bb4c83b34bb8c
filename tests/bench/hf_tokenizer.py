#!/usr/bin/env python3
"""The peer for the native tokenizer benchmark: Hugging Face `tokenizers` encoding the same
text with the same GPT-2 files: one call as ours, and as parallel batches of lines (median of 7
each). Prints JSON."""
import json
import statistics
import sys
import time

import tokenizers
from tokenizers import Tokenizer, models, pre_tokenizers

gpt2_dir, mixed = sys.argv[1], sys.argv[2]
tok = Tokenizer(models.BPE.from_file(f"{gpt2_dir}/vocab.json", f"{gpt2_dir}/merges.txt"))
tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
text = open(mixed, encoding="utf-8", newline="").read()
nbytes = len(text.encode("utf-8"))
times = []
for _ in range(7):
    t = time.perf_counter()
    ids = tok.encode(text).ids
    times.append(time.perf_counter() - t)
# Hugging Face at its best: the text as lines, encoded in parallel batches (all cores).
lines = text.splitlines(keepends=True)
batch_times = []
for _ in range(7):
    t = time.perf_counter()
    tok.encode_batch(lines)
    batch_times.append(time.perf_counter() - t)
print(json.dumps({
    "batch_mb_per_s": nbytes / 1e6 / statistics.median(batch_times),
    "version": tokenizers.__version__,
    "tokens": len(ids),
    "encode_mb_per_s": nbytes / 1e6 / statistics.median(times),
}))

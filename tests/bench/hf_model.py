#!/usr/bin/env python3
"""Peer for the model benchmark: Hugging Face transformers' GPT2LMHeadModel on the CPU, loading
the very weights Lupe wrote (so it also checks that transformers reads Lupe's checkpoints).
Greedy generation (8-token prompt, 64 new tokens, KV cache) and one forward pass over 64 tokens
with all attentions and hidden states returned (the closest thing to Lupe's trace). Prints JSON.
"""
import json
import sys
import time

import torch
import transformers
from transformers import GPT2LMHeadModel

torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
out = {"torch": torch.__version__, "transformers": transformers.__version__, "threads": torch.get_num_threads()}
for name in ("builtin", "gpt2-124m"):
    model = GPT2LMHeadModel.from_pretrained(f"{sys.argv[1]}/{name}").eval()
    vocab = model.config.vocab_size
    prompt = torch.tensor([[i * 7 + 1 for i in range(8)]])
    with torch.no_grad():
        model.generate(prompt, attention_mask=torch.ones_like(prompt), do_sample=False, max_new_tokens=4,
                       min_new_tokens=4, pad_token_id=0)
        best, tokens = float("inf"), None
        for _ in range(3):
            t = time.perf_counter()
            gen = model.generate(prompt, attention_mask=torch.ones_like(prompt), do_sample=False,
                                 max_new_tokens=64, min_new_tokens=64, pad_token_id=0)
            best = min(best, time.perf_counter() - t)
            tokens = gen[0][8:].tolist()
        ids = torch.tensor([[(i * 31 + 5) % 2048 for i in range(64)]])
        traced = float("inf")
        for _ in range(5):
            t = time.perf_counter()
            model(ids, output_attentions=True, output_hidden_states=True)
            traced = min(traced, time.perf_counter() - t)
    out[name] = {"tokens_per_s": 64 / best, "traced_forward_64_ms": traced * 1e3, "greedy_tokens": tokens}
print(json.dumps(out))

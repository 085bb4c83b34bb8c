#!/usr/bin/env python3
"""Peer for the training benchmark: PyTorch on the CPU training a GPT-2 of the built-in model's
shape (vocabulary 2048, d_model 128, 4 layers, 4 heads, context 256) on batches of 16 × 128
random tokens with AdamW — forward, backward and the update, as Lupe's trainer does. Prints JSON."""
import json
import sys
import time

import torch
from transformers import GPT2Config, GPT2LMHeadModel

torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
torch.manual_seed(1)
config = GPT2Config(vocab_size=2048, n_positions=256, n_embd=128, n_layer=4, n_head=4, n_inner=512,
                    resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0)
model = GPT2LMHeadModel(config).train()
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.95), weight_decay=0.1)
data = torch.randint(0, 2048, (16, 129))

def step():
    out = model(data[:, :-1], labels=data[:, :-1])
    out.loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    opt.zero_grad()

step()
steps = 10
t = time.perf_counter()
for _ in range(steps):
    step()
s = (time.perf_counter() - t) / steps
print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "tokens_per_s": 16 * 128 / s, "ms_per_step": s * 1e3}))

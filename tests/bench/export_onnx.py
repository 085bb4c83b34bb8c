#!/usr/bin/env python3
"""Peer for the WebGPU benchmark: exports the model benchmark's checkpoints (Lupe's random
GPT-2-shaped weights, written by examples/bench_model.rs) to ONNX with transformers'
GPT2LMHeadModel, for onnxruntime-web in the same browser. One graph: input_ids [1 × n] →
logits [1 × n × V], no KV cache.

    python export_onnx.py MODELS_DIR OUT_DIR    (MODELS_DIR/<name>/ → OUT_DIR/<name>.onnx)
"""
import os
import sys

import torch
from transformers import GPT2LMHeadModel


class Logits(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids):
        return self.model(input_ids, use_cache=False).logits


models, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
for name in ("builtin", "gpt2-124m"):
    target = os.path.join(out, f"{name}.onnx")
    if os.path.exists(target):
        continue
    model = GPT2LMHeadModel.from_pretrained(os.path.join(models, name), attn_implementation="eager").eval()
    ids = torch.tensor([[(i * 37 + 11) % model.config.vocab_size for i in range(64)]])
    program = torch.onnx.export(Logits(model), (ids,), input_names=["input_ids"], output_names=["logits"],
                                dynamic_shapes=({1: torch.export.Dim("n", min=2, max=1024)},), dynamo=True,
                                external_data=False)
    program.save(target)
    print(f"wrote {target} ({os.path.getsize(target) / 2**20:.1f} MiB)")

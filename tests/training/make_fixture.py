#!/usr/bin/env python3
"""Generates tests/training/grads.safetensors: the loss and every parameter's gradient of the tiny
GPT-2 in tests/model/tiny-gpt2 on a fixed batch with a loss mask, by PyTorch autograd through
transformers' GPT2LMHeadModel. Lupe's hand-written backward pass is tested against it.

Loss: mean cross-entropy over the positions whose mask is 1, targets = the next token.
Gradients are stored in Lupe's naming (hub names without the "transformer." prefix), in the
checkpoint layout (Conv1D [in × out]); the tied head's gradient is part of wte.weight.

    /tmp/pyref/bin/python tests/training/make_fixture.py
"""
import json
import pathlib

import torch
from safetensors.torch import save_file
from transformers import GPT2LMHeadModel

here = pathlib.Path(__file__).resolve().parent
model = GPT2LMHeadModel.from_pretrained(here.parent / "model" / "tiny-gpt2").float()
model.train()  # dropout is 0 in this config, so train mode changes nothing but is honest

batch = torch.tensor([
    [5, 17, 300, 42, 7, 7, 99, 250, 12, 3],
    [316, 1, 2, 3, 4, 5, 6, 7, 8, 9],
])
inputs, targets = batch[:, :-1], batch[:, 1:]
mask = torch.tensor([
    [1, 1, 1, 1, 1, 1, 1, 1, 1],
    [0, 0, 0, 1, 1, 1, 0, 1, 1],
], dtype=torch.float32)

logits = model(inputs).logits
ce = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.size(-1)), targets.reshape(-1), reduction="none")
loss = (ce * mask.reshape(-1)).sum() / mask.sum()
loss.backward()

grads = {}
for name, p in model.named_parameters():
    if name.startswith("lm_head"):
        continue  # tied to wte: its gradient is already summed into wte.weight
    grads[name.removeprefix("transformer.")] = p.grad.detach().clone().contiguous()
save_file(grads, str(here / "grads.safetensors"))
(here / "batch.json").write_text(json.dumps({
    "inputs": inputs.tolist(), "targets": targets.tolist(), "mask": mask.tolist(), "loss": loss.item(),
}) + "\n")
print("loss", loss.item(), "tensors", len(grads))

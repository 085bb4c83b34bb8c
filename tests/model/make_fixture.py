#!/usr/bin/env python3
"""Generates the model fixtures in tests/model/ with Hugging Face transformers' GPT2LMHeadModel:

  tiny-gpt2/              a small random GPT-2 (3 layers, 4 heads, d_model 48, vocabulary 317 —
                          deliberately not a round number), saved with save_pretrained (safetensors,
                          tensor names with the "transformer." prefix, tied LM head)
  tiny-gpt2-f16/          the same weights rounded to float16, hub-style names (no prefix)
  expected.json           logits for several id sequences (f32 and f16 weights), and greedy
                          generation with generate(do_sample=False)

    python3 -m venv /tmp/pyref && /tmp/pyref/bin/pip install torch transformers safetensors
    /tmp/pyref/bin/python tests/model/make_fixture.py
"""
import json
import pathlib

import torch
import transformers
from safetensors.torch import save_file
from transformers import GPT2Config, GPT2LMHeadModel

here = pathlib.Path(__file__).resolve().parent
torch.manual_seed(0)

config = GPT2Config(
    vocab_size=317, n_positions=32, n_embd=48, n_layer=3, n_head=4,
    activation_function="gelu_new", resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0,
    bos_token_id=316, eos_token_id=316,
    # Larger weights than the default 0.02, so that predictions depend on the input.
    initializer_range=0.35,
)
model = GPT2LMHeadModel(config).eval()
# Default init has zero biases and unit LayerNorms; randomise them so every parameter matters.
with torch.no_grad():
    for name, p in model.named_parameters():
        if name.endswith("bias") or ".ln_" in name or name.startswith("transformer.ln_f"):
            p.add_(torch.randn_like(p) * 0.1)

f32_dir = here / "tiny-gpt2"
model.save_pretrained(f32_dir, safe_serialization=True)

# The same weights rounded to f16, saved hub-style (no "transformer." prefix).
half = {k.removeprefix("transformer."): v.detach().to(torch.float16).contiguous()
        for k, v in model.state_dict().items() if not k.startswith("lm_head")}
f16_dir = here / "tiny-gpt2-f16"
f16_dir.mkdir(exist_ok=True)
save_file(half, str(f16_dir / "model.safetensors"), metadata={"format": "pt"})
(f16_dir / "config.json").write_text((f32_dir / "config.json").read_text())
model16 = GPT2LMHeadModel(config).eval()
model16.load_state_dict({("transformer." + k): v.float() for k, v in half.items()}, strict=False)
model16.tie_weights()

sequences = [[0], [5, 17, 300, 42], list(range(0, 310, 10)), [316, 1, 2, 3, 4, 5, 6, 7]]

def logits(m, ids):
    with torch.no_grad():
        return m(torch.tensor([ids])).logits[0].tolist()

expected = {
    "transformers": transformers.__version__,
    "torch": torch.__version__,
    "logits_f32": [{"ids": s, "logits": logits(model, s)} for s in sequences],
    "logits_f16": [{"ids": s, "logits": logits(model16, s)} for s in sequences[:2]],
    "greedy": [],
}
for prompt in ([5, 17, 300], [316], [1, 2, 3, 4]):
    with torch.no_grad():
        ids = torch.tensor([prompt])
        # An explicit mask: without it, generate() would treat token 316 (also the pad id) as
        # padding and hide it from attention.
        out = model.generate(ids, attention_mask=torch.ones_like(ids), do_sample=False,
                             max_new_tokens=12, pad_token_id=316, eos_token_id=None)
    expected["greedy"].append({"prompt": prompt, "new_tokens": out[0][len(prompt):].tolist()})
(here / "expected.json").write_text(json.dumps(expected) + "\n")
print("wrote", here / "expected.json")

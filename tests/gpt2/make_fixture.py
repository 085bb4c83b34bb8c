#!/usr/bin/env python3
"""Generates tests/gpt2/fixture.json: GPT-2 token ids for every text in texts.json, computed by
Hugging Face `tokenizers` (the reference) from the vocab.json + merges.txt that
tests/gpt2/vocab-from-npm.mjs rebuilds from npm's js-tiktoken, and cross-checked against
js-tiktoken itself. Where the two references disagree, the script says so and stops.

    pip install tokenizers==0.23.3
    node tests/gpt2/vocab-from-npm.mjs
    python3 tests/gpt2/make_fixture.py
"""
import json
import pathlib
import subprocess
import sys

from tokenizers import Tokenizer, decoders, models, pre_tokenizers

here = pathlib.Path(__file__).resolve().parent
root = here.parent.parent
gpt2 = root / "target" / "gpt2"

bpe = models.BPE.from_file(str(gpt2 / "vocab.json"), str(gpt2 / "merges.txt"))
tok = Tokenizer(bpe)
tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
tok.decoder = decoders.ByteLevel()

texts = json.loads((here / "texts.json").read_text(encoding="utf-8"))
hf = [tok.encode(t).ids for t in texts]

js = subprocess.run(
    ["node", "--input-type=module", "-e", """
import { Tiktoken } from 'js-tiktoken/lite';
import gpt2 from 'js-tiktoken/ranks/gpt2';
import { readFileSync } from 'node:fs';
const enc = new Tiktoken(gpt2);
const texts = JSON.parse(readFileSync(0, 'utf8'));
console.log(JSON.stringify(texts.map((t) => enc.encode(t, [], []))));
"""],
    input=json.dumps(texts), capture_output=True, text=True, cwd=root, check=True,
)
tiktoken = json.loads(js.stdout)

disagree = [t for t, a, b in zip(texts, hf, tiktoken) if a != b]
if disagree:
    for t in disagree:
        print("references disagree on:", repr(t), file=sys.stderr)
    sys.exit(1)
for t, ids in zip(texts, hf):
    assert tok.decode(ids) == t, repr(t)

fixture = {
    "reference": "Hugging Face tokenizers %s (GPT-2 vocab.json + merges.txt rebuilt from js-tiktoken's "
                 "ranks), equal to js-tiktoken on every text" % __import__("tokenizers").__version__,
    "cases": [{"text": t, "ids": ids} for t, ids in zip(texts, hf)],
}
(here / "fixture.json").write_text(json.dumps(fixture, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"wrote {len(texts)} cases to {here / 'fixture.json'}")

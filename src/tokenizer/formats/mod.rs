//! Tokenizer files: Hugging Face's `tokenizer.json` (BPE model, ByteLevel pre-tokenizer and
//! decoder) and GPT-2's `vocab.json` + `merges.txt`. Byte-level token text uses GPT-2's
//! byte ↔ character mapping ([`super::bytes`]).
//!
//! Classic word-level tokenizers are written as `tokenizer.json` with a `WhitespaceSplit`
//! pre-tokenizer and the model field `end_of_word_token: "</w>"` — Lupe's own extension, read
//! only by Lupe.
//!
//! Every problem is reported with what and where: a missing field, a merge naming an unknown
//! token, a gap in the ids, a truncated file.

use serde_json::{Map, Value, json};

use super::bytes::{bytes_to_text, text_to_bytes};
use super::{Alphabet, END_OF_WORD, Special, Tokenizer, TokenizerError, UNKNOWN};

fn err(message: impl Into<String>) -> TokenizerError {
    TokenizerError::new(message)
}

/// Parses a file's JSON, which must be an object; errors name the file and say when it looks
/// truncated.
fn json_object(text: &str, file: &str) -> Result<Map<String, Value>, TokenizerError> {
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(err(format!("{file} must hold a JSON object"))),
        Err(e) => Err(err(format!(
            "{file} is not valid JSON ({e}){}",
            if e.is_eof() {
                "; the file looks cut off"
            } else {
                ""
            }
        ))),
    }
}

/// Reads a Hugging Face `tokenizer.json`.
pub fn from_tokenizer_json(text: &str) -> Result<Tokenizer, TokenizerError> {
    let root = &json_object(text, "tokenizer.json")?;
    if !matches!(root.get("normalizer"), None | Some(Value::Null)) {
        return Err(err(
            "tokenizer.json has a normalizer; Lupe supports tokenizers without one (like GPT-2's)",
        ));
    }
    let model = root
        .get("model")
        .and_then(Value::as_object)
        .ok_or_else(|| err("tokenizer.json has no \"model\" object"))?;
    if let Some(kind) = model.get("type").and_then(Value::as_str)
        && kind != "BPE"
    {
        return Err(err(format!(
            "tokenizer.json has a {kind} model; Lupe reads BPE models"
        )));
    }
    let word_level = model.get("end_of_word_token").and_then(Value::as_str) == Some(END_OF_WORD);
    if word_level {
        check_pre_tokenizer(root.get("pre_tokenizer"), "WhitespaceSplit")?;
    } else {
        check_pre_tokenizer(root.get("pre_tokenizer"), "ByteLevel")?;
    }
    let vocab_obj = model
        .get("vocab")
        .and_then(Value::as_object)
        .ok_or_else(|| err("tokenizer.json: model.vocab is missing or not an object"))?;
    let decode_token = |token: &str| -> Result<Vec<u8>, TokenizerError> {
        if word_level {
            Ok(token.as_bytes().to_vec())
        } else {
            text_to_bytes(token).ok_or_else(|| {
                err(format!(
                    "vocabulary token {token:?} is not byte-level text (GPT-2's byte mapping)"
                ))
            })
        }
    };
    let mut vocab = dense_vocab(
        vocab_obj.iter().map(|(k, v)| (k.as_str(), v)),
        "model.vocab",
        decode_token,
    )?;
    let merges_value = model
        .get("merges")
        .and_then(Value::as_array)
        .ok_or_else(|| err("tokenizer.json: model.merges is missing or not a list"))?;
    let merge_pairs = merge_pairs(merges_value)?;
    let specials = added_tokens(root, &mut vocab)?;
    let merges = resolve_merges(&merge_pairs, &vocab, decode_token, "model.merges")?;
    if word_level {
        Tokenizer::word_level(vocab, merges, specials)
    } else {
        Tokenizer::byte_level(vocab, merges, specials)
    }
}

/// `model.merges` as `(left, right)` pairs: each entry `"left right"` or `["left", "right"]`.
fn merge_pairs(merges: &[Value]) -> Result<Vec<(String, String)>, TokenizerError> {
    let mut merge_pairs = Vec::with_capacity(merges.len());
    for (i, m) in merges.iter().enumerate() {
        let pair = match m {
            Value::String(s) => s
                .split_once(' ')
                .map(|(a, b)| (a.to_string(), b.to_string())),
            Value::Array(a) if a.len() == 2 => match (a[0].as_str(), a[1].as_str()) {
                (Some(x), Some(y)) => Some((x.to_string(), y.to_string())),
                _ => None,
            },
            _ => None,
        };
        merge_pairs.push(pair.ok_or_else(|| {
            err(format!(
                "model.merges[{i}] must be \"left right\" or [\"left\", \"right\"], found {m}"
            ))
        })?);
    }
    Ok(merge_pairs)
}

/// `added_tokens` as specials. An id just past the vocabulary extends it; one further on would
/// leave a gap and is an error.
fn added_tokens(
    root: &serde_json::Map<String, Value>,
    vocab: &mut Vec<Vec<u8>>,
) -> Result<Vec<Special>, TokenizerError> {
    let added = root
        .get("added_tokens")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut specials = Vec::new();
    for (i, t) in added.iter().enumerate() {
        let content = t.get("content").and_then(Value::as_str);
        let id = t.get("id").and_then(Value::as_u64);
        let (Some(content), Some(id)) = (content, id) else {
            return Err(err(format!(
                "added_tokens[{i}] needs a \"content\" string and an \"id\" number"
            )));
        };
        let id = u32::try_from(id)
            .map_err(|_| err(format!("added_tokens[{i}]: id {id} is too large")))?;
        if id as usize == vocab.len() {
            vocab.push(content.as_bytes().to_vec());
        } else if id as usize > vocab.len() {
            return Err(err(format!(
                "added_tokens[{i}] ({content:?}) has id {id}, leaving a gap after the vocabulary of {}",
                vocab.len()
            )));
        }
        specials.push(Special {
            content: content.to_string(),
            id,
        });
    }
    Ok(specials)
}

fn check_pre_tokenizer(value: Option<&Value>, expected: &str) -> Result<(), TokenizerError> {
    let found = value.and_then(|v| v.get("type")).and_then(Value::as_str);
    match (found, expected) {
        (Some("ByteLevel"), "ByteLevel") => {
            let v = value.expect("present");
            if v.get("add_prefix_space").and_then(Value::as_bool) == Some(true) {
                return Err(err(
                    "tokenizer.json: ByteLevel with add_prefix_space is not supported (GPT-2 has it off)",
                ));
            }
            if v.get("use_regex").and_then(Value::as_bool) == Some(false) {
                return Err(err(
                    "tokenizer.json: ByteLevel without GPT-2's split pattern (use_regex: false) is not supported",
                ));
            }
            Ok(())
        }
        (Some(f), _) if f == expected => Ok(()),
        (found, _) => Err(err(format!(
            "tokenizer.json: the pre-tokenizer is {}, but Lupe reads {expected} here",
            found.unwrap_or("missing")
        ))),
    }
}

/// Turns `token → id` pairs into an id-ordered vocabulary, rejecting gaps and duplicates.
fn dense_vocab<'a>(
    entries: impl ExactSizeIterator<Item = (&'a str, &'a Value)>,
    what: &str,
    decode: impl Fn(&str) -> Result<Vec<u8>, TokenizerError>,
) -> Result<Vec<Vec<u8>>, TokenizerError> {
    // The ids are 0 … n−1 for n tokens: an id at or beyond n cannot be right, and refusing it
    // first keeps the table as small as the list (a file's id alone reserves nothing).
    let count = entries.len();
    let mut slots: Vec<Option<Vec<u8>>> = vec![None; count];
    for (token, id) in entries {
        let id = id
            .as_u64()
            .filter(|&i| i < u32::MAX as u64)
            .ok_or_else(|| {
                err(format!(
                    "{what}: the id of {token:?} is not a number, found {id}"
                ))
            })? as usize;
        if id >= count {
            return Err(err(format!(
                "{what}: id {id} of {token:?} is beyond the {count} tokens listed (the ids must be 0 … {})",
                count.saturating_sub(1)
            )));
        }
        if slots[id].is_some() {
            return Err(err(format!("{what}: two tokens have id {id}")));
        }
        slots[id] = Some(decode(token)?);
    }
    slots
        .into_iter()
        .enumerate()
        .map(|(id, s)| {
            s.ok_or_else(|| {
                err(format!(
                    "{what}: no token has id {id} (the ids must be 0, 1, 2, … without gaps)"
                ))
            })
        })
        .collect()
}

/// Turns merges given as token text into id pairs.
fn resolve_merges(
    pairs: &[(String, String)],
    vocab: &[Vec<u8>],
    decode: impl Fn(&str) -> Result<Vec<u8>, TokenizerError>,
    what: &str,
) -> Result<Vec<(u32, u32)>, TokenizerError> {
    let mut index = rustc_hash::FxHashMap::default();
    for (id, bytes) in vocab.iter().enumerate() {
        index.entry(bytes.as_slice()).or_insert(id as u32);
    }
    let mut out = Vec::with_capacity(pairs.len());
    for (i, (a, b)) in pairs.iter().enumerate() {
        let id = |token: &str| -> Result<u32, TokenizerError> {
            let bytes = decode(token)?;
            index.get(bytes.as_slice()).copied().ok_or_else(|| {
                err(format!(
                    "{what}[{i}] names {token:?}, which is not in the vocabulary"
                ))
            })
        };
        out.push((id(a)?, id(b)?));
    }
    Ok(out)
}

/// Writes a Hugging Face `tokenizer.json`.
pub fn to_tokenizer_json(tokenizer: &Tokenizer) -> String {
    let word_level = matches!(tokenizer.alphabet(), Alphabet::Chars { .. });
    let token_text = |bytes: &[u8]| {
        if word_level {
            String::from_utf8_lossy(bytes).into_owned()
        } else {
            bytes_to_text(bytes)
        }
    };
    let vocab = tokenizer.bpe().vocab();
    // Special tokens at the end of the vocabulary are written as added tokens only, as
    // Hugging Face does for tokenizers it trains.
    let mut model_len = vocab.len();
    while model_len > 0 && tokenizer.is_special(model_len as u32 - 1) {
        model_len -= 1;
    }
    let mut vocab_json = String::from("{");
    for (id, bytes) in vocab.iter().enumerate().take(model_len) {
        if id > 0 {
            vocab_json.push(',');
        }
        vocab_json.push_str(&Value::String(token_text(bytes)).to_string());
        vocab_json.push(':');
        vocab_json.push_str(&id.to_string());
    }
    vocab_json.push('}');
    let merges: Vec<Value> = tokenizer
        .bpe()
        .merge_list()
        .iter()
        .map(|&(a, b)| {
            json!([
                token_text(&vocab[a as usize]),
                token_text(&vocab[b as usize])
            ])
        })
        .collect();
    let added: Vec<Value> = tokenizer
        .specials()
        .iter()
        .map(|s| {
            json!({"id": s.id, "content": s.content, "single_word": false, "lstrip": false,
                   "rstrip": false, "normalized": false, "special": true})
        })
        .collect();
    let byte_level = json!({"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true});
    let mut root = Map::new();
    root.insert("version".into(), json!("1.0"));
    root.insert("truncation".into(), Value::Null);
    root.insert("padding".into(), Value::Null);
    root.insert("added_tokens".into(), Value::Array(added));
    root.insert("normalizer".into(), Value::Null);
    if word_level {
        root.insert("pre_tokenizer".into(), json!({"type": "WhitespaceSplit"}));
        root.insert("post_processor".into(), Value::Null);
        root.insert("decoder".into(), Value::Null);
    } else {
        root.insert("pre_tokenizer".into(), byte_level.clone());
        root.insert("post_processor".into(), byte_level.clone());
        root.insert("decoder".into(), byte_level);
    }
    // The model goes last and is spliced in by hand so the vocabulary stays in id order.
    let mut head = Value::Object(root).to_string();
    head.pop();
    let mut model = format!(
        "{{\"type\":\"BPE\",\"dropout\":null,\"unk_token\":{},\"continuing_subword_prefix\":\"\",\
         \"end_of_word_suffix\":\"\",\"fuse_unk\":false,\"byte_fallback\":false,\"ignore_merges\":false,",
        if word_level {
            json!(UNKNOWN)
        } else {
            Value::Null
        }
    );
    if word_level {
        model.push_str(&format!("\"end_of_word_token\":{},", json!(END_OF_WORD)));
    }
    model.push_str(&format!(
        "\"vocab\":{vocab_json},\"merges\":{}}}",
        Value::Array(merges)
    ));
    format!("{head},\"model\":{model}}}")
}

/// Reads GPT-2's `vocab.json` and `merges.txt`. `<|endoftext|>`, if in the vocabulary, is the
/// special token.
pub fn from_gpt2_files(vocab_json: &str, merges_txt: &str) -> Result<Tokenizer, TokenizerError> {
    let obj = &json_object(vocab_json, "vocab.json")?;
    let specials_text = ["<|endoftext|>"];
    let decode = |token: &str| -> Result<Vec<u8>, TokenizerError> {
        if specials_text.contains(&token) {
            return Ok(token.as_bytes().to_vec());
        }
        text_to_bytes(token).ok_or_else(|| {
            err(format!(
                "vocab.json: token {token:?} is not byte-level text"
            ))
        })
    };
    let vocab = dense_vocab(
        obj.iter().map(|(k, v)| (k.as_str(), v)),
        "vocab.json",
        decode,
    )?;
    let mut pairs = Vec::new();
    for (n, line) in merges_txt.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() || (n == 0 && line.starts_with("#version")) {
            continue;
        }
        let (a, b) = line.split_once(' ').filter(|(_, b)| !b.contains(' ')).ok_or_else(|| {
            err(format!("merges.txt line {}: expected two tokens separated by one space, found {line:?}", n + 1))
        })?;
        pairs.push((a.to_string(), b.to_string()));
    }
    let merges = resolve_merges(&pairs, &vocab, decode, "merges.txt line")?;
    let specials = specials_text
        .iter()
        .filter_map(|s| {
            obj.get(*s).and_then(Value::as_u64).map(|id| Special {
                content: s.to_string(),
                id: id as u32,
            })
        })
        .collect();
    Tokenizer::byte_level(vocab, merges, specials)
}

/// Writes GPT-2's `vocab.json` and `merges.txt` (byte-level tokenizers only).
pub fn to_gpt2_files(tokenizer: &Tokenizer) -> Result<(String, String), TokenizerError> {
    if !matches!(tokenizer.alphabet(), Alphabet::Bytes { .. }) {
        return Err(err("GPT-2's file format holds byte-level tokenizers only"));
    }
    let vocab = tokenizer.bpe().vocab();
    let text = |id: usize| {
        if tokenizer.is_special(id as u32) {
            String::from_utf8_lossy(&vocab[id]).into_owned()
        } else {
            bytes_to_text(&vocab[id])
        }
    };
    let mut vocab_json = String::from("{");
    for id in 0..vocab.len() {
        if id > 0 {
            vocab_json.push(',');
        }
        vocab_json.push_str(&format!("{}:{id}", Value::String(text(id))));
    }
    vocab_json.push('}');
    let mut merges = String::from("#version: 0.2\n");
    for &(a, b) in tokenizer.bpe().merge_list() {
        merges.push_str(&format!("{} {}\n", text(a as usize), text(b as usize)));
    }
    Ok((vocab_json, merges))
}

/// Loads a tokenizer from a `tokenizer.json` file, or from a folder holding `tokenizer.json`
/// or `vocab.json` + `merges.txt`.
#[cfg(not(target_arch = "wasm32"))]
pub fn load(path: &std::path::Path) -> Result<Tokenizer, TokenizerError> {
    let read = |p: &std::path::Path| {
        std::fs::read(p)
            .map_err(|e| err(format!("cannot read {}: {e}", p.display())))
            .and_then(|bytes| {
                String::from_utf8(bytes).map_err(|e| {
                    err(format!(
                        "{} is not UTF-8 text (invalid byte at offset {})",
                        p.display(),
                        e.utf8_error().valid_up_to()
                    ))
                })
            })
    };
    let with_path = |p: &std::path::Path, e: TokenizerError| err(format!("{}: {e}", p.display()));
    if path.is_dir() {
        let json = path.join("tokenizer.json");
        if json.is_file() {
            return from_tokenizer_json(&read(&json)?).map_err(|e| with_path(&json, e));
        }
        let (vocab, merges) = (path.join("vocab.json"), path.join("merges.txt"));
        if vocab.is_file() && merges.is_file() {
            return from_gpt2_files(&read(&vocab)?, &read(&merges)?)
                .map_err(|e| with_path(path, e));
        }
        return Err(err(format!(
            "{} holds neither tokenizer.json nor vocab.json + merges.txt",
            path.display()
        )));
    }
    from_tokenizer_json(&read(path)?).map_err(|e| with_path(path, e))
}

#[cfg(test)]
mod tests;

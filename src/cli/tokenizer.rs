//! `lupe tokenize` and `lupe train-tokenizer`.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::tokenizer::formats;
use crate::tokenizer::greedy::greedy_longest_match;
use crate::tokenizer::train::{Mode, train as train_bpe};

pub fn tokenize(
    path: &Path,
    trace: bool,
    allow_special: bool,
    greedy: bool,
    text: Option<OsString>,
) -> Result<(), String> {
    let tokenizer = formats::load(path).map_err(|e| e.to_string())?;
    let text = match text {
        Some(arg) => arg
            .into_string()
            .map_err(|_| "the text argument is not valid UTF-8".to_string())?,
        None => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            utf8(bytes, "standard input")?
        }
    };
    if trace {
        super::print_json(&tokenizer.trace(&text, allow_special))
    } else if greedy {
        super::print_json(&greedy_longest_match(&tokenizer, &text))
    } else {
        super::print_json(&tokenizer.encode_with(&text, allow_special))
    }
}

pub fn train(
    vocab_size: usize,
    out: &Path,
    word_level: bool,
    specials: &[String],
    files: &[PathBuf],
) -> Result<(), String> {
    let mut documents = Vec::with_capacity(files.len());
    for f in files {
        let bytes = std::fs::read(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        documents.push(utf8(bytes, &f.display().to_string())?);
    }
    let docs: Vec<&str> = documents.iter().map(String::as_str).collect();
    let specials: Vec<&str> = specials.iter().map(String::as_str).collect();
    let mode = if word_level {
        Mode::WordLevel
    } else {
        Mode::ByteLevel
    };
    let start = std::time::Instant::now();
    let (tokenizer, steps) =
        train_bpe(mode, &docs, vocab_size, &specials).map_err(|e| e.to_string())?;
    let seconds = start.elapsed().as_secs_f64();
    std::fs::write(out, formats::to_tokenizer_json(&tokenizer))
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    super::print_json(&serde_json::json!({
        "out": out.display().to_string(),
        "vocab_size": tokenizer.vocab_size(),
        "merges": steps.len(),
        "seconds": (seconds * 1000.0).round() / 1000.0,
        "stopped_early": tokenizer.vocab_size() < vocab_size,
    }))
}

/// Bytes as text, or an error naming the source and the first invalid byte.
fn utf8(bytes: Vec<u8>, source: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{source} is not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

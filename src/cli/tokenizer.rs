//! `lupe tokenize` and `lupe train-tokenizer`.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::tokenizer::formats;
use crate::tokenizer::greedy::greedy_longest_match;
use crate::tokenizer::train::{Mode, train as train_bpe};

/// The longest text `tokenize --trace` traces (1 MiB).
pub const TRACE_MAX_BYTES: usize = 1 << 20;

/// Where a trace of `text` stops: the whole text, or the last whitespace (else character
/// boundary) before [`TRACE_MAX_BYTES`].
fn trace_cut(text: &str) -> usize {
    if text.len() <= TRACE_MAX_BYTES {
        return text.len();
    }
    let mut cut = TRACE_MAX_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text[..cut].rfind(char::is_whitespace).unwrap_or(cut)
}

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
        // A trace keeps every merge of every piece, about 200 bytes per byte of text: long
        // texts are traced up to a cap, with a notice.
        let cut = trace_cut(&text);
        if cut < text.len() {
            eprintln!(
                "lupe: the trace covers the first {} of {} bytes (at most {TRACE_MAX_BYTES} bytes are traced; without --trace the whole text is tokenized)",
                cut,
                text.len()
            );
        }
        super::print_json(&tokenizer.trace(&text[..cut], allow_special))
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

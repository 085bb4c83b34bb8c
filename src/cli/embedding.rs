//! `lupe nearest` and `lupe analogy`: the embedding chapter's functions on the command line.

use std::path::Path;

use crate::model::embedding::{analogy as analogy_of, nearest as nearest_to};
use crate::model::load_dir;
use crate::session::check_tokenizer;
use crate::tokenizer::{Tokenizer, formats};

/// The token for a word as it appears in running text: " word" if that is one token, else
/// "word"; an error naming the pieces otherwise.
pub fn word_token(tokenizer: &Tokenizer, word: &str) -> Result<u32, String> {
    if word.trim().is_empty() {
        return Err("give a word: an empty word has no token".into());
    }
    for form in [format!(" {word}"), word.to_string()] {
        if let [id] = tokenizer.encode(&form)[..] {
            return Ok(id);
        }
    }
    let pieces: Vec<String> = tokenizer
        .encode(&format!(" {word}"))
        .iter()
        .map(|&i| format!("{:?}", tokenizer.token_view(i).label))
        .collect();
    Err(format!(
        "{word:?} is not one token in this vocabulary (it is {})",
        pieces.join(" + ")
    ))
}

fn load(dir: &Path) -> Result<(crate::model::Gpt, Tokenizer), String> {
    let model = load_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let tokenizer = formats::load(dir).map_err(|e| e.to_string())?;
    check_tokenizer(&tokenizer, &model.config).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok((model, tokenizer))
}

/// The nearest rows, without rows that no token of the tokenizer names (a model's padding).
fn named(tokenizer: &Tokenizer, list: Vec<(u32, f32)>, k: usize) -> Vec<(u32, f32)> {
    list.into_iter()
        .filter(|&(id, _)| (id as usize) < tokenizer.vocab_size())
        .take(k)
        .collect()
}

fn print(tokenizer: &Tokenizer, list: &[(u32, f32)]) -> Result<(), String> {
    let rows: Vec<(String, f32)> = list
        .iter()
        .map(|&(id, c)| {
            (
                tokenizer.token_view(id).label,
                (c * 10_000.0).round() / 10_000.0,
            )
        })
        .collect();
    super::print_json(&rows)
}

pub fn nearest(dir: &Path, word: &str, k: usize) -> Result<(), String> {
    let (model, tokenizer) = load(dir)?;
    let id = word_token(&tokenizer, word)?;
    let table = &model.weights.token_embedding;
    let padding = table.rows - tokenizer.vocab_size().min(table.rows);
    let list = nearest_to(table, table.row(id as usize), k + padding, &[id]);
    print(&tokenizer, &named(&tokenizer, list, k))
}

pub fn analogy(dir: &Path, a: &str, b: &str, c: &str, k: usize) -> Result<(), String> {
    let (model, tokenizer) = load(dir)?;
    let ids = [
        word_token(&tokenizer, a)?,
        word_token(&tokenizer, b)?,
        word_token(&tokenizer, c)?,
    ];
    let table = &model.weights.token_embedding;
    let padding = table.rows - tokenizer.vocab_size().min(table.rows);
    let list = analogy_of(table, ids[0], ids[1], ids[2], k + padding);
    print(&tokenizer, &named(&tokenizer, list, k))
}

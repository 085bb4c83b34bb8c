//! `lupe logits` and `lupe generate`.

use std::path::Path;

use crate::model::generate::{GenerateOptions, generate as run_generation};
use crate::model::{Gpt, LogitRows, load_dir};
use crate::sampling::Sampling;
use crate::session::check_tokenizer;
use crate::tokenizer::{Tokenizer, formats};

/// Parses `1,2,3` into ids, naming the first item that is not one.
pub fn parse_ids(text: &str) -> Result<Vec<u32>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<u32>()
                .map_err(|_| format!("--ids: {s:?} is not a token id"))
        })
        .collect()
}

fn load(dir: &Path) -> Result<Gpt, String> {
    load_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

/// The tokenizer stored beside the model, if there is one, checked against the model.
fn tokenizer_beside(dir: &Path, model: &Gpt) -> Option<Result<Tokenizer, String>> {
    let has = dir.join("tokenizer.json").is_file()
        || (dir.join("vocab.json").is_file() && dir.join("merges.txt").is_file());
    has.then(|| {
        let t = formats::load(dir).map_err(|e| e.to_string())?;
        check_tokenizer(&t, &model.config).map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(t)
    })
}

pub fn logits(dir: &Path, ids: &str) -> Result<(), String> {
    let model = load(dir)?;
    // A tokenizer beside the model must belong to it, even where it is not used.
    tokenizer_beside(dir, &model).transpose()?;
    let ids = parse_ids(ids)?;
    let logits = model
        .forward(&ids, LogitRows::All)
        .map_err(|e| e.to_string())?;
    let rows: Vec<&[f32]> = (0..logits.rows).map(|r| logits.row(r)).collect();
    super::print_json(&rows)
}

pub struct GenerateArgs<'a> {
    pub dir: &'a Path,
    pub ids: Option<&'a str>,
    pub prompt: Option<&'a str>,
    pub max_new_tokens: usize,
    pub sampling: Sampling,
    pub seed: u64,
}

pub fn generate(args: GenerateArgs<'_>) -> Result<(), String> {
    let model = load(args.dir)?;
    let tokenizer = tokenizer_beside(args.dir, &model).transpose()?;
    let prompt = match (args.ids, args.prompt) {
        (Some(ids), _) => parse_ids(ids)?,
        (None, Some(text)) => {
            let t = tokenizer.as_ref().ok_or_else(|| {
                format!(
                    "--prompt needs a tokenizer in {} (tokenizer.json, or vocab.json + merges.txt); use --ids instead",
                    args.dir.display()
                )
            })?;
            t.encode_with(text, true)
        }
        (None, None) => return Err("give the prompt with --ids or --prompt".into()),
    };
    if prompt.is_empty() {
        return Err("the prompt is empty: the model needs at least one token to continue".into());
    }
    let end_token = tokenizer
        .as_ref()
        .and_then(|t| t.special_id("<|endoftext|>"));
    let options = GenerateOptions {
        max_new_tokens: args.max_new_tokens,
        sampling: args.sampling,
        seed: args.seed,
        end_token,
    };
    let out = run_generation(&model, &prompt, options).map_err(|e| e.to_string())?;
    let mut json = serde_json::json!({ "ids": out.tokens, "stop": out.stop });
    if let Some(t) = &tokenizer {
        json["text"] = serde_json::Value::String(t.decode_lossy(&out.tokens));
    }
    super::print_json(&json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_or_name_the_bad_item() {
        assert_eq!(parse_ids("1, 2,3").unwrap(), [1, 2, 3]);
        assert_eq!(parse_ids("").unwrap(), Vec::<u32>::new());
        assert!(parse_ids("1,x,3").unwrap_err().contains("\"x\""));
        assert!(parse_ids("-1").is_err());
    }
}

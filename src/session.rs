//! What the page computes for a prompt: the loaded model with its tokenizer, and the analysis
//! of the current prompt (tokens with their merge traces, and a traced forward pass). Kept out of
//! the UI so that it is tested natively; every chapter reads from it.

use std::rc::Rc;

use crate::budget::Budget;
use crate::chat;
use crate::model::checkpoint::load_safetensors;
use crate::model::{Config, Gpt, LogitRows, Trace};
use crate::tokenizer::{EncodeTrace, Tokenizer, formats};

/// A model and its tokenizer, ready for the chapters.
pub struct Loaded {
    pub model: Rc<Gpt>,
    pub tokenizer: Tokenizer,
    /// The training log (`training_log.json`), when the model folder has one.
    pub log: Option<serde_json::Value>,
}

/// Where a model's tokenizer comes from.
pub enum TokenizerFiles<'a> {
    /// A Hugging Face `tokenizer.json`.
    Json(&'a str),
    /// GPT-2's original pair, `vocab.json` and `merges.txt`.
    Gpt2 { vocab: &'a str, merges: &'a str },
}

/// Checks that a tokenizer fits a model: none of its token ids may lie beyond the model's
/// vocabulary (the model may have more rows, as padding). Every loader calls it, on the page
/// and on the command line.
pub fn check_tokenizer(tokenizer: &Tokenizer, config: &Config) -> Result<(), String> {
    if tokenizer.vocab_size() > config.vocab_size {
        return Err(format!(
            "the tokenizer has {} tokens but the model only {}: they do not belong together",
            tokenizer.vocab_size(),
            config.vocab_size
        ));
    }
    Ok(())
}

/// Models above this many parameters are analysed layer by layer with pauses in between, so
/// that the page keeps drawing (GPT-2 small has 124 M; the built-in models under 1 M).
pub const LARGE_MODEL_PARAMS: usize = 10_000_000;

impl Loaded {
    /// Builds a model from the files of a model folder.
    pub fn from_files(
        config_json: &str,
        safetensors: &[u8],
        tokenizer_json: &str,
        log_json: Option<&str>,
    ) -> Result<Loaded, String> {
        Loaded::from_parts(
            config_json,
            safetensors,
            TokenizerFiles::Json(tokenizer_json),
            log_json,
        )
    }

    /// Builds a model from `config.json`, the weights and either tokenizer format. Every
    /// message names the file at fault.
    pub fn from_parts(
        config_json: &str,
        safetensors: &[u8],
        tokenizer: TokenizerFiles<'_>,
        log_json: Option<&str>,
    ) -> Result<Loaded, String> {
        let config = Config::from_json(config_json).map_err(|e| e.to_string())?;
        config
            .check_budget(&Budget::TAB)
            .map_err(|e| format!("config.json: {e}"))?;
        let weights = load_safetensors(&config, safetensors).map_err(|e| e.to_string())?;
        let model = Rc::new(Gpt::new(config, weights).map_err(|e| e.to_string())?);
        let tokenizer = match tokenizer {
            TokenizerFiles::Json(text) => formats::from_tokenizer_json(text),
            TokenizerFiles::Gpt2 { vocab, merges } => formats::from_gpt2_files(vocab, merges),
        }
        .map_err(|e| e.to_string())?;
        check_tokenizer(&tokenizer, &model.config)?;
        let log = log_json.and_then(|t| serde_json::from_str(t).ok());
        Ok(Loaded {
            model,
            tokenizer,
            log,
        })
    }

    /// The end token's id, if the tokenizer has one.
    pub fn end_token(&self) -> Option<u32> {
        self.tokenizer.special_id(chat::END)
    }

    /// Builds a model from files a user picked or dropped, found by name: `config.json`, one
    /// `*.safetensors`, and `tokenizer.json` or `vocab.json` + `merges.txt`. Other files are
    /// ignored. The message says which file is missing or broken.
    pub fn from_named_files(files: &[(String, Vec<u8>)]) -> Result<Loaded, String> {
        let find = |name: &str| files.iter().find(|(n, _)| n == name).map(|(_, b)| b);
        let text = |name: &str| -> Result<Option<&str>, String> {
            find(name)
                .map(|b| std::str::from_utf8(b).map_err(|_| format!("{name} is not UTF-8 text")))
                .transpose()
        };
        let weights: Vec<_> = files
            .iter()
            .filter(|(n, _)| n.ends_with(".safetensors"))
            .collect();
        let config = text("config.json")?;
        let mut missing = Vec::new();
        if config.is_none() {
            missing.push("config.json");
        }
        if weights.is_empty() {
            missing.push("model.safetensors");
        }
        let tokenizer = match (
            text("tokenizer.json")?,
            text("vocab.json")?,
            text("merges.txt")?,
        ) {
            (Some(json), _, _) => Some(TokenizerFiles::Json(json)),
            (None, Some(vocab), Some(merges)) => Some(TokenizerFiles::Gpt2 { vocab, merges }),
            _ => {
                missing.push("tokenizer.json (or vocab.json + merges.txt)");
                None
            }
        };
        if !missing.is_empty() {
            return Err(format!("missing: {}", missing.join(", ")));
        }
        if weights.len() > 1 {
            return Err(format!(
                "{} weight files: Lupe reads one unsharded model.safetensors",
                weights.len()
            ));
        }
        let (Some(config), Some(tokenizer)) = (config, tokenizer) else {
            unreachable!("checked above")
        };
        Loaded::from_parts(config, &weights[0].1, tokenizer, None)
    }

    /// Whether a forward pass is slow enough to be split into steps (see
    /// [`LARGE_MODEL_PARAMS`]).
    pub fn is_large(&self) -> bool {
        self.model.weights.parameter_count() > LARGE_MODEL_PARAMS
    }

    /// The most tokens the chapters trace: the context, or fewer when a traced pass over the
    /// whole context would not fit a tab's memory next to the model (GPT-2's 1,024 tokens).
    pub fn readable_tokens(&self) -> usize {
        self.model.config.traceable_tokens(&Budget::TAB).max(1)
    }
}

/// The analysis of one prompt.
pub struct Analysis {
    pub prompt: String,
    /// All tokens of the prompt with their merge traces.
    pub encoding: EncodeTrace,
    /// The tokens the model reads: all of them, or the last `n_ctx` when the prompt is longer
    /// than the context.
    pub ids: Vec<u32>,
    /// How many tokens were cut from the front to fit the context.
    pub cut: usize,
    /// The traced forward pass over `ids` (logits for the last position); `None` for an empty
    /// prompt, or while a large model is still computing it.
    pub trace: Option<Trace>,
}

/// The piece of the prompt whose merges the tokens chapter replays: the selected position's
/// piece if it is not a special token, else the piece with the most merges (the later one on a
/// tie); `None` when every piece is special or there is none.
pub fn replay_piece(encoding: &EncodeTrace, selected: Option<usize>) -> Option<usize> {
    let pieces = &encoding.pieces;
    selected
        .filter(|&i| i < pieces.len() && !pieces[i].special)
        .or_else(|| {
            (0..pieces.len())
                .filter(|&i| !pieces[i].special)
                .max_by_key(|&i| (pieces[i].steps.len(), i))
        })
}

/// Tokenizes the prompt (special tokens allowed, so chat markers work) and keeps the last
/// tokens the model reads (its context) and a traced pass of them fits the tab's memory; no
/// forward pass yet.
pub fn tokenize(loaded: &Loaded, prompt: &str) -> Analysis {
    let encoding = loaded.tokenizer.trace(prompt, true);
    let cut = encoding.ids.len().saturating_sub(loaded.readable_tokens());
    let ids = encoding.ids[cut..].to_vec();
    Analysis {
        prompt: prompt.to_string(),
        encoding,
        ids,
        cut,
        trace: None,
    }
}

/// Tokenizes the prompt and runs a traced pass in one go.
pub fn analyse(loaded: &Loaded, prompt: &str) -> Analysis {
    let mut analysis = tokenize(loaded, prompt);
    analysis.trace = (!analysis.ids.is_empty())
        .then(|| {
            loaded
                .model
                .forward_traced(&analysis.ids, LogitRows::Last)
                .ok()
        })
        .flatten();
    analysis
}

/// The models the page can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModelId {
    /// Built in, pretrained only: continues text.
    Base,
    /// Built in, base plus SFT on dialogs: answers in the role format.
    Chat,
    /// OpenAI's GPT-2 small from the Hugging Face hub, downloaded on request.
    Gpt2,
    /// A model from the user's own files.
    Local,
}

impl ModelId {
    /// The models that ship with the site.
    pub const BUILT_IN: [ModelId; 2] = [ModelId::Chat, ModelId::Base];
    pub const ALL: [ModelId; 4] = [ModelId::Chat, ModelId::Base, ModelId::Gpt2, ModelId::Local];

    /// Name in the URL (and folder under `models/` for the built-in ones).
    pub fn slug(self) -> &'static str {
        match self {
            ModelId::Base => "base",
            ModelId::Chat => "chat",
            ModelId::Gpt2 => "gpt2",
            ModelId::Local => "local",
        }
    }

    pub fn from_slug(s: &str) -> Option<ModelId> {
        ModelId::ALL.into_iter().find(|m| m.slug() == s)
    }

    pub fn is_built_in(self) -> bool {
        ModelId::BUILT_IN.contains(&self)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn builtin(name: &str) -> Loaded {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("www/models")
            .join(name);
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
        Loaded::from_files(
            &read("config.json"),
            &std::fs::read(dir.join("model.safetensors")).unwrap(),
            &read("tokenizer.json"),
            Some(&read("training_log.json")),
        )
        .unwrap()
    }

    #[test]
    fn analyses_a_prompt_end_to_end() {
        let m = builtin("base");
        let a = analyse(&m, "Der König regiert das");
        assert_eq!(a.ids.len(), 4);
        assert_eq!(a.cut, 0);
        let t = a.trace.unwrap();
        assert_eq!(t.layers.len(), 4);
        assert!(m.log.is_some());
        let empty = analyse(&m, "");
        assert!(empty.trace.is_none() && empty.ids.is_empty());
    }

    #[test]
    fn long_prompts_keep_their_end() {
        let m = builtin("base");
        let long = "Der Hund bellt. ".repeat(100);
        let a = analyse(&m, &long);
        assert_eq!(a.ids.len(), 256);
        assert_eq!(a.cut, a.encoding.ids.len() - 256);
        assert_eq!(a.ids.last(), a.encoding.ids.last());
        assert!(a.trace.is_some());
    }

    fn folder(name: &str) -> Vec<(String, Vec<u8>)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("www/models")
            .join(name);
        ["config.json", "model.safetensors", "tokenizer.json"]
            .iter()
            .map(|f| (f.to_string(), std::fs::read(dir.join(f)).unwrap()))
            .collect()
    }

    #[test]
    fn dropped_files_are_found_by_name() {
        let mut files = folder("base");
        files.push(("notes.txt".into(), b"ignored".to_vec()));
        let m = Loaded::from_named_files(&files).unwrap();
        assert_eq!(m.model.config.n_layer, 4);
        assert!(!m.is_large());

        // GPT-2's original tokenizer pair works too.
        let (vocab, merges) = formats::to_gpt2_files(&m.tokenizer).unwrap();
        files.retain(|(n, _)| n != "tokenizer.json");
        files.push(("vocab.json".into(), vocab.into_bytes()));
        files.push(("merges.txt".into(), merges.into_bytes()));
        let again = Loaded::from_named_files(&files).unwrap();
        assert_eq!(
            again.tokenizer.encode("Der König"),
            m.tokenizer.encode("Der König")
        );
    }

    #[test]
    fn dropped_files_name_what_is_missing_or_broken() {
        let e = Loaded::from_named_files(&[("config.json".into(), b"{}".to_vec())])
            .err()
            .unwrap();
        assert_eq!(
            e,
            "missing: model.safetensors, tokenizer.json (or vocab.json + merges.txt)"
        );
        let mut files = folder("base");
        files[0].1 = vec![0xff, 0xfe];
        assert_eq!(
            Loaded::from_named_files(&files).err().unwrap(),
            "config.json is not UTF-8 text"
        );
        let mut files = folder("base");
        files[1].1.truncate(1000);
        let e = Loaded::from_named_files(&files).err().unwrap();
        assert!(e.contains("damaged or cut off"), "{e}");
        let mut files = folder("base");
        files.push(("model-00002.safetensors".into(), vec![]));
        let e = Loaded::from_named_files(&files).err().unwrap();
        assert!(e.contains("2 weight files"), "{e}");
    }

    #[test]
    fn broken_files_are_refused_with_a_message() {
        let e = Loaded::from_files("{}", &[], "{}", None).err().unwrap();
        assert!(e.contains("config.json"), "{e}");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/models/base");
        let config = std::fs::read_to_string(dir.join("config.json")).unwrap();
        let e = Loaded::from_files(&config, b"garbage", "{}", None)
            .err()
            .unwrap();
        assert!(e.contains("damaged"), "{e}");
    }
}

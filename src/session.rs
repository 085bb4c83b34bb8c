//! What the page computes for a prompt: the loaded model with its tokenizer, and the analysis
//! of the current prompt (tokens with their merge traces, and a traced forward pass). Kept out of
//! the UI so that it is tested natively; every chapter reads from it.

use std::rc::Rc;

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

impl Loaded {
    /// Builds a model from the files of a model folder.
    pub fn from_files(
        config_json: &str,
        safetensors: &[u8],
        tokenizer_json: &str,
        log_json: Option<&str>,
    ) -> Result<Loaded, String> {
        let config = Config::from_json(config_json).map_err(|e| e.to_string())?;
        let weights = load_safetensors(&config, safetensors).map_err(|e| e.to_string())?;
        let model = Rc::new(Gpt::new(config, weights).map_err(|e| e.to_string())?);
        let tokenizer = formats::from_tokenizer_json(tokenizer_json).map_err(|e| e.to_string())?;
        if tokenizer.vocab_size() > model.config.vocab_size {
            return Err(format!(
                "the tokenizer has {} tokens but the model only {}",
                tokenizer.vocab_size(),
                model.config.vocab_size
            ));
        }
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
    /// prompt.
    pub trace: Option<Trace>,
}

/// Tokenizes the prompt (special tokens allowed, so chat markers work) and runs a traced pass.
pub fn analyse(loaded: &Loaded, prompt: &str) -> Analysis {
    let encoding = loaded.tokenizer.trace(prompt, true);
    let n_ctx = loaded.model.config.n_ctx;
    let cut = encoding.ids.len().saturating_sub(n_ctx);
    let ids = encoding.ids[cut..].to_vec();
    let trace = (!ids.is_empty())
        .then(|| loaded.model.forward_traced(&ids, LogitRows::Last).ok())
        .flatten();
    Analysis {
        prompt: prompt.to_string(),
        encoding,
        ids,
        cut,
        trace,
    }
}

/// The models that ship with the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BuiltIn {
    /// Pretrained only: continues text.
    Base,
    /// Base plus SFT on dialogs: answers in the role format.
    Chat,
}

impl BuiltIn {
    pub const ALL: [BuiltIn; 2] = [BuiltIn::Chat, BuiltIn::Base];

    /// Name in the URL and folder under `models/`.
    pub fn slug(self) -> &'static str {
        match self {
            BuiltIn::Base => "base",
            BuiltIn::Chat => "chat",
        }
    }

    pub fn from_slug(s: &str) -> Option<BuiltIn> {
        BuiltIn::ALL.into_iter().find(|m| m.slug() == s)
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

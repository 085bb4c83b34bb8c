//! The native command-line tool `lupe`: the same library as the page, driven from a terminal.
//! Results are JSON on standard output; errors go to standard error as `lupe: …`.
//! Exit codes: 0 success, 1 failure (a bad file, bad input), 2 usage error.

mod backend;
mod embed;
mod embedding;
mod model;
mod tokenizer;
mod train;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "lupe",
    version,
    about = "Lupe: a small GPT opened up so that students can watch it think",
    long_about = "Lupe: a small GPT opened up so that students can watch it think.\n\n\
                  The command-line tool runs the same Rust library as the web page \
                  (tokenizer, model, GPU kernels) and prints its results as JSON.",
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Look for a GPU the way the page does: open an adapter, run a trial kernel, compare it with
    /// the CPU, and print which backend would compute (JSON).
    Backend,
    /// Split text into tokens and print their ids as a JSON array.
    Tokenize {
        /// A tokenizer.json, or a folder holding tokenizer.json or vocab.json + merges.txt.
        #[arg(long, value_name = "PATH")]
        tokenizer: PathBuf,
        /// Print a JSON object with the tokens, their bytes and every merge step instead.
        #[arg(long)]
        trace: bool,
        /// Turn special-token text such as <|endoftext|> into the special token.
        #[arg(long)]
        allow_special: bool,
        /// Use the greedy longest-match split instead of BPE (for comparison).
        #[arg(long, conflicts_with = "trace")]
        greedy: bool,
        /// The text; read from standard input when absent.
        text: Option<OsString>,
    },
    /// Print the logits for every position of a sequence of token ids (a JSON array of arrays).
    Logits {
        /// A folder with config.json and model.safetensors (Hugging Face GPT-2 format).
        #[arg(long, value_name = "DIR")]
        model: PathBuf,
        /// Comma-separated token ids, e.g. 15496,995.
        #[arg(long, value_name = "IDS")]
        ids: String,
    },
    /// Continue a prompt token by token. Prints {"ids": [...], "stop": ..., "text": ...}; the
    /// text only when DIR holds a tokenizer.
    Generate {
        /// A folder with config.json and model.safetensors, and optionally a tokenizer.
        #[arg(long, value_name = "DIR")]
        model: PathBuf,
        /// The prompt as comma-separated token ids.
        #[arg(
            long,
            value_name = "IDS",
            conflicts_with = "prompt",
            required_unless_present = "prompt"
        )]
        ids: Option<String>,
        /// The prompt as text (needs a tokenizer in DIR).
        #[arg(long, value_name = "TEXT")]
        prompt: Option<String>,
        /// Stop after this many new tokens.
        #[arg(long, default_value_t = 32, value_name = "N")]
        max_new_tokens: usize,
        /// Always take the likeliest token (the default).
        #[arg(long, conflicts_with_all = ["temperature", "top_k", "top_p"])]
        greedy: bool,
        /// Sample: divide the logits by T before softmax (0 = greedy).
        #[arg(long, value_name = "T")]
        temperature: Option<f32>,
        /// Sample only among the K likeliest tokens (0 = off).
        #[arg(long, value_name = "K", default_value_t = 0)]
        top_k: usize,
        /// Sample only among the likeliest tokens that make up probability P (1 = off).
        #[arg(long, value_name = "P", default_value_t = 1.0)]
        top_p: f32,
        /// Seed of the random draws.
        #[arg(long, value_name = "S", default_value_t = 0)]
        seed: u64,
    },
    /// Train a tokenizer and a model from scratch (pretraining), as a JSON config describes.
    Train {
        /// The config file, e.g. training/base.json.
        #[arg(long, value_name = "FILE")]
        config: PathBuf,
        /// Continue from the checkpoint in OUT/checkpoint if there is one.
        #[arg(long)]
        resume: bool,
    },
    /// Fine-tune a model on dialogs in the role format (SFT), as a JSON config describes.
    Sft {
        /// The config file, e.g. training/chat.json.
        #[arg(long, value_name = "FILE")]
        config: PathBuf,
        /// Continue from the checkpoint in OUT/checkpoint if there is one.
        #[arg(long)]
        resume: bool,
    },
    /// Search a knowledge base as the retrieval chapter does; prints the best chunks as JSON
    /// [{"chunk", "score", "source"}].
    Search(embed::SearchArgs),
    /// Train the embedding model for retrieval (contrastive, from a model folder), as a JSON
    /// config describes.
    TrainEmbedder {
        /// The config file, e.g. training/embed.json.
        #[arg(long, value_name = "FILE")]
        config: PathBuf,
    },
    /// The tokens whose embedding vectors are closest to a word's (cosine), as [token, cosine].
    Nearest {
        #[arg(long, value_name = "DIR")]
        model: PathBuf,
        /// How many to list.
        #[arg(long, short, default_value_t = 10)]
        k: usize,
        word: String,
    },
    /// A − B + C in the embedding space (König − Mann + Frau), nearest tokens as [token, cosine].
    Analogy {
        #[arg(long, value_name = "DIR")]
        model: PathBuf,
        #[arg(long, short, default_value_t = 5)]
        k: usize,
        a: String,
        b: String,
        c: String,
    },
    /// Learn a BPE tokenizer from text files and write it as tokenizer.json.
    TrainTokenizer {
        /// Size of the vocabulary, base symbols and special tokens included.
        #[arg(long, value_name = "N")]
        vocab_size: usize,
        /// Where to write tokenizer.json.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The classic word-level BPE of the seed text (characters plus </w>) instead of GPT-2's
        /// byte-level BPE.
        #[arg(long)]
        word_level: bool,
        /// A special token to add (repeatable), e.g. --special '<|endoftext|>'.
        #[arg(long = "special", value_name = "TOKEN")]
        specials: Vec<String>,
        /// UTF-8 text files to learn from.
        #[arg(required = true, value_name = "FILES")]
        files: Vec<PathBuf>,
    },
}

/// Parses the process arguments and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Backend => backend::run(),
        Command::Tokenize {
            tokenizer,
            trace,
            allow_special,
            greedy,
            text,
        } => tokenizer::tokenize(&tokenizer, trace, allow_special, greedy, text),
        Command::Logits { model, ids } => model::logits(&model, &ids),
        Command::Train { config, resume } => train::pretrain(&config, resume),
        Command::Sft { config, resume } => train::sft(&config, resume),
        Command::TrainEmbedder { config } => embed::train_embedder(&config),
        Command::Search(args) => embed::search(&args),
        Command::Nearest { model, k, word } => embedding::nearest(&model, &word, k),
        Command::Analogy { model, k, a, b, c } => embedding::analogy(&model, &a, &b, &c, k),
        Command::Generate {
            model: dir,
            ids,
            prompt,
            max_new_tokens,
            greedy: _,
            temperature,
            top_k,
            top_p,
            seed,
        } => sampling_of(temperature, top_k, top_p).and_then(|sampling| {
            model::generate(model::GenerateArgs {
                dir: &dir,
                ids: ids.as_deref(),
                prompt: prompt.as_deref(),
                max_new_tokens,
                sampling,
                seed,
            })
        }),
        Command::TrainTokenizer {
            vocab_size,
            out,
            word_level,
            specials,
            files,
        } => tokenizer::train(vocab_size, &out, word_level, &specials, &files),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lupe: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The sampling settings of `lupe generate`: sampling only when asked for (a temperature, or a
/// top-k or top-p cut-off), else greedy. Every setting given is checked, also one that leaves
/// greedy decoding in place (`--top-p NaN` is refused, not ignored).
fn sampling_of(
    temperature: Option<f32>,
    top_k: usize,
    top_p: f32,
) -> Result<crate::sampling::Sampling, String> {
    let asked = crate::sampling::Sampling {
        temperature: temperature.unwrap_or(1.0),
        top_k,
        top_p,
    };
    asked.validate()?;
    let sampled = temperature.is_some() || top_k > 0 || top_p < 1.0;
    Ok(if sampled {
        asked
    } else {
        crate::sampling::Sampling::GREEDY
    })
}

/// Prints a value as JSON on standard output.
fn print_json(value: &impl serde::Serialize) -> Result<(), String> {
    let text = serde_json::to_string(value).map_err(|e| format!("could not write JSON: {e}"))?;
    println!("{text}");
    Ok(())
}

//! # Lupe — a magnifying glass for a small GPT
//!
//! Everything the page and the command-line tool compute lives in this library. Each concept has
//! one home named after it:
//!
//! | module | what lives there |
//! |---|---|
//! | [`budget`] | memory budgets: sizes from files checked before anything is allocated |
//! | [`chapters`] | the chapters of the walk-through, in the order of the seed text |
//! | [`chat`] | roles: the chat template and the SFT loss mask |
//! | [`corpus`] | the built-in bilingual training data, raw stage and cleaning |
//! | [`i18n`] | every string the user reads, in German and English |
//! | [`route`] | the URL hash ↔ view state (deep links) |
//! | [`lesson`] | guided lessons: goals, steps with the state they set, questions checked live |
//! | [`tokenizer`] | BPE: pre-tokenizer, merges, training, file formats |
//! | [`training`] | backward pass, optimiser, the training loop |
//! | [`model`] | the CPU reference model, one file per operation |
//! | [`sampling`] | choosing the next token: greedy, temperature, top-k, top-p |
//! | [`session`] | the loaded model and the analysis of the prompt, for the page |
//! | [`rng`] | the seeded random numbers (identical natively and in wasm) |
//! | [`gpu`] | WebGPU (wgpu) device, WGSL kernels from `shaders/`, checked against [`model`] |
//! | `ui` | the Yew user interface (browser only) |
//! | `cli` | the native command-line tool `lupe` (native only) |

pub mod budget;
pub mod chapters;
pub mod chat;
pub mod corpus;
pub mod embedder;
pub mod gpu;
pub mod i18n;
pub mod lab;
pub mod lesson;
pub mod model;
pub mod rag;
pub mod rng;
pub mod route;
pub mod sampling;
pub mod session;
pub mod tokenizer;
pub mod training;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod ui;

//! The native command-line tool `lupe`: the same library as the page, driven from a terminal.
//! Output is JSON on standard output; errors go to standard error. Exit codes: 0 success,
//! 1 failure, 2 usage error (clap's convention).

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
}

/// Parses the process arguments and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Backend => backend(),
    }
}

fn backend() -> ExitCode {
    let (backend, _gpu) = pollster::block_on(crate::gpu::probe());
    match serde_json::to_string_pretty(&backend) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lupe: could not write the result: {e}");
            ExitCode::FAILURE
        }
    }
}

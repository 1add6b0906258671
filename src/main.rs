use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    moderate::cli::run(moderate::cli::Cli::parse())
}

//! One module per subcommand; each returns the process exit code.

use crate::cli::{Cli, Command};
use std::process::ExitCode;

mod eval;
mod extract;
mod migrate;
mod org;
mod serve;
mod synth_leases;
mod train_data;

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Serve(args) => serve::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Org { command } => org::run(command),
        Command::Eval(args) => eval::run(args),
        Command::Migrate(args) => migrate::run(args),
        Command::TrainData(args) => train_data::run(args),
        Command::SynthLeases(args) => synth_leases::run(args),
    }
}

/// A multi-threaded runtime for the commands that talk to the database or serve HTTP.
pub(crate) fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}

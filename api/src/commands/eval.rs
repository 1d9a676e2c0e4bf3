//! `leasegrid eval`: accuracy against gold answers.

use crate::cli::EvalArgs;
use std::process::ExitCode;

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("evaluation is not available in this build yet ({args:?})")
}

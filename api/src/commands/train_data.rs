//! `leasegrid train-data OUT.jsonl`: generic training examples for ml-models.

use crate::cli::TrainDataArgs;
use std::process::ExitCode;

pub fn run(args: TrainDataArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!(
        "training data export is not available in this build yet ({})",
        args.out.display()
    )
}

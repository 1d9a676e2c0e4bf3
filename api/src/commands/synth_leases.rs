//! `leasegrid synth-leases --out DIR --count N --seed S`: seeded synthetic leases rendered to PDF
//! by LibreOffice, with gold answers in the format of `shared/data/leases`, ready for
//! `leasegrid eval --gold DIR` and `leasegrid train-data --synthetic DIR`.

use crate::cli::SynthLeasesArgs;
use anyhow::Context as _;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: SynthLeasesArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(args.count > 0, "--count must be at least 1");
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let started = Instant::now();
    let ids = extractor::synth_lease::write_set(&args.out, args.count, args.seed, args.jobs)?;
    tracing::info!(
        count = ids.len(),
        seed = args.seed,
        out = %args.out.display(),
        seconds = started.elapsed().as_secs_f64(),
        "synthetic leases written"
    );
    for id in ids {
        println!("{id}");
    }
    Ok(ExitCode::SUCCESS)
}

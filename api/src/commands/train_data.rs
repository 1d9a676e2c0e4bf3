//! `leasegrid train-data OUT.jsonl [--data DIR] [--synthetic DIR] [--without-leases]
//! [--kleister-docs N]`: generic span-training
//! examples for ml-models from the development data: lease gold quotes located in their `.txt`
//! text layers, Kleister NDA train values located in the benchmark's own text, and optionally
//! the generated leases of `leasegrid synth-leases` (same gold and text layout).

use crate::cli::TrainDataArgs;
use anyhow::{Context, bail};
use extractor::ml::training_data::{Example, kleister_examples, lease_examples};
use std::io::Write;
use std::path::Path;
use std::process::{Command, ExitCode};

pub fn run(args: TrainDataArgs) -> anyhow::Result<ExitCode> {
    if !args.data.is_dir() {
        bail!(
            "data folder {} not found (pass --data PATH/TO/shared/data)",
            args.data.display()
        );
    }
    let leases = if args.without_leases {
        vec![]
    } else {
        lease_folder(&args.data.join("leases"))?
    };
    let kleister = kleister(&args.data.join("kleister-nda"), args.kleister_docs)?;
    let synthetic = match &args.synthetic {
        Some(dir) if !dir.is_dir() => bail!("synthetic folder {} not found", dir.display()),
        Some(dir) => lease_folder(dir)?,
        None => vec![],
    };
    let file = std::fs::File::create(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut out = std::io::BufWriter::new(file);
    for example in leases.iter().chain(&kleister).chain(&synthetic) {
        serde_json::to_writer(&mut out, example)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    let answered = |v: &[Example]| v.iter().filter(|e| !e.answers.is_empty()).count();
    tracing::info!(
        leases = leases.len(),
        lease_answered = answered(&leases),
        kleister = kleister.len(),
        kleister_answered = answered(&kleister),
        synthetic = synthetic.len(),
        synthetic_answered = answered(&synthetic),
        out = %args.out.display(),
        "training examples written"
    );
    Ok(ExitCode::SUCCESS)
}

fn lease_folder(dir: &Path) -> anyhow::Result<Vec<Example>> {
    let mut out = vec![];
    let mut golds: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    for gold_path in golds {
        let name = gold_path.file_name().unwrap_or_default().to_string_lossy();
        let id = name.trim_end_matches(".gold.json").to_string();
        let text_path = dir.join(format!("{id}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .with_context(|| format!("cannot read {}", text_path.display()))?;
        let gold: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(&gold_path)
                .with_context(|| format!("cannot read {}", gold_path.display()))?,
        )
        .with_context(|| format!("{} is not valid JSON", gold_path.display()))?;
        out.extend(lease_examples(&id, &text, &gold));
    }
    Ok(out)
}

fn kleister(dir: &Path, docs: Option<usize>) -> anyhow::Result<Vec<Example>> {
    let input = dir.join("train/in.tsv.xz");
    let expected_path = dir.join("train/expected.tsv");
    let decompressed = Command::new("xz")
        .arg("-dc")
        .arg(&input)
        .output()
        .with_context(|| "cannot run `xz` to read the Kleister input (install xz-utils)")?;
    if !decompressed.status.success() {
        bail!(
            "xz could not read {}: {}",
            input.display(),
            String::from_utf8_lossy(&decompressed.stderr)
        );
    }
    let input = String::from_utf8(decompressed.stdout).context("Kleister input is not UTF-8")?;
    let expected = std::fs::read_to_string(&expected_path)
        .with_context(|| format!("cannot read {}", expected_path.display()))?;
    let mut out = vec![];
    let rows = input.lines().zip(expected.lines());
    for (row, expected) in rows.take(docs.unwrap_or(usize::MAX)) {
        let columns: Vec<&str> = row.split('\t').collect();
        let (Some(filename), Some(text)) = (columns.first(), columns.get(5)) else {
            bail!("a Kleister input row has {} columns, not 6", columns.len());
        };
        let text = text.replace("\\n", "\n");
        out.extend(kleister_examples(filename, &text, expected));
    }
    Ok(out)
}

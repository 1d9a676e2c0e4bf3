//! `leasegrid extract FILE...`: read files and print results on stdout — one JSON document for one
//! file, JSON Lines for several, or the requested text format. A progress bar goes to stderr on a
//! terminal. A file that fails is reported on stderr and makes the exit code non-zero; the other
//! files still run.

use crate::cli::{ExtractArgs, OutputFormat};
use crate::export::{self, ExportOptions};
use extractor::Extractor;
use extractor::ingest::ReadOptions;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        args.files.len() == 1 || (args.xlsx.is_none() && args.pdf.is_none()),
        "--xlsx and --pdf take one input file"
    );
    let resources = functions::resources::locate();
    functions::resources::require(&resources, false)?;
    let options = ReadOptions {
        max_pages: args.max_pages,
        ..ReadOptions::default()
    };
    let extractor = Extractor::new(&resources, options)?;
    let bar = progress_bar(args.files.len());
    let mut stdout = std::io::stdout().lock();
    let mut failed = 0usize;
    for file in &args.files {
        bar.set_message(file.display().to_string());
        match extract_one(&extractor, file, &args) {
            Ok(out) => {
                stdout.write_all(out.as_bytes())?;
                stdout.flush()?;
            }
            Err(e) => {
                failed += 1;
                bar.suspend(|| eprintln!("leasegrid: {}: {e:#}", file.display()));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The text printed for one file, newline-terminated.
fn extract_one(extractor: &Extractor, file: &Path, args: &ExtractArgs) -> anyhow::Result<String> {
    let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("cannot read: {e}"))?;
    let filename = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let progress = |_: extractor::ingest::Progress| {};
    let doc = extractor.read(&bytes, &filename, &progress)?;
    let one_line = args.files.len() > 1;
    let text = match args.format {
        OutputFormat::Text => return Ok(format!("{}\n", doc.text())),
        OutputFormat::Layout => json(&doc, one_line)?,
        OutputFormat::Json | OutputFormat::Kleister => {
            let template = args.template.as_deref().map(template_text).transpose()?;
            let extraction = extractor.abstract_read(&doc, template.as_deref())?;
            write_exports(extractor, &bytes, &extraction, args)?;
            if args.format == OutputFormat::Kleister {
                extractor::fields::kleister_line(&extraction)
            } else {
                json(&extraction, one_line)?
            }
        }
    };
    Ok(format!("{text}\n"))
}

/// A built-in template name as is; a path to a TOML file as its contents.
fn template_text(template: &str) -> anyhow::Result<String> {
    if template.ends_with(".toml") || Path::new(template).is_file() {
        std::fs::read_to_string(template)
            .map_err(|e| anyhow::anyhow!("cannot read template {template}: {e}"))
    } else {
        Ok(template.to_string())
    }
}

fn write_exports(
    extractor: &Extractor,
    bytes: &[u8],
    extraction: &extractor::schema::Extraction,
    args: &ExtractArgs,
) -> anyhow::Result<()> {
    let options = ExportOptions::default();
    if let Some(path) = &args.xlsx {
        std::fs::write(path, export::document_workbook(extraction, &options)?)?;
    }
    if let Some(path) = &args.pdf {
        let pages = |n: usize| extractor.render_page_png(bytes, n, 60.0).ok();
        std::fs::write(path, export::pdf_abstract(extraction, &pages, &options)?)?;
    }
    Ok(())
}

fn json<T: serde::Serialize>(value: &T, one_line: bool) -> anyhow::Result<String> {
    Ok(if one_line {
        serde_json::to_string(value)?
    } else {
        serde_json::to_string_pretty(value)?
    })
}

fn progress_bar(files: usize) -> indicatif::ProgressBar {
    if files < 2 || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

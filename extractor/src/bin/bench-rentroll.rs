//! Rent-roll benchmark, printed as tables (`make bench` runs it through
//! `scripts/bench.d/rentroll.sh`): rows per second for each generated layout at a given size,
//! reading the bytes into the layout model (spreadsheets through calamine/CSV, the broker PDF
//! through pdfium and layout tables) and extracting the normalized roll, plus whether the result
//! is exact (unit count, vacant count, monthly total); then the cost of placing a dozen unknown
//! headers with the MiniLM header model.
//!
//! ```text
//! bench-rentroll [UNITS] [RUNS]     default 5000 units, best of 3 runs
//! ```
//! Components come from `LEASEGRID_PDFIUM_DIR`, `LEASEGRID_TESSDATA_DIR` and
//! `LEASEGRID_MODEL_DIR`, else from `.cache/` under the working directory.

use extractor::ingest::{ReadOptions, Reader};
use extractor::model::{Document, MediaKind};
use extractor::pipeline::abstract_read_document;
use extractor::rentroll::HeaderMatcher;
use extractor::rentroll::header_model::EmbeddingMatcher;
use extractor::rentroll::synth::{Generated, Layout, generate};
use extractor::schema::UnitStatus;
use extractor::{ExtractError, Resources};
use std::process::ExitCode;
use std::time::Instant;

/// Header wordings no synonym covers, as a foreign export might print them.
const UNKNOWN_HEADERS: [&str; 12] = [
    "Door Number",
    "Footprint",
    "Renter",
    "Vacating On",
    "Occupier",
    "Demise",
    "Leaseholder",
    "Floor",
    "Building",
    "Move Out",
    "Bedrooms",
    "Tenure Begins",
];

fn resources() -> Resources {
    Resources::from_env_under(std::path::Path::new("."))
}

fn read(reader: &Reader, generated: &Generated) -> Result<Document, ExtractError> {
    if generated.kind == MediaKind::Pdf {
        reader.read(&generated.bytes, &generated.filename, &|_| {})
    } else {
        extractor::sheets::read_spreadsheet(&generated.bytes, generated.kind, &generated.filename)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let units = args
        .first()
        .and_then(|a| a.parse().ok())
        .unwrap_or(5000usize);
    let runs = args
        .get(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(3usize)
        .max(1);
    let resources = resources();
    let reader = match Reader::new(&resources, ReadOptions::default()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("bench-rentroll: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("| layout | units | file KiB | read s | extract s | total s | rows/s | exact |");
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    let mut failed = false;
    for layout in Layout::ALL {
        let generated = match generate(layout, units, 42) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("bench-rentroll: {layout:?}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let (mut best_read, mut best_extract) = (f64::MAX, f64::MAX);
        let mut exact = false;
        for _ in 0..runs {
            let started = Instant::now();
            let doc = match read(&reader, &generated) {
                Ok(doc) => doc,
                Err(e) => {
                    eprintln!("bench-rentroll: {layout:?}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let read = started.elapsed().as_secs_f64();
            let started = Instant::now();
            let roll = abstract_read_document(&doc, None)
                .ok()
                .and_then(|x| x.rent_roll);
            let extract = started.elapsed().as_secs_f64();
            best_read = best_read.min(read);
            best_extract = best_extract.min(extract);
            let want = &generated.expected;
            exact = roll.is_some_and(|r| {
                r.rows.len() == want.units
                    && r.rows
                        .iter()
                        .filter(|x| x.status == UnitStatus::Vacant)
                        .count()
                        == want.vacant_units
                    && r.totals.monthly_base_rent.map(|m| m.amount) == Some(want.monthly_base_rent)
            });
        }
        failed |= !exact;
        let total = best_read + best_extract;
        println!(
            "| {layout:?} | {units} | {} | {best_read:.3} | {best_extract:.3} | {total:.3} | {:.0} | {} |",
            generated.bytes.len() / 1024,
            units as f64 / total,
            if exact { "yes" } else { "NO" }
        );
    }
    match header_model(&resources, runs) {
        Ok(()) => {}
        Err(e) => {
            eprintln!("bench-rentroll: header model: {e}");
            failed = true;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Loading the header model once, then placing twelve unknown headers (uncached).
fn header_model(resources: &Resources, runs: usize) -> Result<(), ExtractError> {
    let started = Instant::now();
    let matcher = EmbeddingMatcher::load(&resources.model_dir)?;
    let load = started.elapsed().as_secs_f64();
    let mut best = f64::MAX;
    for _ in 0..runs.max(3) {
        let started = Instant::now();
        matcher.similarities(&UNKNOWN_HEADERS)?;
        best = best.min(started.elapsed().as_secs_f64());
    }
    let placed = matcher
        .candidates(&UNKNOWN_HEADERS)?
        .iter()
        .filter(|c| !c.is_empty())
        .count();
    println!();
    println!("| header model | load s | 12 unknown headers ms | headers given a role |");
    println!("|---|---:|---:|---:|");
    println!(
        "| MiniLM (all-MiniLM-L6-v2) | {load:.2} | {:.1} | {placed}/12 |",
        best * 1000.0
    );
    Ok(())
}

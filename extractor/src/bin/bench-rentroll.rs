//! Rent-roll benchmark, printed as a table (`make bench` runs it through
//! `scripts/bench.d/rentroll.sh`): rows per second for each generated layout at a given size,
//! reading the bytes into the layout model and extracting the normalized roll, plus whether
//! the result is exact (unit count, vacant count, monthly total).
//!
//! ```text
//! bench-rentroll [UNITS] [RUNS]     default 5000 units, best of 3 runs
//! ```

use extractor::pipeline::abstract_read_document;
use extractor::rentroll::synth::{Layout, generate};
use extractor::schema::UnitStatus;
use std::process::ExitCode;
use std::time::Instant;

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
            let doc = match extractor::sheets::read_spreadsheet(
                &generated.bytes,
                generated.kind,
                &generated.filename,
            ) {
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
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

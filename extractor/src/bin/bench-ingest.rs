//! Ingestion benchmarks, printed as tables (`make bench` runs them through
//! `scripts/bench.d/ingest.sh`), plus a `dump` command to look at what was read.
//!
//! ```text
//! bench-ingest dump FILE [--layout]          text (or layout JSON) of one file
//! bench-ingest native PDF...                 pages/s of ours vs pdftotext, same run
//! bench-ingest ocr PDF PAGES                 s/page at 300 dpi: ours vs the tesseract CLI
//! bench-ingest quality PDF PAGES|FIRST-LAST  OCR word recall on rotated, noised renders
//! bench-ingest quality-first N PDF...        the same on the first pages of the first N PDFs
//!                                            whose first page has a usable text layer
//! bench-ingest memory PDF                    read it; print pages, seconds, peak RSS
//! bench-ingest scan PDF PAGE OUT.png          the scan-like copy `quality` reads, to look at
//! ```

use extractor::ingest::raster;
use extractor::ingest::{ReadOptions, Reader};
use extractor::model::TextSource;
use extractor::{Document, Resources};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tracing::span;
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::{Layer, filter};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let clock = StageClock::default();
    let stages = filter::filter_fn(|meta| meta.name().starts_with(STAGE_PREFIX));
    // BENCH_LOG (a `tracing` filter, e.g. `extractor=debug`) shows the reader's own log.
    let log = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(filter::EnvFilter::from_env("BENCH_LOG"));
    let subscriber = tracing_subscriber::registry()
        .with(clock.clone().with_filter(stages))
        .with(log);
    if tracing::subscriber::set_global_default(subscriber).is_err() {
        eprintln!("bench-ingest: stage timings are unavailable");
    }
    STAGES.get_or_init(|| clock);
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench-ingest: {e}");
            ExitCode::FAILURE
        }
    }
}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The reader names each step of a page's OCR with a span under this prefix.
const STAGE_PREFIX: &str = "ocr.";
static STAGES: std::sync::OnceLock<StageClock> = std::sync::OnceLock::new();

/// Time spent inside each OCR stage span, summed over every thread: where a page's time goes.
/// Wall time counts waiting for a core too; CPU time (the thread's own, from the kernel's
/// scheduler statistics) does not, so the two apart show contention.
#[derive(Clone, Default)]
struct StageClock {
    totals: Arc<Mutex<BTreeMap<&'static str, StageTotal>>>,
}

#[derive(Clone, Copy, Default)]
struct StageTotal {
    wall: Duration,
    cpu: Duration,
    runs: usize,
}

/// When the current visit to a span began: wall clock and the thread's CPU clock.
struct Entered(Instant, Duration);

/// CPU time this thread has run for (zero where the kernel does not say).
fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .unwrap_or_default()
}

impl StageClock {
    /// The totals so far, emptied.
    fn take(&self) -> BTreeMap<&'static str, StageTotal> {
        self.totals
            .lock()
            .map(|mut t| std::mem::take(&mut *t))
            .unwrap_or_default()
    }
}

impl<S: tracing::Subscriber + for<'a> LookupSpan<'a>> Layer<S> for StageClock {
    fn on_enter(&self, id: &span::Id, ctx: Context<'_, S>) {
        if let Some(span) = ctx.span(id) {
            span.extensions_mut()
                .insert(Entered(Instant::now(), thread_cpu()));
        }
    }

    fn on_exit(&self, id: &span::Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let Some(Entered(at, cpu)) = span.extensions_mut().remove::<Entered>() else {
            return;
        };
        let cpu = thread_cpu().saturating_sub(cpu);
        if let Ok(mut totals) = self.totals.lock() {
            let entry = totals.entry(span.name()).or_default();
            entry.wall += at.elapsed();
            entry.cpu += cpu;
            entry.runs += 1;
        }
    }
}

/// Prints the stage totals gathered since the last call, per page.
fn print_stages(title: &str, pages: usize) {
    let Some(clock) = STAGES.get() else { return };
    let totals = clock.take();
    let per_page = |d: Duration| d.as_secs_f64() / pages.max(1) as f64;
    println!("| {title}: stage | runs | CPU s/page | wall s/page (summed over threads) |");
    println!("|---|---|---|---|");
    for (name, t) in &totals {
        let stage = name.strip_prefix(STAGE_PREFIX).unwrap_or(name);
        println!(
            "| {stage} | {} | {:.3} | {:.3} |",
            t.runs,
            per_page(t.cpu),
            per_page(t.wall)
        );
    }
    let (cpu, wall) = totals
        .values()
        .fold((Duration::ZERO, Duration::ZERO), |(c, w), t| {
            (c + t.cpu, w + t.wall)
        });
    println!(
        "| all stages | | {:.3} | {:.3} |",
        per_page(cpu),
        per_page(wall)
    );
}

fn run(args: &[String]) -> Result<()> {
    let usage = "usage: bench-ingest dump|native|ocr|quality|quality-first|memory|scan ARGS (see the file header)";
    let (command, rest) = args.split_first().ok_or(usage)?;
    let page_count = |i: usize| -> Result<usize> {
        Ok(rest.get(i).map(|s| s.parse()).transpose()?.unwrap_or(2))
    };
    match command.as_str() {
        "dump" => dump(
            Path::new(rest.first().ok_or(usage)?),
            rest.iter().any(|a| a == "--layout"),
        ),
        "native" => native(rest),
        "ocr" => ocr(Path::new(rest.first().ok_or(usage)?), page_count(1)?),
        "quality" => {
            let pages = rest.get(1).map(String::as_str).unwrap_or("3");
            let (first, last) = match pages.split_once('-') {
                Some((a, b)) => (a.parse()?, b.parse()?),
                None => (1, pages.parse()?),
            };
            quality(Path::new(rest.first().ok_or(usage)?), first, last)
        }
        "quality-first" => {
            let (count, files) = rest.split_first().ok_or(usage)?;
            quality_first(count.parse()?, files)
        }
        "memory" => memory(Path::new(rest.first().ok_or(usage)?)),
        "scan" => {
            let [pdf, page, out] = rest else {
                return Err(usage.into());
            };
            let png = scan_like(&reader()?, &std::fs::read(pdf)?, page.parse()?)?;
            Ok(std::fs::write(out, png)?)
        }
        _ => Err(usage.into()),
    }
}

fn resources() -> Resources {
    Resources::from_env_under(std::path::Path::new("."))
}

fn reader() -> Result<Reader> {
    Ok(Reader::new(&resources(), ReadOptions::default())?)
}

fn read(reader: &Reader, path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path)?;
    Ok(reader.read(&bytes, &path.display().to_string(), &|_| {})?)
}

fn dump(path: &Path, layout: bool) -> Result<()> {
    let doc = read(&reader()?, path)?;
    if layout {
        println!("{}", serde_json::to_string_pretty(&doc)?);
    } else {
        println!("{}", doc.text());
    }
    Ok(())
}

/// Rounds a timing is repeated for (`BENCH_ROUNDS`, default 1).
fn bench_rounds() -> usize {
    std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1)
        .max(1)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Pages per second reading (with layout) against `pdftotext`, medians of `BENCH_ROUNDS` rounds.
fn native(files: &[String]) -> Result<()> {
    let reader = reader()?;
    let mut total_pages = 0;
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..bench_rounds() {
        let t = Instant::now();
        let mut pages = 0;
        for f in files {
            pages += read(&reader, Path::new(f))?.pages.len();
        }
        ours.push(t.elapsed().as_secs_f64());
        total_pages = pages;
        let t = Instant::now();
        for f in files {
            let status = Command::new("pdftotext").args([f.as_str(), "-"]).output()?;
            if !status.status.success() {
                return Err(format!("pdftotext failed on {f}").into());
            }
        }
        theirs.push(t.elapsed().as_secs_f64());
    }
    let (o, p) = (median(ours), median(theirs));
    let pps = |s: f64| total_pages as f64 / s;
    println!(
        "| native PDF ({} files, {total_pages} pages) | seconds | pages/s |",
        files.len()
    );
    println!("|---|---|---|");
    println!(
        "| leasegrid read (words, lines, layout) | {o:.3} | {:.1} |",
        pps(o)
    );
    println!("| pdftotext | {p:.3} | {:.1} |", pps(p));
    println!("| ratio ours/pdftotext (time) | {:.2} | |", o / p);
    Ok(())
}

/// The first `pages` pages of `pdf` rendered at 300 dpi into PNG files.
fn render_pages(reader: &Reader, pdf: &Path, pages: usize, dir: &Path) -> Result<Vec<PathBuf>> {
    let bytes = std::fs::read(pdf)?;
    (1..=pages)
        .map(|n| {
            let png = reader.render_page_png(&bytes, n, 300.0)?;
            let path = dir.join(format!("page-{n}.png"));
            std::fs::write(&path, png)?;
            Ok(path)
        })
        .collect()
}

fn temp_dir(tag: &str) -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("bench-ingest-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// CPU seconds used so far by this process and by its waited-for children (`/proc/self/stat`,
/// in the kernel's 100 Hz clock ticks).
fn cpu_seconds() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<f64> = stat
        .rsplit_once(')')
        .map(|(_, rest)| {
            rest.split_whitespace()
                .map(|f| f.parse().unwrap_or(0.0))
                .collect()
        })
        .unwrap_or_default();
    let ticks = |i: usize| fields.get(i).copied().unwrap_or(0.0) / 100.0;
    // After the command name: state is field 0, utime 11, stime 12, cutime 13, cstime 14.
    (ticks(11) + ticks(12), ticks(13) + ticks(14))
}

/// Waits until one of `running` exits and removes it; a failed run is an error.
fn wait_any(running: &mut Vec<std::process::Child>) -> Result<()> {
    loop {
        for i in 0..running.len() {
            if running[i].try_wait()?.is_some() {
                // Already reaped: `wait` returns the status it kept.
                let status = running.swap_remove(i).wait()?;
                return if status.success() {
                    Ok(())
                } else {
                    Err(format!("tesseract failed: {status}").into())
                };
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Wall and CPU seconds per page of one way of reading the pages.
#[derive(Default)]
struct Timing {
    wall: Vec<f64>,
    cpu: Vec<f64>,
}

impl Timing {
    /// Medians, then each round's figure in order.
    fn row(&self, what: &str) -> String {
        let rounds = |v: &[f64]| {
            v.iter()
                .map(|x| format!("{x:.2}"))
                .collect::<Vec<_>>()
                .join(" / ")
        };
        format!(
            "| {what} | {:.2} | {:.2} | {} | {} |",
            median(self.wall.clone()),
            median(self.cpu.clone()),
            rounds(&self.wall),
            rounds(&self.cpu)
        )
    }
}

/// Seconds per page at 300 dpi: our pool over all pages at once, against the tesseract CLI one
/// process per page (single-threaded one at a time, a pool of two single-threaded processes,
/// and as installed with OpenMP, one at a time), on the same PNG files: each
/// side decodes them and reads them whole. The three alternate for `BENCH_ROUNDS` rounds (default 1) so a
/// neighbour's load falls on all of them; medians are printed.
fn ocr(pdf: &Path, pages: usize) -> Result<()> {
    let reader = reader()?;
    let dir = temp_dir("ocr")?;
    let images = render_pages(&reader, pdf, pages, &dir)?;
    STAGES.get().map(StageClock::take);
    let ours = || -> Result<(f64, f64)> {
        let (cpu, t) = (cpu_seconds().0, Instant::now());
        // A multi-page TIFF would be one read; PNGs one by one in threads show the pool the
        // same way, two pages in flight on two workers.
        std::thread::scope(|s| -> Result<()> {
            let handles: Vec<_> = images
                .iter()
                .map(|p| {
                    s.spawn(|| {
                        read(&reader, p)
                            .map(|d| d.pages.len())
                            .map_err(|e| e.to_string())
                    })
                })
                .collect();
            for h in handles {
                h.join().map_err(|_| "thread panicked")??;
            }
            Ok(())
        })?;
        Ok((t.elapsed().as_secs_f64(), cpu_seconds().0 - cpu))
    };
    // A pool of `parallel` processes: the next page starts as soon as any one finishes. With
    // `single_threaded` each runs with OMP_THREAD_LIMIT=1; without it, as installed (OpenMP
    // takes every core for one page).
    let cli = |parallel: usize, single_threaded: bool| -> Result<(f64, f64)> {
        let (cpu, t) = (cpu_seconds().1, Instant::now());
        let mut running = Vec::new();
        for p in &images {
            if running.len() == parallel {
                wait_any(&mut running)?;
            }
            let mut command = Command::new("tesseract");
            command
                .arg(p)
                .arg(p.with_extension(""))
                .args(["--dpi", "300", "tsv"])
                .stderr(std::process::Stdio::null());
            if single_threaded {
                command.env("OMP_THREAD_LIMIT", "1");
            } else {
                command.env_remove("OMP_THREAD_LIMIT");
            }
            running.push(command.spawn()?);
        }
        while !running.is_empty() {
            wait_any(&mut running)?;
        }
        Ok((t.elapsed().as_secs_f64(), cpu_seconds().1 - cpu))
    };
    let rounds = bench_rounds();
    let (mut mine, mut one, mut two) = (Timing::default(), Timing::default(), Timing::default());
    for _ in 0..rounds {
        for (timing, run) in [
            (&mut mine, &ours as &dyn Fn() -> Result<(f64, f64)>),
            (&mut two, &|| cli(2, true)),
            (&mut one, &|| cli(1, true)),
        ] {
            let (wall, cpu) = run()?;
            timing.wall.push(wall / pages as f64);
            timing.cpu.push(cpu / pages as f64);
        }
    }
    // The CLI as installed, OpenMP threads fighting over the cores, is many times slower than
    // the rows above: once is enough to show it.
    let mut as_installed = Timing::default();
    let (wall, cpu) = cli(1, false)?;
    as_installed.wall.push(wall / pages as f64);
    as_installed.cpu.push(cpu / pages as f64);
    let _ = std::fs::remove_dir_all(&dir);
    print_stages("leasegrid OCR", pages * rounds);
    println!();
    println!(
        "| OCR at 300 dpi ({pages} pages of {}, {rounds} rounds) | wall s/page, median | CPU s/page, median | wall s/page by round | CPU s/page by round |",
        pdf.display()
    );
    println!("|---|---|---|---|---|");
    println!(
        "{}",
        mine.row(&format!(
            "leasegrid (pool of {} workers: deskew, cleanup, OSD only when needed)",
            ReadOptions::default().ocr_workers
        ))
    );
    println!("{}", two.row("tesseract CLI, pool of two processes"));
    println!("{}", one.row("tesseract CLI, one process at a time"));
    println!(
        "{}",
        as_installed.row(
            "tesseract CLI as installed (OpenMP on every core), one page at a time, one round"
        )
    );
    Ok(())
}

/// A page whose OCR is scored: its label, the PDF it is in, its number there and its text layer.
struct Scored {
    label: String,
    pdf: Vec<u8>,
    page: usize,
    reference: String,
}

/// Pages `first..=last` of `pdf` that read from their own text layer (a page our reader OCRs
/// instead has no reference to score against and is left out, said on stderr).
fn quality(pdf: &Path, first: usize, last: usize) -> Result<()> {
    let reader = reader()?;
    let doc = read(&reader, pdf)?;
    let bytes = std::fs::read(pdf)?;
    let mut pages = Vec::new();
    for n in first.max(1)..=last.min(doc.pages.len()) {
        let page = &doc.pages[n - 1];
        if page.text_source != TextSource::PdfText {
            eprintln!("page {n}: no usable text layer, not scored");
            continue;
        }
        pages.push(Scored {
            label: n.to_string(),
            pdf: bytes.clone(),
            page: n,
            reference: page.text(),
        });
    }
    score(&reader, &pages)
}

/// Fewest words of text layer a first page needs to be scored by `quality-first` (a cover page
/// with a title alone says little about recall).
const MIN_REFERENCE_WORDS: usize = 100;

/// The first page of each PDF, in the order given, until `count` pages are found whose text
/// layer our reader takes as usable and holds at least `MIN_REFERENCE_WORDS` words; chosen by
/// that rule alone, before any OCR is scored.
fn quality_first(count: usize, files: &[String]) -> Result<()> {
    let reader = reader()?;
    let dir = temp_dir("first")?;
    let single = dir.join("first.pdf");
    let mut pages = Vec::new();
    for file in files {
        if pages.len() == count {
            break;
        }
        let split = Command::new("pdfseparate")
            .args(["-f", "1", "-l", "1"])
            .arg(file)
            .arg(&single)
            .stderr(std::process::Stdio::null())
            .status()?;
        if !split.success() {
            eprintln!("{file}: pdfseparate failed, skipped");
            continue;
        }
        let bytes = std::fs::read(&single)?;
        let doc = match reader.read(&bytes, file, &|_| {}) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("{file}: {e}, skipped");
                continue;
            }
        };
        let Some(page) = doc.pages.first() else {
            continue;
        };
        let reference = page.text();
        if page.text_source == TextSource::PdfText && words(&reference).len() >= MIN_REFERENCE_WORDS
        {
            let name: String = Path::new(file)
                .file_name()
                .map(|n| n.to_string_lossy().chars().take(8).collect())
                .unwrap_or_default();
            pages.push(Scored {
                label: format!("{name} p.1"),
                pdf: bytes,
                page: 1,
                reference,
            });
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    if pages.len() < count {
        eprintln!("only {} of {count} pages qualify", pages.len());
    }
    score(&reader, &pages)
}

/// Renders each page, rotates it 0.7 degrees, adds noise, OCRs it (ours and the tesseract CLI)
/// and prints the share of its text layer's words each reading found.
fn score(reader: &Reader, pages: &[Scored]) -> Result<()> {
    let dir = temp_dir("quality")?;
    let (mut found, mut wanted, mut cli_found) = (0usize, 0usize, 0usize);
    println!(
        "| page | words in text layer | recall of OCR on rotated 0.7° + noise | tesseract CLI on the same image | rotation | OCR confidence |"
    );
    println!("|---|---|---|---|---|---|");
    for page in pages {
        let png = scan_like(reader, &page.pdf, page.page)?;
        let scan = reader.read(&png, "scan.png", &|_| {})?;
        let (f, w) = recall_counts(&page.reference, &scan.text());
        let (c, _) = recall_counts(&page.reference, &cli_text(&dir, &png)?);
        let read = &scan.pages[0];
        let share = |k: usize| k as f64 / w.max(1) as f64;
        println!(
            "| {} | {w} | {:.4} | {:.4} | {} | {:.2} |",
            page.label,
            share(f),
            share(c),
            read.rotation,
            read.ocr_confidence.unwrap_or(0.0)
        );
        found += f;
        cli_found += c;
        wanted += w;
    }
    let share = |k: usize| k as f64 / wanted.max(1) as f64;
    println!(
        "| all | {wanted} | {:.4} | {:.4} | | |",
        share(found),
        share(cli_found)
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// What the tesseract CLI (default page segmentation) reads from a PNG.
fn cli_text(dir: &Path, png: &[u8]) -> Result<String> {
    let image = dir.join("page.png");
    std::fs::write(&image, png)?;
    let out = Command::new("tesseract")
        .arg(&image)
        .arg("-")
        .args(["--dpi", "300"])
        .env("OMP_THREAD_LIMIT", "1")
        .stderr(std::process::Stdio::null())
        .output()?;
    if !out.status.success() {
        return Err("tesseract failed".into());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Page `n` rendered at 300 dpi, rotated 0.7 degrees and noised, as PNG bytes.
fn scan_like(reader: &Reader, pdf: &[u8], n: usize) -> Result<Vec<u8>> {
    let png = reader.render_page_png(pdf, n, 300.0)?;
    let img = image::load_from_memory(&png)?.into_luma8();
    let noisy = raster::simulate_scan(&img, 0.7, n as u64);
    let mut out = Vec::new();
    noisy.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)?;
    Ok(out)
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn recall_counts(reference: &str, candidate: &str) -> (usize, usize) {
    let mut have = std::collections::HashMap::<String, usize>::new();
    for w in words(candidate) {
        *have.entry(w).or_default() += 1;
    }
    let wanted = words(reference);
    let found = wanted
        .iter()
        .filter(|w| match have.get_mut(*w) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count();
    (found, wanted.len())
}

/// Reads one (large) file and reports the process's peak resident memory.
fn memory(pdf: &Path) -> Result<()> {
    let reader = reader()?;
    let t = Instant::now();
    let doc = read(&reader, pdf)?;
    let secs = t.elapsed().as_secs_f64();
    let status = std::fs::read_to_string("/proc/self/status")?;
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    let ocr_pages = doc
        .pages
        .iter()
        .filter(|p| p.text_source == TextSource::Ocr)
        .count();
    println!(
        "| memory: {} | pages | OCR pages | seconds | peak RSS |",
        pdf.display()
    );
    println!("|---|---|---|---|---|");
    println!(
        "| | {} | {ocr_pages} | {secs:.1} | {peak} |",
        doc.pages.len()
    );
    Ok(())
}

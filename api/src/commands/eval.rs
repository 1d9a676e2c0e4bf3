//! `leasegrid eval`: accuracy against gold answers. `--gold DIR` runs every document with a
//! `<id>.gold.json` through the real extractor and prints per-field accuracy, evidence coverage
//! and a reliability table; `--kleister DIR` prints the Kleister NDA F1 per fold and per key,
//! with out-of-fold calibration, and can refit the committed calibration.

use crate::cli::{EvalArgs, ModelChoice};
use anyhow::Context as _;
use extractor::field_model::FieldModel;
use extractor::fields::calibration::{self, Calibration};
use extractor::fields::model_gate::Gates;
use extractor::fields::{AbstractOptions, abstract_document_with, gold, kleister, text};
use extractor::ingest::ReadOptions;
use extractor::ml::CandleFieldModel;
use extractor::ml::training_data::fold_of;
use extractor::{Document, Extractor};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

const FOLDS: usize = 5;

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    match (&args.gold, &args.kleister) {
        (Some(dir), _) => gold_eval(dir, &args),
        (None, Some(dir)) => kleister_eval(dir, &args),
        (None, None) => anyhow::bail!("name a gold folder: --gold DIR or --kleister DIR"),
    }
}

/// The model the `--model` choice asks for, loaded once for the whole evaluation.
fn field_model(args: &EvalArgs) -> anyhow::Result<Option<Arc<dyn FieldModel>>> {
    let span_dir = match args.model {
        ModelChoice::None => return Ok(None),
        ModelChoice::Retrieval => None,
        ModelChoice::Span => Some(args.span_weights.as_path()),
    };
    let resources = functions::resources::locate();
    functions::resources::require(&resources, true)?;
    let mut model = CandleFieldModel::load(&resources.model_dir, span_dir)?;
    if let Some(path) = &args.gates {
        model = model.with_gates(Gates::load(path)?);
    }
    Ok(Some(Arc::new(model)))
}

fn extractor() -> anyhow::Result<Extractor> {
    let resources = functions::resources::locate();
    functions::resources::require(&resources, false)?;
    Ok(Extractor::new(&resources, ReadOptions::default())?)
}

/// The document beside a gold file: same stem, any extension but the gold and text files.
fn document_for(gold_path: &Path) -> Option<PathBuf> {
    let name = gold_path.file_name()?.to_string_lossy();
    let stem = name.strip_suffix(".gold.json")?;
    let dir = gold_path.parent()?;
    [
        "pdf", "docx", "xlsx", "xls", "csv", "png", "jpg", "jpeg", "tif", "tiff",
    ]
    .iter()
    .map(|ext| dir.join(format!("{stem}.{ext}")))
    .find(|p| p.is_file())
}

#[derive(Default)]
struct Tally {
    n: usize,
    right: usize,
    stated: usize,
    with_evidence: usize,
}

/// The `<id>.gold.json` files of `dir`, sorted.
fn gold_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut golds: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    anyhow::ensure!(
        !golds.is_empty(),
        "no <id>.gold.json files in {}",
        dir.display()
    );
    Ok(golds)
}

fn gold_eval(dir: &Path, args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let extractor = extractor()?;
    let model = field_model(args)?;
    let mut golds = gold_files(dir)?;
    for more in &args.with_gold {
        golds.extend(gold_files(more)?);
    }
    let dirs: Vec<String> = std::iter::once(dir)
        .chain(args.with_gold.iter().map(PathBuf::as_path))
        .map(|d| d.display().to_string())
        .collect();
    let dirs = dirs.join(" + ");
    let mut per_field: BTreeMap<String, Tally> = BTreeMap::new();
    // Raw scores per document, for leave-one-document-out calibration.
    let mut points: Vec<Vec<Point>> = Vec::new();
    let mut absent = Vec::new();
    let mut docs = 0;
    // Which folder each scored document came from, for per-folder calibration figures.
    let mut folder_of: Vec<PathBuf> = Vec::new();
    let started_all = Instant::now();
    for gold_path in &golds {
        let gold_doc: Value = serde_json::from_str(&std::fs::read_to_string(gold_path)?)
            .with_context(|| format!("{} is not JSON", gold_path.display()))?;
        let Some(fields) = gold_doc.get("fields").and_then(Value::as_object) else {
            continue; // A rent-roll gold has no lease fields.
        };
        let Some(doc_path) = document_for(gold_path) else {
            eprintln!("no document beside {}", gold_path.display());
            continue;
        };
        let started = Instant::now();
        let bytes = std::fs::read(&doc_path)?;
        let name = doc_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc = match extractor.read(&bytes, &name, &|_| {}) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{name}: {e}");
                continue;
            }
        };
        let raw = AbstractOptions {
            model: model.clone(),
            calibration: Some(Calibration::identity()),
        };
        let result = abstract_document_with(&doc, None, &raw)?;
        tracing::info!(document = %name, seconds = started.elapsed().as_secs_f64(), "abstracted");
        let lease = result.fields;
        let mut doc_points = Vec::new();
        for (field, g) in fields {
            let Some(f) = lease.get(field) else { continue };
            let ok = gold::matches(field, &f.value, &g["value"]);
            if let Some(Some(raw)) = result.raw_scores.get(field) {
                doc_points.push((field.clone(), *raw, ok));
            } else {
                absent.push((field.clone(), ok));
            }
            let t = per_field.entry(field.clone()).or_default();
            t.n += 1;
            t.right += usize::from(ok);
            if !f.value.is_null() {
                t.stated += 1;
                t.with_evidence += usize::from(
                    f.evidence
                        .iter()
                        .any(|e| e.page.is_some() && e.text.is_some()),
                );
            }
            if !ok {
                eprintln!("{name} {field}: got {} want {}", f.value, g["value"]);
            }
        }
        points.push(doc_points);
        folder_of.push(
            gold_path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
        );
        docs += 1;
    }
    let elapsed = started_all.elapsed().as_secs_f64();
    println!(
        "Lease abstraction on {docs} documents in {dirs}, {elapsed:.1} s ({:.2} s per document)\n",
        elapsed / docs.max(1) as f64
    );
    println!("| field | docs | right | accuracy | evidence |");
    println!("|---|---|---|---|---|");
    let mut core = Tally::default();
    let mut all = Tally::default();
    for (field, t) in &per_field {
        println!(
            "| {field}{} | {} | {} | {:.2} | {}/{} |",
            if gold::CORE_FIELDS.contains(&field.as_str()) {
                " *"
            } else {
                ""
            },
            t.n,
            t.right,
            ratio(t.right, t.n),
            t.with_evidence,
            t.stated
        );
        for sum in [&mut all].into_iter().chain(
            gold::CORE_FIELDS
                .contains(&field.as_str())
                .then_some(&mut core),
        ) {
            sum.n += t.n;
            sum.right += t.right;
            sum.stated += t.stated;
            sum.with_evidence += t.with_evidence;
        }
    }
    println!(
        "\ncore fields (*): {}/{} = {:.3}",
        core.right,
        core.n,
        ratio(core.right, core.n)
    );
    println!(
        "all fields: {}/{} = {:.3}",
        all.right,
        all.n,
        ratio(all.right, all.n)
    );
    println!(
        "evidence on non-null values: {}/{}",
        all.with_evidence, all.stated
    );
    let (pooling, _) = best_pooling(&points);
    println!(
        "\nCalibration (one fit per {}) fitted on the other documents, applied to each one:",
        pooling.name()
    );
    let per_doc = held_out_groups(&points, pooling);
    print_reliability(&per_doc.iter().flatten().copied().collect::<Vec<_>>());
    if !args.with_gold.is_empty() {
        for folder in std::iter::once(dir).chain(args.with_gold.iter().map(PathBuf::as_path)) {
            let mine: Vec<(f64, bool)> = per_doc
                .iter()
                .zip(&folder_of)
                .filter(|(_, f)| f.as_path() == folder)
                .flat_map(|(p, _)| p.iter().copied())
                .collect();
            println!("\nOut of fold, the documents of {}:", folder.display());
            print_reliability(&mine);
        }
    }
    // The committed calibration was fitted on other documents; on a held-out set this is the
    // confidence users see.
    let shipped = Calibration::fitted("lease");
    let applied: Vec<(f64, bool)> = points
        .iter()
        .flatten()
        .map(|(f, raw, ok)| (shipped.for_field(f).apply(*raw), *ok))
        .collect();
    println!("\nThe shipped calibration (extractor/src/fields/calibration.json) applied:");
    print_reliability(&applied);
    if let Some(out) = &args.fit_calibration {
        let source = format!("{docs} documents in {dirs}");
        let with: String = args
            .with_gold
            .iter()
            .map(|d| format!(" --with-gold {}", d.display()))
            .collect();
        let command = format!(
            "leasegrid eval --gold {}{with} --fit-calibration extractor/src/fields/calibration.json",
            dir.display()
        );
        write_calibration(out, "lease", pooling, &points, &absent, &source, &command)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn print_reliability(points: &[(f64, bool)]) {
    let bins = calibration::reliability(points);
    println!("\nReliability ({} predictions)\n", points.len());
    println!("| confidence | count | mean confidence | accuracy |");
    println!("|---|---|---|---|");
    for b in &bins {
        println!(
            "| {:.1}-{:.1} | {} | {:.3} | {:.3} |",
            b.lo, b.hi, b.count, b.mean_confidence, b.accuracy
        );
    }
    println!("\nECE: {:.4}", calibration::ece(&bins));
}

/// Per-field fits need some thirty labelled values per field; fewer get one shared fit.
fn per_field(groups: &[Vec<Point>]) -> bool {
    let points: usize = groups.iter().map(Vec::len).sum();
    let mut fields: Vec<&String> = groups.iter().flatten().map(|p| &p.0).collect();
    fields.sort();
    fields.dedup();
    points >= 30 * fields.len().max(1)
}

/// A field's raw score and whether its value was right.
type Point = (String, f64, bool);

/// How a calibration pools fields: a fit per field, or one per lease value type (dates, parties,
/// money...), shared by the fields of that type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pooling {
    Field,
    Type,
}

impl Pooling {
    fn name(self) -> &'static str {
        match self {
            Pooling::Field => "field",
            Pooling::Type => "type",
        }
    }

    fn fit(
        self,
        points: &[Point],
        absent: &[(String, bool)],
        groups: &[Vec<Point>],
    ) -> Calibration {
        match self {
            Pooling::Field => Calibration::fit(points, absent, per_field(groups)),
            Pooling::Type => {
                Calibration::fit_grouped(points, absent, per_field(groups), lease_type_of)
            }
        }
    }
}

/// A lease field's value type, the pool of `Pooling::Type`; fields of other templates pool
/// alone.
fn lease_type_of(field: &str) -> String {
    static TYPES: std::sync::LazyLock<BTreeMap<String, String>> = std::sync::LazyLock::new(|| {
        extractor::fields::template::Template::resolve(None)
            .map(|t| {
                t.fields
                    .into_iter()
                    .map(|f| (f.name, format!("{:?}", f.kind)))
                    .collect()
            })
            .unwrap_or_default()
    });
    TYPES
        .get(field)
        .cloned()
        .unwrap_or_else(|| field.to_string())
}

/// The pooling whose out-of-fold calibration error over all documents is lower.
fn best_pooling(groups: &[Vec<Point>]) -> (Pooling, f64) {
    [Pooling::Field, Pooling::Type]
        .into_iter()
        .map(|p| {
            let ece = calibration::ece(&calibration::reliability(&held_out(groups, p)));
            println!("\nOut-of-fold ECE with one fit per {}: {ece:.4}", p.name());
            (p, ece)
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((Pooling::Field, f64::NAN))
}

/// Each group's points calibrated by a fit on all the other groups (folds or documents).
fn held_out(groups: &[Vec<Point>], pooling: Pooling) -> Vec<(f64, bool)> {
    held_out_groups(groups, pooling)
        .into_iter()
        .flatten()
        .collect()
}

/// `held_out`, kept per group.
fn held_out_groups(groups: &[Vec<Point>], pooling: Pooling) -> Vec<Vec<(f64, bool)>> {
    let mut out = Vec::new();
    for (k, group) in groups.iter().enumerate() {
        let train: Vec<Point> = groups
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != k)
            .flat_map(|(_, g)| g.iter().cloned())
            .collect();
        let fit = pooling.fit(&train, &[], groups);
        out.push(
            group
                .iter()
                .map(|(f, raw, ok)| (fit.for_field(f).apply(*raw), *ok))
                .collect(),
        );
    }
    out
}

/// Fits `template`'s calibration on every point and merges it into the JSON file at `out`.
fn write_calibration(
    out: &Path,
    template: &str,
    pooling: Pooling,
    groups: &[Vec<Point>],
    absent: &[(String, bool)],
    source: &str,
    command: &str,
) -> anyhow::Result<()> {
    let all: Vec<Point> = groups.iter().flatten().cloned().collect();
    let fit = pooling.fit(&all, absent, groups);
    let mut file: Value = std::fs::read_to_string(out)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_else(|| serde_json::json!({"templates": {}}));
    file["templates"][template] = serde_json::json!({
        "calibration": fit,
        "fitted_on": source,
        "command": command,
        "pooled_by": pooling.name(),
        "out_of_fold_ece": calibration::ece(&calibration::reliability(&held_out(groups, pooling))),
    });
    std::fs::write(out, serde_json::to_string_pretty(&file)? + "\n")
        .with_context(|| format!("cannot write {}", out.display()))?;
    println!("\nwrote the {template} calibration to {}", out.display());
    Ok(())
}

/// One Kleister document: its file name, the benchmark's text layer and the expected pairs.
struct KleisterDoc {
    filename: String,
    text: String,
    expected: Vec<String>,
}

fn kleister_docs(dir: &Path) -> anyhow::Result<Vec<KleisterDoc>> {
    let xz = dir.join("train/in.tsv.xz");
    let out = std::process::Command::new("xz")
        .arg("-dc")
        .arg(&xz)
        .output()
        .with_context(|| format!("cannot run xz to read {}", xz.display()))?;
    anyhow::ensure!(out.status.success(), "xz could not read {}", xz.display());
    let input = String::from_utf8_lossy(&out.stdout);
    let expected = std::fs::read_to_string(dir.join("train/expected.tsv"))
        .with_context(|| format!("cannot read {}/train/expected.tsv", dir.display()))?;
    let docs: Vec<KleisterDoc> = input
        .lines()
        .zip(expected.lines())
        .map(|(row, exp)| {
            let cols: Vec<&str> = row.split('\t').collect();
            KleisterDoc {
                filename: cols.first().copied().unwrap_or_default().to_string(),
                text: unescape(cols.get(5).copied().unwrap_or_default()),
                expected: exp.split_whitespace().map(str::to_uppercase).collect(),
            }
        })
        .collect();
    anyhow::ensure!(!docs.is_empty(), "no documents in {}", xz.display());
    Ok(docs)
}

/// The benchmark escapes line breaks and tabs inside its TSV cells.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('f') => out.push('\u{c}'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// What one document gave: predicted pairs and calibration points (raw score, right).
struct KleisterResult {
    predicted: Vec<String>,
    points: Vec<Point>,
    /// Fields left empty, and whether the benchmark expects none for them.
    absent: Vec<(String, bool)>,
}

fn kleister_one(
    doc: &Document,
    expected: &[String],
    model: Option<Arc<dyn FieldModel>>,
) -> anyhow::Result<KleisterResult> {
    let options = AbstractOptions {
        model,
        calibration: Some(Calibration::identity()),
    };
    let result = abstract_document_with(doc, Some("kleister-nda"), &options)?;
    let predicted: Vec<String> = kleister::kleister_pairs(&result.fields)
        .into_iter()
        .map(|p| p.to_uppercase())
        .collect();
    let mut points = Vec::new();
    let mut absent = Vec::new();
    for (key, raw) in &result.raw_scores {
        let prefix = format!("{}=", key.to_uppercase());
        let mine: Vec<&String> = predicted
            .iter()
            .filter(|p| p.starts_with(&prefix))
            .collect();
        let theirs = expected.iter().filter(|p| p.starts_with(&prefix)).count();
        match raw {
            Some(raw) => {
                let ok = mine.len() == theirs && mine.iter().all(|p| expected.contains(p));
                points.push((key.clone(), *raw, ok));
            }
            None => absent.push((key.clone(), theirs == 0)),
        }
    }
    Ok(KleisterResult {
        predicted,
        points,
        absent,
    })
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, predicted: &[String], expected: &[String]) {
        let mut left: Vec<&String> = expected.iter().collect();
        for p in predicted {
            if let Some(i) = left.iter().position(|e| *e == p) {
                left.swap_remove(i);
                self.tp += 1;
            } else {
                self.fp += 1;
            }
        }
        self.fn_ += left.len();
    }

    fn f1(&self) -> (f64, f64, f64) {
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn kleister_eval(dir: &Path, args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let model = field_model(args)?;
    let mut docs = kleister_docs(dir)?;
    if let Some(k) = args.fold {
        anyhow::ensure!(
            k < args.folds,
            "--fold {k} is not below --folds {}",
            args.folds
        );
        docs.retain(|d| fold_of(&format!("kleister/{}", d.filename), args.folds) == k);
    }
    if let Some(n) = args.limit {
        docs.truncate(n);
    }
    let extractor = if args.text_layer {
        None
    } else {
        Some(extractor()?)
    };
    let started = Instant::now();
    let mut results = Vec::with_capacity(docs.len());
    for d in &docs {
        let doc = match &extractor {
            None => text::document_from_text(&d.filename, &d.text),
            Some(x) => read_pdf(x, dir, &d.filename, args.read_cache.as_deref())?,
        };
        let r = kleister_one(&doc, &d.expected, model.clone())?;
        let (mut missed, extra) = differences(&d.expected, &r.predicted);
        if !missed.is_empty() || !extra.is_empty() {
            missed.sort();
            tracing::debug!(document = %d.filename, ?missed, ?extra, "kleister mismatch");
            eprintln!("{}: missed {missed:?} extra {extra:?}", d.filename);
        }
        results.push(r);
    }
    let elapsed = started.elapsed().as_secs_f64();
    if let Some(out) = &args.dump {
        write_dump(out, &docs, &results)?;
    }
    let source = if args.text_layer {
        "benchmark text layer (text_best)"
    } else {
        "PDFs through the extractor"
    };
    println!(
        "Kleister NDA, {} documents, {source}, {elapsed:.1} s ({:.2} s per document)\n",
        docs.len(),
        elapsed / docs.len().max(1) as f64
    );
    println!("| fold | docs | precision | recall | F1 |");
    println!("|---|---|---|---|---|");
    let mut total = Counts::default();
    for fold in 0..FOLDS {
        let mut c = Counts::default();
        let mut n = 0;
        for (i, (d, r)) in docs.iter().zip(&results).enumerate() {
            if i % FOLDS == fold {
                c.add(&r.predicted, &d.expected);
                n += 1;
            }
        }
        let (p, r, f) = c.f1();
        println!(
            "| {fold} | {n} | {:.2} | {:.2} | {:.2} |",
            p * 100.0,
            r * 100.0,
            f * 100.0
        );
        total.tp += c.tp;
        total.fp += c.fp;
        total.fn_ += c.fn_;
    }
    let (p, r, f) = total.f1();
    println!(
        "| all | {} | {:.2} | {:.2} | {:.2} |",
        docs.len(),
        p * 100.0,
        r * 100.0,
        f * 100.0
    );
    println!("\n| key | precision | recall | F1 |");
    println!("|---|---|---|---|");
    for key in ["PARTY", "JURISDICTION", "EFFECTIVE_DATE", "TERM"] {
        let mut c = Counts::default();
        let prefix = format!("{key}=");
        for (d, r) in docs.iter().zip(&results) {
            let pick = |v: &[String]| {
                v.iter()
                    .filter(|x| x.starts_with(&prefix))
                    .cloned()
                    .collect::<Vec<_>>()
            };
            c.add(&pick(&r.predicted), &pick(&d.expected));
        }
        let (p, r, f) = c.f1();
        println!(
            "| {} | {:.2} | {:.2} | {:.2} |",
            key.to_lowercase(),
            p * 100.0,
            r * 100.0,
            f * 100.0
        );
    }
    // Out-of-fold calibration: each fold's confidences come from a fit on the other four.
    let mut folds: Vec<Vec<Point>> = vec![Vec::new(); FOLDS];
    for (i, r) in results.iter().enumerate() {
        folds[i % FOLDS].extend(r.points.iter().cloned());
    }
    println!("\nCalibration fitted on four folds, applied to the fifth:");
    print_reliability(&held_out(&folds, Pooling::Field));
    if let Some(out) = &args.fit_calibration {
        let absent: Vec<(String, bool)> = results
            .iter()
            .flat_map(|r| r.absent.iter().cloned())
            .collect();
        let flag = if args.text_layer { " --text-layer" } else { "" };
        let command = format!(
            "leasegrid eval --kleister {}{flag} --fit-calibration extractor/src/fields/calibration.json",
            dir.display()
        );
        let source = format!("Kleister NDA train, {} documents, {source}", docs.len());
        write_calibration(
            out,
            "kleister-nda",
            Pooling::Field,
            &folds,
            &absent,
            &source,
            &command,
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A Kleister PDF read by the extractor, or its layout from `cache` when an earlier run kept it;
/// a PDF the reader refuses counts as an empty document.
fn read_pdf(
    extractor: &Extractor,
    dir: &Path,
    filename: &str,
    cache: Option<&Path>,
) -> anyhow::Result<Document> {
    let cached = cache.map(|c| c.join(filename).with_extension("json"));
    if let Some(doc) = cached
        .as_ref()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| serde_json::from_slice::<Document>(&b).ok())
    {
        return Ok(doc);
    }
    let path = dir.join("documents").join(filename);
    let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let doc = match extractor.read(&bytes, filename, &|_| {}) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{filename}: {e}");
            return Ok(text::document_from_text(filename, ""));
        }
    };
    if let Some(p) = &cached {
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(p, serde_json::to_vec(&doc)?)
            .with_context(|| format!("cannot write {}", p.display()))?;
    }
    Ok(doc)
}

/// One TSV line per document: file, fold, expected, predicted, missed and extra pairs, and each
/// emitted field's raw score.
fn write_dump(out: &Path, docs: &[KleisterDoc], results: &[KleisterResult]) -> anyhow::Result<()> {
    let mut tsv = String::from("filename\tfold\texpected\tpredicted\tmissed\textra\traw_scores\n");
    for (i, (d, r)) in docs.iter().zip(results).enumerate() {
        let (missed, extra) = differences(&d.expected, &r.predicted);
        // Each emitted field's raw score and whether its values were right: `term=0.710:1`.
        let scores: Vec<String> = r
            .points
            .iter()
            .map(|(field, raw, ok)| format!("{field}={raw:.3}:{}", u8::from(*ok)))
            .collect();
        tsv.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            d.filename,
            i % FOLDS,
            d.expected.join(" "),
            r.predicted.join(" "),
            join(&missed),
            join(&extra),
            scores.join(" ")
        ));
    }
    std::fs::write(out, tsv).with_context(|| format!("cannot write {}", out.display()))
}

/// The expected pairs not predicted, and the predicted pairs not expected.
fn differences<'a>(
    expected: &'a [String],
    predicted: &'a [String],
) -> (Vec<&'a String>, Vec<&'a String>) {
    let missed = expected.iter().filter(|e| !predicted.contains(e)).collect();
    let extra = predicted.iter().filter(|p| !expected.contains(p)).collect();
    (missed, extra)
}

fn join(pairs: &[&String]) -> String {
    pairs
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

//! Shared by the ingestion tests: the real engines, the development documents read in place, and
//! fixtures made at test time.

#![allow(dead_code)]

use extractor::ingest::{ReadOptions, Reader};
use extractor::{Document, Resources};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn dir_from_env(var: &str) -> Option<PathBuf> {
    std::env::var_os(var).filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// The checkout's components, or the environment's overrides (as `functions::resources` finds
/// them for the binaries).
pub fn resources() -> Resources {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    Resources {
        pdfium_dir: dir_from_env("LEASEGRID_PDFIUM_DIR").unwrap_or_else(|| root.join(".cache/pdfium")),
        tessdata_dir: dir_from_env("LEASEGRID_TESSDATA_DIR")
            .or_else(|| dir_from_env("TESSDATA_PREFIX"))
            .unwrap_or_else(|| PathBuf::from("/usr/share/tesseract-ocr/5/tessdata")),
        model_dir: root.join(".cache/models/all-MiniLM-L6-v2"),
    }
}

/// One reader per test binary, as in the service: engines are started once.
pub fn reader() -> &'static Reader {
    static READER: OnceLock<Reader> = OnceLock::new();
    READER.get_or_init(|| {
        // libgomp reads this before main in the binaries; tests set it for the same effect on
        // threads tesseract starts later.
        if std::env::var_os("OMP_THREAD_LIMIT").is_none() {
            // SAFETY: set before any tesseract thread exists, from the one initializing thread.
            unsafe { std::env::set_var("OMP_THREAD_LIMIT", "1") };
        }
        let options = ReadOptions {
            max_pages: 2000,
            ..ReadOptions::default()
        };
        Reader::new(&resources(), options).expect("reader")
    })
}

pub fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data").join(rel)
}

pub fn lease(id_prefix: &str, ext: &str) -> PathBuf {
    let dir = data("leases");
    std::fs::read_dir(&dir)
        .expect("shared/data/leases")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(id_prefix))
                && p.extension().is_some_and(|e| e == ext)
        })
        .unwrap_or_else(|| panic!("{id_prefix}*.{ext} in {}", dir.display()))
}

pub fn read_file(path: &Path) -> Document {
    let bytes = std::fs::read(path).expect("read test document");
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    reader()
        .read(&bytes, &name, &|_| {})
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Lower-cased alphanumeric words of a text, for recall measurements.
pub fn word_bag(text: &str) -> Vec<String> {
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

/// Share of `reference` words (with multiplicity) found in `candidate`.
pub fn recall(reference: &str, candidate: &str) -> f64 {
    use std::collections::HashMap;
    let mut have: HashMap<String, usize> = HashMap::new();
    for w in word_bag(candidate) {
        *have.entry(w).or_default() += 1;
    }
    let wanted = word_bag(reference);
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
    found as f64 / wanted.len().max(1) as f64
}

/// Runs a command-line tool, failing the test with its stderr if it fails.
pub fn run(cmd: &str, args: &[&str]) {
    let out = std::process::Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

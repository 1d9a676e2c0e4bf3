//! Shared by the ingestion tests: the real engines, the development documents read in place, and
//! fixtures made at test time.

#![allow(dead_code)]

use extractor::ingest::{ReadOptions, Reader};
use extractor::{Document, Resources};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The checkout's components, or the environment's overrides (as `functions::resources` finds
/// them for the binaries).
pub fn resources() -> Resources {
    Resources::from_env_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
}

/// The real MiniLM folder; tests fail, not skip, when it is missing.
pub fn model_dir() -> PathBuf {
    let dir = resources().model_dir;
    assert!(
        dir.join("model.safetensors").exists(),
        "MiniLM weights not found at {} (run `make setup` or set LEASEGRID_MODEL_DIR)",
        dir.display()
    );
    dir
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
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data")
        .join(rel)
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

/// A PDF of `pages` empty Letter pages, with a correct cross-reference table; `extra_trailer`
/// goes into the trailer dictionary (an /Encrypt reference, say) and `extra_objects` after the
/// pages.
pub fn blank_pdf(pages: usize, extra_objects: &[String], extra_trailer: &str) -> Vec<u8> {
    pdf_with_pages(pages, "", extra_objects, extra_trailer)
}

/// Like `blank_pdf`, with `page_extra` added to every page dictionary (a /Rotate, a /Contents
/// reference to one of `extra_objects`, resources).
pub fn pdf_with_pages(
    pages: usize,
    page_extra: &str,
    extra_objects: &[String],
    extra_trailer: &str,
) -> Vec<u8> {
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        format!(
            "<< /Type /Pages /Count {pages} /Kids [{}] >>",
            (0..pages)
                .map(|i| format!("{} 0 R", i + 3))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    ];
    for _ in 0..pages {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] {page_extra} >>"
        ));
    }
    objects.extend(extra_objects.iter().cloned());
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {extra_trailer} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A one-page PDF password-protected with the standard handler (RC4, revision 2): its /U
/// entry matches no empty user password, so a reader must ask for one.
pub fn encrypted_pdf() -> Vec<u8> {
    let hex32 = |seed: u8| -> String {
        (0..32u8)
            .map(|i| format!("{:02x}", i.wrapping_mul(37).wrapping_add(seed)))
            .collect()
    };
    let encrypt = format!(
        "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <{}> /U <{}> >>",
        hex32(11),
        hex32(97)
    );
    blank_pdf(
        1,
        &[encrypt],
        "/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
    )
}

/// A fresh temporary directory for fixtures made by external tools.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

//! Finds the native components that `make setup` installs: libpdfium, tesseract's data and the
//! MiniLM model. Each path can be overridden by an environment variable; otherwise the checkout's
//! `.cache/` is searched from the working directory and from the executable's location, so
//! `./target/release/leasegrid` works from the checkout root with no environment set.

use extractor::Resources;
use extractor::resources::field_model_on;
use std::path::{Path, PathBuf};

pub const PDFIUM_ENV: &str = "LEASEGRID_PDFIUM_DIR";
pub const TESSDATA_ENV: &str = "LEASEGRID_TESSDATA_DIR";
pub const MODEL_ENV: &str = "LEASEGRID_MODEL_DIR";
pub const SPAN_MODEL_ENV: &str = "LEASEGRID_SPAN_MODEL_DIR";

const PDFIUM_REL: &str = ".cache/pdfium";
const MODEL_REL: &str = ".cache/models/all-MiniLM-L6-v2";
const SPAN_MODEL_REL: &str = "ml-models/weights";
const TESSDATA_CANDIDATES: &[&str] = &[
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
];

/// Resolves every component path from the environment and the usual places.
pub fn locate() -> Resources {
    Resources {
        pdfium_dir: from_env(PDFIUM_ENV).unwrap_or_else(|| in_checkout(PDFIUM_REL)),
        tessdata_dir: from_env(TESSDATA_ENV)
            .or_else(|| from_env("TESSDATA_PREFIX"))
            .unwrap_or_else(|| {
                TESSDATA_CANDIDATES
                    .iter()
                    .map(PathBuf::from)
                    .find(|p| p.join("eng.traineddata").exists())
                    .unwrap_or_else(|| PathBuf::from(TESSDATA_CANDIDATES[0]))
            }),
        model_dir: from_env(MODEL_ENV).unwrap_or_else(|| in_checkout(MODEL_REL)),
        span_model_dir: field_model_on()
            .then(|| from_env(SPAN_MODEL_ENV).unwrap_or_else(|| in_checkout(SPAN_MODEL_REL))),
    }
}

/// Fails with one message naming every missing component, the path searched, the variable that
/// overrides it and the command that installs it.
pub fn require(resources: &Resources, need_model: bool) -> anyhow::Result<()> {
    let missing = resources.check(need_model);
    if missing.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = missing.iter().map(|m| format!("  - {m}")).collect();
    anyhow::bail!(
        "missing components:\n{}\nRun `make setup` in the checkout, or point {PDFIUM_ENV}, {TESSDATA_ENV} and {MODEL_ENV} at them.",
        lines.join("\n")
    )
}

fn from_env(key: &str) -> Option<PathBuf> {
    std::env::var_os(key)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// `rel` under the first of: the working directory, or an ancestor of the executable, that has it.
fn in_checkout(rel: &str) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut roots: Vec<PathBuf> = cwd.ancestors().map(Path::to_path_buf).collect();
    if let Ok(exe) = std::env::current_exe() {
        roots.extend(exe.ancestors().skip(1).map(Path::to_path_buf));
    }
    roots
        .iter()
        .map(|r| r.join(rel))
        .find(|p| p.exists())
        .unwrap_or_else(|| cwd.join(rel))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_components_are_named_with_the_fix() {
        let r = Resources {
            pdfium_dir: "/nonexistent/pdfium".into(),
            tessdata_dir: "/nonexistent/tessdata".into(),
            model_dir: "/nonexistent/model".into(),
            span_model_dir: None,
        };
        let err = require(&r, true).unwrap_err().to_string();
        assert!(err.contains("/nonexistent/pdfium/libpdfium.so"), "{err}");
        assert!(err.contains("make setup"), "{err}");
        assert!(err.contains(MODEL_ENV), "{err}");
    }
}

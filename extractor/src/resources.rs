//! Paths of the native components the extractor needs, resolved by the caller and handed in.

use std::path::{Path, PathBuf};

/// Where libpdfium, tesseract's language data, the MiniLM model and the trained span head are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resources {
    /// Folder holding `libpdfium.so`.
    pub pdfium_dir: PathBuf,
    /// Tesseract's `tessdata` folder holding `eng.traineddata`.
    pub tessdata_dir: PathBuf,
    /// Folder holding `model.safetensors`, `config.json` and `tokenizer.json`.
    pub model_dir: PathBuf,
    /// Folder of the trained span head and its per-field gates (the repository's
    /// `ml-models/weights`); `None` extracts fields with the rules alone.
    pub span_model_dir: Option<PathBuf>,
}

/// Whether `LEASEGRID_FIELD_MODEL` leaves the trained field model on (anything but `off`).
pub fn field_model_on() -> bool {
    !std::env::var("LEASEGRID_FIELD_MODEL").is_ok_and(|v| v.eq_ignore_ascii_case("off"))
}

/// One thing `Resources::check` found missing, with the path it searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingResource {
    pub what: &'static str,
    pub path: PathBuf,
}

impl std::fmt::Display for MissingResource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} not found at {} (run `make setup` to install it)",
            self.what,
            self.path.display()
        )
    }
}

impl Resources {
    /// The components a checkout installs under `root` (`make setup`), each replaced by its
    /// environment override when set: `LEASEGRID_PDFIUM_DIR`, `LEASEGRID_TESSDATA_DIR` (or
    /// tesseract's own `TESSDATA_PREFIX`), `LEASEGRID_MODEL_DIR`, `LEASEGRID_SPAN_MODEL_DIR`
    /// (no span model when `LEASEGRID_FIELD_MODEL=off`).
    pub fn from_env_under(root: &Path) -> Resources {
        let env = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        Resources {
            pdfium_dir: env("LEASEGRID_PDFIUM_DIR").unwrap_or_else(|| root.join(".cache/pdfium")),
            tessdata_dir: env("LEASEGRID_TESSDATA_DIR")
                .or_else(|| env("TESSDATA_PREFIX"))
                .unwrap_or_else(|| PathBuf::from("/usr/share/tesseract-ocr/5/tessdata")),
            model_dir: env("LEASEGRID_MODEL_DIR")
                .unwrap_or_else(|| root.join(".cache/models/all-MiniLM-L6-v2")),
            span_model_dir: field_model_on().then(|| {
                env("LEASEGRID_SPAN_MODEL_DIR").unwrap_or_else(|| root.join("ml-models/weights"))
            }),
        }
    }

    pub fn pdfium_library(&self) -> PathBuf {
        self.pdfium_dir.join("libpdfium.so")
    }

    /// Lists each missing component; empty when all are present.
    pub fn check(&self, need_model: bool) -> Vec<MissingResource> {
        let mut missing = vec![];
        let mut need = |what, path: PathBuf| {
            if !path.exists() {
                missing.push(MissingResource { what, path });
            }
        };
        need("libpdfium", self.pdfium_library());
        need(
            "tesseract English data",
            self.tessdata_dir.join("eng.traineddata"),
        );
        if need_model {
            for f in ["model.safetensors", "config.json", "tokenizer.json"] {
                need("MiniLM model file", self.model_dir.join(f));
            }
        }
        missing
    }

    pub fn model_file(&self, name: &str) -> PathBuf {
        Path::new(&self.model_dir).join(name)
    }
}

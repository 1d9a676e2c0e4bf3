//! Finds the real MiniLM weights for the tests: `LEASEGRID_MODEL_DIR`, else the repository's
//! `.cache` (installed by `make setup`). Tests fail, not skip, when they are missing.

use std::path::PathBuf;

pub fn model_dir() -> PathBuf {
    let dir = std::env::var_os("LEASEGRID_MODEL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.cache/models/all-MiniLM-L6-v2")
        });
    assert!(
        dir.join("model.safetensors").exists(),
        "MiniLM weights not found at {} (run `make setup` or set LEASEGRID_MODEL_DIR)",
        dir.display()
    );
    dir
}

//! Tesseract's OpenMP threads thrash on small machines; we parallelize over pages instead.
//! libgomp reads `OMP_THREAD_LIMIT` once, before `main`, so setting it at run time is too late:
//! when it is unset, the binary re-executes itself with it set.

use std::os::unix::process::CommandExt;

const VAR: &str = "OMP_THREAD_LIMIT";

/// Re-executes the current process with `OMP_THREAD_LIMIT=1` unless it is already set.
/// Returns only when no re-exec was needed (or it failed, in which case we run on regardless).
pub fn ensure_single_threaded_openmp() {
    if std::env::var_os(VAR).is_some() {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let err = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(VAR, "1")
        .exec();
    eprintln!("warning: could not re-execute with {VAR}=1 ({err}); OCR may be slow");
}

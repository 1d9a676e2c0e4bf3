//! HTML to PDF through LibreOffice, many files per `soffice` call (its start-up costs seconds),
//! each worker with a private profile so parallel calls and a running desktop do not collide.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Files per `soffice` call: large enough to amortize start-up, small enough to bound a retry.
const BATCH: usize = 40;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("cannot run soffice (install LibreOffice Writer: libreoffice-writer-nogui): {0}")]
    Missing(std::io::Error),
    #[error("soffice failed on {files} files: {detail}")]
    Failed { files: usize, detail: String },
    #[error("soffice did not finish {files} files in {seconds} s")]
    Timeout { files: usize, seconds: u64 },
    #[error("soffice wrote no PDF for {0}")]
    NoOutput(PathBuf),
}

fn convert(html: &[PathBuf], out_dir: &Path, profile: &Path) -> Result<(), RenderError> {
    let mut child = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--infilter=HTML (StarWriter)"])
        .args(["--convert-to", "pdf:writer_pdf_Export", "--outdir"])
        .arg(out_dir)
        .args(html)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(RenderError::Missing)?;
    // A wedged soffice must not hang the caller: allow a generous time per file.
    let limit = Duration::from_secs(60 + 10 * html.len() as u64);
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                let mut detail = String::new();
                if let Some(mut e) = child.stderr.take() {
                    use std::io::Read as _;
                    let _ = e.read_to_string(&mut detail);
                }
                return Err(RenderError::Failed {
                    files: html.len(),
                    detail: format!("{status}: {}", detail.trim()),
                });
            }
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RenderError::Timeout {
                    files: html.len(),
                    seconds: limit.as_secs(),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => return Err(RenderError::Missing(e)),
        }
    }
}

/// Renders every HTML file to `<out_dir>/<stem>.pdf` with `jobs` soffice processes.
pub fn render_pdfs(html: &[PathBuf], out_dir: &Path, jobs: usize) -> Result<(), RenderError> {
    let batches: Vec<&[PathBuf]> = html.chunks(BATCH).collect();
    let jobs = jobs.clamp(1, batches.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Result<(), RenderError>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..jobs)
            .map(|j| {
                let (next, batches) = (&next, &batches);
                s.spawn(move || {
                    let profile = std::env::temp_dir()
                        .join(format!("leasegrid-soffice-{}-{j}", std::process::id()));
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(batch) = batches.get(i) else {
                            return Ok(());
                        };
                        convert(batch, out_dir, &profile)?;
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join().unwrap_or_else(|_| {
                    Err(RenderError::Failed {
                        files: 0,
                        detail: "a render worker panicked".into(),
                    })
                })
            })
            .collect()
    });
    results.into_iter().collect::<Result<(), _>>()?;
    for h in html {
        let pdf = out_dir.join(h.with_extension("pdf").file_name().unwrap_or_default());
        if !pdf.is_file() {
            return Err(RenderError::NoOutput(h.clone()));
        }
    }
    Ok(())
}

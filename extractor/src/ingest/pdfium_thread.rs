//! The one thread that owns pdfium, which is not thread-safe: work arrives over a channel as
//! closures that carry the caller's tracing span. The library is process-wide, so the thread is
//! too: it starts on first use and serves every `Reader`.

use crate::ExtractError;
use pdfium_render::prelude::Pdfium;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Mutex, OnceLock};

type Job = Box<dyn FnOnce(&Pdfium) + Send>;

/// A handle on the pdfium thread.
#[derive(Clone)]
pub struct PdfiumThread {
    jobs: mpsc::Sender<Job>,
}

static THREAD: OnceLock<Mutex<Option<(PathBuf, PdfiumThread)>>> = OnceLock::new();

impl PdfiumThread {
    /// The process's pdfium thread, started on first call with the library in `dir`.
    pub fn get(dir: &Path) -> Result<PdfiumThread, ExtractError> {
        let slot = THREAD.get_or_init(|| Mutex::new(None));
        let mut slot = slot
            .lock()
            .map_err(|_| ExtractError::Internal("pdfium thread registry poisoned".into()))?;
        if let Some((path, thread)) = slot.as_ref() {
            if path != dir {
                tracing::warn!(
                    loaded = %path.display(),
                    requested = %dir.display(),
                    "pdfium is already loaded from another folder; using it"
                );
            }
            return Ok(thread.clone());
        }
        let thread = Self::start(dir)?;
        *slot = Some((dir.to_path_buf(), thread.clone()));
        Ok(thread)
    }

    fn start(dir: &Path) -> Result<PdfiumThread, ExtractError> {
        let library = Pdfium::pdfium_platform_library_name_at_path(dir);
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (ready_tx, ready_rx) = mpsc::channel::<Result<(), String>>();
        std::thread::Builder::new()
            .name("pdfium".into())
            .spawn(move || {
                let pdfium = match Pdfium::bind_to_library(&library) {
                    Ok(bindings) => Pdfium::new(bindings),
                    Err(e) => {
                        let _ = ready_tx.send(Err(format!("{}: {e}", library.display())));
                        return;
                    }
                };
                let _ = ready_tx.send(Ok(()));
                for job in inbox {
                    // A panic inside one job must not take the shared thread down with it.
                    let outcome =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&pdfium)));
                    if outcome.is_err() {
                        tracing::error!("a pdfium job panicked; the thread goes on");
                    }
                }
            })
            .map_err(|e| ExtractError::Internal(format!("cannot start the pdfium thread: {e}")))?;
        match ready_rx.recv() {
            Ok(Ok(())) => Ok(PdfiumThread { jobs }),
            Ok(Err(e)) => Err(ExtractError::MissingResource(format!("libpdfium ({e})"))),
            Err(_) => Err(ExtractError::Internal("the pdfium thread died at start".into())),
        }
    }

    /// Queues `f` on the pdfium thread without waiting for it.
    pub fn submit(&self, f: impl FnOnce(&Pdfium) + Send + 'static) -> Result<(), ExtractError> {
        let span = tracing::Span::current();
        self.jobs
            .send(Box::new(move |pdfium| {
                let _entered = span.enter();
                f(pdfium)
            }))
            .map_err(|_| ExtractError::Internal("the pdfium thread has stopped".into()))
    }

    /// Runs `f` on the pdfium thread and waits for its result.
    pub fn run<R: Send + 'static>(
        &self,
        f: impl FnOnce(&Pdfium) -> R + Send + 'static,
    ) -> Result<R, ExtractError> {
        let (tx, rx) = mpsc::sync_channel(1);
        self.submit(move |pdfium| {
            let _ = tx.send(f(pdfium));
        })?;
        rx.recv()
            .map_err(|_| ExtractError::Internal("a pdfium job failed without an answer".into()))
    }
}

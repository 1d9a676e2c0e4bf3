//! A dedicated OS thread that runs the extractor (pdfium, tesseract and candle block for
//! seconds), fed by a channel, so async tasks only await its answer.

use extractor::ingest::Progress;
use extractor::schema::Extraction;
use extractor::{ExtractError, Extractor};
use std::sync::Arc;
use std::sync::mpsc as std_mpsc;
use tokio::sync::{mpsc, oneshot};

struct Request {
    bytes: Vec<u8>,
    filename: String,
    template: Option<String>,
    progress: mpsc::UnboundedSender<Progress>,
    reply: oneshot::Sender<Result<Extraction, ExtractError>>,
    span: tracing::Span,
}

/// Handle to one extraction thread; the thread ends when the handle is dropped.
pub struct ExtractionThread {
    tx: std_mpsc::Sender<Request>,
}

impl ExtractionThread {
    pub fn spawn(extractor: Arc<Extractor>, name: String) -> std::io::Result<Self> {
        let (tx, rx) = std_mpsc::channel::<Request>();
        std::thread::Builder::new().name(name).spawn(move || {
            for request in rx {
                let _entered = request.span.enter();
                let progress = |p: Progress| {
                    // The receiver is gone only when the job was abandoned; progress is moot then.
                    let _ = request.progress.send(p);
                };
                let result = extractor.extract(
                    &request.bytes,
                    &request.filename,
                    request.template.as_deref(),
                    &progress,
                );
                let _ = request.reply.send(result);
            }
        })?;
        Ok(ExtractionThread { tx })
    }

    /// Extracts on the thread; progress arrives on `progress` while it runs.
    pub async fn extract(
        &self,
        bytes: Vec<u8>,
        filename: String,
        template: Option<String>,
        progress: mpsc::UnboundedSender<Progress>,
    ) -> Result<Extraction, ExtractError> {
        let (reply, answer) = oneshot::channel();
        let request = Request {
            bytes,
            filename,
            template,
            progress,
            reply,
            span: tracing::Span::current(),
        };
        let gone = || ExtractError::Internal("the extraction thread stopped".into());
        self.tx.send(request).map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }
}

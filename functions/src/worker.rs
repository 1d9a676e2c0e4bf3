//! The extraction worker: `handle` runs one job (idempotently), `try_execute_job` pulls and
//! settles one delivery, and `run` loops until shutdown. Used by `leasegrid serve` (memory
//! queue) and `leasegrid-worker` (Pub/Sub pull or push).

use crate::blob::{BlobError, BlobStore, keys};
use crate::extraction_thread::ExtractionThread;
use crate::queue::{Delivery, Job, JobOutcome, JobQueue, QueueError, WorkerEvent};
use extractor::Extractor;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

const MIN_BACKOFF: Duration = Duration::from_millis(200);
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// What one step did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepOutcome {
    /// The document was extracted and the result stored.
    Extracted { document_id: String },
    /// A result for this document and content already existed; it was reported again.
    AlreadyExtracted { document_id: String },
    /// The document could not be extracted; the failure was reported.
    Failed {
        document_id: String,
        message: String,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    #[error(transparent)]
    Queue(#[from] QueueError),
    #[error(transparent)]
    Blob(#[from] BlobError),
    #[error("cannot encode the extraction: {0}")]
    Encode(#[from] serde_json::Error),
}

pub struct Worker {
    queue: Arc<dyn JobQueue>,
    blobs: Arc<dyn BlobStore>,
    thread: ExtractionThread,
}

impl Worker {
    /// A worker with its own extraction thread.
    pub fn new(
        extractor: Arc<Extractor>,
        queue: Arc<dyn JobQueue>,
        blobs: Arc<dyn BlobStore>,
        name: String,
    ) -> std::io::Result<Self> {
        Ok(Worker {
            queue,
            blobs,
            thread: ExtractionThread::spawn(extractor, name)?,
        })
    }

    /// Runs one job to its reported end. Safe to repeat: a stored result is reported again
    /// without extracting, and the api applies a finished event once.
    #[tracing::instrument(skip_all, fields(document_id = %job.document_id))]
    pub async fn handle(&self, job: &Job) -> Result<StepOutcome, WorkerError> {
        let result_key = keys::extraction(&job.org_id, &job.document_id, &job.sha256);
        if self.blobs.exists(&result_key).await? {
            self.finish(job, JobOutcome::Done { result_key }).await?;
            return Ok(StepOutcome::AlreadyExtracted {
                document_id: job.document_id.clone(),
            });
        }
        let bytes = match self.blobs.get(&job.original_key).await {
            Ok(b) => b,
            Err(BlobError::NotFound(_)) => {
                return self
                    .fail(job, "the original upload is gone".into(), false)
                    .await;
            }
            Err(e) => return Err(e.into()),
        };
        if hex::encode(Sha256::digest(&bytes)) != job.sha256 {
            return self
                .fail(job, "the stored original does not match its sha256".into(), false)
                .await;
        }
        let (progress_tx, progress_rx) = mpsc::unbounded_channel();
        let forward = tokio::spawn(forward_progress(self.queue.clone(), job.clone(), progress_rx));
        let result = self
            .thread
            .extract(bytes, job.filename.clone(), job.template.clone(), progress_tx)
            .await;
        // The sender was moved into the request, so the forwarder ends once the extractor is done.
        let _ = forward.await;
        match result {
            Ok(mut extraction) => {
                extraction.document.id = Some(job.document_id.clone());
                let json = serde_json::to_vec(&extraction)?;
                self.blobs.put(&result_key, json).await?;
                self.finish(job, JobOutcome::Done { result_key }).await?;
                tracing::info!("extracted");
                Ok(StepOutcome::Extracted {
                    document_id: job.document_id.clone(),
                })
            }
            Err(e) => {
                let input_error = e.is_input_error();
                self.fail(job, e.to_string(), input_error).await
            }
        }
    }

    /// Pulls one job, handles it and settles the delivery.
    pub async fn try_execute_job(&self) -> Result<StepOutcome, WorkerError> {
        let delivery = self.queue.next_job().await?;
        self.settle(delivery).await
    }

    /// Handles a delivered job, then acknowledges it once reported, or returns it to the queue
    /// when our machinery failed.
    async fn settle(&self, delivery: Delivery<Job>) -> Result<StepOutcome, WorkerError> {
        match self.handle(&delivery.message).await {
            Ok(outcome) => {
                delivery.ack().await?;
                Ok(outcome)
            }
            Err(e) => {
                if let Err(nack) = delivery.nack().await {
                    tracing::warn!(error = %nack, "could not return a job to the queue");
                }
                Err(e)
            }
        }
    }

    /// Runs steps until `shutdown` fires. A running job is finished first; the caller decides
    /// how long to wait (an abandoned job is redelivered or re-enqueued by the api's sweep).
    pub async fn run(self, shutdown: CancellationToken) {
        let mut backoff = MIN_BACKOFF;
        loop {
            let delivery = tokio::select! {
                _ = shutdown.cancelled() => return,
                d = self.queue.next_job() => d,
            };
            let result = match delivery {
                Ok(d) => self.settle(d).await,
                Err(QueueError::Closed) => return,
                Err(e) => Err(e.into()),
            };
            match result {
                Ok(outcome) => {
                    backoff = MIN_BACKOFF;
                    tracing::debug!(?outcome, "job settled");
                }
                Err(e) => {
                    tracing::warn!(error = %e, "worker step failed; backing off");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                }
            }
        }
    }

    async fn finish(&self, job: &Job, outcome: JobOutcome) -> Result<(), WorkerError> {
        self.queue
            .report(&WorkerEvent::Finished {
                org_id: job.org_id.clone(),
                document_id: job.document_id.clone(),
                sha256: job.sha256.clone(),
                outcome,
            })
            .await?;
        Ok(())
    }

    async fn fail(
        &self,
        job: &Job,
        message: String,
        input_error: bool,
    ) -> Result<StepOutcome, WorkerError> {
        tracing::info!(%message, input_error, "extraction failed");
        self.finish(
            job,
            JobOutcome::Failed {
                message: message.clone(),
                input_error,
            },
        )
        .await?;
        Ok(StepOutcome::Failed {
            document_id: job.document_id.clone(),
            message,
        })
    }
}

/// Reports page progress as it arrives; a lost progress event only delays the progress bar.
async fn forward_progress(
    queue: Arc<dyn JobQueue>,
    job: Job,
    mut rx: mpsc::UnboundedReceiver<extractor::ingest::Progress>,
) {
    while let Some(p) = rx.recv().await {
        let event = WorkerEvent::Progress {
            org_id: job.org_id.clone(),
            document_id: job.document_id.clone(),
            sha256: job.sha256.clone(),
            pages_done: p.pages_done,
            pages_total: p.pages_total,
        };
        if let Err(e) = queue.report(&event).await {
            tracing::debug!(error = %e, "progress event not sent");
        }
    }
}

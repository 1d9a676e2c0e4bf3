//! `JobQueue`: how jobs reach workers and how workers report back. Picked by URL scheme:
//! `memory://` (workers inside the api process) or `pubsub://projects/P` (Google Pub/Sub).
//! Delivery is at least once in both directions, so every consumer is idempotent: jobs are keyed
//! by document id and content sha256, and the api applies events only to a matching document.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

pub mod memory;
pub mod pubsub;

pub use memory::MemoryQueue;

/// Extract one stored original. Everything the worker needs travels in the message, so the
/// worker reads no database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    pub org_id: String,
    pub document_id: String,
    pub sha256: String,
    pub filename: String,
    /// Built-in template name or TOML template text; `None` for the default (lease or rent roll).
    pub template: Option<String>,
    /// Blob key of the original upload.
    pub original_key: String,
}

/// What a worker reports about a job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum WorkerEvent {
    /// Page `pages_done` of `pages_total` has been read.
    Progress {
        org_id: String,
        document_id: String,
        sha256: String,
        pages_done: usize,
        pages_total: usize,
    },
    /// The job ended; the api applies this once per document and content hash.
    Finished {
        org_id: String,
        document_id: String,
        sha256: String,
        outcome: JobOutcome,
    },
}

impl WorkerEvent {
    pub fn document_id(&self) -> &str {
        match self {
            WorkerEvent::Progress { document_id, .. } | WorkerEvent::Finished { document_id, .. } => {
                document_id
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum JobOutcome {
    /// The extraction JSON is stored at `result_key` in the blob store.
    Done { result_key: String },
    /// The document could not be extracted; `input_error` tells a bad file from our failure.
    Failed { message: String, input_error: bool },
}

#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    #[error("unsupported queue URL {0:?}: use memory:// or pubsub://projects/PROJECT")]
    UnsupportedUrl(String),
    #[error("the queue is closed")]
    Closed,
    #[error("malformed queue message: {0}")]
    Malformed(String),
    #[error("queue backend: {0}")]
    Backend(String),
}

/// Settles one delivered message.
#[async_trait]
pub trait Acknowledge: Send {
    /// The message was handled; do not deliver it again.
    async fn ack(self: Box<Self>) -> Result<(), QueueError>;
    /// The message was not handled; deliver it again (now or after the backend's delay).
    async fn nack(self: Box<Self>) -> Result<(), QueueError>;
}

/// A message with the handle that settles it.
pub struct Delivery<T> {
    pub message: T,
    acker: Box<dyn Acknowledge>,
}

impl<T> Delivery<T> {
    pub fn new(message: T, acker: Box<dyn Acknowledge>) -> Self {
        Delivery { message, acker }
    }

    pub async fn ack(self) -> Result<(), QueueError> {
        self.acker.ack().await
    }

    pub async fn nack(self) -> Result<(), QueueError> {
        self.acker.nack().await
    }
}

/// The two channels between the api and the workers.
#[async_trait]
pub trait JobQueue: Send + Sync {
    /// Publishes a job; returns once the backend has accepted it durably (or in memory).
    async fn enqueue(&self, job: &Job) -> Result<(), QueueError>;
    /// Waits for the next job. Unacknowledged jobs are delivered again.
    async fn next_job(&self) -> Result<Delivery<Job>, QueueError>;
    /// Publishes a worker event.
    async fn report(&self, event: &WorkerEvent) -> Result<(), QueueError>;
    /// Waits for the next worker event (consumed by the api).
    async fn next_event(&self) -> Result<Delivery<WorkerEvent>, QueueError>;
    /// Checks the backend answers, for readiness probes.
    async fn ping(&self) -> Result<(), QueueError>;
    /// Whether queued messages live only in this process (so a restart loses them and the api
    /// must re-enqueue every unfinished document at start-up).
    fn is_in_process(&self) -> bool;
}

/// Opens the queue a URL names. `pubsub_endpoint` points the Pub/Sub client at an emulator.
pub async fn open(
    url: &str,
    pubsub_endpoint: Option<&str>,
) -> Result<Arc<dyn JobQueue>, QueueError> {
    if url == "memory://" || url == "memory:" {
        return Ok(Arc::new(MemoryQueue::new()));
    }
    if let Some(rest) = url.strip_prefix("pubsub://projects/") {
        let config = pubsub::PubSubConfig::parse(rest, pubsub_endpoint)
            .ok_or_else(|| QueueError::UnsupportedUrl(url.to_string()))?;
        return Ok(Arc::new(pubsub::PubSubQueue::connect(config).await?));
    }
    Err(QueueError::UnsupportedUrl(url.to_string()))
}

#[cfg(test)]
pub(crate) mod contract {
    //! The behavioural suite every `JobQueue` passes.
    use super::*;
    use std::time::Duration;

    pub fn job(n: u32) -> Job {
        Job {
            org_id: "org".into(),
            document_id: format!("doc-{n}"),
            sha256: format!("{n:064x}"),
            filename: "a.pdf".into(),
            template: None,
            original_key: "k".into(),
        }
    }

    async fn within<T>(f: impl std::future::Future<Output = T>) -> T {
        tokio::time::timeout(Duration::from_secs(60), f)
            .await
            .expect("the queue did not deliver within 60 s")
    }

    pub async fn queue_contract(queue: &dyn JobQueue) {
        queue.ping().await.unwrap();
        queue.enqueue(&job(1)).await.unwrap();
        let first = within(queue.next_job()).await.unwrap();
        assert_eq!(first.message, job(1));
        // A job that is not acknowledged comes back: delivery is at least once.
        first.nack().await.unwrap();
        let again = within(queue.next_job()).await.unwrap();
        assert_eq!(again.message, job(1));
        again.ack().await.unwrap();

        let event = WorkerEvent::Finished {
            org_id: "org".into(),
            document_id: "doc-1".into(),
            sha256: job(1).sha256,
            outcome: JobOutcome::Done {
                result_key: "r".into(),
            },
        };
        queue.report(&event).await.unwrap();
        let got = within(queue.next_event()).await.unwrap();
        assert_eq!(got.message, event);
        got.ack().await.unwrap();
    }
}

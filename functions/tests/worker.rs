//! The worker step on a real lease: extract, store, report; a redelivered job is reported
//! again without extracting twice; push deliveries go through the same step.

use base64::Engine;
use extractor::Extractor;
use extractor::ingest::ReadOptions;
use functions::blob::{self, keys};
use functions::queue::{Job, JobOutcome, JobQueue, MemoryQueue, WorkerEvent};
use functions::worker::{StepOutcome, Worker};
use sha2::Digest;
use std::sync::Arc;
use tower::ServiceExt;

const LEASE: &str = "../../shared/data/leases/DL03-post-tension-nevada-henderson-lease.pdf";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_is_extracted_once_and_reported_on_every_delivery() {
    let dir = tempfile::tempdir().unwrap();
    let blobs = blob::open(&format!("file://{}", dir.path().display())).unwrap();
    let queue: Arc<dyn JobQueue> = Arc::new(MemoryQueue::new());
    let resources = functions::resources::locate();
    let extractor = Arc::new(Extractor::new(&resources, ReadOptions::default()).unwrap());
    let worker =
        Arc::new(Worker::new(extractor, queue.clone(), blobs.clone(), "t".into()).unwrap());

    let bytes =
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(LEASE)).unwrap();
    let sha = hex::encode(sha2::Sha256::digest(&bytes));
    let original = keys::original("org", "doc");
    blobs.put(&original, bytes).await.unwrap();
    let job = Job {
        org_id: "org".into(),
        document_id: "doc".into(),
        sha256: sha.clone(),
        filename: "lease.pdf".into(),
        template: None,
        original_key: original,
    };

    queue.enqueue(&job).await.unwrap();
    let outcome = worker.try_execute_job().await.unwrap();
    assert_eq!(
        outcome,
        StepOutcome::Extracted {
            document_id: "doc".into()
        }
    );
    let result_key = keys::extraction("org", "doc", &sha);
    let stored: serde_json::Value =
        serde_json::from_slice(&blobs.get(&result_key).await.unwrap()).unwrap();
    assert_eq!(stored["document"]["id"], "doc");
    assert_eq!(stored["document"]["sha256"], sha.as_str());

    // Progress came first, then the finished event naming the stored result.
    let mut saw_progress = false;
    loop {
        let event = queue.next_event().await.unwrap();
        let message = event.message.clone();
        event.ack().await.unwrap();
        match message {
            WorkerEvent::Progress {
                pages_done,
                pages_total,
                ..
            } => {
                assert!(pages_done <= pages_total);
                saw_progress = true;
            }
            WorkerEvent::Finished { outcome, .. } => {
                assert_eq!(
                    outcome,
                    JobOutcome::Done {
                        result_key: result_key.clone()
                    }
                );
                break;
            }
        }
    }
    assert!(saw_progress);

    // The same job pushed again (a redelivery) is reported again, not re-extracted.
    let data = base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(&job).unwrap());
    let envelope =
        serde_json::json!({"message": {"data": data, "messageId": "1"}, "subscription": "s"});
    let response = functions::push::router(worker.clone())
        .oneshot(
            axum::http::Request::post("/")
                .header("content-type", "application/json")
                .body(axum::body::Body::from(envelope.to_string()))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    let event = queue.next_event().await.unwrap();
    assert!(matches!(
        event.message,
        WorkerEvent::Finished {
            outcome: JobOutcome::Done { .. },
            ..
        }
    ));

    // Content that does not match its hash is reported as a failure, not extracted.
    let tampered = Job {
        sha256: "0".repeat(64),
        ..job
    };
    let outcome = worker.handle(&tampered).await.unwrap();
    assert!(matches!(outcome, StepOutcome::Failed { .. }));
}

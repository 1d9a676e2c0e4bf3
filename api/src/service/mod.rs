//! The service's moving parts besides HTTP: applying worker events, the lease sweep, webhook
//! deliveries and the embedded workers; `Service::start` runs them and `shutdown` stops them
//! in order.

pub mod jobs;

use crate::http::AppState;
use functions::worker::Worker;
use std::time::Duration;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

/// Background tasks of one `leasegrid serve` process.
pub struct Service {
    stop_workers: CancellationToken,
    stop_others: CancellationToken,
    workers: JoinSet<()>,
    others: JoinSet<()>,
}

impl Service {
    /// Re-enqueues what a previous process left unfinished, then starts `workers` embedded
    /// workers (when the queue is in-process), the event applier, the sweep and webhooks.
    pub async fn start(state: &AppState, workers: usize) -> anyhow::Result<Self> {
        let stop_workers = CancellationToken::new();
        let stop_others = CancellationToken::new();
        let mut worker_set = JoinSet::new();
        let mut others = JoinSet::new();
        let in_process = state.queue.is_in_process();
        if in_process && workers > 0 {
            let extractor = state.extractor.clone().ok_or_else(|| {
                anyhow::anyhow!("embedded workers need the extractor (libpdfium, tesseract data)")
            })?;
            for i in 0..workers {
                let worker = Worker::new(
                    extractor.clone(),
                    state.queue.clone(),
                    state.blobs.clone(),
                    format!("extract-{i}"),
                )?;
                worker_set.spawn(worker.run(stop_workers.clone()));
            }
        }
        let requeued = jobs::sweep(state, in_process).await?;
        if requeued > 0 {
            tracing::info!(requeued, "re-enqueued unfinished documents");
        }
        others.spawn(apply_events(state.clone(), stop_others.clone()));
        others.spawn(sweep_periodically(state.clone(), stop_others.clone()));
        let webhook_client = crate::webhooks::delivery::client()
            .map_err(|e| anyhow::anyhow!("cannot set up the webhook HTTPS client: {e:#}"))?;
        others.spawn(crate::webhooks::delivery::run(
            state.repo.clone(),
            webhook_client,
            stop_others.clone(),
        ));
        Ok(Service {
            stop_workers,
            stop_others,
            workers: worker_set,
            others,
        })
    }

    /// Stops taking jobs and gives running ones `grace` to finish (their events are still
    /// applied), then stops everything. A job cut off stays `processing` and is re-enqueued by
    /// the next start-up (in-process queue) or redelivered by Pub/Sub.
    pub async fn shutdown(mut self, grace: Duration) {
        self.stop_workers.cancel();
        let drained = tokio::time::timeout(grace, async {
            while self.workers.join_next().await.is_some() {}
        })
        .await;
        if drained.is_err() {
            tracing::warn!(
                "running jobs did not finish in the grace period; they will be re-queued"
            );
            self.workers.abort_all();
        }
        // The applier gets a moment for the events the workers sent last.
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.stop_others.cancel();
        while self.others.join_next().await.is_some() {}
    }
}

/// Applies worker events until stopped. An event that fails to apply (database away) is
/// returned to the queue and retried.
async fn apply_events(state: AppState, stop: CancellationToken) {
    loop {
        let delivery = tokio::select! {
            _ = stop.cancelled() => return,
            d = state.queue.next_event() => d,
        };
        let delivery = match delivery {
            Ok(d) => d,
            Err(functions::queue::QueueError::Closed) => return,
            Err(e) => {
                tracing::warn!(error = %e, "cannot pull worker events; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        match jobs::apply_event(&state, &delivery.message).await {
            Ok(()) => {
                if let Err(e) = delivery.ack().await {
                    tracing::warn!(error = %e, "could not acknowledge a worker event");
                }
            }
            Err(e) => {
                tracing::error!(
                    error = format!("{e:#}"),
                    document_id = delivery.message.document_id(),
                    "could not apply a worker event"
                );
                let _ = delivery.nack().await;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

async fn sweep_periodically(state: AppState, stop: CancellationToken) {
    loop {
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = tokio::time::sleep(state.config.sweep_every) => {}
        }
        if let Err(e) = jobs::sweep(&state, false).await {
            tracing::warn!(error = format!("{e:#}"), "lease sweep failed");
        }
    }
}

//! Pub/Sub push mode: Pub/Sub POSTs each job to the worker's HTTP endpoint (Cloud Run style).
//! A 2xx answer acknowledges the message; any other answer makes Pub/Sub redeliver it.

use crate::queue::Job;
use crate::worker::Worker;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use base64::Engine;
use serde::Deserialize;
use std::sync::Arc;

/// The envelope Pub/Sub push subscriptions send.
#[derive(Debug, Deserialize)]
pub struct PushEnvelope {
    pub message: PushMessage,
    #[serde(default)]
    pub subscription: String,
}

#[derive(Debug, Deserialize)]
pub struct PushMessage {
    /// The job JSON, base64-encoded.
    pub data: String,
    #[serde(default, rename = "messageId")]
    pub message_id: String,
}

/// `POST /` with a push envelope; also `GET /healthz` for probes.
pub fn router(worker: Arc<Worker>) -> axum::Router {
    axum::Router::new()
        .route("/", axum::routing::post(handle_push))
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .with_state(worker)
}

async fn handle_push(
    State(worker): State<Arc<Worker>>,
    Json(envelope): Json<PushEnvelope>,
) -> (StatusCode, String) {
    let job: Job = match base64::engine::general_purpose::STANDARD
        .decode(envelope.message.data.as_bytes())
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
    {
        Some(job) => job,
        // A malformed message would fail forever: acknowledge it and say why.
        None => {
            tracing::warn!(message_id = %envelope.message.message_id, subscription = %envelope.subscription, "malformed push message dropped");
            return (StatusCode::NO_CONTENT, String::new());
        }
    };
    match worker.handle(&job).await {
        Ok(outcome) => {
            tracing::debug!(?outcome, "push job handled");
            (StatusCode::NO_CONTENT, String::new())
        }
        Err(e) => {
            tracing::warn!(error = %e, "push job failed; Pub/Sub will redeliver");
            (StatusCode::SERVICE_UNAVAILABLE, e.to_string())
        }
    }
}

//! Liveness, readiness and their probes; they need no credentials.

use super::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

/// The process is up.
#[utoipa::path(get, path = "/healthz", operation_id = "get_health", tag = "operations", responses((status = 200, description = "alive", body = Object)))]
pub async fn healthz() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

/// The database, the blob store and the queue answer, and the models are present.
#[utoipa::path(get, path = "/readyz", operation_id = "get_readiness", tag = "operations", responses(
    (status = 200, description = "ready", body = Object),
    (status = 503, description = "not ready; says which dependency is down", body = Object)))]
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let database = state.repo.ping().await.map_err(|e| e.to_string());
    let blobs = state.blobs.ping().await.map_err(|e| e.to_string());
    let queue = state.queue.ping().await.map_err(|e| e.to_string());
    let models = if state.extractor.is_some() {
        Ok(())
    } else {
        Err("the extractor is not loaded".to_string())
    };
    let mut body = serde_json::Map::new();
    let mut ready = true;
    for (name, result) in [
        ("database", database),
        ("blobs", blobs),
        ("queue", queue),
        ("models", models),
    ] {
        match result {
            Ok(()) => {
                body.insert(name.into(), json!("ok"));
            }
            Err(e) => {
                tracing::warn!(dependency = name, error = %e, "readiness check failed");
                ready = false;
                body.insert(name.into(), json!("error"));
            }
        }
    }
    body.insert(
        "status".into(),
        json!(if ready { "ready" } else { "unavailable" }),
    );
    let code = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (code, Json(Value::Object(body)))
}

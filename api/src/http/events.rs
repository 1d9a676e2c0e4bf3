//! `GET /documents/{id}/events`: Server-Sent Events with the document's state until it is done
//! or failed. Woken by in-process change notices, and polling the database as well so any api
//! replica serves progress applied by another.

use super::AppState;
use super::documents::{DocumentOut, load};
use super::error::{ApiResult, Problem};
use crate::auth::Auth;
use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use futures::Stream;
use std::convert::Infallible;
use std::time::Duration;

const POLL: Duration = Duration::from_secs(1);

/// Live progress of one document as SSE `progress` events (each a document JSON); the last
/// event is `done` or `failed`, then the stream ends.
#[utoipa::path(get, path = "/api/v1/documents/{id}/events", operation_id = "stream_document_events", tag = "documents",
    params(("id" = String, Path, description = "document id")),
    responses(
        (status = 200, description = "an event stream: `event` is `progress`, `done` or `failed`, `data` a document JSON", content_type = "text/event-stream", body = Object),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such document in your organization", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn events(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let first = load(&state, &auth, &id).await?;
    let org = auth.org().to_string();
    let mut changes = state.changes.subscribe();
    let stream = async_stream(move |tx| async move {
        let mut last: Option<(String, i64, Option<i64>)> = None;
        let mut doc = Some(first);
        loop {
            if let Some(d) = doc.take() {
                let key = (d.status.clone(), d.pages_done, d.pages);
                let terminal = d.status().is_terminal();
                if last.as_ref() != Some(&key) {
                    last = Some(key);
                    let name = if terminal {
                        d.status.clone()
                    } else {
                        "progress".to_string()
                    };
                    let json = serde_json::to_string(&DocumentOut::from(d)).unwrap_or_default();
                    if tx
                        .send(Event::default().event(name).data(json))
                        .await
                        .is_err()
                    {
                        return;
                    }
                }
                if terminal {
                    return;
                }
            }
            // Wait for a change notice about this document, or poll.
            let _ = tokio::time::timeout(POLL, async {
                loop {
                    match changes.recv().await {
                        Ok(changed) if changed == id => return,
                        Ok(_) => continue,
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => return,
                        Err(tokio::sync::broadcast::error::RecvError::Closed) => {
                            std::future::pending::<()>().await
                        }
                    }
                }
            })
            .await;
            match state.repo.document(&org, &id).await {
                Ok(Some(d)) => doc = Some(d),
                // Deleted, or the database is away: end the stream; the client reconnects.
                _ => return,
            }
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

/// A stream fed by a task through a small channel, so the producer reads like a loop.
fn async_stream<F, Fut>(producer: F) -> impl Stream<Item = Result<Event, Infallible>>
where
    F: FnOnce(tokio::sync::mpsc::Sender<Event>) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let (tx, rx) = tokio::sync::mpsc::channel(8);
    tokio::spawn(producer(tx));
    futures::stream::unfold(
        rx,
        |mut rx| async move { rx.recv().await.map(|e| (Ok(e), rx)) },
    )
}

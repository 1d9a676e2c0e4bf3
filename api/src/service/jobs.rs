//! The api's side of the pipeline: storing uploads, publishing jobs, applying worker events to
//! the database (idempotently), and re-enqueueing jobs whose lease ran out.

use crate::db::{DocumentRow, NewDocument, Repository};
use crate::http::AppState;
use crate::http::error::{ApiError, ApiResult};
use functions::blob::keys;
use functions::queue::{Job, JobOutcome, WorkerEvent};

/// Templates the extractor knows by name.
pub const BUILT_IN_TEMPLATES: &[&str] = &["lease", "kleister-nda"];

/// The text the worker gets for a template name: built-ins as is, saved templates as TOML.
pub async fn resolve_template(repo: &Repository, org_id: &str, name: &str) -> ApiResult<String> {
    if BUILT_IN_TEMPLATES.contains(&name) {
        return Ok(name.to_string());
    }
    match repo.template_by_name(org_id, name).await? {
        Some(t) => Ok(t.body),
        None => Err(ApiError::Unprocessable(format!(
            "unknown template {name:?}: use {} or the name of a saved template",
            BUILT_IN_TEMPLATES.join(", ")
        ))),
    }
}

/// Stores the original, then the row; returns the org's existing document for known content.
pub async fn store_upload(
    state: &AppState,
    new: &NewDocument<'_>,
    bytes: Vec<u8>,
) -> ApiResult<(DocumentRow, bool)> {
    if let Some(existing) = state.repo.document_by_sha(new.org_id, new.sha256).await? {
        return Ok((existing, false));
    }
    let id = crate::db::new_id();
    state
        .blobs
        .put(&keys::original(new.org_id, &id), bytes)
        .await?;
    let (row, created) = state.repo.insert_document(&id, new).await?;
    if !created {
        // A concurrent upload of the same bytes won the race; drop our copy.
        state
            .blobs
            .delete_prefix(&keys::document_prefix(new.org_id, &id))
            .await?;
    }
    Ok((row, created))
}

/// Publishes the document's job and starts its lease. A failure is logged, not returned: the
/// sweep re-enqueues the document when the lease runs out.
pub async fn enqueue(state: &AppState, doc: &DocumentRow) {
    if let Err(e) = try_enqueue(state, doc).await {
        tracing::error!(document_id = %doc.id, error = format!("{e:#}"), "could not enqueue; the sweep will retry");
    }
}

async fn try_enqueue(state: &AppState, doc: &DocumentRow) -> anyhow::Result<()> {
    let template = match &doc.template {
        Some(name) => Some(
            resolve_template(&state.repo, &doc.org_id, name)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?,
        ),
        None => None,
    };
    let job = Job {
        org_id: doc.org_id.clone(),
        document_id: doc.id.clone(),
        sha256: doc.sha256.clone(),
        filename: doc.filename.clone(),
        template,
        original_key: keys::original(&doc.org_id, &doc.id),
    };
    state
        .repo
        .job_enqueued(&doc.org_id, &doc.id, state.config.job_lease)
        .await?;
    state.queue.enqueue(&job).await?;
    state.metrics.jobs_enqueued.inc();
    Ok(())
}

/// Applies one worker event. Safe to repeat: progress only moves forward and a document is
/// finished once.
pub async fn apply_event(state: &AppState, event: &WorkerEvent) -> anyhow::Result<()> {
    match event {
        WorkerEvent::Progress {
            org_id,
            document_id,
            sha256,
            pages_done,
            pages_total,
        } => {
            let changed = state
                .repo
                .record_progress(org_id, document_id, sha256, *pages_done as i64, *pages_total as i64)
                .await?;
            if changed {
                state.repo.extend_lease(document_id, state.config.job_lease).await?;
                let _ = state.changes.send(document_id.clone());
            }
        }
        WorkerEvent::Finished {
            org_id,
            document_id,
            sha256,
            outcome,
        } => {
            let applied = match outcome {
                JobOutcome::Done { result_key } => {
                    let body = match state.blobs.get(result_key).await {
                        Ok(b) => b,
                        // The document was deleted while it was extracted.
                        Err(functions::blob::BlobError::NotFound(_)) => return Ok(()),
                        Err(e) => return Err(e.into()),
                    };
                    let extraction: extractor::schema::Extraction = serde_json::from_slice(&body)?;
                    let kind = serde_json::to_value(extraction.kind)?
                        .as_str()
                        .unwrap_or("unknown")
                        .to_string();
                    let pages = extraction.document.pages.len() as i64;
                    let json = String::from_utf8(body)?;
                    state
                        .repo
                        .finish_document(org_id, document_id, sha256, &kind, pages, &json)
                        .await?
                }
                JobOutcome::Failed { message, .. } => {
                    state
                        .repo
                        .fail_document(org_id, document_id, sha256, message)
                        .await?
                }
            };
            if applied {
                let status = match outcome {
                    JobOutcome::Done { .. } => "done",
                    JobOutcome::Failed { .. } => "failed",
                };
                state.metrics.documents_finished(status);
                let _ = state.changes.send(document_id.clone());
                if let Some(doc) = state.repo.document(org_id, document_id).await? {
                    let body = serde_json::to_string(&serde_json::json!({
                        "event": format!("document.{status}"),
                        "document": crate::http::documents::DocumentOut::from(doc),
                    }))?;
                    state
                        .repo
                        .enqueue_deliveries(org_id, &format!("document.{status}"), &body)
                        .await?;
                }
            }
        }
    }
    Ok(())
}

/// Re-enqueues unfinished documents: all of them when `everything` (at start-up with an
/// in-process queue, whose messages died with the last process), else those past their lease.
pub async fn sweep(state: &AppState, everything: bool) -> anyhow::Result<usize> {
    let ids: Vec<(String, String)> = if everything {
        state
            .repo
            .unfinished_documents()
            .await?
            .into_iter()
            .map(|d| (d.org_id, d.id))
            .collect()
    } else {
        state
            .repo
            .expired_jobs()
            .await?
            .into_iter()
            .map(|j| (j.org_id, j.document_id))
            .collect()
    };
    let mut n = 0;
    for (org_id, id) in ids {
        if let Some(doc) = state.repo.document(&org_id, &id).await? {
            tracing::info!(document_id = %id, "re-enqueueing an unfinished job");
            enqueue(state, &doc).await;
            n += 1;
        }
    }
    Ok(n)
}

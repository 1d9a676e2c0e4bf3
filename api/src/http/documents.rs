//! Documents: upload (stored before the answer, deduplicated by content), list, get, delete.

use super::AppState;
use super::error::{ApiError, ApiResult, Problem};
use crate::auth::Auth;
use crate::db::{DocumentFilter, DocumentRow, DocumentSort, NewDocument};
use crate::domain::{DocumentStatus, Role};
use axum::Json;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use base64::Engine;
use extractor::ExtractError;
use functions::blob::keys;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::{IntoParams, ToSchema};

/// A document and where it is in the pipeline.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "0193a1f0-7c1e-7d33-9a51-6f2f0e9b1c2d", "status": "processing", "filename": "lease.pdf",
    "media_type": "application/pdf", "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "size": 181234,
    "kind": null, "pages": 45, "pages_done": 12, "created_at": "2026-11-26T16:00:00.000000Z", "error": null}))]
pub struct DocumentOut {
    pub id: String,
    pub status: DocumentStatus,
    pub filename: String,
    pub media_type: String,
    pub sha256: String,
    pub size: i64,
    /// `lease`, `amendment`, `rent_roll`, `custom` or `unknown` once extracted.
    pub kind: Option<String>,
    /// Page count, known once reading started.
    pub pages: Option<i64>,
    pub pages_done: i64,
    /// The template the upload asked for, if any.
    pub template: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// Why extraction failed, for `failed` documents.
    pub error: Option<String>,
}

impl From<DocumentRow> for DocumentOut {
    fn from(r: DocumentRow) -> Self {
        DocumentOut {
            status: r.status(),
            id: r.id,
            filename: r.filename,
            media_type: r.media_type,
            sha256: r.sha256,
            size: r.size,
            kind: r.kind,
            pages: r.pages,
            pages_done: r.pages_done,
            template: r.template,
            created_at: r.created_at,
            updated_at: r.updated_at,
            error: r.error,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentList {
    pub items: Vec<DocumentOut>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// The multipart upload form.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    /// The document (PDF, PNG, JPEG, TIFF, DOCX, XLSX, XLS or CSV).
    #[schema(format = Binary, content_media_type = "application/octet-stream")]
    file: String,
    /// A built-in template (`lease`, `kleister-nda`) or the name of a saved template.
    template: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only documents in this status.
    status: Option<DocumentStatus>,
    /// Only documents of this kind (`lease`, `rent_roll`, ...).
    kind: Option<String>,
    /// Case-insensitive part of the filename.
    q: Option<String>,
    /// `created_at`, `-created_at` (default), `filename` or `-filename`.
    #[param(pattern = "^-?(created_at|filename)$")]
    sort: Option<String>,
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// `next_cursor` of the previous page.
    cursor: Option<String>,
}

/// Upload a document for extraction.
///
/// The original is stored before the answer. Uploading identical bytes again in the same
/// organization returns the existing document (200) instead of a new one (202).
#[utoipa::path(post, path = "/api/v1/documents", operation_id = "upload_document", tag = "documents",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 202, description = "stored and queued", body = DocumentOut),
        (status = 200, description = "the same bytes were uploaded before", body = DocumentOut),
        (status = 400, description = "no file, or an empty one", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "over LEASEGRID_MAX_UPLOAD_BYTES", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "not a supported type; names the detected type", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "unknown template, or a damaged container (an unreadable ZIP or OLE file)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn upload(
    State(state): State<AppState>,
    auth: Auth,
    mut multipart: Multipart,
) -> ApiResult<(StatusCode, Json<DocumentOut>)> {
    auth.require(Role::Analyst)?;
    let limit = state.config.max_upload_bytes;
    let too_large = || {
        ApiError::PayloadTooLarge(format!(
            "the upload is larger than the limit of {limit} bytes ({} MiB; LEASEGRID_MAX_UPLOAD_BYTES)",
            limit / (1024 * 1024)
        ))
    };
    let multipart_error = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            ApiError::BadRequest(format!("malformed multipart body: {}", e.body_text()))
        }
    };
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut template: Option<String> = None;
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("file") => {
                let name = field.file_name().unwrap_or("upload").to_string();
                let bytes = field.bytes().await.map_err(multipart_error)?;
                file = Some((name, bytes.to_vec()));
            }
            Some("template") => {
                let t = field.text().await.map_err(multipart_error)?;
                template = Some(t.trim().to_string()).filter(|t| !t.is_empty());
            }
            _ => {}
        }
    }
    let (filename, bytes) =
        file.ok_or_else(|| ApiError::BadRequest("the form has no `file` field".into()))?;
    if bytes.is_empty() {
        return Err(ApiError::BadRequest("the file is empty".into()));
    }
    if bytes.len() > limit {
        return Err(too_large());
    }
    // The extractor's own sniffing, so an upload is refused here exactly when reading would refuse it.
    let kind = extractor::ingest::sniff(&bytes).map_err(|e| match e {
        ExtractError::Unsupported { .. } => ApiError::UnsupportedMediaType(e.to_string()),
        ExtractError::Empty => ApiError::BadRequest(e.to_string()),
        _ => ApiError::Unprocessable(e.to_string()),
    })?;
    if let Some(t) = &template {
        crate::service::jobs::resolve_template(&state.repo, auth.org(), t).await?;
    }
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let filename = sanitize_filename(&filename);
    let new = NewDocument {
        org_id: auth.org(),
        filename: &filename,
        media_type: kind.media_type(),
        sha256: &sha256,
        size: bytes.len() as i64,
        template: template.as_deref(),
        created_by: &auth.0.actor,
    };
    let (row, created) = crate::service::jobs::store_upload(&state, &new, bytes).await?;
    if created {
        state.metrics.uploads.inc();
        crate::service::jobs::enqueue(&state, &row).await;
        Ok((StatusCode::ACCEPTED, Json(row.into())))
    } else {
        Ok((StatusCode::OK, Json(row.into())))
    }
}

/// Keeps the last path component, without control characters, at most 255 characters.
fn sanitize_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = base.chars().filter(|c| !c.is_control()).take(255).collect();
    if clean.trim().is_empty() {
        "upload".into()
    } else {
        clean
    }
}

/// List documents, newest first by default, with filters and cursor paging.
#[utoipa::path(get, path = "/api/v1/documents", operation_id = "list_documents", tag = "documents", params(ListQuery),
    responses(
        (status = 200, description = "one page of documents", body = DocumentList),
        (status = 400, description = "bad filter, sort or cursor", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Query(q): Query<ListQuery>,
) -> ApiResult<Json<DocumentList>> {
    let sort = match q.sort.as_deref() {
        None | Some("") => DocumentSort::CreatedDesc,
        Some(s) => DocumentSort::parse(s).ok_or_else(|| {
            ApiError::BadRequest(format!(
                "unknown sort {s:?}: use created_at, -created_at, filename or -filename"
            ))
        })?,
    };
    let limit = q.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::BadRequest(
            "limit must be between 1 and 200".into(),
        ));
    }
    let after = q.cursor.as_deref().map(decode_cursor).transpose()?;
    let filter = DocumentFilter {
        status: q.status,
        kind: q.kind.filter(|k| !k.is_empty()),
        q: q.q.filter(|s| !s.is_empty()),
        sort,
        after,
        limit,
    };
    let mut rows = state.repo.list_documents(auth.org(), &filter).await?;
    let next_cursor = if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|r| encode_cursor(&sort.key_of(r), &r.id))
    } else {
        None
    };
    Ok(Json(DocumentList {
        items: rows.into_iter().map(DocumentOut::from).collect(),
        next_cursor,
    }))
}

fn encode_cursor(key: &str, id: &str) -> String {
    let json = serde_json::json!([key, id]).to_string();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
}

fn decode_cursor(cursor: &str) -> ApiResult<(String, String)> {
    let bad = || ApiError::BadRequest("malformed cursor: pass next_cursor unchanged".into());
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .map_err(|_| bad())?;
    serde_json::from_slice::<(String, String)>(&bytes).map_err(|_| bad())
}

/// One document with its status and page progress.
#[utoipa::path(get, path = "/api/v1/documents/{id}", operation_id = "get_document", tag = "documents",
    params(("id" = String, Path, description = "document id")),
    responses(
        (status = 200, description = "the document", body = DocumentOut),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such document in your organization", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn get(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<DocumentOut>> {
    Ok(Json(load(&state, &auth, &id).await?.into()))
}

/// The caller's document or 404 (another organization's document is not found, not forbidden).
pub async fn load(state: &AppState, auth: &Auth, id: &str) -> ApiResult<DocumentRow> {
    state
        .repo
        .document(auth.org(), id)
        .await?
        .ok_or_else(|| ApiError::not_found("document", id))
}

/// Delete a document with its original, page images and extractions.
#[utoipa::path(delete, path = "/api/v1/documents/{id}", operation_id = "delete_document", tag = "documents",
    params(("id" = String, Path, description = "document id")),
    responses(
        (status = 204, description = "deleted"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "needs the analyst role", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such document in your organization", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn delete(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    auth.require(Role::Analyst)?;
    load(&state, &auth, &id).await?;
    // The row goes first: a crash between the two leaves orphaned blobs, never a row without them.
    state.repo.delete_document(auth.org(), &id).await?;
    state
        .blobs
        .delete_prefix(&keys::document_prefix(auth.org(), &id))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_junk() {
        let c = encode_cursor("2026-01-01T00:00:00.000000Z", "id-1");
        assert_eq!(
            decode_cursor(&c).unwrap(),
            ("2026-01-01T00:00:00.000000Z".into(), "id-1".into())
        );
        assert!(decode_cursor("!!").is_err());
        assert!(decode_cursor("e30").is_err());
    }

    #[test]
    fn filenames_lose_paths_and_controls() {
        assert_eq!(sanitize_filename("../../etc/passwd"), "passwd");
        assert_eq!(sanitize_filename("C:\\x\\lease.pdf"), "lease.pdf");
        assert_eq!(sanitize_filename("a\u{0}b.pdf"), "ab.pdf");
        assert_eq!(sanitize_filename(""), "upload");
    }
}

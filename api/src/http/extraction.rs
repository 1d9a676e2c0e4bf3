//! A document's extraction (latest version, corrections applied, version in the ETag), field
//! corrections and approvals as events, and their history.

use super::AppState;
use super::documents::load;
use super::error::{ApiError, ApiResult, Problem};
use crate::auth::Auth;
use crate::db::{CorrectionRow, NewCorrection};
use crate::domain::{DocumentStatus, Role};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use extractor::schema::{Extraction, Field, FieldStatus};
use serde::Deserialize;
use utoipa::ToSchema;

pub fn etag(version: i64) -> String {
    format!("\"v{version}\"")
}

/// The latest extraction of a done document, parsed, with its version.
pub async fn latest(state: &AppState, auth: &Auth, id: &str) -> ApiResult<(i64, Extraction)> {
    let doc = load(state, auth, id).await?;
    if doc.status() != DocumentStatus::Done {
        return Err(ApiError::Conflict(format!(
            "document {id} is {}; its extraction exists once it is done",
            doc.status().as_str()
        )));
    }
    let (version, body) = state
        .repo
        .latest_extraction(auth.org(), id)
        .await?
        .ok_or_else(|| {
            ApiError::Internal(anyhow::anyhow!("done document {id} has no extraction"))
        })?;
    let extraction = serde_json::from_str(&body)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored extraction of {id}: {e}")))?;
    Ok((version, extraction))
}

fn with_etag(version: i64, body: Response) -> Response {
    let mut response = body;
    if let Ok(v) = HeaderValue::from_str(&etag(version)) {
        response.headers_mut().insert(header::ETAG, v);
    }
    response
}

/// The extraction in the schema's shape (`shared/schema/extraction.schema.json`) with every
/// correction applied; its version is the ETag.
#[utoipa::path(get, path = "/api/v1/documents/{id}/extraction", operation_id = "get_extraction", tag = "extraction",
    params(("id" = String, Path, description = "document id"),
           ("If-None-Match" = Option<String>, Header, description = "an ETag from an earlier answer")),
    responses(
        (status = 200, description = "the extraction; ETag carries its version", body = Object,
            headers(("ETag" = String, description = "the extraction version, e.g. \"v3\""))),
        (status = 304, description = "unchanged since the ETag sent"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such document in your organization", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "the document is not done yet", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn get(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let (status, version, body) = state
        .repo
        .extraction_for_read(auth.org(), &id)
        .await?
        .ok_or_else(|| ApiError::not_found("document", &id))?;
    let status = DocumentStatus::parse(&status).unwrap_or(DocumentStatus::Failed);
    if status != DocumentStatus::Done {
        return Err(ApiError::Conflict(format!(
            "document {id} is {}; its extraction exists once it is done",
            status.as_str()
        )));
    }
    let tag = etag(version);
    if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag))
    {
        return Ok(with_etag(version, StatusCode::NOT_MODIFIED.into_response()));
    }
    let body = body.ok_or_else(|| {
        ApiError::Internal(anyhow::anyhow!("done document {id} has no extraction"))
    })?;
    // The stored JSON is served as is: it was validated when the worker's result was applied.
    let response = ([(header::CONTENT_TYPE, "application/json")], body).into_response();
    Ok(with_etag(version, response))
}

/// A correction (new value), an approval (value confirmed) or a revert (back to the extracted
/// value, undoing earlier corrections and approvals) of one field.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "corrected", "value": "2029-06-30", "note": "per amendment 2"}))]
pub struct FieldPatch {
    /// `corrected` (needs `value`), `approved` or `extracted` (revert to the worker's value).
    pub status: PatchStatus,
    /// The new value in the schema's encoding for the field; required for `corrected`. With
    /// `approved` or `extracted` it may be sent only if it equals the value the field ends up with.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub value: Option<serde_json::Value>,
    pub note: Option<String>,
}

/// The field `status` a patch leads to (the schema's enum).
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PatchStatus {
    Extracted,
    Corrected,
    Approved,
}

/// The field called `name`: a lease or custom-template field, or a rent roll's property/date.
fn field_mut<'a>(x: &'a mut Extraction, name: &str) -> Option<&'a mut Field> {
    if let Some(f) = x.lease.as_mut().and_then(|m| m.get_mut(name)) {
        return Some(f);
    }
    if let Some(f) = x.custom.as_mut().and_then(|c| c.fields.get_mut(name)) {
        return Some(f);
    }
    let roll = x.rent_roll.as_mut()?;
    match name {
        "property" => roll.property.as_mut(),
        "as_of_date" => roll.as_of_date.as_mut(),
        _ => None,
    }
}

/// Correct, approve or revert one field. Recorded as an event (who, when, before, after, note)
/// that makes the next extraction version; send `If-Match` to refuse stale edits. Status
/// `extracted` restores the field exactly as extraction produced it (value, confidence,
/// evidence), recorded as a `revert` event; a field that is already so is answered unchanged.
#[utoipa::path(patch, path = "/api/v1/documents/{id}/fields/{name}", operation_id = "patch_field", tag = "extraction",
    params(("id" = String, Path, description = "document id"),
           ("name" = String, Path, description = "field name, e.g. `expiration_date`"),
           ("If-Match" = Option<String>, Header, description = "the ETag the edit is based on")),
    request_body = FieldPatch,
    responses(
        (status = 200, description = "the extraction after the change", body = Object,
            headers(("ETag" = String, description = "the new version"))),
        (status = 400, description = "malformed patch", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "needs the analyst role", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such document or field", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "the document is not done yet", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "the extraction changed since If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "a correction without a value, or an approval or revert with a different one", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn patch_field(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, name)): Path<(String, String)>,
    headers: HeaderMap,
    body: super::json::JsonBody<FieldPatch>,
) -> ApiResult<Response> {
    auth.require(Role::Analyst)?;
    let patch = body.0;
    let (version, mut extraction) = latest(&state, &auth, &id).await?;
    if let Some(expected) = headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok())
        && expected.trim() != "*"
        && !expected.split(',').any(|t| t.trim() == etag(version))
    {
        return Err(ApiError::PreconditionFailed(format!(
            "the extraction is at {}, not {expected}; reload and try again",
            etag(version)
        )));
    }
    let field = field_mut(&mut extraction, &name)
        .ok_or_else(|| ApiError::NotFound(format!("document {id} has no field {name:?}")))?;
    let before = serde_json::to_value(&*field).map_err(anyhow::Error::from)?;
    let action = match patch.status {
        PatchStatus::Corrected => {
            field.value = patch
                .value
                .ok_or_else(|| ApiError::Unprocessable("a correction needs a `value`".into()))?;
            field.status = FieldStatus::Corrected;
            // A value an analyst set is certain.
            field.confidence = 1.0;
            "correct"
        }
        PatchStatus::Approved => {
            if patch.value.is_some_and(|v| v != field.value) {
                return Err(ApiError::Unprocessable(
                    "an approval confirms the current value; send status `corrected` to change it"
                        .into(),
                ));
            }
            field.status = FieldStatus::Approved;
            field.confidence = 1.0;
            "approve"
        }
        PatchStatus::Extracted => {
            let original = extracted_field(&state, &auth, &id, &name).await?;
            if patch.value.is_some_and(|v| v != original.value) {
                return Err(ApiError::Unprocessable(
                    "a revert restores the extracted value; send status `corrected` to set another"
                        .into(),
                ));
            }
            if *field == original {
                // Nothing to undo: no event and no new version.
                let body = serde_json::to_string(&extraction).map_err(anyhow::Error::from)?;
                let response = ([(header::CONTENT_TYPE, "application/json")], body).into_response();
                return Ok(with_etag(version, response));
            }
            *field = original;
            "revert"
        }
    };
    let after = serde_json::to_value(&*field).map_err(anyhow::Error::from)?;
    let body = serde_json::to_string(&extraction).map_err(anyhow::Error::from)?;
    let correction = NewCorrection {
        field: &name,
        action,
        before: &before,
        after: &after,
        note: patch.note.as_deref(),
        actor: &auth.0.actor,
    };
    let new_version = state
        .repo
        .save_correction(auth.org(), &id, version, &body, &correction)
        .await?
        .ok_or_else(|| {
            ApiError::PreconditionFailed("another edit landed first; reload and try again".into())
        })?;
    let _ = state.changes.send(id.clone());
    let response = ([(header::CONTENT_TYPE, "application/json")], body).into_response();
    Ok(with_etag(new_version, response))
}

/// Field `name` as extraction produced it (version 1), before any correction.
async fn extracted_field(state: &AppState, auth: &Auth, id: &str, name: &str) -> ApiResult<Field> {
    let body = state
        .repo
        .extraction_at(auth.org(), id, 1)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("document {id} has no version 1")))?;
    let mut original: Extraction = serde_json::from_str(&body)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored extraction of {id}: {e}")))?;
    field_mut(&mut original, name)
        .cloned()
        .ok_or_else(|| ApiError::NotFound(format!("document {id} has no field {name:?}")))
}

/// The history of corrections, approvals and reverts of a document, oldest first.
#[utoipa::path(get, path = "/api/v1/documents/{id}/corrections", operation_id = "list_corrections", tag = "extraction",
    params(("id" = String, Path, description = "document id")),
    responses(
        (status = 200, description = "correction events", body = Vec<CorrectionRow>),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such document in your organization", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn corrections(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<CorrectionRow>>> {
    load(&state, &auth, &id).await?;
    Ok(Json(state.repo.corrections(auth.org(), &id).await?))
}

//! Webhook subscriptions (admin only). The signing secret is shown once, at creation.

use super::AppState;
use super::error::{ApiError, ApiResult, Problem};
use super::json::JsonBody;
use crate::auth::{Auth, secrets};
use crate::db::WebhookRow;
use crate::domain::Role;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Events a webhook can subscribe to.
pub const EVENTS: &[&str] = &["document.done", "document.failed"];

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookOut {
    pub id: String,
    pub url: String,
    pub events: Vec<String>,
    pub created_at: String,
    /// The HMAC-SHA256 signing secret; present only in the answer to the creation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

impl From<WebhookRow> for WebhookOut {
    fn from(r: WebhookRow) -> Self {
        WebhookOut {
            id: r.id,
            url: r.url,
            events: r.events.split(',').map(str::to_string).collect(),
            created_at: r.created_at,
            secret: None,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"url": "https://underwriting.example.com/hooks/leasegrid", "events": ["document.done"]}))]
pub struct WebhookIn {
    /// Where deliveries are POSTed.
    pub url: String,
    /// `document.done` and/or `document.failed`; all when omitted.
    pub events: Option<Vec<String>>,
}

/// Subscribe a URL to document events.
#[utoipa::path(post, path = "/api/v1/webhooks", operation_id = "create_webhook", tag = "webhooks", request_body = WebhookIn,
    responses(
        (status = 201, description = "subscribed; the answer carries the signing secret once", body = WebhookOut),
        (status = 400, description = "malformed JSON or not `application/json`", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "needs the admin role", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "bad URL or event name", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    body: JsonBody<WebhookIn>,
) -> ApiResult<(StatusCode, Json<WebhookOut>)> {
    auth.require(Role::Admin)?;
    let w = body.0;
    let url = reqwest::Url::parse(&w.url)
        .map_err(|e| ApiError::Unprocessable(format!("the webhook URL is not valid: {e}")))?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(ApiError::Unprocessable(
            "a webhook URL is http:// or https://".into(),
        ));
    }
    let events = w
        .events
        .unwrap_or_else(|| EVENTS.iter().map(|e| e.to_string()).collect());
    if events.is_empty() {
        return Err(ApiError::Unprocessable(
            "subscribe to at least one event".into(),
        ));
    }
    if let Some(bad) = events.iter().find(|e| !EVENTS.contains(&e.as_str())) {
        return Err(ApiError::Unprocessable(format!(
            "unknown event {bad:?}: use {}",
            EVENTS.join(", ")
        )));
    }
    let secret = format!("whsec_{}", secrets::random_token(24));
    let row = state
        .repo
        .create_webhook(auth.org(), url.as_str(), &secret, &events.join(","))
        .await?;
    let mut out = WebhookOut::from(row);
    out.secret = Some(secret);
    Ok((StatusCode::CREATED, Json(out)))
}

/// The organization's webhooks.
#[utoipa::path(get, path = "/api/v1/webhooks", operation_id = "list_webhooks", tag = "webhooks",
    responses(
        (status = 200, description = "webhooks", body = Vec<WebhookOut>),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "needs the admin role", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn list(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<WebhookOut>>> {
    auth.require(Role::Admin)?;
    let rows = state.repo.webhooks(auth.org()).await?;
    Ok(Json(rows.into_iter().map(Into::into).collect()))
}

/// Unsubscribe.
#[utoipa::path(delete, path = "/api/v1/webhooks/{id}", operation_id = "delete_webhook", tag = "webhooks",
    params(("id" = String, Path, description = "webhook id")),
    responses(
        (status = 204, description = "deleted"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "needs the admin role", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such webhook", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn delete(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    auth.require(Role::Admin)?;
    if state.repo.delete_webhook(auth.org(), &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found("webhook", &id))
    }
}

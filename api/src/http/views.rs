//! Saved views of the documents table (columns, sorting, filters) kept on the server per
//! organization; the state is the web app's JSON, stored as given.

use super::AppState;
use super::error::{ApiError, ApiResult, Problem};
use super::json::JsonBody;
use crate::auth::Auth;
use crate::db::ViewRow;
use crate::domain::Role;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct ViewOut {
    pub id: String,
    pub name: String,
    #[schema(value_type = Object)]
    pub state: serde_json::Value,
    pub created_at: String,
    pub updated_at: String,
}

impl TryFrom<ViewRow> for ViewOut {
    type Error = ApiError;

    fn try_from(r: ViewRow) -> ApiResult<Self> {
        Ok(ViewOut {
            state: serde_json::from_str(&r.state).map_err(anyhow::Error::from)?,
            id: r.id,
            name: r.name,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Expiring soon", "state": {"sort": "-expiration_date", "filters": {"status": "done"}}}))]
pub struct ViewIn {
    pub name: String,
    #[schema(value_type = Object)]
    pub state: serde_json::Value,
}

impl ViewIn {
    fn validate(&self) -> ApiResult<String> {
        let name = self.name.trim();
        if name.is_empty() || name.len() > 100 {
            return Err(ApiError::Unprocessable(
                "a view name has 1 to 100 characters".into(),
            ));
        }
        if !self.state.is_object() {
            return Err(ApiError::Unprocessable(
                "a view's state is a JSON object".into(),
            ));
        }
        Ok(self.state.to_string())
    }
}

/// Save a view.
#[utoipa::path(post, path = "/api/v1/views", operation_id = "create_view", tag = "views", request_body = ViewIn,
    responses(
        (status = 201, description = "saved", body = ViewOut),
        (status = 400, description = "malformed JSON or not `application/json`", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "the name is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "invalid name or state", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    body: JsonBody<ViewIn>,
) -> ApiResult<(StatusCode, Json<ViewOut>)> {
    auth.require(Role::Viewer)?;
    let v = body.0;
    let json = v.validate()?;
    let row = state
        .repo
        .create_view(auth.org(), v.name.trim(), &json)
        .await?;
    Ok((StatusCode::CREATED, Json(row.try_into()?)))
}

/// The organization's saved views.
#[utoipa::path(get, path = "/api/v1/views", operation_id = "list_views", tag = "views",
    responses(
        (status = 200, description = "views by name", body = Vec<ViewOut>),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn list(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<ViewOut>>> {
    let rows = state.repo.views(auth.org()).await?;
    Ok(Json(
        rows.into_iter()
            .map(ViewOut::try_from)
            .collect::<ApiResult<_>>()?,
    ))
}

/// One view.
#[utoipa::path(get, path = "/api/v1/views/{id}", operation_id = "get_view", tag = "views",
    params(("id" = String, Path, description = "view id")),
    responses(
        (status = 200, description = "the view", body = ViewOut),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such view", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn get(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<ViewOut>> {
    let row = state.repo.view(auth.org(), &id).await?;
    Ok(Json(
        row.ok_or_else(|| ApiError::not_found("view", &id))?
            .try_into()?,
    ))
}

/// Replace a view.
#[utoipa::path(put, path = "/api/v1/views/{id}", operation_id = "update_view", tag = "views",
    params(("id" = String, Path, description = "view id")), request_body = ViewIn,
    responses(
        (status = 200, description = "replaced", body = ViewOut),
        (status = 400, description = "malformed JSON or not `application/json`", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such view", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "the name is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "invalid name or state", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    body: JsonBody<ViewIn>,
) -> ApiResult<Json<ViewOut>> {
    let v = body.0;
    let json = v.validate()?;
    let row = state
        .repo
        .update_view(auth.org(), &id, v.name.trim(), &json)
        .await?;
    Ok(Json(
        row.ok_or_else(|| ApiError::not_found("view", &id))?
            .try_into()?,
    ))
}

/// Delete a view.
#[utoipa::path(delete, path = "/api/v1/views/{id}", operation_id = "delete_view", tag = "views",
    params(("id" = String, Path, description = "view id")),
    responses(
        (status = 204, description = "deleted"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such view", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn delete(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    if state.repo.delete_view(auth.org(), &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found("view", &id))
    }
}

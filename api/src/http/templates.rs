//! Extraction templates an organization saves (TOML field definitions), used by name at upload.

use super::AppState;
use super::error::{ApiError, ApiResult, Problem};
use super::json::JsonBody;
use crate::auth::Auth;
use crate::db::TemplateRow;
use crate::domain::Role;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct TemplateOut {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// The template as TOML.
    pub body: String,
    pub created_at: String,
    pub updated_at: String,
}

impl From<TemplateRow> for TemplateOut {
    fn from(r: TemplateRow) -> Self {
        TemplateOut {
            id: r.id,
            name: r.name,
            description: r.description,
            body: r.body,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "ground-lease", "description": "Solar ground leases", "body": "[[fields]]\nname = \"option_term\"\ntype = \"duration\"\ndescription = \"Length of the option period\"\n"}))]
pub struct TemplateIn {
    pub name: String,
    pub description: Option<String>,
    pub body: String,
}

impl TemplateIn {
    fn validate(&self) -> ApiResult<()> {
        let name = self.name.trim();
        if name.is_empty() || name.len() > 100 {
            return Err(ApiError::Unprocessable(
                "a template name has 1 to 100 characters".into(),
            ));
        }
        if crate::service::jobs::BUILT_IN_TEMPLATES.contains(&name) {
            return Err(ApiError::Unprocessable(format!(
                "{name:?} is a built-in template name"
            )));
        }
        toml::from_str::<toml::Table>(&self.body)
            .map_err(|e| ApiError::Unprocessable(format!("the template is not valid TOML: {e}")))?;
        Ok(())
    }
}

/// Save a template.
#[utoipa::path(post, path = "/api/v1/templates", operation_id = "create_template", tag = "templates", request_body = TemplateIn,
    responses(
        (status = 201, description = "saved", body = TemplateOut),
        (status = 400, description = "malformed JSON or not `application/json`", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "needs the analyst role", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "the name is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "invalid name or TOML", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    body: JsonBody<TemplateIn>,
) -> ApiResult<(StatusCode, Json<TemplateOut>)> {
    auth.require(Role::Analyst)?;
    let t = body.0;
    t.validate()?;
    let row = state
        .repo
        .create_template(auth.org(), t.name.trim(), t.description.as_deref(), &t.body)
        .await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

/// The organization's templates.
#[utoipa::path(get, path = "/api/v1/templates", operation_id = "list_templates", tag = "templates",
    responses(
        (status = 200, description = "templates by name", body = Vec<TemplateOut>),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn list(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<TemplateOut>>> {
    let rows = state.repo.templates(auth.org()).await?;
    Ok(Json(rows.into_iter().map(Into::into).collect()))
}

/// One template.
#[utoipa::path(get, path = "/api/v1/templates/{id}", operation_id = "get_template", tag = "templates",
    params(("id" = String, Path, description = "template id")),
    responses(
        (status = 200, description = "the template", body = TemplateOut),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such template", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn get(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<TemplateOut>> {
    let row = state.repo.template(auth.org(), &id).await?;
    row.map(|r| Json(r.into()))
        .ok_or_else(|| ApiError::not_found("template", &id))
}

/// Replace a template.
#[utoipa::path(put, path = "/api/v1/templates/{id}", operation_id = "update_template", tag = "templates",
    params(("id" = String, Path, description = "template id")), request_body = TemplateIn,
    responses(
        (status = 200, description = "replaced", body = TemplateOut),
        (status = 400, description = "malformed JSON or not `application/json`", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "needs the analyst role", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such template", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "the name is taken", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "invalid name or TOML", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    body: JsonBody<TemplateIn>,
) -> ApiResult<Json<TemplateOut>> {
    auth.require(Role::Analyst)?;
    let t = body.0;
    t.validate()?;
    let row = state
        .repo
        .update_template(
            auth.org(),
            &id,
            t.name.trim(),
            t.description.as_deref(),
            &t.body,
        )
        .await?;
    row.map(|r| Json(r.into()))
        .ok_or_else(|| ApiError::not_found("template", &id))
}

/// Delete a template.
#[utoipa::path(delete, path = "/api/v1/templates/{id}", operation_id = "delete_template", tag = "templates",
    params(("id" = String, Path, description = "template id")),
    responses(
        (status = 204, description = "deleted"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "needs the analyst role", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such template", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn delete(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    auth.require(Role::Analyst)?;
    if state.repo.delete_template(auth.org(), &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found("template", &id))
    }
}

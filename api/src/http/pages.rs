//! `GET /documents/{id}/pages/{n}.png`: a page rendered once by the extractor (on a blocking
//! thread) and cached in the blob store.

use super::AppState;
use super::documents::load;
use super::error::{ApiError, ApiResult, Problem};
use crate::auth::Auth;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use functions::blob::{BlobError, keys};

/// Preview resolution: sharp enough to read, small enough to send quickly.
const DPI: f32 = 110.0;

/// A page (1-based) of the original as PNG, e.g. `/pages/1.png`.
#[utoipa::path(get, path = "/api/v1/documents/{id}/pages/{page}", operation_id = "get_page_image", tag = "documents",
    params(("id" = String, Path, description = "document id"),
           ("page" = String, Path, description = "`N.png`, N the 1-based page number", example = "1.png", pattern = "^[1-9][0-9]{0,5}\\.png$")),
    responses(
        (status = 200, description = "the rendered page", content_type = "image/png", body = Vec<u8>),
        (status = 400, description = "not `N.png`", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such document or page", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn page_png(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, page)): Path<(String, String)>,
) -> ApiResult<Response> {
    let n: usize = page
        .strip_suffix(".png")
        .and_then(|n| n.parse().ok())
        .filter(|n| *n >= 1)
        .ok_or_else(|| {
            ApiError::BadRequest(format!("{page:?} is not a page: use N.png with N from 1"))
        })?;
    let doc = load(&state, &auth, &id).await?;
    if let Some(pages) = doc.pages
        && n as i64 > pages
    {
        return Err(ApiError::NotFound(format!(
            "document {id} has {pages} pages"
        )));
    }
    let key = keys::page_png(auth.org(), &id, n);
    let png = match state.blobs.get(&key).await {
        Ok(png) => png,
        Err(BlobError::NotFound(_)) => {
            let original = state.blobs.get(&keys::original(auth.org(), &id)).await?;
            let extractor = state.extractor.clone().ok_or_else(|| {
                ApiError::Unavailable("page rendering is not available on this server".into())
            })?;
            let rendered =
                tokio::task::spawn_blocking(move || extractor.render_page_png(&original, n, DPI))
                    .await
                    .map_err(anyhow::Error::from)?;
            let png = rendered.map_err(|e| {
                if e.is_input_error() {
                    ApiError::NotFound(format!("page {n} of document {id} cannot be rendered: {e}"))
                } else {
                    ApiError::Internal(e.into())
                }
            })?;
            state.blobs.put(&key, png.clone()).await?;
            png
        }
        Err(e) => return Err(e.into()),
    };
    Ok((
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, "private, max-age=86400, immutable"),
        ],
        png,
    )
        .into_response())
}

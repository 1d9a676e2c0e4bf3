//! Export downloads: a document's workbook and PDF abstract, and the portfolio workbook, all from
//! the latest extraction versions, so corrections are reflected.

use super::AppState;
use super::error::{ApiError, ApiResult, Problem};
use crate::auth::Auth;
use crate::export::{self, ExportOptions};
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// Resolution of the page thumbnails in PDF abstracts.
const THUMBNAIL_DPI: f32 = 60.0;

fn attachment(content_type: &'static str, filename: &str, bytes: Vec<u8>) -> Response {
    let safe: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut response = ([(header::CONTENT_TYPE, content_type)], bytes).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{safe}\"")) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

fn stem(filename: &str) -> &str {
    filename
        .rsplit_once('.')
        .map(|(s, _)| s)
        .unwrap_or(filename)
}

fn options(id: Option<&str>) -> ExportOptions {
    ExportOptions {
        document_id: id.map(str::to_string),
        ..ExportOptions::default()
    }
}

/// Runs an export on a blocking thread (workbooks and PDFs take CPU time).
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
) -> ApiResult<T> {
    Ok(tokio::task::spawn_blocking(f)
        .await
        .map_err(anyhow::Error::from)??)
}

/// The document's Excel workbook (abstract with evidence, rent schedule, critical dates or rent roll).
#[utoipa::path(get, path = "/api/v1/documents/{id}/export.xlsx", operation_id = "export_document_xlsx", tag = "exports",
    params(("id" = String, Path, description = "document id")),
    responses(
        (status = 200, description = "the workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such document in your organization", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "the document is not done yet", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn document_xlsx(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let (_, extraction) = super::extraction::latest(&state, &auth, &id).await?;
    let name = format!("{}.xlsx", stem(&extraction.document.filename));
    let opts = options(Some(&id));
    let bytes = blocking(move || export::document_workbook(&extraction, &opts)).await?;
    Ok(attachment(XLSX, &name, bytes))
}

/// The document's PDF abstract with citations.
#[utoipa::path(get, path = "/api/v1/documents/{id}/export.pdf", operation_id = "export_document_pdf", tag = "exports",
    params(("id" = String, Path, description = "document id")),
    responses(
        (status = 200, description = "the PDF abstract", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "no such document in your organization", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "the document is not done yet", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn document_pdf(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let (_, extraction) = super::extraction::latest(&state, &auth, &id).await?;
    let original = state
        .blobs
        .get(&functions::blob::keys::original(auth.org(), &id))
        .await?;
    let name = format!("{}-abstract.pdf", stem(&extraction.document.filename));
    let opts = options(Some(&id));
    let extractor = state.extractor.clone();
    let bytes = blocking(move || {
        let pages = |n: usize| {
            extractor
                .as_ref()
                .and_then(|x| x.render_page_png(&original, n, THUMBNAIL_DPI).ok())
        };
        export::pdf_abstract(&extraction, &pages, &opts)
    })
    .await?;
    Ok(attachment("application/pdf", &name, bytes))
}

/// The portfolio workbook: every done document of the organization.
#[utoipa::path(get, path = "/api/v1/exports/portfolio.xlsx", operation_id = "export_portfolio_xlsx", tag = "exports",
    responses(
        (status = 200, description = "the portfolio workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "no credentials", body = Problem, content_type = "application/problem+json"),
    ),
    security(("api_key" = []), ("session" = [])))]
pub async fn portfolio_xlsx(State(state): State<AppState>, auth: Auth) -> ApiResult<Response> {
    let mut extractions = vec![];
    for id in state.repo.done_document_ids(auth.org()).await? {
        match super::extraction::latest(&state, &auth, &id).await {
            Ok((_, x)) => extractions.push(x),
            // Deleted between the two reads.
            Err(ApiError::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
    }
    let opts = options(None);
    let bytes = blocking(move || export::portfolio_workbook(&extractions, &opts)).await?;
    Ok(attachment(XLSX, "portfolio.xlsx", bytes))
}

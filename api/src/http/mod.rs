//! The HTTP surface: `app(state)` builds the whole router, so tests drive it with `oneshot` or
//! on a real port alike. Every route is documented in the OpenAPI document served at
//! `/api/v1/openapi.json` (Swagger UI at `/docs`, bundled, works offline).

use crate::config::ServiceConfig;
use crate::db::Repository;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, patch, post};
use extractor::Extractor;
use functions::blob::BlobStore;
use functions::queue::JobQueue;
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::services::{ServeDir, ServeFile};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_swagger_ui::SwaggerUi;

pub mod documents;
pub mod error;
pub mod events;
pub mod exports;
pub mod extraction;
mod health;
pub mod json;
pub mod metrics;
pub mod pages;
pub mod session;
pub mod templates;
pub mod views;
pub mod webhooks;

/// Everything a handler may need; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub repo: Repository,
    pub blobs: Arc<dyn BlobStore>,
    pub queue: Arc<dyn JobQueue>,
    /// Renders page previews; `None` where the native components are missing.
    pub extractor: Option<Arc<Extractor>>,
    pub config: Arc<ServiceConfig>,
    pub metrics: Arc<metrics::Metrics>,
    /// Ids of documents whose state changed, for SSE subscribers in this process.
    pub changes: tokio::sync::broadcast::Sender<String>,
    pub frontend_dir: PathBuf,
}

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API key from `leasegrid org create`, as `Authorization: Bearer lg_...`."))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::SESSION_COOKIE,
                "The web session from `POST /api/v1/auth/login`. Writes must echo the `leasegrid_csrf` cookie in an `X-CSRF-Token` header.",
            ))),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Leasegrid API",
        description = "Lease and rent-roll abstraction with evidence. Errors are RFC 9457 problem JSON. \
            Authenticate with `Authorization: Bearer <api key>` or the web session cookie (writes then need \
            the `X-CSRF-Token` header echoing the `leasegrid_csrf` cookie)."
    ),
    paths(
        health::healthz, health::readyz, metrics::metrics,
        session::login, session::logout, session::me,
        documents::upload, documents::list, documents::get, documents::delete,
        extraction::get, extraction::patch_field, extraction::corrections,
        events::events, pages::page_png,
        exports::document_xlsx, exports::document_pdf, exports::portfolio_xlsx,
        templates::create, templates::list, templates::get, templates::update, templates::delete,
        views::create, views::list, views::get, views::update, views::delete,
        webhooks::create, webhooks::list, webhooks::delete,
    ),
    components(schemas(error::Problem)),
    modifiers(&Security),
)]
pub struct ApiDoc;

/// The API routes (under `/api/v1`), all requiring credentials.
fn api_routes(state: &AppState) -> Router<AppState> {
    let upload_limit =
        DefaultBodyLimit::max(state.config.max_upload_bytes.saturating_add(64 * 1024));
    Router::new()
        .route("/auth/login", post(session::login))
        .route("/auth/logout", post(session::logout))
        .route("/auth/me", get(session::me))
        .route(
            "/documents",
            post(documents::upload)
                .layer(upload_limit)
                .get(documents::list),
        )
        .route(
            "/documents/{id}",
            get(documents::get).delete(documents::delete),
        )
        .route("/documents/{id}/extraction", get(extraction::get))
        .route(
            "/documents/{id}/fields/{name}",
            patch(extraction::patch_field),
        )
        .route("/documents/{id}/corrections", get(extraction::corrections))
        .route("/documents/{id}/events", get(events::events))
        .route("/documents/{id}/pages/{page}", get(pages::page_png))
        .route("/documents/{id}/export.xlsx", get(exports::document_xlsx))
        .route("/documents/{id}/export.pdf", get(exports::document_pdf))
        .route("/exports/portfolio.xlsx", get(exports::portfolio_xlsx))
        .route("/templates", post(templates::create).get(templates::list))
        .route(
            "/templates/{id}",
            get(templates::get)
                .put(templates::update)
                .delete(templates::delete),
        )
        .route("/views", post(views::create).get(views::list))
        .route(
            "/views/{id}",
            get(views::get).put(views::update).delete(views::delete),
        )
        .route("/webhooks", post(webhooks::create).get(webhooks::list))
        .route("/webhooks/{id}", axum::routing::delete(webhooks::delete))
        .fallback(|| async { error::ApiError::NotFound("no such API route".into()) })
}

pub fn app(state: AppState) -> Router {
    let index = state.frontend_dir.join("index.html");
    let spa = ServeDir::new(&state.frontend_dir).fallback(ServeFile::new(index));
    let timeout = state.config.request_timeout;
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::metrics))
        .nest("/api/v1", api_routes(&state))
        .merge(SwaggerUi::new("/docs").url("/api/v1/openapi.json", ApiDoc::openapi()))
        .fallback_service(spa)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(axum::middleware::from_fn(problem_for_bare_errors))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::GATEWAY_TIMEOUT,
            timeout,
        ))
        .with_state(state)
}

/// Turns error responses that axum or tower produced without a body (405, 408, 413, 504...)
/// into problem JSON, so every 4xx/5xx has the same shape; a 413 also closes its connection.
async fn problem_for_bare_errors(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let mut response = next.run(request).await;
    let status = response.status();
    if status == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        // The rest of the refused body is never read, so this connection cannot carry another
        // request: say so, or a client may reuse it and see its next request cut off.
        response.headers_mut().insert(
            axum::http::header::CONNECTION,
            axum::http::HeaderValue::from_static("close"),
        );
    }
    let is_problem = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return response;
    }
    let detail = match status {
        axum::http::StatusCode::METHOD_NOT_ALLOWED => {
            "this route does not accept that method".to_string()
        }
        axum::http::StatusCode::GATEWAY_TIMEOUT => {
            "the request took longer than the server's limit (LEASEGRID_REQUEST_TIMEOUT_SECS)"
                .to_string()
        }
        axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
            "the request body is over the limit (LEASEGRID_MAX_UPLOAD_BYTES)".to_string()
        }
        s => s.canonical_reason().unwrap_or("error").to_lowercase(),
    };
    let mut problem = error::problem(status, detail);
    for (k, v) in response.headers() {
        if k != axum::http::header::CONTENT_TYPE && k != axum::http::header::CONTENT_LENGTH {
            problem.headers_mut().insert(k.clone(), v.clone());
        }
    }
    problem
}

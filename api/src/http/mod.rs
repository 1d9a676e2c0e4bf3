//! The HTTP surface: `app(state)` builds the whole router, so tests drive it with `oneshot` or
//! on a real port alike.

use axum::Router;
use axum::routing::get;
use std::path::PathBuf;
use tower_http::services::{ServeDir, ServeFile};
use utoipa::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

mod health;

#[derive(Clone)]
pub struct AppState {
    pub pool: sqlx::AnyPool,
    pub frontend_dir: PathBuf,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Leasegrid API",
        description = "Lease and rent-roll abstraction with evidence."
    ),
    paths(health::healthz, health::readyz)
)]
pub struct ApiDoc;

pub fn app(state: AppState) -> Router {
    let index = state.frontend_dir.join("index.html");
    let spa = ServeDir::new(&state.frontend_dir).fallback(ServeFile::new(index));
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .merge(SwaggerUi::new("/docs").url("/api/v1/openapi.json", ApiDoc::openapi()))
        .fallback_service(spa)
        .with_state(state)
}

//! Assembles a running server from configuration: the repository, blob store, queue and
//! extractor behind `AppState`, the background `Service`, and axum with graceful shutdown.
//! `leasegrid serve` and the integration tests start servers the same way.

use crate::config::{ServiceConfig, StorageConfig};
use crate::db::Repository;
use crate::http::{AppState, app, metrics::Metrics};
use crate::service::Service;
use extractor::Extractor;
use extractor::ingest::ReadOptions;
use std::path::PathBuf;
use std::sync::Arc;

/// Opens every seam the URLs name. `extractor` is built when the native components exist.
pub async fn build_state(
    storage: &StorageConfig,
    config: ServiceConfig,
    frontend_dir: PathBuf,
) -> anyhow::Result<AppState> {
    let repo = Repository::connect(&storage.database_url).await?;
    let blobs = functions::blob::open(&storage.blob_url)?;
    let queue =
        functions::queue::open(&storage.queue_url, config.pubsub_endpoint.as_deref()).await?;
    let resources = functions::resources::locate();
    functions::resources::require(&resources, false)?;
    let options = ReadOptions {
        max_pages: config.max_pages,
        ..ReadOptions::default()
    };
    let extractor = Arc::new(Extractor::new(&resources, options)?);
    let (changes, _) = tokio::sync::broadcast::channel(1024);
    Ok(AppState {
        repo,
        blobs,
        queue,
        extractor: Some(extractor),
        config: Arc::new(config),
        metrics: Arc::new(Metrics::default()),
        changes,
        frontend_dir,
    })
}

/// Serves until `shutdown` resolves, then drains requests and jobs.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    workers: usize,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let service = Service::start(&state, workers).await?;
    let grace = state.config.shutdown_grace;
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await?;
    service.shutdown(grace).await;
    Ok(())
}

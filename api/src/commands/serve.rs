//! `leasegrid serve`: the API, the web app and the embedded workers on one port.

use crate::cli::ServeArgs;
use crate::config::StorageConfig;
use crate::http::{AppState, app};
use std::process::ExitCode;

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let config = StorageConfig::resolve(&args.storage)?;
    let resources = functions::resources::locate();
    functions::resources::require(&resources, false)?;
    super::runtime()?.block_on(async move {
        let (pool, _) = crate::db::connect_and_migrate(&config.database_url).await?;
        if args.demo_org
            && let Some(demo) = crate::db::ensure_demo_org(&pool).await?
        {
            if let Some(path) = &args.demo_credentials {
                std::fs::write(path, serde_json::to_vec_pretty(&demo)?)?;
            }
            eprintln!("Demo organization created: {}", demo.org_name);
        }
        let state = AppState {
            pool,
            frontend_dir: args.frontend_dir.clone(),
        };
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", args.bind))?;
        eprintln!(
            "Leasegrid is running at http://{}  (API docs: http://{}/docs)",
            args.bind, args.bind
        );
        axum::serve(listener, app(state))
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        Ok(ExitCode::SUCCESS)
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

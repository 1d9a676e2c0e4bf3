//! `leasegrid serve`: the API, the web app and the embedded workers on one port.

use crate::cli::ServeArgs;
use crate::config::{ServiceConfig, StorageConfig};
use std::process::ExitCode;

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let storage = StorageConfig::resolve(&args.storage)?;
    let config = ServiceConfig::from_args(&args.limits)?;
    super::runtime()?.block_on(async move {
        let state = crate::server::build_state(&storage, config, args.frontend_dir.clone()).await?;
        if args.demo_org {
            match state.repo.ensure_demo_org().await? {
                Some(demo) => {
                    if let Some(path) = &args.demo_credentials {
                        std::fs::write(path, serde_json::to_vec_pretty(&demo)?)?;
                    }
                    eprintln!(
                        "Demo organization created: {}\n  sign in at http://{} as {} / {}\n  API key: {}",
                        demo.org_name, args.bind, demo.admin_email, demo.admin_password, demo.api_key
                    );
                }
                // The password is shown once; later starts point at where it was saved.
                None => match &args.demo_credentials {
                    Some(path) if path.exists() => eprintln!(
                        "Sign in with the demo login saved in {} (created on the first start)",
                        path.display()
                    ),
                    _ => eprintln!("The database already has organizations; sign in with your login"),
                },
            }
        }
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", args.bind))?;
        eprintln!(
            "Leasegrid is running at http://{}  (API docs: http://{}/docs)",
            args.bind, args.bind
        );
        crate::server::serve(listener, state, args.workers, shutdown_signal()).await?;
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
    tracing::info!("shutting down: finishing requests and running jobs");
}

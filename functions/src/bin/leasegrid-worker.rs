//! The extraction worker for GKE: pulls jobs from Pub/Sub (or takes Pub/Sub push deliveries over
//! HTTP), runs the extractor, stores the result and reports back through the queue. It needs no
//! database credentials.

use clap::{Parser, ValueEnum};
use extractor::Extractor;
use extractor::ingest::ReadOptions;
use functions::worker::Worker;
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Mode {
    /// Pull jobs from the subscription (GKE Deployment).
    Pull,
    /// Serve Pub/Sub push deliveries on `--bind` (Cloud Run).
    Push,
}

#[derive(Debug, Parser)]
#[command(
    name = "leasegrid-worker",
    version,
    about = "Leasegrid extraction worker (Pub/Sub pull or push)"
)]
struct Args {
    #[arg(
        long,
        value_enum,
        env = "LEASEGRID_WORKER_MODE",
        default_value = "pull"
    )]
    mode: Mode,
    /// Where jobs come from: `pubsub://projects/PROJECT`.
    #[arg(long, env = "LEASEGRID_QUEUE_URL")]
    queue_url: String,
    /// Where originals and results live: `file:///path` (shared volume) or `gs://bucket`.
    #[arg(long, env = "LEASEGRID_BLOB_URL")]
    blob_url: String,
    /// Pub/Sub endpoint (the emulator's address in tests).
    #[arg(long, env = "LEASEGRID_PUBSUB_ENDPOINT")]
    pubsub_endpoint: Option<String>,
    /// Concurrent jobs in pull mode.
    #[arg(long, env = "LEASEGRID_WORKERS", default_value_t = 1)]
    workers: usize,
    /// Address for push mode.
    #[arg(long, env = "LEASEGRID_BIND", default_value = "0.0.0.0:8080")]
    bind: std::net::SocketAddr,
    #[arg(long, env = "LEASEGRID_MAX_PAGES", default_value_t = 2000)]
    max_pages: usize,
    /// Log format: auto (pretty on a terminal), pretty or json.
    #[arg(long, env = "LEASEGRID_LOG_FORMAT", default_value = "auto")]
    log_format: String,
}

fn main() -> std::process::ExitCode {
    functions::omp::ensure_single_threaded_openmp();
    let args = Args::parse();
    functions::telemetry::init(&args.log_format);
    match run(args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("leasegrid-worker: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> anyhow::Result<()> {
    let resources = functions::resources::locate();
    functions::resources::require(&resources, false)?;
    let options = ReadOptions {
        max_pages: args.max_pages,
        ..ReadOptions::default()
    };
    let extractor = Arc::new(Extractor::new(&resources, options)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let queue = functions::queue::open(&args.queue_url, args.pubsub_endpoint.as_deref()).await?;
        anyhow::ensure!(
            !queue.is_in_process(),
            "{} is in-process: a separate worker needs pubsub://projects/PROJECT",
            args.queue_url
        );
        let blobs = functions::blob::open(&args.blob_url)?;
        let stop = CancellationToken::new();
        match args.mode {
            Mode::Pull => {
                let mut tasks = tokio::task::JoinSet::new();
                for i in 0..args.workers.max(1) {
                    let w = Worker::new(extractor.clone(), queue.clone(), blobs.clone(), format!("extract-{i}"))?;
                    tasks.spawn(w.run(stop.clone()));
                }
                tracing::info!(queue = %args.queue_url, workers = args.workers.max(1), "pulling jobs");
                shutdown_signal().await;
                stop.cancel();
                while tasks.join_next().await.is_some() {}
            }
            Mode::Push => {
                let worker = Arc::new(Worker::new(extractor, queue, blobs, "extract-push".into())?);
                let listener = tokio::net::TcpListener::bind(args.bind).await?;
                tracing::info!(bind = %args.bind, "serving Pub/Sub push deliveries");
                axum::serve(listener, functions::push::router(worker))
                    .with_graceful_shutdown(shutdown_signal())
                    .await?;
            }
        }
        Ok(())
    })
}

async fn shutdown_signal() {
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    tokio::select! { _ = tokio::signal::ctrl_c() => {}, _ = term => {} }
}

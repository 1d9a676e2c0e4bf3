//! The extraction worker for GKE: pulls jobs from Pub/Sub, runs the extractor, stores the result
//! and reports back through the queue. It needs no database credentials.

use clap::Parser;

#[derive(Debug, Parser)]
#[command(
    name = "leasegrid-worker",
    version,
    about = "Leasegrid extraction worker (Pub/Sub pull or push)"
)]
struct Args {
    /// Where jobs come from: `pubsub://projects/PROJECT` (or `memory://` for a dry run).
    #[arg(long, env = "LEASEGRID_QUEUE_URL", default_value = "memory://")]
    queue_url: String,
    /// Where originals and results live: `file:///path` or `gs://bucket`.
    #[arg(
        long,
        env = "LEASEGRID_BLOB_URL",
        default_value = "file://./data/blobs"
    )]
    blob_url: String,
    /// Log format: auto (pretty on a terminal), pretty or json.
    #[arg(long, env = "LEASEGRID_LOG_FORMAT", default_value = "auto")]
    log_format: String,
}

fn main() -> std::process::ExitCode {
    functions::omp::ensure_single_threaded_openmp();
    let args = Args::parse();
    functions::telemetry::init(&args.log_format);
    let resources = functions::resources::locate();
    if let Err(e) = functions::resources::require(&resources, true) {
        eprintln!("leasegrid-worker: {e:#}");
        return std::process::ExitCode::from(2);
    }
    tracing::info!(queue = %args.queue_url, blob = %args.blob_url, "worker configured");
    std::process::ExitCode::SUCCESS
}

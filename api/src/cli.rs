//! The command line: every option also reads a `LEASEGRID_*` environment variable.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "leasegrid",
    version,
    about = "Lease and rent-roll abstraction with evidence"
)]
pub struct Cli {
    /// Log format on stderr: auto (pretty on a terminal, JSON otherwise), pretty or json.
    #[arg(
        long,
        global = true,
        env = "LEASEGRID_LOG_FORMAT",
        default_value = "auto"
    )]
    pub log_format: String,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the REST API, the web app and the embedded extraction workers.
    Serve(ServeArgs),
    /// Extract one or more files and print the result on stdout.
    Extract(ExtractArgs),
    /// Manage organizations.
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Score the extractor against gold answers.
    Eval(EvalArgs),
    /// Create or upgrade the database schema.
    Migrate(StorageArgs),
    /// Write generic JSONL training data (question, context, answer span) for ml-models.
    TrainData(TrainDataArgs),
    /// Generate seeded synthetic leases (PDF through LibreOffice, text, gold) for evaluation and
    /// training.
    SynthLeases(SynthLeasesArgs),
}

/// Where state lives. `--data-dir D` means `sqlite://D/leasegrid.db`, `file://D/blobs` and the
/// in-process queue, unless the URLs say otherwise.
#[derive(Debug, Clone, Args)]
pub struct StorageArgs {
    #[arg(long, env = "LEASEGRID_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
    /// `sqlite://PATH` or `postgres://...`.
    #[arg(long, env = "LEASEGRID_DATABASE_URL")]
    pub database_url: Option<String>,
    /// `file:///PATH` or `gs://BUCKET`.
    #[arg(long, env = "LEASEGRID_BLOB_URL")]
    pub blob_url: Option<String>,
    /// `memory://` or `pubsub://projects/PROJECT`.
    #[arg(long, env = "LEASEGRID_QUEUE_URL")]
    pub queue_url: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub storage: StorageArgs,
    #[arg(long, env = "LEASEGRID_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// On an empty database, create a demo organization and print how to sign in.
    #[arg(long, env = "LEASEGRID_DEMO_ORG")]
    pub demo_org: bool,
    /// Also write the demo organization's credentials to this JSON file (for tests).
    #[arg(long, env = "LEASEGRID_DEMO_CREDENTIALS")]
    pub demo_credentials: Option<PathBuf>,
    /// Folder of the built web app.
    #[arg(long, env = "LEASEGRID_FRONTEND_DIR", default_value = "frontend/dist")]
    pub frontend_dir: PathBuf,
    /// Extraction worker threads inside this process (0 = none; with `memory://` nothing is
    /// extracted then).
    #[arg(long, env = "LEASEGRID_WORKERS", default_value_t = 1)]
    pub workers: usize,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Limits and timings of the service.
#[derive(Debug, Clone, Args)]
pub struct LimitArgs {
    /// Largest accepted upload in bytes (200 MiB by default).
    #[arg(long, env = "LEASEGRID_MAX_UPLOAD_BYTES", default_value_t = 200 * 1024 * 1024)]
    pub max_upload_bytes: usize,
    /// Documents with more pages fail with a message naming the limit.
    #[arg(long, env = "LEASEGRID_MAX_PAGES", default_value_t = 2000)]
    pub max_pages: usize,
    /// A request that takes longer is answered 504 (event streams are not cut).
    #[arg(long, env = "LEASEGRID_REQUEST_TIMEOUT_SECS", default_value_t = 120)]
    pub request_timeout_secs: u64,
    /// A job not finished (or heard from) this long after it was queued is queued again.
    #[arg(long, env = "LEASEGRID_JOB_LEASE_SECS", default_value_t = 600)]
    pub job_lease_secs: u64,
    /// How often the api looks for jobs whose lease ran out.
    #[arg(long, env = "LEASEGRID_SWEEP_SECS", default_value_t = 30)]
    pub sweep_secs: u64,
    /// On shutdown, how long running jobs may take to finish before they are left to be re-queued.
    #[arg(long, env = "LEASEGRID_SHUTDOWN_GRACE_SECS", default_value_t = 30)]
    pub shutdown_grace_secs: u64,
    /// Mark session cookies `Secure` (set this behind HTTPS).
    #[arg(long, env = "LEASEGRID_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// How long a web session lasts, in hours.
    #[arg(long, env = "LEASEGRID_SESSION_HOURS", default_value_t = 12)]
    pub session_hours: i64,
    /// Pub/Sub API endpoint, e.g. the emulator's `http://127.0.0.1:8085` (default: Google's).
    #[arg(long, env = "LEASEGRID_PUBSUB_ENDPOINT")]
    pub pubsub_endpoint: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Reading-order text, pages separated by form feeds.
    Text,
    /// The layout model (Document) as JSON.
    Layout,
    /// The schema's Extraction JSON.
    Json,
    /// One line of Kleister `key=value` pairs.
    Kleister,
}

#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "json")]
    pub format: OutputFormat,
    /// Built-in (`lease`, `kleister-nda`) or a TOML template file.
    #[arg(long)]
    pub template: Option<String>,
    /// Also write an Excel workbook of the result.
    #[arg(long)]
    pub xlsx: Option<PathBuf>,
    /// Also write a PDF abstract of the result.
    #[arg(long)]
    pub pdf: Option<PathBuf>,
    /// Refuse documents with more pages than this.
    #[arg(long, env = "LEASEGRID_MAX_PAGES", default_value_t = 2000)]
    pub max_pages: usize,
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Create an organization with an admin user and an API key; prints them as JSON.
    Create {
        name: String,
        #[command(flatten)]
        storage: StorageArgs,
    },
}

#[derive(Debug, Clone, Args)]
pub struct EvalArgs {
    /// A folder of documents with `<id>.gold.json` beside them.
    #[arg(long, conflicts_with = "kleister")]
    pub gold: Option<PathBuf>,
    /// More gold folders scored and calibrated together with `--gold` (for instance generated
    /// leases beside the real ones).
    #[arg(long, requires = "gold")]
    pub with_gold: Vec<PathBuf>,
    /// A Kleister NDA split folder (with `train/in.tsv.xz`, `train/expected.tsv`, `documents/`).
    #[arg(long)]
    pub kleister: Option<PathBuf>,
    /// Kleister: read the benchmark's own text layer (`text_best`) instead of the PDFs.
    #[arg(long, requires = "kleister")]
    pub text_layer: bool,
    /// Kleister: only the first N documents.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Kleister: write each document's expected and predicted pairs to this TSV file.
    #[arg(long, requires = "kleister")]
    pub dump: Option<PathBuf>,
    /// Kleister: keep each document as read from its PDF (layout JSON) in this folder and reuse
    /// it on later runs; empty the folder after changing the reader.
    #[arg(long, requires = "kleister", conflicts_with = "text_layer")]
    pub read_cache: Option<PathBuf>,
    /// Fit the template's confidence calibration on all documents and merge it into this JSON
    /// file (the committed one is `extractor/src/fields/calibration.json`).
    #[arg(long)]
    pub fit_calibration: Option<PathBuf>,
    /// Which model joins the rules, for the ablation: none, retrieval (encoder re-ranking) or
    /// span (re-ranking plus the trained span head).
    #[arg(long, value_enum, default_value = "none")]
    pub model: ModelChoice,
    /// Folder of the trained span head (`span.safetensors`, `span.json`).
    #[arg(
        long,
        env = "LEASEGRID_SPAN_MODEL_DIR",
        default_value = "ml-models/weights"
    )]
    pub span_weights: PathBuf,
    /// A gate file (`gates.json` format) deciding per field how the model joins, instead of
    /// the one shipped beside the span weights.
    #[arg(long)]
    pub gates: Option<PathBuf>,
    /// Kleister: only the documents of this fold, documents hashed into `--folds` folds as the
    /// span model's training splits them (its held-out fold is 0).
    #[arg(long, requires = "kleister")]
    pub fold: Option<usize>,
    #[arg(long, default_value_t = 5, requires = "fold")]
    pub folds: usize,
}

/// The model added to the rules in an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelChoice {
    None,
    Retrieval,
    Span,
}

#[derive(Debug, Clone, Args)]
pub struct TrainDataArgs {
    pub out: PathBuf,
    /// The development data folder (`shared/data`).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Also a folder of generated leases (`leasegrid synth-leases --out DIR`): their gold quotes
    /// located in their `.txt` texts.
    #[arg(long)]
    pub synthetic: Option<PathBuf>,
    /// Leave out the development leases of `--data` (they stay held out for evaluation).
    #[arg(long)]
    pub without_leases: bool,
    /// Only the first N Kleister NDA documents, to size a CPU training run.
    #[arg(long)]
    pub kleister_docs: Option<usize>,
}

#[derive(Debug, Clone, Args)]
pub struct SynthLeasesArgs {
    /// Folder to write `<id>.pdf`, `<id>.txt`, `<id>.gold.json` and `html/<id>.html` into.
    #[arg(long)]
    pub out: PathBuf,
    /// How many leases.
    #[arg(long, default_value_t = 10)]
    pub count: u64,
    /// The set's seed; it is part of every document id, so sets with different seeds are disjoint.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// LibreOffice processes rendering side by side.
    #[arg(long, default_value_t = 2)]
    pub jobs: usize,
}

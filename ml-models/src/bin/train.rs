//! `train DATA.jsonl --out DIR`: trains the span model on generic JSONL, seeded and reproducible
//! on CPU, and prints its metrics (held-out when `--holdout` names a fold).

use clap::Parser;
use ml_models::train::{TrainOptions, data::read_jsonl, train};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(about = "Train the span model (head, then optional LoRA adapters) on JSONL examples")]
struct Args {
    /// JSONL examples: {"id","group","question","context","answers":[{"start","end","text"}]}.
    data: PathBuf,
    /// Folder to write span.safetensors, span.json and metrics.json to.
    #[arg(long)]
    out: PathBuf,
    /// The MiniLM folder (config.json, model.safetensors, tokenizer.json).
    #[arg(
        long,
        env = "LEASEGRID_MODEL_DIR",
        default_value = ".cache/models/all-MiniLM-L6-v2"
    )]
    model_dir: PathBuf,
    #[arg(long, default_value_t = 17)]
    seed: u64,
    #[arg(long, default_value_t = 40)]
    head_epochs: usize,
    /// Hold out this fold (0..folds) of the example groups and report metrics on it.
    #[arg(long)]
    holdout: Option<usize>,
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Steps of LoRA adapter training after the head (0 = ship the head alone).
    #[arg(long, default_value_t = 0)]
    lora_steps: usize,
    #[arg(long, default_value_t = 8)]
    lora_rank: usize,
    /// Adapters on the top N encoder layers only (the layers below are run once and cached).
    #[arg(long, default_value_t = 2)]
    lora_layers: usize,
    #[arg(long, default_value_t = 5e-4)]
    lora_lr: f64,
    /// Examples per adapter step.
    #[arg(long, default_value_t = 8)]
    lora_batch: usize,
    /// Start from the head-only model in this folder (its span.safetensors and span.json)
    /// instead of training a head first.
    #[arg(long)]
    init_head: Option<PathBuf>,
    /// Use at most this many examples (the first ones), for quick runs.
    #[arg(long)]
    limit: Option<usize>,
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let args = Args::parse();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> ml_models::Result<()> {
    let mut examples = read_jsonl(&args.data)?;
    if let Some(n) = args.limit {
        examples.truncate(n);
    }
    let defaults = TrainOptions::default();
    let options = TrainOptions {
        seed: args.seed,
        head_epochs: args.head_epochs,
        holdout: args.holdout,
        folds: args.folds,
        lora_steps: args.lora_steps,
        lora: ml_models::lora::LoraConfig {
            rank: args.lora_rank,
            alpha: 2.0 * args.lora_rank as f64,
            top_layers: Some(args.lora_layers),
        },
        lora_lr: args.lora_lr,
        lora_batch: args.lora_batch,
        init_head: args.init_head,
        ..defaults
    };
    let report = train(&args.model_dir, &examples, &args.out, &options)?;
    let json = serde_json::to_string_pretty(&report)
        .map_err(|e| ml_models::ModelError::Input(e.to_string()))?;
    println!("{json}");
    Ok(())
}

//! Training of the span model on generic JSONL: first the head on frozen, cached encoder states
//! (or a head trained before), then optionally low-rank adapters on the top layers and the head
//! together. Seeded: the same data, options and thread count give the same weights.

mod adapters;
pub mod data;
pub mod features;
pub mod metrics;
mod step;

use crate::encoder::{Encoder, read_config, read_safetensors};
use crate::error::{ModelError, Result};
use crate::lora::LoraConfig;
use crate::reader::{CONFIG_FILE, SpanModelConfig, WEIGHTS_FILE};
use crate::span::{self, SpanHead};
use crate::tokenize::{load_pair_tokenizer, tokenizer_error};
use candle_core::{DType, Device, Tensor};
use candle_nn::{AdamW, Optimizer, ParamsAdamW, VarBuilder, VarMap};
use data::{Example, fold_of};
use features::{Targets, targets};
use metrics::{SpanMetrics, Tally};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tokenizers::{Encoding, Tokenizer};

/// Training examples re-read to score the fit: enough to see it, few enough to stay quick.
const TRAIN_SCORED: usize = 200;

/// Everything that decides the trained weights.
#[derive(Debug, Clone, Serialize)]
pub struct TrainOptions {
    pub seed: u64,
    pub max_tokens: usize,
    pub max_answer_tokens: usize,
    pub inner_size: usize,
    pub head_epochs: usize,
    pub head_lr: f64,
    pub batch: usize,
    /// Groups are hashed into this many folds; `holdout` of them is left out of training.
    pub folds: usize,
    /// The held-out fold, or none to train on everything.
    pub holdout: Option<usize>,
    /// Adapter steps after the head stage; 0 ships the head alone.
    pub lora_steps: usize,
    pub lora: LoraConfig,
    pub lora_lr: f64,
    /// Examples per adapter step.
    pub lora_batch: usize,
    /// Start from the head-only model in this folder instead of training a head.
    pub init_head: Option<PathBuf>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            seed: 17,
            max_tokens: 256,
            max_answer_tokens: 40,
            inner_size: 128,
            head_epochs: 40,
            head_lr: 2e-3,
            batch: 16,
            folds: 5,
            holdout: None,
            lora_steps: 0,
            lora: LoraConfig {
                rank: 8,
                alpha: 16.0,
                top_layers: Some(2),
            },
            lora_lr: 5e-4,
            lora_batch: 8,
            init_head: None,
        }
    }
}

/// What a training run reports (also written as `metrics.json`).
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    pub options: TrainOptions,
    pub train_examples: usize,
    pub heldout_examples: usize,
    /// On the first training examples (at most 200).
    pub train: SpanMetrics,
    pub heldout: Option<SpanMetrics>,
    pub seconds_encoding: f64,
    /// Head and adapters together.
    pub seconds_training: f64,
    pub seconds_adapters: f64,
}

/// One tokenized example with its targets and its cached encoder states: the last layer's (for
/// the head stage) and those entering the first adapted layer (for the adapter stage).
struct Item {
    encoding: Encoding,
    targets: Targets,
    hidden: Option<Tensor>,
    lower: Option<Tensor>,
}

/// Trains on `examples` and writes `span.safetensors`, `span.json` and `metrics.json` to `out`.
pub fn train(
    model_dir: &Path,
    examples: &[Example],
    out: &Path,
    options: &TrainOptions,
) -> Result<TrainReport> {
    let device = crate::device::default_device();
    let tokenizer = load_pair_tokenizer(&model_dir.join("tokenizer.json"), options.max_tokens)?;
    let (train_set, heldout): (Vec<&Example>, Vec<&Example>) = examples
        .iter()
        .partition(|e| Some(fold_of(&e.group, options.folds)) != options.holdout);
    if train_set.is_empty() {
        return Err(ModelError::Input("no training examples".into()));
    }
    let mut train_items = tokenize(&tokenizer, &train_set)?;
    let heldout_items = tokenize(&tokenizer, &heldout)?;

    let encoder_config = read_config(model_dir)?;
    let layers = encoder_config.num_hidden_layers;
    let split = if options.lora_steps > 0 {
        options.lora.first_layer(layers)
    } else {
        layers
    };
    let clock = std::time::Instant::now();
    let encoder = Encoder::load(model_dir, &device)?;
    let keep = Keep {
        hidden: options.init_head.is_none(),
        lower: options.lora_steps > 0,
    };
    cache_states(&encoder, &mut train_items, options.batch, split, keep)?;
    drop(encoder);
    let seconds_encoding = clock.elapsed().as_secs_f64();

    let clock = std::time::Instant::now();
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let head_config = span::Config {
        hidden_size: encoder_config.hidden_size,
        inner_size: options.inner_size,
    };
    let mut weights = match &options.init_head {
        Some(dir) => read_head(dir, &head_config)?,
        None => {
            let head_vars = VarMap::new();
            let head = SpanHead::load(
                VarBuilder::from_varmap(&head_vars, DType::F32, &device).pp(span::PREFIX),
                &head_config,
            )?;
            seed_vars(&head_vars, &mut rng, &device, |_| true)?;
            train_head(&head, &head_vars, &train_items, options, &mut rng)?;
            named(&head_vars)
        }
    };
    for item in &mut train_items {
        item.hidden = None;
    }
    let adapters_clock = std::time::Instant::now();
    let mut lora = None;
    if options.lora_steps > 0 {
        weights = adapters::train_adapters(model_dir, &train_items, &weights, options, &mut rng)?;
        lora = Some(options.lora);
    }
    let seconds_adapters = adapters_clock.elapsed().as_secs_f64();
    let seconds_training = clock.elapsed().as_secs_f64();
    drop(train_items);

    let config = SpanModelConfig {
        head: head_config,
        lora,
        max_tokens: options.max_tokens,
        max_answer_tokens: options.max_answer_tokens,
    };
    std::fs::create_dir_all(out).map_err(|e| ModelError::io(out, e))?;
    candle_core::safetensors::save(&weights, out.join(WEIGHTS_FILE))?;
    write_json(&out.join(CONFIG_FILE), &config)?;

    // Scoring uses the model exactly as inference will load it.
    let reader = crate::reader::SpanReader::load(model_dir, out)?;
    let report = TrainReport {
        options: options.clone(),
        train_examples: train_set.len(),
        heldout_examples: heldout_items.len(),
        train: evaluate(&reader, &train_set[..train_set.len().min(TRAIN_SCORED)])?,
        heldout: if heldout.is_empty() {
            None
        } else {
            Some(evaluate(&reader, &heldout)?)
        },
        seconds_encoding,
        seconds_training,
        seconds_adapters,
    };
    write_json(&out.join("metrics.json"), &report)?;
    Ok(report)
}

/// Scores a trained reader on examples, one question and context at a time.
pub fn evaluate(reader: &crate::reader::SpanReader, examples: &[&Example]) -> Result<SpanMetrics> {
    let mut tally = Tally::default();
    for e in examples {
        let answers = reader.predict(&e.question, &[e.context.as_str()])?;
        let predicted = answers
            .first()
            .filter(|a| a.score >= 0.5)
            .and_then(|a| e.context.get(a.start..a.end));
        let gold: Vec<&str> = e.answers.iter().map(|a| a.text.as_str()).collect();
        tally.add(predicted, &gold);
    }
    Ok(tally.finish())
}

fn tokenize(tokenizer: &Tokenizer, examples: &[&Example]) -> Result<Vec<Item>> {
    examples
        .iter()
        .map(|e| {
            let encoding = tokenizer
                .encode((e.question.as_str(), e.context.as_str()), true)
                .map_err(tokenizer_error)?;
            Ok(Item {
                targets: targets(e, &encoding),
                encoding,
                hidden: None,
                lower: None,
            })
        })
        .collect()
}

/// Which encoder states `cache_states` keeps.
#[derive(Clone, Copy)]
struct Keep {
    hidden: bool,
    lower: bool,
}

/// Runs the frozen encoder once over every item and keeps its states: the last layer's and
/// those entering layer `split`.
fn cache_states(
    encoder: &Encoder,
    items: &mut [Item],
    batch: usize,
    split: usize,
    keep: Keep,
) -> Result<()> {
    for chunk in items.chunks_mut(batch) {
        let longest = chunk.iter().map(|i| i.encoding.len()).max().unwrap_or(0);
        let padded: Vec<Encoding> = chunk.iter().map(|i| pad(&i.encoding, longest)).collect();
        let (lower, hidden, _) = encoder.forward_split(&padded, split, keep.hidden)?;
        for (row, item) in chunk.iter_mut().enumerate() {
            let len = item.encoding.len();
            let own = |states: &Tensor| -> Result<Tensor> {
                Ok(states.get(row)?.narrow(0, 0, len)?.contiguous()?)
            };
            item.hidden = hidden.as_ref().map(own).transpose()?;
            item.lower = keep.lower.then(|| own(&lower)).transpose()?;
        }
    }
    Ok(())
}

/// The head of a head-only model folder, checked against the shape the options ask for.
fn read_head(dir: &Path, expected: &span::Config) -> Result<HashMap<String, Tensor>> {
    let config = SpanModelConfig::read(dir)?;
    if config.head != *expected || config.lora.is_some() {
        return Err(ModelError::Input(format!(
            "{}: the head to start from must be head-only with {expected:?}, found {:?} (adapters: {})",
            dir.display(),
            config.head,
            config.lora.is_some()
        )));
    }
    let prefix = format!("{}.", span::PREFIX);
    Ok(read_safetensors(&dir.join(WEIGHTS_FILE), &Device::Cpu)?
        .into_iter()
        .filter(|(name, _)| name.starts_with(&prefix))
        .collect())
}

fn pad(encoding: &Encoding, len: usize) -> Encoding {
    let mut e = encoding.clone();
    e.pad(len, 0, 0, "[PAD]", tokenizers::PaddingDirection::Right);
    e
}

fn train_head(
    head: &SpanHead,
    vars: &VarMap,
    items: &[Item],
    options: &TrainOptions,
    rng: &mut ChaCha8Rng,
) -> Result<()> {
    let mut optimizer = AdamW::new(vars.all_vars(), adam(options.head_lr))?;
    let mut order: Vec<usize> = (0..items.len()).collect();
    for epoch in 0..options.head_epochs {
        order.shuffle(rng);
        let mut total = 0.0;
        for chunk in order.chunks(options.batch) {
            let mut losses = vec![];
            for &i in chunk {
                let item = &items[i];
                let hidden = item
                    .hidden
                    .as_ref()
                    .ok_or_else(|| ModelError::Input("encoder states not cached".into()))?;
                let (start, end) = head.forward(&hidden.unsqueeze(0)?)?;
                losses.push(step::span_loss(
                    &start.squeeze(0)?,
                    &end.squeeze(0)?,
                    &item.targets,
                )?);
            }
            let loss = Tensor::stack(&losses, 0)?.mean_all()?;
            total += loss.to_scalar::<f32>()? * chunk.len() as f32;
            optimizer.backward_step(&loss)?;
        }
        tracing::debug!(epoch, loss = total / items.len() as f32, "span head");
    }
    Ok(())
}

fn named(vars: &VarMap) -> HashMap<String, Tensor> {
    vars.data()
        .lock()
        .map(|map| {
            map.iter()
                .map(|(n, v)| (n.clone(), v.as_tensor().clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// Re-initializes the chosen variables from the seeded generator, in name order, because
/// candle's CPU random numbers cannot be seeded: biases to zero, weights to a scaled normal.
fn seed_vars(
    vars: &VarMap,
    rng: &mut ChaCha8Rng,
    device: &Device,
    chosen: impl Fn(&str) -> bool,
) -> Result<()> {
    let map = vars.data().lock().map_err(|_| ModelError::ThreadGone)?;
    let mut names: Vec<&String> = map.keys().filter(|n| chosen(n)).collect();
    names.sort();
    for name in names {
        let var = &map[name];
        let shape = var.shape().clone();
        if name.ends_with("bias") {
            var.set(&Tensor::zeros(shape, DType::F32, device)?)?;
            continue;
        }
        let fan_in = *shape.dims().last().unwrap_or(&1) as f32;
        let values: Vec<f32> = (0..shape.elem_count())
            .map(|_| standard_normal(rng) / fan_in.sqrt())
            .collect();
        var.set(&Tensor::from_vec(values, shape, device)?)?;
    }
    Ok(())
}

/// A standard normal sample by Box-Muller (saves a dependency on `rand_distr`).
fn standard_normal(rng: &mut impl rand::Rng) -> f32 {
    let u1: f32 = rng.random_range(f32::EPSILON..1.0);
    let u2: f32 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (std::f32::consts::TAU * u2).cos()
}

fn adam(lr: f64) -> ParamsAdamW {
    ParamsAdamW {
        lr,
        weight_decay: 0.01,
        ..Default::default()
    }
}

fn write_json(path: &Path, value: &impl Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| ModelError::Input(e.to_string()))?;
    std::fs::write(path, text + "\n").map_err(|e| ModelError::io(path, e))
}

//! Training of the span model on generic JSONL: first the head on frozen, cached encoder states
//! (seconds), then optionally low-rank adapters and head together through the whole encoder.
//! Seeded: the same data, options and thread count give the same weights.

pub mod data;
pub mod features;
pub mod metrics;
mod step;

use crate::bert::{self, Options};
use crate::encoder::{Encoder, read_config, read_weights};
use crate::error::{ModelError, Result};
use crate::lora::LoraConfig;
use crate::reader::{CONFIG_FILE, SpanModelConfig, WEIGHTS_FILE};
use crate::span::{self, SpanHead};
use crate::tokenize::{load_pair_tokenizer, tokenizer_error};
use candle_core::{DType, Device, Tensor, Var};
use candle_nn::{AdamW, Optimizer, ParamsAdamW, VarBuilder, VarMap};
use data::{Example, fold_of};
use features::{Targets, targets};
use metrics::{SpanMetrics, Tally};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
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
            },
            lora_lr: 5e-4,
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
    pub seconds_training: f64,
}

/// One tokenized example with its targets and (for the head stage) its cached encoder states.
struct Item<'a> {
    example: &'a Example,
    encoding: Encoding,
    targets: Targets,
    hidden: Option<Tensor>,
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

    let clock = std::time::Instant::now();
    let encoder = Encoder::load(model_dir, &device)?;
    cache_states(&encoder, &mut train_items, options.batch)?;
    let seconds_encoding = clock.elapsed().as_secs_f64();

    let clock = std::time::Instant::now();
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let head_config = span::Config {
        hidden_size: read_config(model_dir)?.hidden_size,
        inner_size: options.inner_size,
    };
    let head_vars = VarMap::new();
    let head = SpanHead::load(
        VarBuilder::from_varmap(&head_vars, DType::F32, &device).pp(span::PREFIX),
        &head_config,
    )?;
    seed_vars(&head_vars, &mut rng, &device, |_| true)?;
    train_head(&head, &head_vars, &mut train_items, options, &mut rng)?;

    let mut weights: HashMap<String, Tensor> = named(&head_vars);
    let mut lora = None;
    if options.lora_steps > 0 {
        weights = train_adapters(
            model_dir,
            &tokenizer,
            &train_items,
            &weights,
            options,
            &mut rng,
        )?;
        lora = Some(options.lora);
    }
    let seconds_training = clock.elapsed().as_secs_f64();

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
        train_examples: train_items.len(),
        heldout_examples: heldout_items.len(),
        train: evaluate(&reader, &train_set[..train_set.len().min(TRAIN_SCORED)])?,
        heldout: if heldout.is_empty() {
            None
        } else {
            Some(evaluate(&reader, &heldout)?)
        },
        seconds_encoding,
        seconds_training,
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

fn tokenize<'a>(tokenizer: &Tokenizer, examples: &[&'a Example]) -> Result<Vec<Item<'a>>> {
    examples
        .iter()
        .map(|e| {
            let encoding = tokenizer
                .encode((e.question.as_str(), e.context.as_str()), true)
                .map_err(tokenizer_error)?;
            Ok(Item {
                example: e,
                targets: targets(e, &encoding),
                encoding,
                hidden: None,
            })
        })
        .collect()
}

/// Runs the frozen encoder once over every item and keeps its states.
fn cache_states(encoder: &Encoder, items: &mut [Item], batch: usize) -> Result<()> {
    for chunk in items.chunks_mut(batch) {
        let longest = chunk.iter().map(|i| i.encoding.len()).max().unwrap_or(0);
        let padded: Vec<Encoding> = chunk.iter().map(|i| pad(&i.encoding, longest)).collect();
        let (hidden, _) = encoder.forward(&padded)?;
        for (row, item) in chunk.iter_mut().enumerate() {
            let len = item.encoding.len();
            item.hidden = Some(hidden.get(row)?.narrow(0, 0, len)?.contiguous()?);
        }
    }
    Ok(())
}

fn pad(encoding: &Encoding, len: usize) -> Encoding {
    let mut e = encoding.clone();
    e.pad(len, 0, 0, "[PAD]", tokenizers::PaddingDirection::Right);
    e
}

fn train_head(
    head: &SpanHead,
    vars: &VarMap,
    items: &mut [Item],
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

/// Trains adapters and the head together through the differentiable encoder; returns the
/// tensors to ship (head and adapters only).
fn train_adapters(
    model_dir: &Path,
    tokenizer: &Tokenizer,
    items: &[Item],
    head_weights: &HashMap<String, Tensor>,
    options: &TrainOptions,
    rng: &mut ChaCha8Rng,
) -> Result<HashMap<String, Tensor>> {
    let device = Device::Cpu;
    let config = read_config(model_dir)?;
    let vars = VarMap::new();
    let vb = VarBuilder::from_varmap(&vars, bert::DTYPE, &device);
    let model_options = Options {
        trainable_norm: true,
        lora: Some(options.lora),
    };
    let encoder = bert::BertModel::load(vb.clone(), &config, &model_options)?;
    let head = SpanHead::load(
        vb.pp(span::PREFIX),
        &span::Config {
            hidden_size: config.hidden_size,
            inner_size: options.inner_size,
        },
    )?;
    let mut base = read_weights(model_dir, &device)?;
    base.extend(head_weights.clone());
    {
        let mut map = vars.data().lock().map_err(|_| ModelError::ThreadGone)?;
        for (name, var) in map.iter_mut() {
            if let Some(t) = base.get(name) {
                var.set(t)?;
            }
        }
    }
    seed_vars(&vars, rng, &device, |name| name.ends_with("lora_a"))?;
    let trainable: Vec<Var> = trainable_vars(&vars)?.into_values().collect();
    let mut optimizer = AdamW::new(trainable, adam(options.lora_lr))?;
    let per_step = options.batch.min(8);
    let mut order: Vec<usize> = (0..items.len()).collect();
    for step_index in 0..options.lora_steps {
        if step_index * per_step % items.len() < per_step {
            order.shuffle(rng);
        }
        let start = step_index * per_step % items.len();
        let chosen: Vec<&Item> = (start..start + per_step)
            .map(|i| &items[order[i % items.len()]])
            .collect();
        let pairs: Vec<(&str, &str)> = chosen
            .iter()
            .map(|i| (i.example.question.as_str(), i.example.context.as_str()))
            .collect();
        let encodings = tokenizer
            .encode_batch(pairs, true)
            .map_err(tokenizer_error)?;
        let batch = crate::encoder::Batch::new(&encodings, &device)?;
        let hidden = encoder.forward(&batch.input_ids, &batch.type_ids, &batch.mask)?;
        let (starts, ends) = head.forward(&hidden)?;
        let mut losses = vec![];
        for (row, item) in chosen.iter().enumerate() {
            let len = item.encoding.len();
            losses.push(step::span_loss(
                &starts.get(row)?.narrow(0, 0, len)?,
                &ends.get(row)?.narrow(0, 0, len)?,
                &item.targets,
            )?);
        }
        let loss = Tensor::stack(&losses, 0)?.mean_all()?;
        tracing::info!(
            step = step_index,
            loss = loss.to_scalar::<f32>()?,
            "adapters"
        );
        optimizer.backward_step(&loss)?;
    }
    Ok(trainable_vars(&vars)?
        .into_iter()
        .map(|(name, var)| (name, var.as_tensor().clone()))
        .collect())
}

fn trainable_vars(vars: &VarMap) -> Result<HashMap<String, Var>> {
    let map = vars.data().lock().map_err(|_| ModelError::ThreadGone)?;
    Ok(map
        .iter()
        .filter(|(name, _)| name.contains("lora_") || name.starts_with(span::PREFIX))
        .map(|(name, var)| (name.clone(), var.clone()))
        .collect())
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

//! Extractive question answering: the encoder (with its trained adapters) and the span head read
//! a question against each passage and return the best answer span of each, by byte offsets.

use crate::bert::{self, Options};
use crate::device::default_device;
use crate::encoder::{Encoder, read_config, read_safetensors, read_weights};
use crate::error::{ModelError, Result};
use crate::lora::LoraConfig;
use crate::span::{self, SpanHead, best_span};
use crate::tokenize::{load_pair_tokenizer, tokenizer_error};
use candle_core::{D, DType, Tensor};
use candle_nn::VarBuilder;
use serde::{Deserialize, Serialize};
use std::path::Path;
use tokenizers::{Encoding, Tokenizer};

/// File names of a trained span model inside its folder.
pub const WEIGHTS_FILE: &str = "span.safetensors";
pub const CONFIG_FILE: &str = "span.json";

/// What the trainer records beside the weights so inference rebuilds the same model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpanModelConfig {
    pub head: span::Config,
    /// Adapters trained into the encoder, if any; without them the encoder is the checkpoint's.
    pub lora: Option<LoraConfig>,
    /// Question + passage tokens per sequence.
    pub max_tokens: usize,
    /// Longest answer considered, in tokens.
    pub max_answer_tokens: usize,
}

impl SpanModelConfig {
    pub fn read(dir: &Path) -> Result<Self> {
        let path = dir.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| ModelError::io(&path, e))?;
        serde_json::from_str(&text).map_err(|e| ModelError::Config {
            path,
            message: e.to_string(),
        })
    }
}

/// One passage's best answer.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanAnswer {
    /// Index of the passage handed in.
    pub passage: usize,
    /// Byte range inside that passage.
    pub start: usize,
    pub end: usize,
    /// The span's probability against the passage's "no answer", 0..1 (uncalibrated).
    pub score: f32,
}

pub struct SpanReader {
    encoder: Encoder,
    head: SpanHead,
    tokenizer: Tokenizer,
    config: SpanModelConfig,
}

/// One row of numbers per sequence.
type Rows = Vec<Vec<f32>>;

/// Sequences per encoder call.
const BATCH: usize = 8;

impl SpanReader {
    /// Loads the encoder from `model_dir` and the trained head (and adapters) from `span_dir`.
    pub fn load(model_dir: &Path, span_dir: &Path) -> Result<Self> {
        let device = default_device();
        let config = SpanModelConfig::read(span_dir)?;
        let mut tensors = read_weights(model_dir, &device)?;
        tensors.extend(read_safetensors(&span_dir.join(WEIGHTS_FILE), &device)?);
        let head = SpanHead::load(
            VarBuilder::from_tensors(tensors.clone(), bert::DTYPE, &device).pp(span::PREFIX),
            &config.head,
        )?;
        let options = Options {
            trainable_norm: false,
            lora: config.lora,
        };
        let encoder = Encoder::from_tensors(tensors, &read_config(model_dir)?, &options, &device)?;
        Ok(SpanReader {
            encoder,
            head,
            tokenizer: load_pair_tokenizer(&model_dir.join("tokenizer.json"), config.max_tokens)?,
            config,
        })
    }

    pub fn config(&self) -> &SpanModelConfig {
        &self.config
    }

    /// The best span of each passage that has one, best first.
    pub fn predict(&self, question: &str, passages: &[&str]) -> Result<Vec<SpanAnswer>> {
        let mut answers = vec![];
        for (chunk_index, chunk) in passages.chunks(BATCH).enumerate() {
            let pairs: Vec<(&str, &str)> = chunk.iter().map(|p| (question, *p)).collect();
            let encodings = self
                .tokenizer
                .encode_batch(pairs, true)
                .map_err(tokenizer_error)?;
            let (start, end) = self.probabilities(&encodings)?;
            for (i, encoding) in encodings.iter().enumerate() {
                let allowed = passage_tokens(encoding);
                let Some((s, e, score)) =
                    best_span(&start[i], &end[i], &allowed, self.config.max_answer_tokens)
                else {
                    continue;
                };
                let none = start[i][0] * end[i][0];
                let (from, to) = (encoding.get_offsets()[s].0, encoding.get_offsets()[e].1);
                answers.push(SpanAnswer {
                    passage: chunk_index * BATCH + i,
                    start: from,
                    end: to,
                    score: score / (score + none).max(f32::MIN_POSITIVE),
                });
            }
        }
        answers.sort_by(|a, b| b.score.total_cmp(&a.score));
        Ok(answers)
    }

    /// Start and end probabilities per token, padding excluded.
    fn probabilities(&self, encodings: &[Encoding]) -> Result<(Rows, Rows)> {
        let (hidden, mask) = self.encoder.forward(encodings)?;
        let (start, end) = self.head.forward(&hidden)?;
        let bias = (mask.to_dtype(DType::F32)?.affine(1.0, -1.0)? * 1e4)?;
        let probs = |logits: Tensor| -> Result<Rows> {
            Ok(candle_nn::ops::softmax(&(logits + &bias)?, D::Minus1)?.to_vec2()?)
        };
        Ok((probs(start)?, probs(end)?))
    }
}

/// Which token positions belong to the passage (the pair's second sequence), specials excluded.
pub fn passage_tokens(encoding: &Encoding) -> Vec<bool> {
    let specials = encoding.get_special_tokens_mask();
    encoding
        .get_sequence_ids()
        .iter()
        .zip(specials)
        .map(|(seq, special)| *seq == Some(1) && *special == 0)
        .collect()
}

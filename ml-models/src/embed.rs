//! Sentence embeddings (mean pooling over tokens, L2-normalized, as all-MiniLM-L6-v2 was trained)
//! for re-ranking passages and matching unseen column headers to known ones.

use crate::device::default_device;
use crate::encoder::Encoder;
use crate::error::Result;
use crate::tokenize::{MAX_TOKENS, load_tokenizer, tokenizer_error};
use candle_core::{D, DType};
use std::path::Path;
use tokenizers::Tokenizer;

/// How many texts go through the encoder at once; larger batches pad more on mixed lengths.
const BATCH: usize = 16;

pub struct Embedder {
    encoder: Encoder,
    tokenizer: Tokenizer,
}

impl Embedder {
    /// Loads the encoder and tokenizer from a model folder (`config.json`, `model.safetensors`,
    /// `tokenizer.json`) on the default device.
    pub fn load(model_dir: &Path) -> Result<Self> {
        let device = default_device();
        Ok(Embedder {
            encoder: Encoder::load(model_dir, &device)?,
            tokenizer: load_tokenizer(&model_dir.join("tokenizer.json"), MAX_TOKENS)?,
        })
    }

    /// One unit-length vector (384 numbers) per text, in order. Texts over 256 tokens are cut.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        // Sorting by length keeps padding low inside each batch.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut vectors = vec![Vec::new(); texts.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&str> = chunk.iter().map(|&i| texts[i]).collect();
            let encodings = self
                .tokenizer
                .encode_batch(batch, true)
                .map_err(tokenizer_error)?;
            let (hidden, mask) = self.encoder.forward(&encodings)?;
            let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
            let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
            let mean = summed.broadcast_div(&mask.sum(1)?)?;
            let norm = mean
                .sqr()?
                .sum_keepdim(D::Minus1)?
                .sqrt()?
                .clamp(1e-12, f32::MAX)?;
            let rows: Vec<Vec<f32>> = mean.broadcast_div(&norm)?.to_vec2()?;
            for (&i, row) in chunk.iter().zip(rows) {
                vectors[i] = row;
            }
        }
        Ok(vectors)
    }
}

/// Cosine similarity of two vectors (their dot product when both are unit length).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

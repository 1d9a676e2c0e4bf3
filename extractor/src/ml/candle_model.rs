//! `FieldModel` on candle: passages are re-ranked by embedding similarity to the field's
//! question, and the span model (when its trained weights are present) answers it in each
//! passage. All work runs on ml-models' model thread.

use crate::ExtractError;
use crate::field_model::{FieldModel, SpanPrediction};
use ml_models::{ModelError, ModelHandle, cosine};
use std::path::{Path, PathBuf};

/// The folder of the span model shipped in the repository (`ml-models/weights`).
pub fn shipped_span_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ml-models/weights")
}

pub struct CandleFieldModel {
    models: ModelHandle,
}

impl CandleFieldModel {
    /// Loads the encoder from `model_dir` and, when `span_dir` is given, the trained span model.
    pub fn load(model_dir: &Path, span_dir: Option<&Path>) -> Result<Self, ExtractError> {
        Ok(CandleFieldModel {
            models: ModelHandle::spawn(model_dir, span_dir).map_err(model_error)?,
        })
    }

    /// Whether span answers are available (else only re-ranking is).
    pub fn answers_spans(&self) -> bool {
        self.models.has_reader()
    }
}

impl FieldModel for CandleFieldModel {
    fn rerank(&self, query: &str, passages: &[&str]) -> Result<Vec<f32>, ExtractError> {
        if passages.is_empty() {
            return Ok(vec![]);
        }
        let mut texts = Vec::with_capacity(passages.len() + 1);
        texts.push(query);
        texts.extend_from_slice(passages);
        let vectors = self.models.embed(&texts).map_err(model_error)?;
        Ok(vectors[1..]
            .iter()
            .map(|v| cosine(&vectors[0], v))
            .collect())
    }

    fn predict_spans(
        &self,
        question: &str,
        passages: &[&str],
    ) -> Result<Vec<SpanPrediction>, ExtractError> {
        let answers = self
            .models
            .predict_spans(question, passages)
            .map_err(model_error)?;
        Ok(answers
            .into_iter()
            .map(|a| SpanPrediction {
                passage: a.passage,
                start: a.start,
                end: a.end,
                score: a.score,
            })
            .collect())
    }
}

fn model_error(e: ModelError) -> ExtractError {
    match e {
        ModelError::Io { .. } | ModelError::Config { .. } => {
            ExtractError::MissingResource(e.to_string())
        }
        other => ExtractError::Internal(other.to_string()),
    }
}

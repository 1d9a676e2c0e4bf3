//! `FieldModel` on candle: passages are re-ranked by embedding similarity to the field's
//! question, and the span model (when its trained weights are present) answers it in each
//! passage. All work runs on ml-models' model thread.

use crate::ExtractError;
use crate::field_model::{FieldModel, SpanPrediction};
use crate::fields::model_gate::{Gate, Gates, Join};
use ml_models::{ModelError, ModelHandle, cosine};
use std::path::{Path, PathBuf};

/// The folder of the span model shipped in the repository (`ml-models/weights`).
pub fn shipped_span_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ml-models/weights")
}

/// The gate file shipped beside the span model's weights.
pub const GATES_FILE: &str = "gates.json";

pub struct CandleFieldModel {
    models: ModelHandle,
    gates: Gates,
}

impl CandleFieldModel {
    /// Loads the encoder from `model_dir` and, when `span_dir` is given, the trained span model
    /// with its gates (`gates.json` beside it; without one, the model joins every field). The
    /// encoder alone re-ranks every field's passages.
    pub fn load(model_dir: &Path, span_dir: Option<&Path>) -> Result<Self, ExtractError> {
        let gates = match span_dir.map(|d| d.join(GATES_FILE)) {
            Some(path) if path.is_file() => Gates::load(&path)?,
            Some(_) => Gates::everywhere(Gate::OPEN),
            None => Gates::everywhere(Gate {
                join: Join::Off,
                rerank: true,
            }),
        };
        Ok(CandleFieldModel {
            models: ModelHandle::spawn(model_dir, span_dir).map_err(model_error)?,
            gates,
        })
    }

    /// The same model behind other gates (an evaluation's or a tuning run's).
    pub fn with_gates(self, gates: Gates) -> Self {
        CandleFieldModel { gates, ..self }
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

    fn answers_spans(&self) -> bool {
        self.models.has_reader()
    }

    fn gate(&self, template: &str, field: &str) -> Gate {
        self.gates.gate(template, field)
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

//! The seam through which trained models propose field values: one more candidate source for the
//! field engine, next to key-values, defined terms and pattern finders.

use crate::ExtractError;
use crate::fields::model_gate::Gate;

/// A model's proposed answer span inside one passage.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanPrediction {
    /// Index into the passages handed in.
    pub passage: usize,
    /// Byte range of the answer inside that passage.
    pub start: usize,
    pub end: usize,
    /// The model's score for the span, 0..1 (uncalibrated).
    pub score: f32,
}

/// A model that answers field questions over passages of a document.
pub trait FieldModel: Send + Sync {
    /// Relevance of each passage to `query`, one score per passage, higher is more relevant.
    fn rerank(&self, query: &str, passages: &[&str]) -> Result<Vec<f32>, ExtractError>;

    /// The best answer spans to `question` in `passages`, best first (possibly none).
    fn predict_spans(
        &self,
        question: &str,
        passages: &[&str],
    ) -> Result<Vec<SpanPrediction>, ExtractError>;

    /// Whether `predict_spans` has a trained reader behind it (else only `rerank` answers).
    fn answers_spans(&self) -> bool {
        true
    }

    /// How the model may join `field` of `template` (its shipped gates).
    fn gate(&self, _template: &str, _field: &str) -> Gate {
        Gate::OPEN
    }
}

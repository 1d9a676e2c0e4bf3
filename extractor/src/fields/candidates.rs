//! Candidate values for a field, each with where it was read and which source proposed it. The
//! scorer merges candidates that agree and turns their sources and checks into a confidence.

use crate::schema::Evidence;
use serde_json::Value;

/// Which finder proposed a candidate; sources differ in how often they are right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// A label/value line of a summary page ("Security Deposit — $9,336.50").
    KeyValue,
    /// A defined term's definition ("the "Commencement Date" means ...").
    DefinedTerm,
    /// The opening paragraph naming the parties and the date.
    Preamble,
    /// A row of a table (the rent schedule).
    Table,
    /// A role-aware clause finder (the term clause, the renewal clause, the rent table).
    Clause,
    /// A typed value inside a passage retrieved by the field's description.
    Retrieval,
    /// Computed from other fields (expiration from commencement + term).
    Derived,
    /// A `FieldModel` span prediction.
    Model,
}

impl Source {
    /// Prior probability that a candidate from this source is right, before agreement and
    /// checks; the calibration maps the final score to an observed frequency.
    pub fn prior(self) -> f64 {
        match self {
            Source::KeyValue => 0.85,
            Source::DefinedTerm => 0.8,
            Source::Table => 0.9,
            Source::Preamble => 0.85,
            Source::Clause => 0.75,
            Source::Derived => 0.7,
            Source::Model => 0.6,
            Source::Retrieval => 0.45,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Source::KeyValue => "key_value",
            Source::DefinedTerm => "defined_term",
            Source::Preamble => "preamble",
            Source::Table => "table",
            Source::Clause => "clause",
            Source::Retrieval => "retrieval",
            Source::Derived => "derived",
            Source::Model => "model",
        }
    }
}

/// One proposed value for a field.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The normalized value in its schema encoding.
    pub value: Value,
    pub evidence: Evidence,
    pub source: Source,
    /// The finder's own strength for this candidate, 0..1 (1 = as sure as its source allows).
    pub strength: f64,
    /// Byte offset in the document text, earlier candidates win ties.
    pub at: usize,
}

impl Candidate {
    pub fn new(value: Value, evidence: Evidence, source: Source, strength: f64, at: usize) -> Self {
        Candidate {
            value,
            evidence,
            source,
            strength: strength.clamp(0.0, 1.0),
            at,
        }
    }

    /// The key candidates are grouped by: equal normalized values agree.
    pub fn agreement_key(&self) -> String {
        match &self.value {
            Value::String(s) => s
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect(),
            other => other.to_string(),
        }
    }
}

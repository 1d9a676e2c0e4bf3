//! The one error type of ml-models' boundary.

use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ModelError {
    #[error("model file {path} could not be read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("model configuration {path} is invalid: {message}")]
    Config { path: PathBuf, message: String },
    #[error("tokenizer error: {0}")]
    Tokenizer(String),
    #[error("tensor error: {0}")]
    Candle(#[from] candle_core::Error),
    #[error("training data line {line}: {message}")]
    Data { line: usize, message: String },
    #[error("invalid input: {0}")]
    Input(String),
    #[error("the model thread has stopped")]
    ThreadGone,
}

pub type Result<T, E = ModelError> = std::result::Result<T, E>;

impl ModelError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ModelError::Io {
            path: path.into(),
            source,
        }
    }
}

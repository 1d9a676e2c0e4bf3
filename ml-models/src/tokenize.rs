//! Loads the checkpoint's tokenizer with our own truncation and padding: the shipped file fixes
//! both at 128 tokens, which would silently cut every passage and pad every short one.

use crate::error::{ModelError, Result};
use std::path::Path;
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams, TruncationStrategy};

/// The longest sequence the encoder is given, in tokens (MiniLM's position table holds 512).
pub const MAX_TOKENS: usize = 256;

/// Loads `tokenizer.json`, truncating to `max_tokens` and padding a batch to its longest member.
pub fn load_tokenizer(path: &Path, max_tokens: usize) -> Result<Tokenizer> {
    load(path, max_tokens, TruncationStrategy::LongestFirst)
}

/// Same as `load_tokenizer`, but a pair is truncated in its second text only, so a question
/// always survives whole.
pub fn load_pair_tokenizer(path: &Path, max_tokens: usize) -> Result<Tokenizer> {
    load(path, max_tokens, TruncationStrategy::OnlySecond)
}

fn load(path: &Path, max_tokens: usize, strategy: TruncationStrategy) -> Result<Tokenizer> {
    let mut tokenizer = Tokenizer::from_file(path)
        .map_err(|e| ModelError::Tokenizer(format!("{}: {e}", path.display())))?;
    tokenizer
        .with_truncation(Some(TruncationParams {
            max_length: max_tokens,
            strategy,
            ..Default::default()
        }))
        .map_err(tokenizer_error)?;
    tokenizer.with_padding(Some(PaddingParams {
        strategy: PaddingStrategy::BatchLongest,
        ..Default::default()
    }));
    Ok(tokenizer)
}

pub(crate) fn tokenizer_error(e: impl std::fmt::Display) -> ModelError {
    ModelError::Tokenizer(e.to_string())
}

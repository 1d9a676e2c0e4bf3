//! The span head: two scores per token, for "the answer starts here" and "ends here", over the
//! encoder's states of a question + passage pair. Index 0 (`[CLS]`) means "no answer here".

use candle_core::{Module, Result, Tensor};
use candle_nn::{Linear, VarBuilder, linear};
use serde::{Deserialize, Serialize};

/// Shape of the head, stored beside its weights.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Config {
    pub hidden_size: usize,
    /// Width of the hidden layer between the encoder and the two scores.
    pub inner_size: usize,
}

pub struct SpanHead {
    inner: Linear,
    out: Linear,
}

impl SpanHead {
    pub fn load(vb: VarBuilder, config: &Config) -> Result<Self> {
        Ok(SpanHead {
            inner: linear(config.hidden_size, config.inner_size, vb.pp("inner"))?,
            out: linear(config.inner_size, 2, vb.pp("out"))?,
        })
    }

    /// `(batch, seq, hidden)` states to `(start, end)` logits, each `(batch, seq)`.
    pub fn forward(&self, hidden: &Tensor) -> Result<(Tensor, Tensor)> {
        let logits = self.out.forward(&self.inner.forward(hidden)?.gelu_erf()?)?;
        let start = logits.narrow(2, 0, 1)?.squeeze(2)?;
        let end = logits.narrow(2, 1, 1)?.squeeze(2)?;
        Ok((start, end))
    }
}

/// Tensor-name prefix of the head inside a weights file.
pub const PREFIX: &str = "span_head";

/// The best span from one sequence's start/end probabilities, among `allowed` token positions
/// (the passage's tokens), at most `max_len` tokens long: `(start, end, score)`, inclusive.
pub fn best_span(
    start: &[f32],
    end: &[f32],
    allowed: &[bool],
    max_len: usize,
) -> Option<(usize, usize, f32)> {
    let mut best: Option<(usize, usize, f32)> = None;
    for s in (0..start.len()).filter(|&s| allowed[s]) {
        for e in (s..(s + max_len).min(end.len())).filter(|&e| allowed[e]) {
            let score = start[s] * end[e];
            if best.is_none_or(|(_, _, b)| score > b) {
                best = Some((s, e, score));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::best_span;

    #[test]
    fn best_span_respects_order_length_and_mask() {
        let start = [0.1, 0.6, 0.2, 0.1];
        let end = [0.1, 0.1, 0.2, 0.6];
        let all = [false, true, true, true];
        assert_eq!(
            best_span(&start, &end, &all, 8).map(|b| (b.0, b.1)),
            Some((1, 3))
        );
        assert_eq!(
            best_span(&start, &end, &all, 2).map(|b| (b.0, b.1)),
            Some((1, 2))
        );
        assert_eq!(best_span(&start, &end, &[false; 4], 8), None);
    }
}

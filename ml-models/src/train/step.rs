//! The span loss: negative log-likelihood of the gold start and end positions under a softmax
//! over the allowed positions; with several gold answers, of any of them.

use crate::error::Result;
use crate::train::features::Targets;
use candle_core::{D, Tensor};

pub fn span_loss(start: &Tensor, end: &Tensor, targets: &Targets) -> Result<Tensor> {
    let bias: Vec<f32> = targets
        .allowed
        .iter()
        .map(|&ok| if ok { 0.0 } else { -1e4 })
        .collect();
    let bias = Tensor::from_vec(bias, targets.allowed.len(), start.device())?;
    let side = |logits: &Tensor, gold: &[u32]| -> Result<Tensor> {
        let log_probs = candle_nn::ops::log_softmax(&logits.broadcast_add(&bias)?, D::Minus1)?;
        let gold = Tensor::new(gold, logits.device())?;
        Ok(log_probs
            .index_select(&gold, 0)?
            .exp()?
            .sum_all()?
            .log()?
            .neg()?)
    };
    Ok(((side(start, &targets.starts)? + side(end, &targets.ends)?)? * 0.5)?)
}

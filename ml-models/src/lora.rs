//! Low-rank adapters (LoRA): a frozen linear layer plus a trainable `B·A` update of small rank.

use candle_core::{Module, Result, Tensor};
use candle_nn::{Init, Linear, VarBuilder, linear};
use serde::{Deserialize, Serialize};

/// Rank and scale of the adapters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LoraConfig {
    pub rank: usize,
    pub alpha: f64,
}

/// A linear layer with an optional adapter. `lora_a` starts random and `lora_b` at zero, so a
/// fresh adapter leaves the layer's output unchanged.
pub struct LoraLinear {
    base: Linear,
    adapter: Option<(Tensor, Tensor, f64)>,
}

impl LoraLinear {
    pub fn load(
        in_dim: usize,
        out_dim: usize,
        lora: Option<LoraConfig>,
        vb: VarBuilder,
    ) -> Result<Self> {
        let base = linear(in_dim, out_dim, vb.clone())?;
        let adapter = match lora {
            None => None,
            Some(cfg) => {
                let a = vb.get_with_hints(
                    (cfg.rank, in_dim),
                    "lora_a",
                    Init::Randn {
                        mean: 0.0,
                        stdev: 1.0 / (in_dim as f64).sqrt(),
                    },
                )?;
                let b = vb.get_with_hints((out_dim, cfg.rank), "lora_b", Init::Const(0.0))?;
                Some((a, b, cfg.alpha / cfg.rank as f64))
            }
        };
        Ok(LoraLinear { base, adapter })
    }
}

impl Module for LoraLinear {
    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        let ys = self.base.forward(xs)?;
        match &self.adapter {
            None => Ok(ys),
            Some((a, b, scale)) => {
                let low = xs.broadcast_matmul(&a.t()?)?.broadcast_matmul(&b.t()?)?;
                ys + (low * *scale)?
            }
        }
    }
}

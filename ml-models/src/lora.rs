//! Low-rank adapters (LoRA): a frozen linear layer plus a trainable `B·A` update of small rank.

use candle_core::{Module, Result, Tensor};
use candle_nn::{Init, Linear, VarBuilder, linear};
use serde::{Deserialize, Serialize};

/// Rank, scale and placement of the adapters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LoraConfig {
    pub rank: usize,
    pub alpha: f64,
    /// Adapters on the top this many layers only (the lower ones stay the checkpoint's, so
    /// training caches their outputs once); none puts them on every layer.
    #[serde(default)]
    pub top_layers: Option<usize>,
}

impl LoraConfig {
    /// Index of the first layer that carries adapters, in an encoder of `layers` layers.
    pub fn first_layer(&self, layers: usize) -> usize {
        layers - self.top_layers.unwrap_or(layers).min(layers)
    }
}

/// A linear layer with an optional adapter. `lora_a` starts random and `lora_b` at zero, so a
/// fresh adapter leaves the layer's output unchanged.
pub struct LoraLinear {
    base: Linear,
    adapter: Option<(Tensor, Tensor, f64)>,
}

impl LoraLinear {
    /// With `merge`, a trained adapter is folded into the base weight (`W + s·B·A`) at load, so
    /// inference costs what the plain layer costs; without it, `A` and `B` stay separate
    /// (trainable) tensors.
    pub fn load(
        in_dim: usize,
        out_dim: usize,
        lora: Option<LoraConfig>,
        merge: bool,
        vb: VarBuilder,
    ) -> Result<Self> {
        let base = linear(in_dim, out_dim, vb.clone())?;
        let Some(cfg) = lora else {
            return Ok(LoraLinear {
                base,
                adapter: None,
            });
        };
        let a = vb.get_with_hints(
            (cfg.rank, in_dim),
            "lora_a",
            Init::Randn {
                mean: 0.0,
                stdev: 1.0 / (in_dim as f64).sqrt(),
            },
        )?;
        let b = vb.get_with_hints((out_dim, cfg.rank), "lora_b", Init::Const(0.0))?;
        let scale = cfg.alpha / cfg.rank as f64;
        if merge {
            let weight = (base.weight() + (b.matmul(&a)? * scale)?)?;
            return Ok(LoraLinear {
                base: Linear::new(weight, base.bias().cloned()),
                adapter: None,
            });
        }
        Ok(LoraLinear {
            base,
            adapter: Some((a, b, scale)),
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::{DType, Device};
    use std::collections::HashMap;

    #[test]
    fn a_merged_adapter_computes_what_the_separate_one_does() -> Result<()> {
        let device = Device::Cpu;
        let t = |values: &[f32], shape: (usize, usize)| Tensor::from_slice(values, shape, &device);
        let tensors = HashMap::from([
            ("weight".to_string(), t(&[1., 2., 3., 4., 5., 6.], (2, 3))?),
            ("bias".to_string(), Tensor::new(&[0.5f32, -0.5], &device)?),
            ("lora_a".to_string(), t(&[0.1, -0.2, 0.3], (1, 3))?),
            ("lora_b".to_string(), t(&[2.0, -1.0], (2, 1))?),
        ]);
        let cfg = Some(LoraConfig {
            rank: 1,
            alpha: 3.0,
            top_layers: None,
        });
        let vb = VarBuilder::from_tensors(tensors, DType::F32, &device);
        let separate = LoraLinear::load(3, 2, cfg, false, vb.clone())?;
        let merged = LoraLinear::load(3, 2, cfg, true, vb.clone())?;
        let plain = LoraLinear::load(3, 2, None, false, vb)?;
        let xs = t(&[1.0, 0.5, -2.0, 0.0, 1.0, 1.0], (2, 3))?;
        let diff = (separate.forward(&xs)? - merged.forward(&xs)?)?
            .abs()?
            .max_all()?
            .to_scalar::<f32>()?;
        assert!(diff < 1e-5, "{diff}");
        let moved = (separate.forward(&xs)? - plain.forward(&xs)?)?
            .abs()?
            .max_all()?
            .to_scalar::<f32>()?;
        assert!(moved > 0.1, "the adapter changed nothing: {moved}");
        Ok(())
    }

    #[test]
    fn adapters_sit_on_the_top_layers() {
        let cfg = |top_layers| LoraConfig {
            rank: 8,
            alpha: 16.0,
            top_layers,
        };
        assert_eq!(cfg(None).first_layer(6), 0);
        assert_eq!(cfg(Some(2)).first_layer(6), 4);
        assert_eq!(cfg(Some(9)).first_layer(6), 0);
    }
}

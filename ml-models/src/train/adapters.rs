//! Adapter training: LoRA on the attention of the top layers and the span head, trained together
//! on the lower layers' states cached once, so a step runs and backpropagates through the adapted
//! layers alone. The checkpoint's weights stay plain tensors (no gradients are computed for them).

use super::{Item, adam, seed_vars, step};
use crate::bert::{self, BertModel, Options};
use crate::encoder::{read_config, read_weights};
use crate::error::{ModelError, Result};
use crate::span::{self, SpanHead};
use crate::train::TrainOptions;
use candle_core::{DType, Device, Shape, Tensor, Var};
use candle_nn::var_builder::SimpleBackend;
use candle_nn::{Init, Optimizer, VarBuilder, VarMap};
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use std::collections::HashMap;
use std::path::Path;

/// Serves the checkpoint's tensors as they are and creates everything else (adapters, head) as
/// trainable variables.
struct FrozenOrTrainable {
    frozen: HashMap<String, Tensor>,
    trainable: VarMap,
}

impl SimpleBackend for FrozenOrTrainable {
    fn get(
        &self,
        shape: Shape,
        name: &str,
        init: Init,
        dtype: DType,
        device: &Device,
    ) -> candle_core::Result<Tensor> {
        match self.frozen.get(name) {
            Some(t) if t.shape() == &shape => t.to_dtype(dtype)?.to_device(device),
            Some(t) => candle_core::bail!("{name}: shape {:?}, expected {shape:?}", t.shape()),
            None => self.trainable.get(shape, name, init, dtype, device),
        }
    }

    fn get_unchecked(
        &self,
        name: &str,
        dtype: DType,
        device: &Device,
    ) -> candle_core::Result<Tensor> {
        match self.frozen.get(name) {
            Some(t) => t.to_dtype(dtype)?.to_device(device),
            None => candle_core::bail!("{name}: no such frozen tensor"),
        }
    }

    fn contains_tensor(&self, name: &str) -> bool {
        self.frozen.contains_key(name) || self.trainable.contains_tensor(name)
    }
}

/// Trains adapters and the head (starting from `head_weights`) for `options.lora_steps` steps;
/// returns the tensors to ship (head and adapters only).
pub(super) fn train_adapters(
    model_dir: &Path,
    items: &[Item],
    head_weights: &HashMap<String, Tensor>,
    options: &TrainOptions,
    rng: &mut ChaCha8Rng,
) -> Result<HashMap<String, Tensor>> {
    let device = Device::Cpu;
    let config = read_config(model_dir)?;
    let trainable = VarMap::new();
    let backend = FrozenOrTrainable {
        frozen: read_weights(model_dir, &device)?,
        trainable: trainable.clone(),
    };
    let vb = VarBuilder::from_backend(Box::new(backend), bert::DTYPE, device.clone());
    let encoder = BertModel::load(
        vb.clone(),
        &config,
        &Options {
            trainable_norm: true,
            lora: Some(options.lora),
        },
    )?;
    let head = SpanHead::load(
        vb.pp(span::PREFIX),
        &span::Config {
            hidden_size: config.hidden_size,
            inner_size: options.inner_size,
        },
    )?;
    seed_vars(&trainable, rng, &device, |name| name.ends_with("lora_a"))?;
    {
        let map = trainable
            .data()
            .lock()
            .map_err(|_| ModelError::ThreadGone)?;
        for (name, var) in map.iter() {
            if let Some(t) = head_weights.get(name) {
                var.set(t)?;
            }
        }
    }
    let adapted = options.lora.first_layer(config.num_hidden_layers)..config.num_hidden_layers;
    let mut optimizer = candle_nn::AdamW::new(trainable.all_vars(), adam(options.lora_lr))?;
    let per_step = options.lora_batch.max(1);
    let mut order: Vec<usize> = (0..items.len()).collect();
    let clock = std::time::Instant::now();
    let mut recent = vec![];
    for step_index in 0..options.lora_steps {
        if step_index * per_step % items.len() < per_step {
            order.shuffle(rng);
        }
        let start = step_index * per_step % items.len();
        let chosen: Vec<&Item> = (start..start + per_step)
            .map(|i| &items[order[i % items.len()]])
            .collect();
        let (states, mask) = padded_lower_states(&chosen, &device)?;
        let hidden = encoder.forward_layers(&states, &mask, adapted.clone())?;
        let (starts, ends) = head.forward(&hidden)?;
        let mut losses = vec![];
        for (row, item) in chosen.iter().enumerate() {
            let len = item.encoding.len();
            losses.push(step::span_loss(
                &starts.get(row)?.narrow(0, 0, len)?,
                &ends.get(row)?.narrow(0, 0, len)?,
                &item.targets,
            )?);
        }
        let loss = Tensor::stack(&losses, 0)?.mean_all()?;
        recent.push(loss.to_scalar::<f32>()?);
        optimizer.backward_step(&loss)?;
        if (step_index + 1) % 20 == 0 || step_index + 1 == options.lora_steps {
            tracing::info!(
                step = step_index + 1,
                loss = recent.iter().sum::<f32>() / recent.len() as f32,
                seconds_per_step = clock.elapsed().as_secs_f64() / (step_index + 1) as f64,
                "adapters"
            );
            recent.clear();
        }
    }
    let map = trainable
        .data()
        .lock()
        .map_err(|_| ModelError::ThreadGone)?;
    Ok(map
        .iter()
        .map(|(name, var): (&String, &Var)| (name.clone(), var.as_tensor().clone()))
        .collect())
}

/// The chosen items' cached lower-layer states, zero-padded to the longest, `(batch, seq,
/// hidden)`, and their attention mask `(batch, seq)`.
fn padded_lower_states(items: &[&Item], device: &Device) -> Result<(Tensor, Tensor)> {
    let longest = items.iter().map(|i| i.encoding.len()).max().unwrap_or(0);
    let mut rows = vec![];
    let mut mask = vec![];
    for item in items {
        let lower = item
            .lower
            .as_ref()
            .ok_or_else(|| ModelError::Input("lower-layer states not cached".into()))?;
        let len = item.encoding.len();
        rows.push(lower.pad_with_zeros(0, 0, longest - len)?);
        mask.extend((0..longest).map(|t| u32::from(t < len)));
    }
    Ok((
        Tensor::stack(&rows, 0)?,
        Tensor::from_vec(mask, (items.len(), longest), device)?,
    ))
}

//! The MiniLM encoder loaded from a model folder (`config.json`, `model.safetensors`,
//! `tokenizer.json`), turning tokenizer encodings into hidden states in batches.

use crate::bert::{BertModel, Config, DTYPE, Options};
use crate::error::{ModelError, Result};
use candle_core::{Device, Tensor};
use candle_nn::VarBuilder;
use std::collections::HashMap;
use std::path::Path;
use tokenizers::Encoding;

/// Reads and parses `config.json` of a model folder.
pub fn read_config(model_dir: &Path) -> Result<Config> {
    let path = model_dir.join("config.json");
    let text = std::fs::read_to_string(&path).map_err(|e| ModelError::io(&path, e))?;
    serde_json::from_str(&text).map_err(|e| ModelError::Config {
        path,
        message: e.to_string(),
    })
}

/// The checkpoint's tensors, read into memory (so adapters and heads can be added to them).
pub fn read_weights(model_dir: &Path, device: &Device) -> Result<HashMap<String, Tensor>> {
    read_safetensors(&model_dir.join("model.safetensors"), device)
}

/// Reads one safetensors file, with the path in the error.
pub fn read_safetensors(path: &Path, device: &Device) -> Result<HashMap<String, Tensor>> {
    if !path.exists() {
        return Err(ModelError::io(
            path,
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        ));
    }
    candle_core::safetensors::load(path, device).map_err(|e| ModelError::Config {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// A loaded encoder and the device it runs on.
pub struct Encoder {
    model: BertModel,
    device: Device,
}

impl Encoder {
    /// Loads the plain (adapter-free) encoder for inference.
    pub fn load(model_dir: &Path, device: &Device) -> Result<Self> {
        let config = read_config(model_dir)?;
        let weights = read_weights(model_dir, device)?;
        Self::from_tensors(weights, &config, &Options::INFERENCE, device)
    }

    /// Builds the encoder from tensors already in memory (checkpoint plus adapters).
    pub fn from_tensors(
        tensors: HashMap<String, Tensor>,
        config: &Config,
        options: &Options,
        device: &Device,
    ) -> Result<Self> {
        let vb = VarBuilder::from_tensors(tensors, DTYPE, device);
        Ok(Encoder {
            model: BertModel::load(vb, config, options)?,
            device: device.clone(),
        })
    }

    pub fn device(&self) -> &Device {
        &self.device
    }

    /// Hidden states `(batch, seq, hidden)` and the attention mask `(batch, seq)` of encodings
    /// that were padded to one length.
    pub fn forward(&self, encodings: &[Encoding]) -> Result<(Tensor, Tensor)> {
        let batch = Batch::new(encodings, &self.device)?;
        let hidden = self
            .model
            .forward(&batch.input_ids, &batch.type_ids, &batch.mask)?;
        Ok((hidden, batch.mask))
    }

    /// The states entering layer `split` (the input of the layers adapters are trained on) and,
    /// when `with_hidden`, the last layer's states: `(lower, hidden, mask)`.
    pub fn forward_split(
        &self,
        encodings: &[Encoding],
        split: usize,
        with_hidden: bool,
    ) -> Result<(Tensor, Option<Tensor>, Tensor)> {
        let batch = Batch::new(encodings, &self.device)?;
        let lower =
            self.model
                .forward_lower(&batch.input_ids, &batch.type_ids, &batch.mask, split)?;
        let hidden = if with_hidden {
            let upper = split.min(self.model.num_layers())..self.model.num_layers();
            Some(self.model.forward_layers(&lower, &batch.mask, upper)?)
        } else {
            None
        };
        Ok((lower, hidden, batch.mask))
    }
}

/// Encodings of one length as `(batch, seq)` u32 tensors.
pub struct Batch {
    pub input_ids: Tensor,
    pub type_ids: Tensor,
    pub mask: Tensor,
}

impl Batch {
    pub fn new(encodings: &[Encoding], device: &Device) -> Result<Self> {
        let len = encodings.first().map_or(0, |e| e.len());
        if encodings.is_empty() || encodings.iter().any(|e| e.len() != len) {
            return Err(ModelError::Input(
                "a batch needs at least one encoding, all of one length".into(),
            ));
        }
        let stack = |f: &dyn Fn(&Encoding) -> &[u32]| -> Result<Tensor> {
            let flat: Vec<u32> = encodings.iter().flat_map(|e| f(e).to_vec()).collect();
            Ok(Tensor::from_vec(flat, (encodings.len(), len), device)?)
        };
        Ok(Batch {
            input_ids: stack(&|e| e.get_ids())?,
            type_ids: stack(&|e| e.get_type_ids())?,
            mask: stack(&|e| e.get_attention_mask())?,
        })
    }
}

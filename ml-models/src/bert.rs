//! BERT encoder (MiniLM-L6 shape) with an optional low-rank adapter on attention and a choice of
//! LayerNorm and softmax: fused kernels for inference, `layer_norm_slow` and the composed softmax
//! (which have gradients) for training.

use crate::lora::{LoraConfig, LoraLinear};
use candle_core::{D, DType, Module, Result, Tensor};
use candle_nn::{Embedding, Linear, VarBuilder, embedding, linear};
use serde::Deserialize;

/// The parts of the checkpoint's `config.json` this encoder reads.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Config {
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    pub intermediate_size: usize,
    pub max_position_embeddings: usize,
    pub type_vocab_size: usize,
    pub layer_norm_eps: f64,
}

/// How a loaded encoder will be used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Use the differentiable LayerNorm and softmax (training) instead of the fused kernels
    /// (inference), which have no backward pass.
    pub trainable_norm: bool,
    /// Low-rank adapters on the attention query and value projections (of the layers the
    /// config names). For inference they are merged into the checkpoint's weights at load.
    pub lora: Option<LoraConfig>,
}

impl Options {
    pub const INFERENCE: Options = Options {
        trainable_norm: false,
        lora: None,
    };
}

struct LayerNorm {
    weight: Tensor,
    bias: Tensor,
    eps: f32,
    slow: bool,
}

impl LayerNorm {
    fn load(size: usize, eps: f64, slow: bool, vb: VarBuilder) -> Result<Self> {
        Ok(LayerNorm {
            weight: vb.get(size, "weight")?,
            bias: vb.get(size, "bias")?,
            eps: eps as f32,
            slow,
        })
    }

    fn forward(&self, xs: &Tensor) -> Result<Tensor> {
        if self.slow {
            candle_nn::ops::layer_norm_slow(xs, &self.weight, &self.bias, self.eps)
        } else {
            candle_nn::ops::layer_norm(xs, &self.weight, &self.bias, self.eps)
        }
    }
}

struct Embeddings {
    word: Embedding,
    position: Embedding,
    token_type: Embedding,
    norm: LayerNorm,
}

impl Embeddings {
    fn load(vb: VarBuilder, c: &Config, o: &Options) -> Result<Self> {
        Ok(Embeddings {
            word: embedding(c.vocab_size, c.hidden_size, vb.pp("word_embeddings"))?,
            position: embedding(
                c.max_position_embeddings,
                c.hidden_size,
                vb.pp("position_embeddings"),
            )?,
            token_type: embedding(
                c.type_vocab_size,
                c.hidden_size,
                vb.pp("token_type_embeddings"),
            )?,
            norm: LayerNorm::load(
                c.hidden_size,
                c.layer_norm_eps,
                o.trainable_norm,
                vb.pp("LayerNorm"),
            )?,
        })
    }

    fn forward(&self, input_ids: &Tensor, token_type_ids: &Tensor) -> Result<Tensor> {
        let seq_len = input_ids.dim(1)?;
        let positions = Tensor::arange(0u32, seq_len as u32, input_ids.device())?;
        let xs = (self.word.forward(input_ids)? + self.token_type.forward(token_type_ids)?)?
            .broadcast_add(&self.position.forward(&positions)?)?;
        self.norm.forward(&xs)
    }
}

struct Layer {
    query: LoraLinear,
    key: Linear,
    value: LoraLinear,
    attention_out: Linear,
    attention_norm: LayerNorm,
    intermediate: Linear,
    output: Linear,
    output_norm: LayerNorm,
    heads: usize,
    head_size: usize,
    differentiable: bool,
}

impl Layer {
    fn load(vb: VarBuilder, c: &Config, o: &Options, lora: Option<LoraConfig>) -> Result<Self> {
        let h = c.hidden_size;
        let attn = vb.pp("attention");
        let slf = attn.pp("self");
        let merge = !o.trainable_norm;
        Ok(Layer {
            query: LoraLinear::load(h, h, lora, merge, slf.pp("query"))?,
            key: linear(h, h, slf.pp("key"))?,
            value: LoraLinear::load(h, h, lora, merge, slf.pp("value"))?,
            attention_out: linear(h, h, attn.pp("output").pp("dense"))?,
            attention_norm: LayerNorm::load(
                h,
                c.layer_norm_eps,
                o.trainable_norm,
                attn.pp("output").pp("LayerNorm"),
            )?,
            intermediate: linear(h, c.intermediate_size, vb.pp("intermediate").pp("dense"))?,
            output: linear(c.intermediate_size, h, vb.pp("output").pp("dense"))?,
            output_norm: LayerNorm::load(
                h,
                c.layer_norm_eps,
                o.trainable_norm,
                vb.pp("output").pp("LayerNorm"),
            )?,
            heads: c.num_attention_heads,
            head_size: h / c.num_attention_heads,
            differentiable: o.trainable_norm,
        })
    }

    fn split_heads(&self, xs: &Tensor) -> Result<Tensor> {
        let (b, t, _) = xs.dims3()?;
        xs.reshape((b, t, self.heads, self.head_size))?
            .transpose(1, 2)?
            .contiguous()
    }

    fn forward(&self, xs: &Tensor, mask_bias: &Tensor) -> Result<Tensor> {
        let q = self.split_heads(&self.query.forward(xs)?)?;
        let k = self.split_heads(&self.key.forward(xs)?)?;
        let v = self.split_heads(&self.value.forward(xs)?)?;
        let scores = (q.matmul(&k.t()?)? / (self.head_size as f64).sqrt())?;
        let scores = scores.broadcast_add(mask_bias)?;
        let probs = if self.differentiable {
            candle_nn::ops::softmax(&scores, D::Minus1)?
        } else {
            candle_nn::ops::softmax_last_dim(&scores)?
        };
        let context = probs
            .matmul(&v)?
            .transpose(1, 2)?
            .contiguous()?
            .flatten_from(D::Minus2)?;
        let attended = self
            .attention_norm
            .forward(&(self.attention_out.forward(&context)? + xs)?)?;
        let inner = self.intermediate.forward(&attended)?.gelu_erf()?;
        self.output_norm
            .forward(&(self.output.forward(&inner)? + attended)?)
    }
}

/// The encoder: token ids in, one hidden state per token out.
pub struct BertModel {
    embeddings: Embeddings,
    layers: Vec<Layer>,
}

impl BertModel {
    /// Loads from a checkpoint whose tensor names start at `embeddings.` and `encoder.`.
    pub fn load(vb: VarBuilder, config: &Config, options: &Options) -> Result<Self> {
        let adapted_from = options
            .lora
            .map_or(usize::MAX, |l| l.first_layer(config.num_hidden_layers));
        let layers = (0..config.num_hidden_layers)
            .map(|i| {
                let lora = options.lora.filter(|_| i >= adapted_from);
                Layer::load(vb.pp(format!("encoder.layer.{i}")), config, options, lora)
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(BertModel {
            embeddings: Embeddings::load(vb.pp("embeddings"), config, options)?,
            layers,
        })
    }

    /// `input_ids`, `token_type_ids` and `attention_mask` are `(batch, seq)` u32 tensors; the
    /// result is `(batch, seq, hidden)`.
    pub fn forward(
        &self,
        input_ids: &Tensor,
        token_type_ids: &Tensor,
        attention_mask: &Tensor,
    ) -> Result<Tensor> {
        let xs = self.embeddings.forward(input_ids, token_type_ids)?;
        self.forward_layers(&xs, attention_mask, 0..self.layers.len())
    }

    /// The states after the embeddings and the first `layers` layers, `(batch, seq, hidden)`:
    /// the input of layer `layers`.
    pub fn forward_lower(
        &self,
        input_ids: &Tensor,
        token_type_ids: &Tensor,
        attention_mask: &Tensor,
        layers: usize,
    ) -> Result<Tensor> {
        let xs = self.embeddings.forward(input_ids, token_type_ids)?;
        self.forward_layers(&xs, attention_mask, 0..layers.min(self.layers.len()))
    }

    /// Runs states `(batch, seq, hidden)` through the layers in `range`.
    pub fn forward_layers(
        &self,
        xs: &Tensor,
        attention_mask: &Tensor,
        range: std::ops::Range<usize>,
    ) -> Result<Tensor> {
        // Padding positions get a large negative bias so softmax gives them no weight.
        let mask_bias = ((attention_mask.to_dtype(xs.dtype())?.affine(-1.0, 1.0)? * -1e4)?)
            .unsqueeze(1)?
            .unsqueeze(1)?;
        let Some(layers) = self.layers.get(range.clone()) else {
            return Err(candle_core::Error::Msg(format!(
                "layers {range:?} of an encoder of {}",
                self.layers.len()
            )));
        };
        let mut xs = xs.clone();
        for layer in layers {
            xs = layer.forward(&xs, &mask_bias)?;
        }
        Ok(xs)
    }

    pub fn num_layers(&self) -> usize {
        self.layers.len()
    }
}

/// The element type the encoder runs in.
pub const DTYPE: DType = DType::F32;

//! The encoder against the real MiniLM weights: it matches candle's reference BERT, its
//! trainable and adapter variants agree with it, and the tokenizer is not cut at 128 tokens.

mod common;

use candle_core::{Device, Tensor};
use candle_nn::VarBuilder;
use ml_models::bert::{BertModel, Config, DTYPE, Options};
use ml_models::encoder::{Batch, read_config, read_weights};
use ml_models::lora::LoraConfig;
use ml_models::tokenize::{MAX_TOKENS, load_tokenizer};

fn hidden(options: &Options, text: &str) -> Tensor {
    let dir = common::model_dir();
    let config: Config = read_config(&dir).unwrap();
    let mut weights = read_weights(&dir, &Device::Cpu).unwrap();
    if let Some(lora) = options.lora {
        // A fresh adapter: B is zero, so the output must not change.
        for i in 0..config.num_hidden_layers {
            for p in ["query", "value"] {
                let name = format!("encoder.layer.{i}.attention.self.{p}");
                let a = Tensor::ones((lora.rank, config.hidden_size), DTYPE, &Device::Cpu).unwrap();
                let b =
                    Tensor::zeros((config.hidden_size, lora.rank), DTYPE, &Device::Cpu).unwrap();
                weights.insert(format!("{name}.lora_a"), a);
                weights.insert(format!("{name}.lora_b"), b);
            }
        }
    }
    let vb = VarBuilder::from_tensors(weights, DTYPE, &Device::Cpu);
    let model = BertModel::load(vb, &config, options).unwrap();
    let tokenizer = load_tokenizer(&dir.join("tokenizer.json"), MAX_TOKENS).unwrap();
    let enc = tokenizer.encode(text, true).unwrap();
    let batch = Batch::new(&[enc], &Device::Cpu).unwrap();
    model
        .forward(&batch.input_ids, &batch.type_ids, &batch.mask)
        .unwrap()
}

fn reference(text: &str) -> Tensor {
    use candle_transformers::models::bert;
    let dir = common::model_dir();
    let config: bert::Config =
        serde_json::from_str(&std::fs::read_to_string(dir.join("config.json")).unwrap()).unwrap();
    let vb = unsafe {
        VarBuilder::from_mmaped_safetensors(&[dir.join("model.safetensors")], DTYPE, &Device::Cpu)
            .unwrap()
    };
    let model = bert::BertModel::load(vb, &config).unwrap();
    let tokenizer = load_tokenizer(&dir.join("tokenizer.json"), MAX_TOKENS).unwrap();
    let enc = tokenizer.encode(text, true).unwrap();
    let batch = Batch::new(&[enc], &Device::Cpu).unwrap();
    model
        .forward(&batch.input_ids, &batch.type_ids, Some(&batch.mask))
        .unwrap()
}

fn max_diff(a: &Tensor, b: &Tensor) -> f32 {
    (a - b)
        .unwrap()
        .abs()
        .unwrap()
        .max_all()
        .unwrap()
        .to_scalar()
        .unwrap()
}

const TEXT: &str = "The quick brown fox jumps over the lazy dog near the river bank.";

#[test]
fn matches_candle_reference_bert() {
    let ours = hidden(&Options::INFERENCE, TEXT);
    let theirs = reference(TEXT);
    assert_eq!(ours.dims(), theirs.dims());
    assert!(
        max_diff(&ours, &theirs) < 1e-4,
        "{}",
        max_diff(&ours, &theirs)
    );
}

#[test]
fn trainable_norm_and_fresh_adapters_do_not_change_outputs() {
    let base = hidden(&Options::INFERENCE, TEXT);
    let trainable = hidden(
        &Options {
            trainable_norm: true,
            lora: Some(LoraConfig {
                rank: 4,
                alpha: 8.0,
                top_layers: None,
            }),
        },
        TEXT,
    );
    assert!(
        max_diff(&base, &trainable) < 1e-4,
        "{}",
        max_diff(&base, &trainable)
    );
}

#[test]
fn the_cached_lower_layers_and_the_top_layers_give_the_whole_forward() {
    let dir = common::model_dir();
    let config = read_config(&dir).unwrap();
    let mut weights = read_weights(&dir, &Device::Cpu).unwrap();
    let top = 2;
    // Adapters on the top two layers only: the lower layers need no adapter tensors, and a
    // non-zero adapter must change the output.
    for i in config.num_hidden_layers - top..config.num_hidden_layers {
        for p in ["query", "value"] {
            let name = format!("encoder.layer.{i}.attention.self.{p}");
            let a = Tensor::ones((4, config.hidden_size), DTYPE, &Device::Cpu).unwrap();
            let b = (Tensor::ones((config.hidden_size, 4), DTYPE, &Device::Cpu).unwrap() * 0.01)
                .unwrap();
            weights.insert(format!("{name}.lora_a"), a);
            weights.insert(format!("{name}.lora_b"), b);
        }
    }
    let options = Options {
        trainable_norm: false,
        lora: Some(LoraConfig {
            rank: 4,
            alpha: 8.0,
            top_layers: Some(top),
        }),
    };
    let vb = VarBuilder::from_tensors(weights, DTYPE, &Device::Cpu);
    let model = BertModel::load(vb, &config, &options).unwrap();
    let tokenizer = load_tokenizer(&dir.join("tokenizer.json"), MAX_TOKENS).unwrap();
    let batch = Batch::new(&[tokenizer.encode(TEXT, true).unwrap()], &Device::Cpu).unwrap();
    let whole = model
        .forward(&batch.input_ids, &batch.type_ids, &batch.mask)
        .unwrap();
    let split = config.num_hidden_layers - top;
    let lower = model
        .forward_lower(&batch.input_ids, &batch.type_ids, &batch.mask, split)
        .unwrap();
    let upper = model
        .forward_layers(&lower, &batch.mask, split..config.num_hidden_layers)
        .unwrap();
    assert!(
        max_diff(&whole, &upper) < 1e-5,
        "{}",
        max_diff(&whole, &upper)
    );
    let plain = hidden(&Options::INFERENCE, TEXT);
    assert!(
        max_diff(&whole, &plain) > 1e-3,
        "the adapters changed nothing"
    );
    assert!(
        model
            .forward_layers(&lower, &batch.mask, split..config.num_hidden_layers + 1)
            .is_err()
    );
}

#[test]
fn tokenizer_is_not_cut_at_the_shipped_128_tokens() {
    let dir = common::model_dir();
    let tokenizer = load_tokenizer(&dir.join("tokenizer.json"), MAX_TOKENS).unwrap();
    let long = "word ".repeat(400);
    assert_eq!(
        tokenizer.encode(long.as_str(), true).unwrap().len(),
        MAX_TOKENS
    );
    // No fixed padding either: a short text stays short.
    assert_eq!(
        tokenizer.encode("hello world", true).unwrap().get_ids(),
        &[101, 7592, 2088, 102]
    );
}

#[test]
fn the_trainable_variant_has_gradients_through_layer_norm_and_adapters() {
    let dir = common::model_dir();
    let config = read_config(&dir).unwrap();
    let vars = candle_nn::VarMap::new();
    let vb = VarBuilder::from_varmap(&vars, DTYPE, &Device::Cpu);
    let options = Options {
        trainable_norm: true,
        lora: Some(LoraConfig {
            rank: 2,
            alpha: 4.0,
            top_layers: None,
        }),
    };
    let model = BertModel::load(vb, &config, &options).unwrap();
    let checkpoint = read_weights(&dir, &Device::Cpu).unwrap();
    for (name, var) in vars.data().lock().unwrap().iter() {
        if let Some(t) = checkpoint.get(name) {
            var.set(t).unwrap();
        }
    }
    let tokenizer = load_tokenizer(&dir.join("tokenizer.json"), MAX_TOKENS).unwrap();
    let batch = Batch::new(&[tokenizer.encode(TEXT, true).unwrap()], &Device::Cpu).unwrap();
    let out = model
        .forward(&batch.input_ids, &batch.type_ids, &batch.mask)
        .unwrap();
    // One feature, not the squared norm: LayerNorm makes a state's norm constant, which would
    // leave no gradient for the layers below the last one.
    let loss = out.narrow(2, 0, 1).unwrap().sum_all().unwrap();
    let grads = loss.backward().unwrap();
    let data = vars.data().lock().unwrap();
    let grad_norm = |name: &str| -> f32 {
        let g = grads.get(data[name].as_tensor()).expect(name);
        g.sqr().unwrap().sum_all().unwrap().to_scalar().unwrap()
    };
    assert!(grad_norm("encoder.layer.0.attention.output.LayerNorm.weight") > 0.0);
    // Query adapters only learn if gradients pass through the attention softmax.
    assert!(grad_norm("encoder.layer.0.attention.self.query.lora_b") > 0.0);
    assert!(grad_norm("encoder.layer.0.attention.self.value.lora_b") > 0.0);
}

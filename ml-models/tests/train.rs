//! Adapter training on the real MiniLM weights, kept tiny (six examples, two steps): it ships a
//! head and adapters on the top layers only, the adapters move, a second run gives the same
//! bytes, and a model with adapters is refused as a head to start from.

mod common;

use candle_core::Device;
use ml_models::encoder::read_safetensors;
use ml_models::reader::{SpanModelConfig, WEIGHTS_FILE};
use ml_models::train::data::{Answer, Example};
use ml_models::train::{TrainOptions, train};
use std::path::Path;

fn example(id: usize, question: &str, context: &str, answer: Option<&str>) -> Example {
    let answers = answer
        .map(|a| {
            let start = context.find(a).expect("answer in context");
            vec![Answer {
                start,
                end: start + a.len(),
                text: a.to_string(),
            }]
        })
        .unwrap_or_default();
    Example {
        id: format!("t/{id}"),
        group: format!("doc-{id}"),
        question: question.into(),
        context: context.into(),
        answers,
    }
}

fn examples() -> Vec<Example> {
    let law = "Which state's law governs the agreement?";
    let date = "When does the agreement take effect?";
    vec![
        example(
            0,
            law,
            "This Agreement is governed by the laws of the State of Ohio.",
            Some("Ohio"),
        ),
        example(
            1,
            law,
            "The laws of Texas govern this Agreement in all respects.",
            Some("Texas"),
        ),
        example(
            2,
            law,
            "Each party bears its own costs of the arbitration.",
            None,
        ),
        example(
            3,
            date,
            "This Agreement is effective as of March 3, 2019.",
            Some("March 3, 2019"),
        ),
        example(
            4,
            date,
            "The Effective Date is June 1, 2021.",
            Some("June 1, 2021"),
        ),
        example(5, date, "Notices go to the addresses written below.", None),
    ]
}

fn options() -> TrainOptions {
    TrainOptions {
        head_epochs: 2,
        batch: 4,
        lora_steps: 2,
        lora_batch: 3,
        ..TrainOptions::default()
    }
}

#[test]
fn adapter_training_ships_top_layer_adapters_reproducibly() {
    let model_dir = common::model_dir();
    let tmp = tempfile::tempdir().unwrap();
    let (first, second) = (tmp.path().join("a"), tmp.path().join("b"));
    let data = examples();
    train(&model_dir, &data, &first, &options()).unwrap();
    train(&model_dir, &data, &second, &options()).unwrap();
    let bytes = |dir: &Path| std::fs::read(dir.join(WEIGHTS_FILE)).unwrap();
    assert_eq!(
        bytes(&first),
        bytes(&second),
        "a second run gave other weights"
    );

    let config = SpanModelConfig::read(&first).unwrap();
    assert_eq!(config.lora.and_then(|l| l.top_layers), Some(2));
    let tensors = read_safetensors(&first.join(WEIGHTS_FILE), &Device::Cpu).unwrap();
    let mut adapted: Vec<&str> = tensors
        .keys()
        .filter(|n| n.contains("lora_"))
        .map(|n| n.split(".attention").next().unwrap())
        .collect();
    adapted.sort();
    adapted.dedup();
    assert_eq!(adapted, ["encoder.layer.4", "encoder.layer.5"]);
    assert!(tensors.keys().any(|n| n.starts_with("span_head.")));
    assert!(
        !tensors
            .keys()
            .any(|n| n.contains("LayerNorm") || n.ends_with("key.weight"))
    );
    // `lora_b` starts at zero: after two steps it must have moved.
    let moved = tensors["encoder.layer.5.attention.self.value.lora_b"]
        .abs()
        .unwrap()
        .max_all()
        .unwrap()
        .to_scalar::<f32>()
        .unwrap();
    assert!(moved > 0.0);

    let from_adapted = TrainOptions {
        init_head: Some(first.clone()),
        ..options()
    };
    let refused = train(&model_dir, &data, &tmp.path().join("c"), &from_adapted);
    assert!(
        refused.is_err(),
        "a head with adapters was accepted to start from"
    );
}

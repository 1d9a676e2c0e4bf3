//! The candle `FieldModel` with the real MiniLM weights and the shipped span model: re-ranking
//! puts the passage that answers first, and span answers are well-formed byte ranges.

use extractor::field_model::FieldModel;
use extractor::ml::CandleFieldModel;
use extractor::ml::candle_model::shipped_span_dir;
use std::path::PathBuf;

fn model_dir() -> PathBuf {
    let dir = std::env::var_os("LEASEGRID_MODEL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.cache/models/all-MiniLM-L6-v2")
        });
    assert!(
        dir.join("model.safetensors").exists(),
        "MiniLM weights not found at {} (run `make setup`)",
        dir.display()
    );
    dir
}

const QUESTION: &str = "Which state's law governs the agreement?";

const PASSAGES: [&str; 3] = [
    "The parties shall meet once each quarter to review the progress of the project.",
    "This Agreement shall be governed by and construed in accordance with the laws of the State of Delaware.",
    "Notices shall be sent by certified mail to the addresses set out below.",
];

#[test]
fn rerank_and_spans() {
    let model = CandleFieldModel::load(&model_dir(), Some(&shipped_span_dir())).unwrap();
    assert!(model.answers_spans());
    let scores = model.rerank(QUESTION, &PASSAGES).unwrap();
    assert_eq!(scores.len(), 3);
    let best = (0..3)
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
        .unwrap();
    assert_eq!(best, 1, "{scores:?}");

    let spans = model.predict_spans(QUESTION, &PASSAGES).unwrap();
    assert!(!spans.is_empty());
    for s in &spans {
        assert!(s.passage < PASSAGES.len());
        assert!(
            PASSAGES[s.passage]
                .get(s.start..s.end)
                .is_some_and(|t| !t.is_empty())
        );
        assert!((0.0..=1.0).contains(&s.score));
    }
    assert!(spans.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(model.rerank("anything", &[]).unwrap().is_empty());
}

#[test]
fn a_missing_span_model_is_a_missing_resource() {
    let missing = std::path::Path::new("/nonexistent");
    let err = CandleFieldModel::load(&model_dir(), Some(missing))
        .err()
        .unwrap();
    assert!(
        matches!(err, extractor::ExtractError::MissingResource(_)),
        "{err}"
    );
}

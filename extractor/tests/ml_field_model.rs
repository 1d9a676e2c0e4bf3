//! The candle `FieldModel` with the real MiniLM weights and the shipped span model: re-ranking
//! puts the passage that answers first, span answers are well-formed byte ranges, and the
//! product's lazy model loads behind its shipped gates (and not at all when they ask nothing).

use extractor::field_model::FieldModel;
use extractor::ml::CandleFieldModel;
use extractor::ml::candle_model::shipped_span_dir;

mod ingest_support;

use ingest_support::model_dir;

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

#[test]
fn the_product_model_loads_behind_its_shipped_gates() {
    use extractor::fields::model_gate::Join;
    use extractor::ml::lazy::LazyFieldModel;

    assert!(LazyFieldModel::off().get().is_none());
    let lazy = LazyFieldModel::new(&model_dir(), &shipped_span_dir());
    assert!(!lazy.is_loaded(), "nothing loads before the first need");
    let model = lazy.get().expect("the shipped model loads");
    assert!(lazy.is_loaded());
    assert!(model.answers_spans());
    // Fields the gates leave to the rules are never asked.
    assert_eq!(model.gate("lease", "landlord").join, Join::Off);
    assert_eq!(model.gate("some-template", "anything").join, Join::Off);

    // Gates that ask nothing of the model leave it unloaded; a folder without gates is refused.
    let dir = std::env::temp_dir().join(format!("lazy-model-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["span.safetensors", "span.json"] {
        std::fs::copy(shipped_span_dir().join(f), dir.join(f)).unwrap();
    }
    assert!(LazyFieldModel::new(&model_dir(), &dir).get().is_none());
    std::fs::write(dir.join("gates.json"), r#"{"default": {"join": "off"}}"#).unwrap();
    let closed = LazyFieldModel::new(&model_dir(), &dir);
    assert!(closed.get().is_none());
    assert!(!closed.is_loaded());
    std::fs::remove_dir_all(&dir).unwrap();
}

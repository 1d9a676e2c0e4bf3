//! Embeddings from the real MiniLM weights: a snapshot of one sentence's vector against the values
//! sentence-transformers (PyTorch) gives for all-MiniLM-L6-v2, unit length, and similarity that
//! ranks paraphrases above unrelated sentences.

mod common;

use ml_models::{Embedder, ModelHandle, cosine};

#[test]
fn snapshot_norm_and_paraphrase_ordering() {
    let embedder = Embedder::load(&common::model_dir()).unwrap();
    let texts = [
        "The meeting was moved to next Tuesday afternoon.",
        "The appointment has been rescheduled for Tuesday next week.",
        "Penguins live in the cold waters of the southern hemisphere.",
        "hello world",
    ];
    let v = embedder.embed(&texts).unwrap();
    assert_eq!(v.len(), 4);
    for e in &v {
        assert_eq!(e.len(), 384);
        let norm: f32 = e.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "{norm}");
    }
    let paraphrase = cosine(&v[0], &v[1]);
    let unrelated = cosine(&v[0], &v[2]);
    assert!(
        paraphrase > 0.5 && unrelated < 0.2,
        "{paraphrase} {unrelated}"
    );
    assert!(paraphrase > unrelated + 0.3);

    let recorded = SNAPSHOT_HELLO_WORLD;
    for (i, want) in recorded.iter().enumerate() {
        assert!(
            (v[3][i] - want).abs() < 1e-5,
            "dim {i}: {} vs {want}",
            v[3][i]
        );
    }
    // Order and batching do not change a text's vector.
    let alone = embedder.embed(&["hello world"]).unwrap();
    assert!(cosine(&alone[0], &v[3]) > 0.99999);
}

#[test]
fn the_model_thread_answers_like_the_embedder() {
    let handle = ModelHandle::spawn(&common::model_dir(), None).unwrap();
    let clone = handle.clone();
    let worker = std::thread::spawn(move || clone.embed(&["hello world"]).unwrap());
    let from_thread = worker.join().unwrap();
    for (i, want) in SNAPSHOT_HELLO_WORLD.iter().enumerate() {
        assert!((from_thread[0][i] - want).abs() < 1e-4);
    }
    assert!(handle.predict_spans("q", &["p"]).unwrap().is_empty());
    assert!(!handle.has_reader());
}

#[test]
fn a_missing_model_folder_is_a_clear_error() {
    let err = Embedder::load(std::path::Path::new("/nonexistent/model"))
        .err()
        .unwrap();
    assert!(err.to_string().contains("/nonexistent/model"), "{err}");
}

/// The first 8 dimensions of "hello world" from sentence-transformers' all-MiniLM-L6-v2 in
/// PyTorch (this implementation agrees to about 1e-7).
const SNAPSHOT_HELLO_WORLD: [f32; 8] = [
    -0.034_477_27,
    0.031_023_19,
    0.006_734_96,
    0.026_108_97,
    -0.039_362_04,
    -0.160_302_4,
    0.066_924_04,
    -0.006_441_44,
];

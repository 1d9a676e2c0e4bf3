//! The shipped span model (`ml-models/weights`) loads on the real MiniLM weights and gives the
//! recorded answers and scores on a fixed input (snapshot with tolerance). Scores near 0 and 1
//! are compared on the log scale of the score and of its complement, where they still differ.

mod common;

use ml_models::SpanReader;
use std::path::PathBuf;

const QUESTION: &str = "Which state's law governs the agreement?";
const PASSAGES: [&str; 2] = [
    "The parties shall meet once each quarter to review the progress of the project.",
    "This Agreement shall be governed by and construed in accordance with the laws of the State of Delaware, without regard to its conflict of laws rules.",
];

/// `(passage, start, end, score)` of each answer, best first, recorded when the weights were made.
const RECORDED: [(usize, usize, usize, f32); 2] = [(1, 94, 102, 1.0), (0, 67, 78, 3.505_633_3e-16)];

#[test]
fn shipped_weights_give_the_recorded_outputs() {
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("weights");
    let reader = SpanReader::load(&common::model_dir(), &shipped).unwrap();
    let answers = reader.predict(QUESTION, &PASSAGES).unwrap();
    assert_eq!(answers.len(), RECORDED.len(), "{answers:?}");
    assert_eq!(&PASSAGES[1][answers[0].start..answers[0].end], "Delaware");
    for (got, &(passage, start, end, score)) in answers.iter().zip(&RECORDED) {
        assert_eq!(
            (got.passage, got.start, got.end),
            (passage, start, end),
            "{answers:?}"
        );
        let close = |a: f32, b: f32| (a.max(1e-30).ln() - b.max(1e-30).ln()).abs() < 0.05;
        assert!(close(got.score, score), "{} vs {score}", got.score);
        // A score that rounds to 1 in f32 has no complement left to compare.
        let complement_close = if score > 0.999_999 {
            1.0 - got.score < 1e-4
        } else {
            close(1.0 - got.score, 1.0 - score)
        };
        assert!(complement_close, "{} vs {score}", got.score);
    }
}

//! Kleister NDA documents read from their PDFs by the real reader (pdfium) and abstracted with
//! the `kleister-nda` template: the benchmark's F1 on part of the held-out fifth fold, each
//! emitted field with a confidence and evidence on its page.

mod ingest_support;

use extractor::fields::kleister_line;
use extractor::pipeline::abstract_read_document;
use ingest_support::*;
use std::process::Command;

/// Documents of the fifth fold (every fifth from the fifth) checked here; the eval runs all.
const CHECKED: usize = 20;

/// `(file name, expected pairs upper-cased)` of the benchmark's train split, in its order.
fn split() -> Vec<(String, Vec<String>)> {
    let dir = data("kleister-nda/train");
    let input = Command::new("xz")
        .arg("-dc")
        .arg(dir.join("in.tsv.xz"))
        .output()
        .expect("xz reads in.tsv.xz");
    let expected = std::fs::read_to_string(dir.join("expected.tsv")).expect("expected.tsv");
    String::from_utf8_lossy(&input.stdout)
        .lines()
        .zip(expected.lines())
        .map(|(row, exp)| {
            let name = row.split('\t').next().unwrap_or_default().to_string();
            (
                name,
                exp.split_whitespace().map(str::to_uppercase).collect(),
            )
        })
        .collect()
}

#[test]
fn held_out_documents_score_like_the_eval() {
    let docs = split();
    assert_eq!(docs.len(), 254);
    let (mut tp, mut predicted, mut expected) = (0, 0, 0);
    for (name, gold) in docs.iter().skip(4).step_by(5).take(CHECKED) {
        let bytes = std::fs::read(data("kleister-nda/documents").join(name)).unwrap();
        let doc = reader().read(&bytes, name, &|_| {}).unwrap();
        let extraction = abstract_read_document(&doc, Some("kleister-nda")).unwrap();
        for field in extraction.custom.as_ref().unwrap().fields.values() {
            assert!((0.0..=1.0).contains(&field.confidence), "{name}: {field:?}");
            if !field.value.is_null() {
                assert!(
                    field.evidence.iter().all(|e| e.page.is_some()),
                    "{name}: {field:?}"
                );
            }
        }
        let line = kleister_line(&extraction).to_uppercase();
        let mut left: Vec<&String> = gold.iter().collect();
        for pair in line.split_whitespace() {
            predicted += 1;
            if let Some(i) = left.iter().position(|g| *g == pair) {
                left.swap_remove(i);
                tp += 1;
            }
        }
        expected += gold.len();
    }
    let f1 = 2.0 * tp as f64 / (predicted + expected) as f64;
    // The eval's full fifth fold scores 0.85; these twenty documents are a subset of it.
    assert!(f1 >= 0.78, "F1 {f1:.3} on {CHECKED} held-out documents");
}

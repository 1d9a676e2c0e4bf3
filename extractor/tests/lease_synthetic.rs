//! Acceptance: generated leases rendered by LibreOffice, read back through pdfium and abstracted
//! score high on the core fields against the generator's own gold.

mod ingest_support;

use extractor::fields::gold;
use extractor::pipeline::abstract_read_document;
use extractor::synth_lease;
use ingest_support::*;

#[test]
fn generated_leases_read_back_through_libreoffice_and_pdfium() {
    let dir = temp_dir();
    // Three property types: indices 0, 2 and 4 are office, industrial and ground.
    let ids = synth_lease::write_set(dir.path(), 5, 20_261_126, 1).expect("soffice renders");
    let mut right = 0;
    let mut total = 0;
    let mut misses = Vec::new();
    for id in ids.iter().step_by(2) {
        let gold_doc: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.path().join(format!("{id}.gold.json"))).unwrap(),
        )
        .unwrap();
        let doc = read_file(&dir.path().join(format!("{id}.pdf")));
        assert!(doc.pages.len() >= 10, "{id}: {} pages", doc.pages.len());
        let extraction = abstract_read_document(&doc, None).unwrap();
        let lease = serde_json::to_value(&extraction).unwrap()["lease"].clone();
        for name in gold::CORE_FIELDS {
            let want = &gold_doc["fields"][name]["value"];
            let got = &lease[name]["value"];
            total += 1;
            if gold::matches(name, got, want) {
                right += 1;
            } else {
                misses.push(format!("{id} {name}: got {got} want {want}"));
            }
        }
    }
    let accuracy = right as f64 / total as f64;
    assert!(accuracy >= 0.75, "{right}/{total}: {misses:#?}");
}

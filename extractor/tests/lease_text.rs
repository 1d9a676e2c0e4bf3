//! The lease engine on the development leases' text layers (read in place from
//! `shared/data/leases`), scored against their gold answers with the eval's comparison rule.

use extractor::fields::{abstract_document, gold, text::document_from_text};
use std::path::PathBuf;

fn leases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/leases")
}

#[test]
fn core_fields_on_text_layers() {
    let mut right = 0;
    let mut total = 0;
    let mut report = String::new();
    let mut entries: Vec<_> = std::fs::read_dir(leases_dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
    {
        let stem = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".gold.json")
            .to_string();
        let text = std::fs::read_to_string(path.with_file_name(format!("{stem}.txt"))).unwrap();
        let gold_doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let doc = document_from_text(&stem, &text);
        let result = abstract_document(&doc, None).unwrap();
        for name in gold::CORE_FIELDS {
            let Some(g) = gold_doc["fields"].get(name) else {
                continue;
            };
            let p = result
                .fields
                .get(name)
                .map(|f| f.value.clone())
                .unwrap_or_default();
            let ok = gold::matches(name, &p, &g["value"]);
            total += 1;
            right += usize::from(ok);
            if !ok {
                report.push_str(&format!("{stem} {name}: got {p} want {}\n", g["value"]));
            }
            if let Some(f) = result.fields.get(name) {
                assert!(
                    f.value.is_null() || !f.evidence.is_empty(),
                    "{stem} {name} has no evidence"
                );
            }
        }
    }
    eprintln!("{report}core accuracy on text layers: {right}/{total}");
    assert!(total >= 40);
    assert!(right * 10 >= total * 6, "{right}/{total}\n{report}");
}

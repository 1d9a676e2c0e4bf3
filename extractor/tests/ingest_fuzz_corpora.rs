//! Replays the saved cargo-fuzz corpora (`extractor/fuzz/corpus/*`) under stable `cargo test`:
//! each input runs through the same entry point as its fuzz target and must come back with a
//! result, never a panic. `make fuzz` grows the corpora where a nightly toolchain exists.

use extractor::ExtractError;
use extractor::model::MediaKind;
use std::path::Path;

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut inputs: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "empty corpus {}", dir.display());
    inputs
}

#[test]
fn sniff_corpus_replays() {
    for (name, bytes) in corpus("sniff") {
        match extractor::ingest::sniff(&bytes) {
            Ok(_) | Err(ExtractError::Unsupported { .. } | ExtractError::Corrupt(_)) => {}
            Err(e) => panic!("{name}: unexpected {e}"),
        }
    }
    // The seeds cover each kind the sniffer recognizes by content.
    let kinds: Vec<MediaKind> = corpus("sniff")
        .iter()
        .filter_map(|(_, b)| extractor::ingest::sniff(b).ok())
        .collect();
    for kind in [
        MediaKind::Pdf,
        MediaKind::Png,
        MediaKind::Csv,
        MediaKind::Docx,
        MediaKind::Xls,
    ] {
        assert!(
            kinds.contains(&kind),
            "{kind:?} missing from the sniff corpus"
        );
    }
}

#[test]
fn docx_corpus_replays() {
    let mut read = 0;
    for (name, bytes) in corpus("docx") {
        match extractor::ingest::read_docx(&bytes) {
            Ok(doc) => {
                read += 1;
                assert!(!doc.pages.is_empty(), "{name}");
            }
            Err(e) => assert!(e.is_input_error(), "{name}: {e}"),
        }
    }
    assert!(read >= 2, "the well-formed seeds read");
}

#[test]
fn csv_corpus_replays() {
    for (name, bytes) in corpus("csv") {
        assert_eq!(
            extractor::ingest::sniff(&bytes).ok(),
            Some(MediaKind::Csv),
            "{name} is a CSV seed"
        );
        if let Err(e) = extractor::sheets::read_spreadsheet(&bytes, MediaKind::Csv, &name) {
            assert!(e.is_input_error(), "{name}: {e}");
        }
    }
}

//! Native PDFs through pdfium against the development leases: text, boxes, page sizes, reading
//! order and structure.

mod ingest_support;

use extractor::model::TextSource;
use ingest_support::*;

#[test]
fn dl03_text_layer_matches_pdftotext_with_sane_boxes() {
    let path = lease("DL03", "pdf");
    let doc = read_file(&path);
    assert_eq!(doc.pages.len(), 16);
    let p = &doc.pages[0];
    assert!((p.width_pt - 595.3).abs() < 1.0 && (p.height_pt - 841.9).abs() < 1.0);
    assert!(doc.pages.iter().all(|p| p.text_source == TextSource::PdfText));
    let reference = std::fs::read_to_string(lease("DL03", "txt")).unwrap();
    let r = recall(&reference, &doc.text());
    eprintln!("DL03 recall against pdftotext: {r:.4}");
    assert!(r > 0.99, "{r}");
    for page in &doc.pages {
        for w in &page.words {
            let b = w.bbox;
            assert!(b.x0 < b.x1 && b.y0 < b.y1 && b.x1 <= 1.0 && b.y1 <= 1.0, "{w:?}");
        }
        for l in &page.lines {
            assert!(!l.words.is_empty());
        }
    }
    assert_eq!(doc.text().matches('\u{c}').count(), 15);
}

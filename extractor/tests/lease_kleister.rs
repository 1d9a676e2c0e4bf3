//! The `kleister-nda` template end to end on a short agreement: parties from the preamble,
//! governing law, effective date and term, rendered in the benchmark's line format.

use extractor::fields::text::document_from_text;
use extractor::pipeline::abstract_read_document;

#[test]
fn kleister_line_from_an_agreement() {
    let text = "MUTUAL NONDISCLOSURE AGREEMENT\n\nThis Mutual Nondisclosure Agreement (the \u{201c}Agreement\u{201d}) is entered into as of March 3, 2015 by and between Harbor Analytics, Inc., a Delaware corporation (\u{201c}Harbor\u{201d}), and Blue Fin Partners, L.P., a Texas limited partnership (\u{201c}Blue Fin\u{201d}).\n\n1. Term. This Agreement shall remain in effect for a period of two (2) years from the Effective Date.\n\n2. Governing Law. This Agreement shall be governed by and construed in accordance with the laws of the State of New York.\n";
    let doc = document_from_text("nda.txt", text);
    let extraction = abstract_read_document(&doc, Some("kleister-nda")).unwrap();
    let line = extractor::fields::kleister_line(&extraction);
    assert_eq!(
        line,
        "effective_date=2015-03-03 jurisdiction=New_York party=Harbor_Analytics_Inc. party=Blue_Fin_Partners_LP term=2_years"
    );
    let custom = extraction.custom.unwrap();
    assert!(
        custom.fields["jurisdiction"].evidence[0]
            .text
            .as_deref()
            .unwrap()
            .contains("New York")
    );
}

#[test]
fn a_bad_template_is_a_clear_error() {
    let doc = document_from_text("x.txt", "text");
    let err = abstract_read_document(
        &doc,
        Some("name = \"t\"\n[[fields]]\nname = \"a\"\ntype = \"colour\"\n"),
    )
    .unwrap_err();
    assert!(err.to_string().contains("invalid template"), "{err}");
}

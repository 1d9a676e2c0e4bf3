//! Rent-roll detection runs before the lease engine, so it must not claim a lease: a development
//! lease read by the real pdfium reader is not a rent roll. (DL03 has a native text layer; the
//! scanned leases would spend the test budget on OCR.)

use extractor::pipeline::abstract_read_document;
use extractor::schema::ExtractionKind;

mod ingest_support;

#[test]
fn a_development_lease_is_not_taken_for_a_rent_roll() {
    let path = ingest_support::lease("DL03", "pdf");
    let bytes = std::fs::read(&path).expect("lease pdf");
    let doc = ingest_support::reader()
        .read(&bytes, "lease.pdf", &|_| {})
        .expect("read");
    assert!(extractor::rentroll::detect_and_extract(&doc, None).is_none());
    let extraction = abstract_read_document(&doc, None).expect("abstract");
    assert_ne!(extraction.kind, ExtractionKind::RentRoll);
}

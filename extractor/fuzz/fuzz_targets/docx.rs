//! DOCX parsing (ZIP guard, XML, synthetic layout) on arbitrary bytes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = extractor::ingest::read_docx(data);
});

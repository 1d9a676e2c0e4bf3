//! Type sniffing on arbitrary bytes: a kind or a typed refusal, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = extractor::ingest::sniff(data);
});

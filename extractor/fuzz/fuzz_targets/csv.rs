//! CSV sniffing and parsing on arbitrary bytes: whatever sniffs as CSV goes to the sheet reader.
#![no_main]

use extractor::model::MediaKind;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(MediaKind::Csv) = extractor::ingest::sniff(data) {
        let _ = extractor::sheets::read_spreadsheet(data, MediaKind::Csv, "fuzz.csv");
    }
});

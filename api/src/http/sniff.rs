//! Upload-time type check from the bytes (never the filename alone), so a file Leasegrid cannot
//! read is refused with 415 before anything is stored. The extractor checks again when reading.

use extractor::model::MediaKind;

/// The supported kind of `bytes`, or a short description of what they are instead.
pub fn sniff(bytes: &[u8], filename: &str) -> Result<MediaKind, String> {
    let head = &bytes[..bytes.len().min(1024)];
    if contains(head, b"%PDF-") {
        return Ok(MediaKind::Pdf);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(MediaKind::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(MediaKind::Jpeg);
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return Ok(MediaKind::Tiff);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // OOXML parts are named in the zip's local headers near the start of the archive.
        let window = &bytes[..bytes.len().min(64 * 1024)];
        if contains(window, b"word/") {
            return Ok(MediaKind::Docx);
        }
        if contains(window, b"xl/") {
            return Ok(MediaKind::Xlsx);
        }
        return Err("a ZIP archive that is neither DOCX nor XLSX".into());
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Ok(MediaKind::Xls);
    }
    if bytes.starts_with(b"GIF8") {
        return Err("a GIF image".into());
    }
    if looks_textual(head) {
        return describe_text(&String::from_utf8_lossy(head), filename);
    }
    Err("binary data of an unknown format".into())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn looks_textual(head: &[u8]) -> bool {
    !head.is_empty()
        && head
            .iter()
            .all(|&b| matches!(b, b'\t' | b'\n' | b'\r' | 0x20..=0x7E | 0x80..=0xFF))
}

fn text_kind(text: &str) -> &'static str {
    let lower = text.trim_start().to_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        "html"
    } else if lower.starts_with("<?xml") || lower.starts_with('<') {
        "xml"
    } else if lower.starts_with('{') || lower.starts_with('[') {
        "json"
    } else {
        "text"
    }
}

/// Text is accepted as CSV when it is named so or is clearly delimited rows.
fn describe_text(text: &str, filename: &str) -> Result<MediaKind, String> {
    let kind = text_kind(text);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(10).collect();
    let delimited = lines.len() >= 2
        && [',', ';', '\t'].iter().any(|d| {
            let counts: Vec<usize> = lines.iter().map(|l| l.matches(*d).count()).collect();
            counts[0] > 0 && counts.iter().all(|c| *c == counts[0])
        });
    let named_csv = filename.to_lowercase().ends_with(".csv");
    match kind {
        "text" if named_csv || delimited => Ok(MediaKind::Csv),
        "html" => Err("an HTML page".into()),
        "xml" => Err("an XML document".into()),
        "json" => Err("a JSON document".into()),
        _ => Err("plain text".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supported_kinds_are_recognized_from_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n...", "x.bin"), Ok(MediaKind::Pdf));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n....", "x"), Ok(MediaKind::Png));
        assert_eq!(sniff(b"unit,tenant\n101,Acme\n", "roll.txt"), Ok(MediaKind::Csv));
        assert_eq!(sniff(b"PK\x03\x04....word/document.xml", "a"), Ok(MediaKind::Docx));
    }

    #[test]
    fn junk_is_named() {
        assert_eq!(sniff(b"hello there", "a.pdf"), Err("plain text".into()));
        assert_eq!(sniff(b"<!DOCTYPE html><html>", "a.pdf"), Err("an HTML page".into()));
        assert_eq!(sniff(b"GIF89a....", "a.pdf"), Err("a GIF image".into()));
        assert!(sniff(&[0u8, 1, 2, 3, 0xFF], "a.pdf").unwrap_err().contains("binary"));
    }
}

//! Type sniffing from the bytes alone (never the file name): the formats we read, and a precise
//! name for everything else so the refusal can say what it saw.

use crate::ExtractError;
use crate::model::MediaKind;
use std::io::{Cursor, Read};

/// How many leading bytes of text the CSV rule looks at.
const CSV_SNIFF_BYTES: usize = 64 * 1024;

/// Detects the kind of `bytes`, or says what unsupported thing they are.
pub fn sniff(bytes: &[u8]) -> Result<MediaKind, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let unsupported = |what: &str| {
        Err(ExtractError::Unsupported {
            detected: what.to_string(),
        })
    };
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
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
    if bytes.starts_with(b"II+\0") || bytes.starts_with(b"MM\0+") {
        return unsupported("BigTIFF image");
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return zip_kind(bytes);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return ole_kind(bytes);
    }
    if let Some(name) = other_binary(bytes) {
        return unsupported(name);
    }
    let Some(text) = decode_text(&bytes[..bytes.len().min(CSV_SNIFF_BYTES)]) else {
        return unsupported("binary data");
    };
    let trimmed = text.trim_start().to_ascii_lowercase();
    if trimmed.starts_with("<!doctype html") || trimmed.starts_with("<html") {
        return unsupported("HTML");
    }
    if trimmed.starts_with("<?xml") || trimmed.starts_with('<') {
        return unsupported("XML");
    }
    if trimmed.starts_with("{\\rtf") {
        return unsupported("RTF document");
    }
    if looks_like_csv(&text, bytes.len() <= CSV_SNIFF_BYTES) {
        return Ok(MediaKind::Csv);
    }
    unsupported("plain text (not CSV: no header row followed by a data row of the same width)")
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// DOCX and XLSX are both ZIP packages; their part names tell them apart.
fn zip_kind(bytes: &[u8]) -> Result<MediaKind, ExtractError> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ExtractError::Corrupt(format!("unreadable ZIP package: {e}")))?;
    let has = |name: &str| archive.index_for_name(name).is_some();
    if has("word/document.xml") {
        Ok(MediaKind::Docx)
    } else if has("xl/workbook.xml") {
        Ok(MediaKind::Xlsx)
    } else if has("ppt/presentation.xml") {
        Err(ExtractError::Unsupported {
            detected: "PowerPoint presentation (PPTX)".into(),
        })
    } else if has("content.xml") {
        Err(ExtractError::Unsupported {
            detected: "OpenDocument file".into(),
        })
    } else {
        Err(ExtractError::Unsupported {
            detected: "ZIP archive".into(),
        })
    }
}

/// Legacy Office files share the OLE2 container; a workbook has a `Workbook` (or `Book`) stream.
fn ole_kind(bytes: &[u8]) -> Result<MediaKind, ExtractError> {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect() };
    if find(bytes, &utf16("Workbook")).is_some() || find(bytes, &utf16("Book")).is_some() {
        return Ok(MediaKind::Xls);
    }
    let detected = if find(bytes, &utf16("WordDocument")).is_some() {
        "legacy Word document (.doc)"
    } else {
        "legacy Office (OLE2) file"
    };
    Err(ExtractError::Unsupported {
        detected: detected.into(),
    })
}

fn other_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"BM", "BMP image"),
        (b"\x1f\x8b", "gzip archive"),
        (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
        (b"Rar!", "RAR archive"),
        (b"\x7fELF", "ELF executable"),
        (b"MZ", "Windows executable"),
        (b"%!PS", "PostScript document"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("WebP image");
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("HEIC/MP4 (ISO media) file");
    }
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, name)| *name)
}

/// Text in UTF-8 (with or without BOM), UTF-16 with a BOM, or Latin-1; `None` for binary.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    let (encoding, body) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        None => (encoding_rs::UTF_8, bytes),
    };
    let text = if encoding == encoding_rs::UTF_8 {
        match std::str::from_utf8(body) {
            Ok(s) => s.to_string(),
            // A cut in the middle of a multi-byte character at the end of the sample is fine.
            Err(e) if e.error_len().is_none() => String::from_utf8_lossy(body).into_owned(),
            Err(_) => encoding_rs::WINDOWS_1252.decode(body).0.into_owned(),
        }
    } else {
        encoding.decode_without_bom_handling(body).0.into_owned()
    };
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    (control * 100 <= text.chars().count().max(1)).then_some(text)
}

/// A header row and at least one data row of the same width (two or more fields), for the first
/// delimiter among `, ; TAB |` that gives it.
fn looks_like_csv(text: &str, complete: bool) -> bool {
    [b',', b';', b'\t', b'|']
        .into_iter()
        .any(|delimiter| header_and_row(text, delimiter, complete))
}

fn header_and_row(text: &str, delimiter: u8, complete: bool) -> bool {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header_width = match records.next() {
        Some(Ok(r)) if r.len() >= 2 && r.iter().any(|f| !f.trim().is_empty()) => r.len(),
        _ => return false,
    };
    let mut rows = 0;
    let mut matching = 0;
    for record in records.take(50) {
        let Ok(record) = record else {
            // A record cut by the sample boundary is not evidence against CSV.
            return !complete && matching > 0;
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        rows += 1;
        if record.len() == header_width {
            matching += 1;
        }
    }
    matching > 0 && matching * 2 >= rows
}

/// Reads at most `limit` bytes of `reader`, failing past it (decompression bombs).
pub fn read_capped(mut reader: impl Read, limit: u64, what: &str) -> Result<Vec<u8>, ExtractError> {
    let mut out = Vec::new();
    reader
        .by_ref()
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| ExtractError::Corrupt(format!("{what}: {e}")))?;
    if out.len() as u64 > limit {
        return Err(ExtractError::Corrupt(format!(
            "{what} expands past {limit} bytes (a decompression bomb?)"
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detected(bytes: &[u8]) -> String {
        match sniff(bytes) {
            Err(ExtractError::Unsupported { detected }) => detected,
            other => panic!("expected unsupported, got {other:?}"),
        }
    }

    #[test]
    fn magic_numbers_pick_the_kind() {
        assert_eq!(sniff(b"%PDF-1.7\n...").unwrap(), MediaKind::Pdf);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n....").unwrap(), MediaKind::Png);
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]).unwrap(), MediaKind::Jpeg);
        assert_eq!(sniff(b"II*\0\x08\0\0\0").unwrap(), MediaKind::Tiff);
        assert_eq!(sniff(b"MM\0*\0\0\0\x08").unwrap(), MediaKind::Tiff);
    }

    #[test]
    fn csv_needs_a_header_and_a_row_of_the_same_width() {
        assert_eq!(sniff(b"Unit,Tenant,SF\n101,Acme,1200\n").unwrap(), MediaKind::Csv);
        assert_eq!(sniff(b"Unit;Tenant\n101;Acme\n").unwrap(), MediaKind::Csv);
        assert_eq!(sniff(b"Unit\tTenant\n101\tAcme\n").unwrap(), MediaKind::Csv);
        assert!(detected(b"Unit,Tenant,SF\n").starts_with("plain text"));
        assert!(detected(b"Dear tenant, hello.\nThe rent is due.\n").starts_with("plain text"));
        assert!(detected(b"just one line of words\n").starts_with("plain text"));
    }

    #[test]
    fn latin1_and_utf16_csv_are_csv() {
        assert_eq!(sniff(b"Unit,Tenant\n101,Caf\xe9 Ren\xe9\n").unwrap(), MediaKind::Csv);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Unit,Tenant\n101,Café\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(sniff(&utf16).unwrap(), MediaKind::Csv);
    }

    #[test]
    fn unsupported_kinds_are_named() {
        assert_eq!(detected(b"GIF89a\x01\x00"), "GIF image");
        assert_eq!(detected(b"<!DOCTYPE html><html></html>"), "HTML");
        assert_eq!(detected(&[0u8, 1, 2, 3, 0, 0, 0, 9, 200, 7]), "binary data");
        assert!(matches!(sniff(b""), Err(ExtractError::Empty)));
    }

    #[test]
    fn capped_read_refuses_past_the_limit() {
        assert_eq!(read_capped(&b"abc"[..], 3, "x").unwrap(), b"abc");
        assert!(read_capped(&b"abcd"[..], 3, "x").is_err());
    }
}

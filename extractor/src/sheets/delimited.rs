//! CSV (and its semicolon, tab and pipe cousins) into one sheet grid. Property-management exports
//! arrive in whatever encoding the exporting desktop used, so the text encoding is detected:
//! a byte-order mark (UTF-8, UTF-16 LE/BE), UTF-16 without one, valid UTF-8, and otherwise
//! Windows-1252, the superset of Latin-1 that Excel writes on Western systems.

use super::guard::Limits;
use super::{GridCell, SheetGrid};
use crate::ExtractError;
use crate::model::CellValue;
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::borrow::Cow;

/// Reads a delimited text file as a single sheet named after the file.
pub fn read_csv(bytes: &[u8], filename: &str, limits: &Limits) -> Result<SheetGrid, ExtractError> {
    let text = decode(bytes);
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut cells = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| ExtractError::Corrupt(format!("CSV row {}: {e}", row + 1)))?;
        for (col, field) in record.iter().enumerate() {
            if field.trim().is_empty() {
                continue;
            }
            if cells.len() >= limits.max_cells {
                return Err(ExtractError::SpreadsheetTooLarge {
                    detail: format!("more than {} non-empty cells", limits.max_cells),
                });
            }
            cells.push(GridCell::new(row, col, CellValue::Text(field.to_string())));
        }
    }
    let stem = std::path::Path::new(filename)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Sheet1".to_string());
    Ok(SheetGrid {
        name: stem,
        cells,
        merges: vec![],
    })
}

/// The file's text, decoded from the encoding its bytes point to.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    let encoding = detect_encoding(bytes);
    // `decode` strips a byte-order mark matching the encoding; malformed bytes become U+FFFD.
    let (text, _, _) = encoding.decode(bytes);
    text
}

fn detect_encoding(bytes: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return encoding;
    }
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        WINDOWS_1252
    }
}

/// UTF-16 text of mostly ASCII characters has a NUL in every other byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    if odd * 10 >= pairs * 7 && even * 10 < pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The delimiter that splits the first lines into the most, and most consistent, fields.
fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let score = |d: char| -> usize {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let Some(&most) = counts.iter().max() else {
            return 0;
        };
        if most == 0 {
            return 0;
        }
        // Lines sharing the modal count, weighted by how many fields that count makes.
        let modal = (1..=most)
            .max_by_key(|k| counts.iter().filter(|c| **c == *k).count())
            .unwrap_or(most);
        counts.iter().filter(|c| **c == modal).count() * (modal + 1)
    };
    [',', ';', '\t', '|']
        .into_iter()
        .max_by_key(|d| (score(*d), *d == ','))
        .map(|d| d as u8)
        .unwrap_or(b',')
}

fn count_outside_quotes(line: &str, delimiter: char) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for ch in line.chars() {
        if ch == '"' {
            quoted = !quoted;
        } else if ch == delimiter && !quoted {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(grid: &SheetGrid) -> Vec<(usize, usize, String)> {
        grid.cells
            .iter()
            .map(|c| (c.row, c.col, c.text.clone()))
            .collect()
    }

    const SAMPLE: &str = "Unit,Tenant,Rent\n101,Café Noël,\"1,234.50\"\n";

    fn expected() -> Vec<(usize, usize, String)> {
        vec![
            (0, 0, "Unit".into()),
            (0, 1, "Tenant".into()),
            (0, 2, "Rent".into()),
            (1, 0, "101".into()),
            (1, 1, "Café Noël".into()),
            (1, 2, "1,234.50".into()),
        ]
    }

    #[test]
    fn every_encoding_reads_the_same_cells() {
        let utf8 = SAMPLE.as_bytes().to_vec();
        let bom = [b"\xEF\xBB\xBF".as_slice(), SAMPLE.as_bytes()].concat();
        let le: Vec<u8> = [0xFFu8, 0xFE]
            .into_iter()
            .chain(SAMPLE.encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0xFEu8, 0xFF]
            .into_iter()
            .chain(SAMPLE.encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        let le_no_bom: Vec<u8> = SAMPLE
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let (latin1, _, _) = WINDOWS_1252.encode(SAMPLE);
        for (name, bytes) in [
            ("utf-8", utf8),
            ("utf-8 bom", bom),
            ("utf-16le", le),
            ("utf-16be", be),
            ("utf-16le without bom", le_no_bom),
            ("windows-1252", latin1.into_owned()),
        ] {
            let grid = read_csv(&bytes, "roll.csv", &Limits::default()).unwrap();
            assert_eq!(texts(&grid), expected(), "{name}");
            assert_eq!(grid.name, "roll");
        }
    }

    #[test]
    fn semicolons_and_tabs_are_detected() {
        for d in [";", "\t", "|"] {
            let text = SAMPLE
                .replace(',', d)
                .replace(&format!("\"1{d}234.50\""), "1234.50");
            let grid = read_csv(text.as_bytes(), "x.csv", &Limits::default()).unwrap();
            assert_eq!(grid.cells.len(), 6, "delimiter {d:?}");
            assert_eq!(grid.cells[4].text, "Café Noël");
        }
    }

    #[test]
    fn too_many_cells_is_a_specific_error() {
        let limits = Limits {
            max_cells: 4,
            ..Limits::default()
        };
        let err = read_csv(SAMPLE.as_bytes(), "x.csv", &limits).unwrap_err();
        assert!(matches!(err, ExtractError::SpreadsheetTooLarge { .. }));
    }
}

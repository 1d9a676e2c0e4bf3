//! Defences against spreadsheets built to exhaust memory or time: an XLSX is a zip archive, and
//! a small one can inflate to gigabytes. Every entry is inflated once into a counting sink, with
//! a hard ceiling, before any parser allocates for it; declared sizes are not trusted.

use crate::ExtractError;
use std::io::{Cursor, Read};

/// Ceilings that keep reading one spreadsheet bounded in time and memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest inflated size of one archive entry (a sheet's XML, the shared strings).
    pub max_entry_bytes: u64,
    /// Largest inflated size of the whole archive.
    pub max_total_bytes: u64,
    /// Most non-empty cells read from one workbook.
    pub max_cells: usize,
    /// A run of this many empty rows ends a sheet's table: what follows such a gap is dropped,
    /// with a diagnostic, so that one stray cell on row 1,048,576 does not make a million-row
    /// table.
    pub max_blank_row_run: usize,
    /// Largest legacy XLS (BIFF) file, which calamine parses whole.
    pub max_xls_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entry_bytes: 256 << 20,
            max_total_bytes: 512 << 20,
            max_cells: 4_000_000,
            max_blank_row_run: 10_000,
            max_xls_bytes: 64 << 20,
        }
    }
}

fn too_large(detail: String) -> ExtractError {
    ExtractError::SpreadsheetTooLarge { detail }
}

/// Inflates every entry of the XLSX archive into a sink and fails as soon as an entry or the
/// total passes its ceiling.
pub fn check_archive(bytes: &[u8], limits: &Limits) -> Result<(), ExtractError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ExtractError::Corrupt(format!("not a readable XLSX archive: {e}")))?;
    let mut total = 0u64;
    let mut buf = vec![0u8; 64 << 10];
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| ExtractError::Corrupt(format!("XLSX entry {i} is unreadable: {e}")))?;
        let name = entry.name().to_string();
        let mut inflated = 0u64;
        loop {
            let n = entry
                .read(&mut buf)
                .map_err(|e| ExtractError::Corrupt(format!("XLSX entry {name}: {e}")))?;
            if n == 0 {
                break;
            }
            inflated += n as u64;
            total += n as u64;
            if inflated > limits.max_entry_bytes {
                return Err(too_large(format!(
                    "entry {name} inflates past {} MiB (a zip bomb?)",
                    limits.max_entry_bytes >> 20
                )));
            }
            if total > limits.max_total_bytes {
                return Err(too_large(format!(
                    "the archive inflates past {} MiB (a zip bomb?)",
                    limits.max_total_bytes >> 20
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn archive_with(name: &str, size: usize) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(name, options).unwrap();
        let chunk = vec![b' '; 1 << 20];
        let mut left = size;
        while left > 0 {
            let n = left.min(chunk.len());
            zip.write_all(&chunk[..n]).unwrap();
            left -= n;
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn a_highly_compressed_entry_is_refused_with_a_specific_error() {
        let bomb = archive_with("xl/worksheets/sheet1.xml", 40 << 20);
        assert!(bomb.len() < 200 << 10, "the test archive should be small");
        let limits = Limits {
            max_entry_bytes: 16 << 20,
            ..Limits::default()
        };
        let err = check_archive(&bomb, &limits).unwrap_err();
        assert!(
            matches!(err, ExtractError::SpreadsheetTooLarge { .. }),
            "{err}"
        );
        assert!(err.to_string().contains("sheet1.xml"), "{err}");
    }

    #[test]
    fn an_ordinary_archive_passes() {
        let small = archive_with("xl/workbook.xml", 4096);
        check_archive(&small, &Limits::default()).unwrap();
    }
}

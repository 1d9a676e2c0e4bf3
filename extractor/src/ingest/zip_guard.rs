//! ZIP packages (DOCX, XLSX) checked before anything inflates them: too many parts, or parts that
//! claim to expand far past any real office file, are refused as decompression bombs.

use crate::ExtractError;
use std::io::Cursor;

/// Most parts a real office package has (charts, images, sheets) by a wide margin.
const MAX_ENTRIES: usize = 10_000;
/// Largest total declared uncompressed size.
pub const MAX_UNCOMPRESSED: u64 = 1 << 30;
/// Largest ratio of declared to compressed size for any part over 1 MiB.
const MAX_RATIO: u64 = 200;

/// Refuses a package whose central directory describes a decompression bomb.
pub fn check(bytes: &[u8]) -> Result<(), ExtractError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ExtractError::Corrupt(format!("unreadable ZIP package: {e}")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(bomb(format!("{} parts", archive.len())));
    }
    let mut total = 0u64;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| ExtractError::Corrupt(format!("unreadable ZIP entry: {e}")))?;
        let size = entry.size();
        total = total.saturating_add(size);
        if size > 1 << 20 && size / entry.compressed_size().max(1) > MAX_RATIO {
            return Err(bomb(format!(
                "part {} expands {}x to {size} bytes",
                entry.name(),
                size / entry.compressed_size().max(1)
            )));
        }
    }
    if total > MAX_UNCOMPRESSED {
        return Err(bomb(format!("{total} bytes uncompressed")));
    }
    Ok(())
}

fn bomb(detail: String) -> ExtractError {
    ExtractError::Corrupt(format!(
        "the package looks like a decompression bomb ({detail}); refused"
    ))
}

//! Spreadsheets (XLSX, XLS via calamine; CSV) into the layout `Document`: one table per sheet,
//! typed cell values, A1 addresses as provenance.

use crate::ExtractError;
use crate::model::{Document, MediaKind};

/// Reads a spreadsheet of the sniffed `kind` into a document of tables.
pub fn read_spreadsheet(
    _bytes: &[u8],
    kind: MediaKind,
    _filename: &str,
) -> Result<Document, ExtractError> {
    Err(ExtractError::Unsupported {
        detected: format!("{kind:?} (spreadsheet reading is not implemented yet)"),
    })
}

//! Spreadsheets (XLSX, XLS via calamine; CSV) into the layout `Document`: one table per sheet,
//! typed cell values, merged cells as spans, A1 addresses as provenance. Reading is bounded in
//! time and memory whatever the file claims (see `guard`).

pub mod address;
mod delimited;
pub mod guard;
mod layout;
mod workbook;

pub use delimited::decode as decode_text;
pub use guard::Limits;

use crate::ExtractError;
use crate::model::{CellValue, Document, MediaKind};
use sha2::{Digest, Sha256};

/// Reads a spreadsheet of the sniffed `kind` into a document of tables.
pub fn read_spreadsheet(
    bytes: &[u8],
    kind: MediaKind,
    filename: &str,
) -> Result<Document, ExtractError> {
    read_spreadsheet_with(bytes, kind, filename, &Limits::default())
}

/// `read_spreadsheet` under explicit limits.
pub fn read_spreadsheet_with(
    bytes: &[u8],
    kind: MediaKind,
    filename: &str,
    limits: &Limits,
) -> Result<Document, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let mut diagnostics = Vec::new();
    let grids = match kind {
        MediaKind::Xlsx => workbook::read_xlsx(bytes, limits, &mut diagnostics)?,
        MediaKind::Xls => workbook::read_xls(bytes, limits, &mut diagnostics)?,
        MediaKind::Csv => vec![delimited::read_csv(bytes, filename, limits)?],
        other => {
            return Err(ExtractError::Unsupported {
                detected: format!("{other:?} is not a spreadsheet"),
            });
        }
    };
    let mut doc = Document {
        filename: filename.to_string(),
        sha256: hex::encode(Sha256::digest(bytes)),
        media_kind: kind,
        pages: vec![],
        tables: vec![],
        sections: vec![],
        key_values: vec![],
        defined_terms: vec![],
        diagnostics,
    };
    for (index, grid) in grids.into_iter().enumerate() {
        let (table, page) = layout::lay_out(grid, index + 1, limits, &mut doc.diagnostics);
        doc.tables.push(table);
        doc.pages.push(page);
    }
    Ok(doc)
}

/// One non-empty cell of a sheet at its 0-based position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GridCell {
    pub row: usize,
    pub col: usize,
    pub value: CellValue,
    /// The value as shown: text as written, numbers in their shortest exact form.
    pub text: String,
}

impl GridCell {
    pub fn new(row: usize, col: usize, value: CellValue) -> Self {
        let text = display(&value);
        GridCell {
            row,
            col,
            value,
            text,
        }
    }
}

/// A merged region, both corners inclusive and 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Merge {
    pub first: (usize, usize),
    pub last: (usize, usize),
}

/// One sheet as read, before layout.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SheetGrid {
    pub name: String,
    pub cells: Vec<GridCell>,
    pub merges: Vec<Merge>,
}

fn display(value: &CellValue) -> String {
    match value {
        CellValue::Text(s) => s.trim().to_string(),
        CellValue::Number(n) => format!("{n}"),
        CellValue::Date(d) => d.clone(),
        CellValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        CellValue::Error(e) => e.clone(),
    }
}

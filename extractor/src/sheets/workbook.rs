//! XLSX and legacy XLS workbooks through calamine: every worksheet's non-empty cells with typed
//! values, and its merged regions. XLSX sheets are streamed cell by cell, so a sheet that
//! declares a million rows costs only the cells it really holds.

use super::guard::{self, Limits};
use super::{GridCell, Merge, SheetGrid};
use crate::ExtractError;
use crate::model::{CellValue, Diagnostic};
use calamine::{Data, DataRef, Reader, Xls, Xlsx};
use std::io::Cursor;

/// Reads every worksheet of an XLSX workbook.
pub fn read_xlsx(
    bytes: &[u8],
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<SheetGrid>, ExtractError> {
    guard::check_archive(bytes, limits)?;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| ExtractError::Corrupt(format!("not a readable XLSX workbook: {e}")))?;
    let mut grids = Vec::new();
    let mut budget = limits.max_cells;
    for name in book.sheet_names() {
        let merges = book
            .merge_cells_by_sheet_name(&name)
            .map(|dims| dims.iter().map(merge_of).collect())
            .unwrap_or_default();
        let mut reader = match book.worksheet_cells_reader(&name) {
            Ok(reader) => reader,
            Err(e) => {
                // Chart sheets and dialog sheets hold no cells; say so and read the rest.
                diagnostics.push(Diagnostic::info(
                    None,
                    format!("sheet {name:?} skipped: {e}"),
                ));
                continue;
            }
        };
        let mut cells = Vec::new();
        loop {
            let cell = reader.next_cell().map_err(|e| {
                ExtractError::Corrupt(format!("sheet {name:?} cannot be read: {e}"))
            })?;
            let Some(cell) = cell else { break };
            let Some(value) = value_of_ref(cell.get_value()) else {
                continue;
            };
            budget = take_cell(budget, limits)?;
            let (row, col) = cell.get_position();
            cells.push(GridCell::new(row as usize, col as usize, value));
        }
        grids.push(SheetGrid {
            name,
            cells,
            merges,
        });
    }
    Ok(grids)
}

/// Reads every worksheet of a legacy XLS (BIFF) workbook.
pub fn read_xls(
    bytes: &[u8],
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<SheetGrid>, ExtractError> {
    if bytes.len() > limits.max_xls_bytes {
        return Err(ExtractError::SpreadsheetTooLarge {
            detail: format!(
                "the XLS file is {} MiB, over the {} MiB limit for the legacy format",
                bytes.len() >> 20,
                limits.max_xls_bytes >> 20
            ),
        });
    }
    let mut book: Xls<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| ExtractError::Corrupt(format!("not a readable XLS workbook: {e}")))?;
    let mut grids = Vec::new();
    let mut budget = limits.max_cells;
    for name in book.sheet_names() {
        let range = match book.worksheet_range(&name) {
            Ok(range) => range,
            Err(e) => {
                diagnostics.push(Diagnostic::info(
                    None,
                    format!("sheet {name:?} skipped: {e}"),
                ));
                continue;
            }
        };
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut cells = Vec::new();
        for (r, c, data) in range.used_cells() {
            let Some(value) = value_of_ref(&data_ref(data)) else {
                continue;
            };
            budget = take_cell(budget, limits)?;
            cells.push(GridCell::new(top as usize + r, left as usize + c, value));
        }
        let merges = book
            .merge_cells_by_sheet_name(&name)
            .map(|dims| dims.iter().map(merge_of).collect())
            .unwrap_or_default();
        grids.push(SheetGrid {
            name,
            cells,
            merges,
        });
    }
    Ok(grids)
}

fn take_cell(budget: usize, limits: &Limits) -> Result<usize, ExtractError> {
    budget
        .checked_sub(1)
        .ok_or_else(|| ExtractError::SpreadsheetTooLarge {
            detail: format!("more than {} non-empty cells", limits.max_cells),
        })
}

fn merge_of(d: &calamine::Dimensions) -> Merge {
    Merge {
        first: (d.start.0 as usize, d.start.1 as usize),
        last: (d.end.0 as usize, d.end.1 as usize),
    }
}

/// The typed value of a calamine cell; `None` for an empty one.
fn value_of_ref(data: &DataRef<'_>) -> Option<CellValue> {
    Some(match data {
        DataRef::Empty => return None,
        DataRef::Int(i) => CellValue::Number(*i as f64),
        DataRef::Float(f) => CellValue::Number(*f),
        DataRef::String(s) => text_value(s)?,
        DataRef::SharedString(s) => text_value(s)?,
        DataRef::Bool(b) => CellValue::Bool(*b),
        DataRef::DateTime(dt) if dt.is_datetime() => match dt.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => {
                CellValue::Date(t.date().format("%Y-%m-%d").to_string())
            }
            Some(t) => CellValue::Date(t.format("%Y-%m-%dT%H:%M:%S").to_string()),
            None => CellValue::Number(dt.as_f64()),
        },
        DataRef::DateTime(dt) => CellValue::Number(dt.as_f64()),
        DataRef::DateTimeIso(s) => CellValue::Date(s.clone()),
        DataRef::DurationIso(s) => CellValue::Text(s.clone()),
        DataRef::Error(e) => CellValue::Error(e.to_string()),
    })
}

/// The borrowed view of an owned calamine value, so both readers share one conversion.
fn data_ref(data: &Data) -> DataRef<'_> {
    match data {
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(dt) => DataRef::DateTime(*dt),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}

/// Whitespace-only strings are empty cells for every purpose here.
fn text_value(s: &str) -> Option<CellValue> {
    (!s.trim().is_empty()).then(|| CellValue::Text(s.to_string()))
}

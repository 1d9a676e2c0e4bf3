//! A read sheet laid out as the layout model's `Table` and `Page`: cells keep their typed value
//! and A1 address, merged regions become spans, and each cell gets a box on a notional page (a
//! grid of equal columns and rows) so page-based consumers see the sheet as text in reading order.

use super::address::a1;
use super::guard::Limits;
use super::{GridCell, SheetGrid};
use crate::bbox::BBox;
use crate::model::{Cell, Diagnostic, Line, Page, Table, TextSource, Word};
use std::collections::HashMap;

/// A run of this many empty columns ends a sheet's table, like `Limits::max_blank_row_run`.
const MAX_BLANK_COLUMN_RUN: usize = 512;
/// Notional size of one grid cell in points, so pages have a plausible aspect ratio.
const COLUMN_PT: f32 = 64.0;
const ROW_PT: f32 = 15.0;

/// Lays out sheet number `page` (1-based).
pub fn lay_out(
    mut grid: SheetGrid,
    page: usize,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Table, Page) {
    grid.cells.sort_by_key(|c| (c.row, c.col));
    cut_after_gap(
        &mut grid,
        |c| c.row,
        limits.max_blank_row_run,
        "rows",
        page,
        diagnostics,
    );
    cut_after_gap(
        &mut grid,
        |c| c.col,
        MAX_BLANK_COLUMN_RUN,
        "columns",
        page,
        diagnostics,
    );
    grid.cells.sort_by_key(|c| (c.row, c.col));

    let n_rows = grid.cells.iter().map(|c| c.row + 1).max().unwrap_or(0);
    let n_cols = grid.cells.iter().map(|c| c.col + 1).max().unwrap_or(0);
    let spans: HashMap<(usize, usize), (usize, usize)> = grid
        .merges
        .iter()
        .filter(|m| m.first.0 < n_rows && m.first.1 < n_cols)
        .map(|m| {
            let rows = (m.last.0.min(n_rows - 1) + 1)
                .saturating_sub(m.first.0)
                .max(1);
            let cols = (m.last.1.min(n_cols - 1) + 1)
                .saturating_sub(m.first.1)
                .max(1);
            (m.first, (rows, cols))
        })
        .collect();
    let grid_box = |row: usize, col: usize, rows: usize, cols: usize| {
        BBox::new(
            col as f32 / n_cols.max(1) as f32,
            row as f32 / n_rows.max(1) as f32,
            (col + cols) as f32 / n_cols.max(1) as f32,
            (row + rows) as f32 / n_rows.max(1) as f32,
        )
    };

    let mut cells = Vec::with_capacity(grid.cells.len());
    let mut present = std::collections::HashSet::new();
    for GridCell {
        row,
        col,
        value,
        text,
    } in grid.cells
    {
        let (row_span, col_span) = spans.get(&(row, col)).copied().unwrap_or((1, 1));
        present.insert((row, col));
        cells.push(Cell {
            row,
            col,
            row_span,
            col_span,
            text,
            value: Some(value),
            bbox: Some(grid_box(row, col, row_span, col_span)),
            address: Some(a1(row, col)),
        });
    }
    // A merged region whose anchor is blank still shapes the table (a blank banner, a spanning
    // gap in a two-row header), so it is kept as an empty spanning cell.
    for (&(row, col), &(row_span, col_span)) in &spans {
        if !present.contains(&(row, col)) && (row_span > 1 || col_span > 1) {
            cells.push(Cell {
                row,
                col,
                row_span,
                col_span,
                text: String::new(),
                value: None,
                bbox: Some(grid_box(row, col, row_span, col_span)),
                address: Some(a1(row, col)),
            });
        }
    }
    cells.sort_by_key(|c| (c.row, c.col));

    let sheet_page = page_of(&cells, page, n_rows, n_cols);
    let table = Table {
        page,
        sheet: Some(grid.name),
        bbox: Some(BBox::new(0.0, 0.0, 1.0, 1.0)),
        n_rows,
        n_cols,
        cells,
    };
    (table, sheet_page)
}

/// Drops the cells that lie beyond a run of more than `max_run` empty rows (or columns).
fn cut_after_gap(
    grid: &mut SheetGrid,
    key: impl Fn(&GridCell) -> usize,
    max_run: usize,
    what: &str,
    page: usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut used: Vec<usize> = grid.cells.iter().map(&key).collect();
    used.sort_unstable();
    used.dedup();
    let Some(cut) = used
        .windows(2)
        .find(|w| w[1] - w[0] - 1 > max_run)
        .map(|w| w[0])
    else {
        return;
    };
    let before = grid.cells.len();
    grid.cells.retain(|c| key(c) <= cut);
    diagnostics.push(Diagnostic::warning(
        Some(page),
        format!(
            "sheet {:?}: {} cells after more than {max_run} empty {what} were ignored",
            grid.name,
            before - grid.cells.len()
        ),
    ));
}

/// The sheet as a page: one word per cell, one line per row.
fn page_of(cells: &[Cell], number: usize, n_rows: usize, n_cols: usize) -> Page {
    let mut words = Vec::new();
    let mut lines = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let row = cells[i].row;
        let start = words.len();
        while i < cells.len() && cells[i].row == row {
            let c = &cells[i];
            if !c.text.is_empty() {
                words.push(Word {
                    text: c.text.clone(),
                    bbox: c.bbox.unwrap_or_default(),
                    confidence: 1.0,
                });
            }
            i += 1;
        }
        if words.len() > start {
            let row_words = &words[start..];
            let bbox = row_words
                .iter()
                .skip(1)
                .fold(row_words[0].bbox, |b, w| b.merge(&w.bbox));
            let text = row_words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join("\t");
            lines.push(Line {
                text,
                bbox,
                words: start..words.len(),
            });
        }
    }
    Page {
        number,
        width_pt: (n_cols.max(1) as f32) * COLUMN_PT,
        height_pt: (n_rows.max(1) as f32) * ROW_PT,
        text_source: TextSource::None,
        ocr_confidence: None,
        rotation: 0,
        words,
        lines,
        blocks: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::super::Merge;
    use super::*;
    use crate::model::CellValue;

    fn cell(row: usize, col: usize, text: &str) -> GridCell {
        GridCell::new(row, col, CellValue::Text(text.into()))
    }

    #[test]
    fn merges_become_spans_and_addresses_are_a1() {
        let grid = SheetGrid {
            name: "Rent Roll".into(),
            cells: vec![
                cell(0, 5, "Current"),
                cell(1, 0, "Tenant"),
                cell(1, 5, "Monthly"),
            ],
            merges: vec![Merge {
                first: (0, 5),
                last: (0, 6),
            }],
        };
        let (table, page) = lay_out(grid, 1, &Limits::default(), &mut vec![]);
        assert_eq!((table.n_rows, table.n_cols), (2, 6));
        let banner = table.cell(0, 5).unwrap();
        assert_eq!(banner.col_span, 1, "clipped to the used columns");
        assert_eq!(banner.address.as_deref(), Some("F1"));
        assert_eq!(table.cell(1, 0).unwrap().address.as_deref(), Some("A2"));
        assert_eq!(page.text(), "Current\nTenant\tMonthly");
    }

    #[test]
    fn a_stray_cell_a_million_rows_down_is_dropped_with_a_diagnostic() {
        let grid = SheetGrid {
            name: "S".into(),
            cells: vec![
                cell(0, 0, "Unit"),
                cell(1, 0, "101"),
                cell(1_048_575, 0, "x"),
            ],
            merges: vec![],
        };
        let mut diagnostics = vec![];
        let (table, _) = lay_out(grid, 1, &Limits::default(), &mut diagnostics);
        assert_eq!(table.n_rows, 2);
        assert_eq!(diagnostics.len(), 1);
        assert!(
            diagnostics[0].message.contains("1 cells"),
            "{:?}",
            diagnostics
        );
    }
}

//! A table as rows of cells, with the header-text view a spanning cell gives every column it
//! covers. Works the same on sheet tables (typed cells, A1 addresses) and page tables (boxes).

use crate::model::{Cell, CellValue, Table};

pub struct Grid<'a> {
    pub table: &'a Table,
    /// Each row's cells, sorted by column.
    pub rows: Vec<Vec<&'a Cell>>,
}

impl<'a> Grid<'a> {
    pub fn new(table: &'a Table) -> Self {
        let mut rows: Vec<Vec<&Cell>> = vec![Vec::new(); table.n_rows];
        for cell in &table.cells {
            if let Some(row) = rows.get_mut(cell.row) {
                row.push(cell);
            }
        }
        for row in &mut rows {
            row.sort_by_key(|c| c.col);
        }
        Grid { table, rows }
    }

    /// The non-blank cell at (row, col).
    pub fn at(&self, row: usize, col: usize) -> Option<&'a Cell> {
        self.rows
            .get(row)?
            .iter()
            .find(|c| c.col == col && !c.text.trim().is_empty())
            .copied()
    }

    /// The non-blank cells of a row.
    pub fn filled(&self, row: usize) -> impl Iterator<Item = &'a Cell> + '_ {
        self.rows
            .get(row)
            .into_iter()
            .flatten()
            .copied()
            .filter(|c| !c.text.trim().is_empty())
    }

    /// Header text per column for one row: a cell spanning several columns labels each of them.
    pub fn header_texts(&self, row: usize) -> Vec<String> {
        let mut texts = vec![String::new(); self.table.n_cols];
        for cell in self.filled(row) {
            if matches!(cell.value, Some(CellValue::Number(_))) {
                continue;
            }
            for col in cell.col..(cell.col + cell.col_span.max(1)).min(self.table.n_cols) {
                texts[col] = cell.text.trim().to_string();
            }
        }
        texts
    }
}

/// A cell's text when it is text (not a number or date), lower-cased.
pub fn label(cell: &Cell) -> Option<String> {
    match cell.value {
        Some(CellValue::Number(_) | CellValue::Date(_) | CellValue::Bool(_)) => None,
        _ => Some(cell.text.trim().to_lowercase()),
    }
}

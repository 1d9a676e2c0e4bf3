//! Tables from alignment: lines that break into several segments at wide gaps, stacked so their
//! segments fall into shared columns, become a table with rows, columns and column spans. Ruled
//! tables are found the same way, from the text inside their cells.

use crate::bbox::BBox;
use crate::model::{Cell, Line, Page, Table};
use std::ops::Range;

/// A gap wider than this many word heights separates cells, not words.
const CELL_GAP: f32 = 1.3;
/// Lines further apart than this many line heights do not belong to one table.
const ROW_GAP: f32 = 2.5;
const MIN_ROWS: usize = 3;

/// The word ranges of a line split at cell-wide gaps.
pub fn segments(page: &Page, line: &Line) -> Vec<Range<usize>> {
    let words = &page.words[line.words.clone()];
    let mut out = Vec::new();
    let mut start = line.words.start;
    for i in 1..words.len() {
        let (a, b) = (&words[i - 1].bbox, &words[i].bbox);
        let height = a.height().max(b.height());
        // Widths are page-width fractions and heights page-height fractions: compare in points.
        let gap_pt = (b.x0 - a.x1) * page.width_pt.max(1.0);
        let height_pt = height * page.height_pt.max(1.0);
        if gap_pt > CELL_GAP * height_pt {
            out.push(start..line.words.start + i);
            start = line.words.start + i;
        }
    }
    out.push(start..line.words.end);
    out
}

/// Tables on one page.
pub fn find_tables(page: &Page) -> Vec<Table> {
    let margin = super::blocks::in_margin(page);
    // Running headers and footers never join a table: give them no cells.
    let split: Vec<Vec<Range<usize>>> = page
        .lines
        .iter()
        .zip(&margin)
        .map(|(l, m)| if *m { Vec::new() } else { segments(page, l) })
        .collect();
    let mut tables = Vec::new();
    let mut i = 0;
    while i < page.lines.len() {
        if split[i].len() < 2 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < page.lines.len() && split[j].len() >= 2 && close(&page.lines[j - 1], &page.lines[j])
        {
            j += 1;
        }
        if j - i >= MIN_ROWS
            && let Some(t) = build(page, &split[i..j])
        {
            tables.push(t);
        }
        i = j;
    }
    tables
}

fn close(a: &Line, b: &Line) -> bool {
    let h = a.bbox.height().max(b.bbox.height());
    b.bbox.y0 - a.bbox.y1 < ROW_GAP * h
}

fn seg_box(page: &Page, r: &Range<usize>) -> BBox {
    BBox::union(page.words[r.clone()].iter().map(|w| &w.bbox)).unwrap_or_default()
}

/// Columns are the merged horizontal extents of all segments; a segment covering several
/// columns spans them.
fn build(page: &Page, rows: &[Vec<Range<usize>>]) -> Option<Table> {
    let mut extents: Vec<(f32, f32)> = rows
        .iter()
        .flatten()
        .map(|r| {
            let b = seg_box(page, r);
            (b.x0, b.x1)
        })
        .collect();
    extents.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut columns: Vec<(f32, f32)> = Vec::new();
    for (x0, x1) in extents {
        match columns.last_mut() {
            Some(last) if x0 <= last.1 => last.1 = last.1.max(x1),
            _ => columns.push((x0, x1)),
        }
    }
    if columns.len() < 2 {
        return None;
    }
    let mut cells = Vec::new();
    for (row, segs) in rows.iter().enumerate() {
        for r in segs {
            let b = seg_box(page, r);
            let covered: Vec<usize> = columns
                .iter()
                .enumerate()
                .filter(|(_, c)| b.x0 < c.1 && b.x1 > c.0)
                .map(|(i, _)| i)
                .collect();
            let (Some(&first), Some(&last)) = (covered.first(), covered.last()) else {
                continue;
            };
            cells.push(Cell {
                row,
                col: first,
                row_span: 1,
                col_span: last - first + 1,
                text: page.words[r.clone()]
                    .iter()
                    .map(|w| w.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                value: None,
                bbox: Some(b),
                address: None,
            });
        }
    }
    let bbox = BBox::union(cells.iter().filter_map(|c| c.bbox.as_ref()));
    Some(Table {
        page: page.number,
        sheet: None,
        bbox,
        n_rows: rows.len(),
        n_cols: columns.len(),
        cells,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::order::order_page;
    use crate::model::Word;

    fn word(text: &str, x0: f32, y0: f32) -> Word {
        Word {
            text: text.into(),
            bbox: BBox::new(x0, y0, x0 + 0.06, y0 + 0.012),
            confidence: 1.0,
        }
    }

    #[test]
    fn aligned_rows_become_a_table_with_spans() {
        let mut words = vec![word("Period", 0.1, 0.1), word("Monthly", 0.4, 0.1), word("Annual", 0.7, 0.1)];
        for r in 1..4 {
            let y = 0.1 + r as f32 * 0.02;
            words.push(word(&format!("Year{r}"), 0.1, y));
            words.push(word(&format!("${r},000"), 0.4, y));
            words.push(word(&format!("${r}2,000"), 0.7, y));
        }
        words.push(word("Total", 0.1, 0.18));
        words.push(word("due", 0.48, 0.18));
        words.push(word("annually", 0.56, 0.18));
        words.push(word("only", 0.64, 0.18));
        let mut page = Page {
            number: 1,
            width_pt: 612.0,
            height_pt: 792.0,
            words,
            ..Page::default()
        };
        order_page(&mut page);
        let tables = find_tables(&page);
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!((t.n_rows, t.n_cols), (5, 3));
        assert_eq!(t.rows_text()[2], ["Year2", "$2,000", "$22,000"]);
        let spanning = t.cell(4, 1).unwrap();
        assert_eq!(spanning.col_span, 2, "{spanning:?}");
    }
}

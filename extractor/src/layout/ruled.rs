//! Ruled tables: a grid of horizontal and vertical rules (from the PDF's vector paths) whose
//! crossings bound the cells. Words fall into the cell their centre lies in; a missing stretch
//! of an inner vertical rule merges the cells on either side of it into one spanning cell.

use crate::bbox::BBox;
use crate::model::{Cell, Page, Table};

/// Rules this close (points) meet, and positions this close are one grid line.
const TOLERANCE_PT: f32 = 2.5;

/// A rule as a position across it and an extent along it, in page fractions.
#[derive(Debug, Clone, Copy)]
struct Rule {
    at: f32,
    from: f32,
    to: f32,
}

/// Tables drawn as grids on the page; `rules` are thin boxes in page fractions.
pub fn find_ruled_tables(page: &Page, rules: &[BBox]) -> Vec<Table> {
    let (pw, ph) = (page.width_pt.max(1.0), page.height_pt.max(1.0));
    let (tx, ty) = (TOLERANCE_PT / pw, TOLERANCE_PT / ph);
    let mut horizontal = Vec::new();
    let mut vertical = Vec::new();
    for r in rules {
        if r.width() * pw >= r.height() * ph {
            horizontal.push(Rule {
                at: r.center_y(),
                from: r.x0,
                to: r.x1,
            });
        } else {
            vertical.push(Rule {
                at: r.center_x(),
                from: r.y0,
                to: r.y1,
            });
        }
    }
    let meets = |h: &Rule, v: &Rule| {
        v.at >= h.from - tx && v.at <= h.to + tx && h.at >= v.from - ty && h.at <= v.to + ty
    };
    // Grids are the connected groups of crossing rules.
    let n = horizontal.len();
    let mut group: Vec<usize> = (0..n + vertical.len()).collect();
    fn root(group: &mut [usize], mut i: usize) -> usize {
        while group[i] != i {
            group[i] = group[group[i]];
            i = group[i];
        }
        i
    }
    for (i, h) in horizontal.iter().enumerate() {
        for (j, v) in vertical.iter().enumerate() {
            if meets(h, v) {
                let (a, b) = (root(&mut group, i), root(&mut group, n + j));
                group[a] = b;
            }
        }
    }
    let mut roots: Vec<usize> = (0..group.len()).map(|i| root(&mut group, i)).collect();
    let members = roots.clone();
    roots.sort_unstable();
    roots.dedup();
    roots
        .into_iter()
        .filter_map(|g| {
            let hs: Vec<Rule> = (0..n)
                .filter(|&i| members[i] == g)
                .map(|i| horizontal[i])
                .collect();
            let vs: Vec<Rule> = (0..vertical.len())
                .filter(|&j| members[n + j] == g)
                .map(|j| vertical[j])
                .collect();
            grid_table(page, &hs, &vs, tx, ty)
        })
        .collect()
}

/// Distinct positions, those closer than `tolerance` merged.
fn lines_at(rules: &[Rule], tolerance: f32) -> Vec<f32> {
    let mut at: Vec<f32> = rules.iter().map(|r| r.at).collect();
    at.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for a in at {
        match out.last() {
            Some(last) if a - last <= tolerance => {}
            _ => out.push(a),
        }
    }
    out
}

fn grid_table(page: &Page, hs: &[Rule], vs: &[Rule], tx: f32, ty: f32) -> Option<Table> {
    let ys = lines_at(hs, ty);
    let xs = lines_at(vs, tx);
    if ys.len() < 3 || xs.len() < 3 {
        return None;
    }
    let (n_rows, n_cols) = (ys.len() - 1, xs.len() - 1);
    let band = |edges: &[f32], v: f32| edges.windows(2).position(|e| v >= e[0] && v < e[1]);
    // Whether an inner vertical rule at grid line `col` runs through the middle of `row`.
    let divides = |col: usize, row: usize| {
        let mid = (ys[row] + ys[row + 1]) / 2.0;
        vs.iter()
            .any(|v| (v.at - xs[col]).abs() <= tx && v.from - ty <= mid && v.to + ty >= mid)
    };
    let mut texts = vec![vec![Vec::<&str>::new(); n_cols]; n_rows];
    let mut boxes: Vec<Vec<Option<BBox>>> = vec![vec![None; n_cols]; n_rows];
    for line in &page.lines {
        for word in &page.words[line.words.clone()] {
            let (Some(row), Some(col)) = (
                band(&ys, word.bbox.center_y()),
                band(&xs, word.bbox.center_x()),
            ) else {
                continue;
            };
            texts[row][col].push(&word.text);
            let b = &mut boxes[row][col];
            *b = Some(b.map_or(word.bbox, |b| b.merge(&word.bbox)));
        }
    }
    let mut cells = Vec::new();
    for row in 0..n_rows {
        let mut col = 0;
        while col < n_cols {
            let mut last = col;
            while last + 1 < n_cols && !divides(last + 1, row) {
                last += 1;
            }
            let text = (col..=last)
                .flat_map(|c| texts[row][c].iter().copied())
                .collect::<Vec<_>>()
                .join(" ");
            cells.push(Cell {
                row,
                col,
                row_span: 1,
                col_span: last - col + 1,
                text,
                value: None,
                bbox: Some(BBox::new(xs[col], ys[row], xs[last + 1], ys[row + 1])),
                address: None,
            });
            col = last + 1;
        }
    }
    if cells.iter().all(|c| c.text.is_empty()) {
        return None;
    }
    Some(Table {
        page: page.number,
        sheet: None,
        bbox: Some(BBox::new(xs[0], ys[0], xs[n_cols], ys[n_rows])),
        n_rows,
        n_cols,
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
            bbox: BBox::new(x0, y0, x0 + 0.05, y0 + 0.012),
            confidence: 1.0,
        }
    }

    fn h(y: f32, x0: f32, x1: f32) -> BBox {
        BBox::new(x0, y - 0.0005, x1, y + 0.0005)
    }

    fn v(x: f32, y0: f32, y1: f32) -> BBox {
        BBox::new(x - 0.0005, y0, x + 0.0005, y1)
    }

    #[test]
    fn a_grid_of_rules_gives_cells_and_a_broken_rule_a_span() {
        let mut page = Page {
            number: 2,
            width_pt: 612.0,
            height_pt: 792.0,
            words: vec![
                word("Suite", 0.11, 0.105),
                word("Area", 0.21, 0.105),
                word("Rent", 0.31, 0.105),
                word("550", 0.11, 0.125),
                word("2,394", 0.21, 0.125),
                word("$4,189", 0.31, 0.125),
                word("Total", 0.11, 0.145),
                word("$4,189", 0.31, 0.145),
                word("Outside", 0.6, 0.6),
            ],
            ..Page::default()
        };
        order_page(&mut page);
        let mut rules: Vec<BBox> = [0.1, 0.12, 0.14, 0.16]
            .iter()
            .map(|&y| h(y, 0.1, 0.4))
            .collect();
        rules.extend([v(0.1, 0.1, 0.16), v(0.4, 0.1, 0.16), v(0.3, 0.1, 0.16)]);
        // The rule between the first two columns stops above the last row.
        rules.push(v(0.2, 0.1, 0.14));
        // A lone underline elsewhere is no table.
        rules.push(h(0.7, 0.5, 0.8));
        let tables = find_ruled_tables(&page, &rules);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let t = &tables[0];
        assert_eq!((t.page, t.n_rows, t.n_cols), (2, 3, 3));
        assert_eq!(t.rows_text()[0], ["Suite", "Area", "Rent"]);
        assert_eq!(t.rows_text()[1], ["550", "2,394", "$4,189"]);
        let total = t.cell(2, 0).unwrap();
        assert_eq!((total.text.as_str(), total.col_span), ("Total", 2));
    }
}

//! Finding a rent roll's header: the row (or the pair of rows, for headers split as "Sq" over
//! "Ft") whose wording names the most schema keys, then checking each mapping against the
//! values below it so a misleading header cannot claim a column of the wrong type.

use super::columns::{Role, claim_strength, role_of};
use super::grid::Grid;
use super::values::{cell_amount, cell_area, cell_date};
use std::collections::HashMap;

/// Rows searched for a header from the top of a table.
const HEADER_SEARCH_ROWS: usize = 80;
/// Body rows sampled to check that a column's values fit its role.
const TYPE_SAMPLE_ROWS: usize = 300;

#[derive(Debug, Clone)]
pub struct Column {
    pub col: usize,
    pub header: String,
    pub role: Option<Role>,
}

#[derive(Debug, Clone)]
pub struct Header {
    pub first_row: usize,
    pub last_row: usize,
    /// Every column with header text, left to right.
    pub columns: Vec<Column>,
}

impl Header {
    pub fn col_of(&self, role: Role) -> Option<usize> {
        self.columns
            .iter()
            .find(|c| c.role == Some(role))
            .map(|c| c.col)
    }

    pub fn has(&self, role: Role) -> bool {
        self.col_of(role).is_some()
    }

    pub fn roles(&self) -> Vec<Role> {
        let mut roles: Vec<Role> = self.columns.iter().filter_map(|c| c.role).collect();
        roles.sort();
        roles.dedup();
        roles
    }

    /// How many distinct keys the header names; zero unless it names a unit or tenant and a
    /// size or rent, the least a rent roll shows.
    pub fn score(&self) -> usize {
        let roles = self.roles();
        let who = roles.contains(&Role::Unit) || roles.contains(&Role::Tenant);
        let what = roles.iter().any(|r| {
            matches!(
                r,
                Role::Area
                    | Role::MonthlyRent
                    | Role::AnnualRent
                    | Role::AnnualRentPerSf
                    | Role::MonthlyRentPerSf
            )
        });
        if who && what && roles.len() >= 3 {
            roles.len()
        } else {
            0
        }
    }
}

/// The best header in the table, if any row reads like one.
pub fn find_header(grid: &Grid) -> Option<Header> {
    let mut best: Option<Header> = None;
    let rows = grid.rows.len().min(HEADER_SEARCH_ROWS);
    for row in 0..rows {
        if !mostly_text(grid, row) {
            continue;
        }
        let single = grid.header_texts(row);
        let mut candidate = header_from(row, row, &single);
        if row > 0 && mostly_text(grid, row - 1) {
            let upper = grid.header_texts(row - 1);
            let joined: Vec<String> = upper
                .iter()
                .zip(&single)
                .map(|(u, l)| format!("{u} {l}").trim().to_string())
                .collect();
            let combined = header_from(row - 1, row, &joined);
            if combined.score() > candidate.score() {
                candidate = combined;
            }
        }
        if candidate.score() > best.as_ref().map_or(0, Header::score) {
            best = Some(candidate);
        }
    }
    let mut header = best?;
    check_types(grid, &mut header);
    (header.score() > 0).then_some(header)
}

/// Header rows are words: at most one number among their cells.
fn mostly_text(grid: &Grid, row: usize) -> bool {
    let mut numbers = 0;
    let mut any = false;
    for cell in grid.filled(row) {
        any = true;
        if cell_amount(cell).is_some() && super::grid::label(cell).is_none() {
            numbers += 1;
        }
    }
    any && numbers <= 1
}

fn header_from(first_row: usize, last_row: usize, texts: &[String]) -> Header {
    let mut columns: Vec<Column> = texts
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(col, t)| Column {
            col,
            header: t.clone(),
            role: role_of(t),
        })
        .collect();
    // One column per role: the strongest claim wins (ties go left); recoveries may be several.
    let mut winner: HashMap<Role, (u8, usize)> = HashMap::new();
    for c in &columns {
        if let Some(role) = c.role.filter(|r| !matches!(r, Role::Recoveries { .. })) {
            let strength = claim_strength(&c.header);
            let entry = winner.entry(role).or_insert((strength, c.col));
            if strength > entry.0 {
                *entry = (strength, c.col);
            }
        }
    }
    for c in &mut columns {
        if let Some(role) = c.role
            && let Some(&(_, col)) = winner.get(&role)
            && col != c.col
        {
            c.role = None;
        }
    }
    Header {
        first_row,
        last_row,
        columns,
    }
}

/// Unmaps a column whose values below the header do not fit its role (dates for a date role,
/// figures for a money or area role).
fn check_types(grid: &Grid, header: &mut Header) {
    let start = header.last_row + 1;
    let end = (start + TYPE_SAMPLE_ROWS).min(grid.rows.len());
    for column in &mut header.columns {
        let Some(role) = column.role else { continue };
        let fits: fn(&crate::model::Cell) -> bool = match role {
            Role::LeaseStart | Role::LeaseEnd => |c| cell_date(c).is_some(),
            Role::Area => |c| cell_area(c).is_some(),
            Role::MonthlyRent
            | Role::AnnualRent
            | Role::AnnualRentPerSf
            | Role::MonthlyRentPerSf
            | Role::Recoveries { .. }
            | Role::Deposit => |c| cell_amount(c).is_some(),
            _ => continue,
        };
        let (mut filled, mut fitting) = (0usize, 0usize);
        for row in start..end {
            if let Some(cell) = grid.at(row, column.col) {
                filled += 1;
                fitting += usize::from(fits(cell));
            }
        }
        if filled >= 3 && fitting * 2 < filled {
            column.role = None;
        }
    }
}

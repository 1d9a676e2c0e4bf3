//! Finding a rent roll's header: the row (or the pair of rows, for headers split as "Sq" over
//! "Ft") whose wording names the most schema keys, then checking each mapping against the
//! values below it so a misleading header cannot claim a column of the wrong type. Headers the
//! synonym table does not know go to the header matcher, when there is one, and keep the first
//! proposed role their values fit. Each date column's day/month order is read from its values.

use super::columns::{Mapping, Role, claim_strength, mapping};
use super::grid::Grid;
use super::matcher::HeaderMatcher;
use super::values::{DateOrder, cell_amount, cell_area, cell_date_in, column_order};
use crate::model::{Cell, CellValue};
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
    /// Whether the synonym table does not know the wording (the matcher may place it).
    pub unknown: bool,
    /// The matcher's similarity when it, not the synonym table, gave the role.
    pub matched: Option<f32>,
    /// How the column's numeric dates are written.
    pub date_order: DateOrder,
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

    /// The date order of the column at `col` (month-first when it is not a header column).
    pub fn date_order(&self, col: usize) -> DateOrder {
        self.columns
            .iter()
            .find(|c| c.col == col)
            .map_or(DateOrder::MonthFirst, |c| c.date_order)
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

    /// A header worth the matcher's time: it has unknown wordings and already names a unit or
    /// tenant and one more key. A lease's rent table names no unit or tenant, so reading a
    /// lease never loads the model.
    fn worth_matching(&self) -> bool {
        let roles = self.roles();
        let who = roles.contains(&Role::Unit) || roles.contains(&Role::Tenant);
        who && roles.len() >= 2 && self.columns.iter().any(|c| c.unknown)
    }
}

/// The best header in the table, if any row reads like one. `matcher` places the wordings the
/// synonym table does not know.
pub fn find_header(grid: &Grid, matcher: Option<&dyn HeaderMatcher>) -> Option<Header> {
    let mut best: Option<Header> = None;
    // Without a full header by synonyms alone, the row naming the most keys may still become
    // one once the matcher places its unknown wordings.
    let mut partial: Option<Header> = None;
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
            if combined.score() > candidate.score()
                || (combined.score() == candidate.score()
                    && combined.roles().len() > candidate.roles().len())
            {
                candidate = combined;
            }
        }
        if matcher.is_some()
            && candidate.worth_matching()
            && candidate.roles().len() > partial.as_ref().map_or(0, |h| h.roles().len())
        {
            partial = Some(candidate.clone());
        }
        if candidate.score() > best.as_ref().map_or(0, Header::score) {
            best = Some(candidate);
        }
    }
    let mut header = best.or(partial)?;
    read_date_orders(grid, &mut header);
    if let Some(matcher) = matcher
        && header.worth_matching()
    {
        place_unknown(grid, &mut header, matcher);
    }
    check_types(grid, &mut header);
    (header.score() > 0).then_some(header)
}

/// Asks the matcher about every unknown header and gives each the first proposed role that no
/// other column holds and that its values fit; the most similar header wins a contested role.
fn place_unknown(grid: &Grid, header: &mut Header, matcher: &dyn HeaderMatcher) {
    let unknown: Vec<usize> = (0..header.columns.len())
        .filter(|&i| header.columns[i].unknown && header.columns[i].role.is_none())
        .collect();
    let texts: Vec<&str> = unknown
        .iter()
        .map(|&i| header.columns[i].header.as_str())
        .collect();
    let proposals = match matcher.candidates(&texts) {
        Ok(p) => p,
        Err(e) => {
            tracing::debug!(error = %e, "header matcher failed; synonyms only");
            return;
        }
    };
    let mut choices: Vec<(usize, Role, f32)> = Vec::new();
    for (&i, proposed) in unknown.iter().zip(&proposals) {
        let column = &header.columns[i];
        let choice = proposed.iter().find(|(role, _)| {
            let repeatable = matches!(role, Role::Recoveries { .. });
            (repeatable || !header.has(*role))
                && fits(grid, header.last_row, column, *role) != Some(false)
        });
        if let Some(&(role, similarity)) = choice {
            choices.push((i, role, similarity));
        }
    }
    choices.sort_by(|a, b| b.2.total_cmp(&a.2));
    for (i, role, similarity) in choices {
        if !matches!(role, Role::Recoveries { .. }) && header.has(role) {
            continue;
        }
        tracing::debug!(header = %header.columns[i].header, ?role, similarity, "header matched");
        header.columns[i].role = Some(role);
        header.columns[i].matched = Some(similarity);
    }
}

/// Each date column's order from its values; a column its values leave undecided follows the
/// table's other date columns when those agree on day-first.
fn read_date_orders(grid: &Grid, header: &mut Header) {
    let start = header.last_row + 1;
    let end = (start + TYPE_SAMPLE_ROWS).min(grid.rows.len());
    let mut decided = Vec::with_capacity(header.columns.len());
    for column in &header.columns {
        let texts = (start..end)
            .filter_map(|row| grid.at(row, column.col))
            .filter(|c| !matches!(c.value, Some(CellValue::Number(_) | CellValue::Date(_))))
            .map(|c| c.text.as_str());
        decided.push(column_order(texts));
    }
    let table_day_first = decided.contains(&Some(DateOrder::DayFirst))
        && !decided.contains(&Some(DateOrder::MonthFirst));
    for (column, order) in header.columns.iter_mut().zip(decided) {
        column.date_order = order.unwrap_or(if table_day_first {
            DateOrder::DayFirst
        } else {
            DateOrder::MonthFirst
        });
    }
}

/// Header rows are words: at most one number among their cells. A sheet's number is a typed
/// number; a page cell, which has only text, is a number when its text reads as one.
fn mostly_text(grid: &Grid, row: usize) -> bool {
    let mut numbers = 0;
    let mut any = false;
    for cell in grid.filled(row) {
        any = true;
        let number = match cell.value {
            Some(CellValue::Number(_)) => true,
            None => super::values::parse_amount(&cell.text).is_some(),
            _ => false,
        };
        numbers += usize::from(number);
    }
    any && numbers <= 1
}

fn header_from(first_row: usize, last_row: usize, texts: &[String]) -> Header {
    let mut columns: Vec<Column> = texts
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(col, t)| {
            let mapped = mapping(t);
            Column {
                col,
                header: t.clone(),
                role: match mapped {
                    Mapping::Role(role) => Some(role),
                    Mapping::NotARole | Mapping::Unknown => None,
                },
                unknown: mapped == Mapping::Unknown,
                matched: None,
                date_order: DateOrder::MonthFirst,
            }
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
    let last_row = header.last_row;
    for column in &mut header.columns {
        let Some(role) = column.role else { continue };
        if fits(grid, last_row, column, role) == Some(false) {
            column.role = None;
            column.matched = None;
        }
    }
}

/// Whether most of a column's values fit `role`: `None` when the role has no value type or
/// fewer than three values are there to judge.
fn fits(grid: &Grid, header_last_row: usize, column: &Column, role: Role) -> Option<bool> {
    let order = column.date_order;
    let fit = |cell: &Cell| -> Option<bool> {
        Some(match role {
            Role::LeaseStart | Role::LeaseEnd => cell_date_in(cell, order).is_some(),
            Role::Area => cell_area(cell).is_some(),
            Role::MonthlyRent
            | Role::AnnualRent
            | Role::AnnualRentPerSf
            | Role::MonthlyRentPerSf
            | Role::Recoveries { .. }
            | Role::Deposit => cell_amount(cell).is_some(),
            _ => return None,
        })
    };
    let start = header_last_row + 1;
    let end = (start + TYPE_SAMPLE_ROWS).min(grid.rows.len());
    let (mut filled, mut fitting) = (0usize, 0usize);
    for row in start..end {
        if let Some(cell) = grid.at(row, column.col) {
            filled += 1;
            fitting += usize::from(fit(cell)?);
        }
    }
    (filled >= 3).then_some(fitting * 2 >= filled)
}

//! The body under a header, row by row: unit rows, the charge sub-rows and rent-step rows that
//! belong to the unit above them, labelled clause rows (kept as extras), and what is not a unit
//! at all: blank separators, repeated headers, subtotal and total rows, summary blocks, notes.

use super::columns::Role;
use super::grid::{Grid, label};
use super::header::Header;
use super::values::{cell_amount, cell_area, cell_date_in};
use crate::model::Cell;
use rust_decimal::Decimal;

/// A unit row as read, with the exact (unrounded) figures used for totals.
#[derive(Debug, Clone, Default)]
pub struct UnitRow<'a> {
    pub cells: Vec<&'a Cell>,
    pub unit: Option<String>,
    pub tenant: Option<String>,
    pub status_text: Option<String>,
    pub vacant_word: bool,
    pub mtm_word: bool,
    pub area: Option<f64>,
    pub start: Option<chrono::NaiveDate>,
    pub end: Option<chrono::NaiveDate>,
    pub monthly: Option<Decimal>,
    pub annual: Option<Decimal>,
    pub annual_psf: Option<Decimal>,
    pub monthly_psf: Option<Decimal>,
    pub recoveries_monthly: Option<Decimal>,
    pub deposit: Option<Decimal>,
    /// Charges other than rent by code, as monthly amounts.
    pub charges: Vec<(String, Decimal)>,
    pub steps: Vec<(Option<chrono::NaiveDate>, Decimal)>,
    pub extras: Vec<(String, String)>,
}

/// A subtotal or total row the document states, with its figures.
#[derive(Debug, Clone)]
pub struct StatedTotal {
    pub row: usize,
    pub label: String,
    pub grand: bool,
    /// Unit rows read before this total row.
    pub units_before: usize,
    pub area: Option<f64>,
    pub monthly: Option<Decimal>,
    pub annual: Option<Decimal>,
}

#[derive(Debug, Default)]
pub struct Body<'a> {
    pub units: Vec<UnitRow<'a>>,
    pub totals: Vec<StatedTotal>,
    pub notes: Vec<String>,
}

const VACANT_WORDS: &[&str] = &[
    "vacant",
    "vacancy",
    "available",
    "unleased",
    "unoccupied",
    "<vacant>",
    "*vacant*",
    "vacant unit",
];

/// Reads every row below the header.
pub fn read_body<'a>(grid: &Grid<'a>, header: &Header) -> Body<'a> {
    let mut body = Body::default();
    let mut in_summary = false;
    let header_roles = header.roles().len();
    for row in header.last_row + 1..grid.rows.len() {
        let cells: Vec<&Cell> = grid.filled(row).collect();
        if cells.is_empty() {
            continue;
        }
        if repeats_header(&cells, header, header_roles) {
            in_summary = false;
            continue;
        }
        if in_summary {
            continue;
        }
        let reader = RowReader { grid, header, row };
        if let Some(total) = reader.total_row(&cells, body.units.len()) {
            body.totals.push(total);
            continue;
        }
        // A summary block's title row names it and states no figure of its own.
        if cells
            .iter()
            .filter_map(|c| label(c))
            .any(|t| t.contains("summary"))
            && reader.get(Role::Area).and_then(cell_area).is_none()
        {
            in_summary = true;
            continue;
        }
        if reader.is_unit_row() {
            body.units.push(reader.unit_row(cells));
            continue;
        }
        let Some(current) = body.units.last_mut() else {
            body.notes.push(row_text(&cells));
            continue;
        };
        if !reader.attach_to(current) {
            body.notes.push(row_text(&cells));
        }
    }
    body
}

fn row_text(cells: &[&Cell]) -> String {
    cells
        .iter()
        .map(|c| c.text.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A page break in an export repeats the header: its words map to most of the same keys, or
/// most of its cells, over half the header's columns, read as the header's own words (one row
/// of a split header included).
fn repeats_header(cells: &[&Cell], header: &Header, header_roles: usize) -> bool {
    // Header rows are words; a row of figures is not worth reading as one.
    if cells.iter().filter(|c| cell_amount(c).is_some()).count() > 1 {
        return false;
    }
    let echoes = cells
        .iter()
        .filter(|c| {
            let Some(own) = header.columns.iter().find(|h| h.col == c.col) else {
                return false;
            };
            label(c).is_some_and(|text| {
                let own = own.header.to_lowercase();
                !text.is_empty()
                    && (own == text
                        || own.starts_with(&format!("{text} "))
                        || own.ends_with(&format!(" {text}")))
            })
        })
        .count();
    if cells.len() >= 2 && echoes * 5 >= cells.len() * 3 && echoes * 2 >= header.columns.len() {
        return true;
    }
    let mut roles: Vec<Role> = cells
        .iter()
        .filter_map(|c| label(c).and_then(|t| super::columns::role_of(&t)))
        .collect();
    roles.sort();
    roles.dedup();
    roles.len() >= 3
        && roles.len() * 2 >= header_roles
        && roles.iter().filter(|r| header.has(**r)).count() * 2 >= roles.len()
}

struct RowReader<'g, 'a> {
    grid: &'g Grid<'a>,
    header: &'g Header,
    row: usize,
}

impl<'a> RowReader<'_, 'a> {
    fn get(&self, role: Role) -> Option<&'a Cell> {
        self.grid.at(self.row, self.header.col_of(role)?)
    }

    fn text(&self, role: Role) -> Option<String> {
        self.get(role)
            .map(|c| c.text.trim().to_string())
            .filter(|t| !t.is_empty())
    }

    fn amount(&self, role: Role) -> Option<Decimal> {
        self.get(role).and_then(cell_amount)
    }

    /// A cell's date in its column's day/month order.
    fn date(&self, cell: &Cell) -> Option<chrono::NaiveDate> {
        cell_date_in(cell, self.header.date_order(cell.col))
    }

    fn is_vacant_word(text: &str) -> bool {
        let t = text.trim().to_lowercase();
        VACANT_WORDS
            .iter()
            .any(|w| t == *w || t.starts_with(&format!("{w} ")) || t.starts_with(&format!("{w}-")))
    }

    /// A unit row names a unit or tenant and states something about it.
    fn is_unit_row(&self) -> bool {
        let unit = self.text(Role::Unit);
        let tenant = self.text(Role::Tenant);
        if unit.is_none() && tenant.is_none() {
            return false;
        }
        let facts = [
            Role::Area,
            Role::LeaseStart,
            Role::LeaseEnd,
            Role::MonthlyRent,
            Role::AnnualRent,
            Role::AnnualRentPerSf,
            Role::MonthlyRentPerSf,
            Role::Status,
            Role::Deposit,
        ]
        .iter()
        .any(|r| self.get(*r).is_some());
        facts
            || (unit.is_some() && tenant.is_some())
            || tenant.as_deref().is_some_and(Self::is_vacant_word)
    }

    /// A total row labels itself "total" and names no lease: a tenant called "Total Wine"
    /// with a suite and dates is still a tenant.
    fn total_row(&self, cells: &[&Cell], units_before: usize) -> Option<StatedTotal> {
        let label_text = cells.iter().filter_map(|c| label(c)).find(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .any(|w| matches!(w, "total" | "totals" | "subtotal" | "subtotals"))
                || t.starts_with("sub-total")
                || t.starts_with("grand total")
        })?;
        if self.get(Role::LeaseStart).is_some() || self.get(Role::LeaseEnd).is_some() {
            return None;
        }
        if let Some(unit) = self.text(Role::Unit)
            && !unit.to_lowercase().contains("total")
            && self
                .text(Role::Tenant)
                .is_some_and(|t| !t.to_lowercase().contains("total"))
        {
            return None;
        }
        let words: Vec<&str> = label_text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let grand = words.iter().all(|w| {
            matches!(
                *w,
                "total"
                    | "totals"
                    | "grand"
                    | "property"
                    | "portfolio"
                    | "report"
                    | "overall"
                    | "all"
                    | "units"
                    | "rent"
                    | "roll"
            )
        }) || words.contains(&"grand");
        Some(StatedTotal {
            row: self.row,
            label: label_text,
            grand,
            units_before,
            area: self.get(Role::Area).and_then(cell_area),
            monthly: self.amount(Role::MonthlyRent),
            annual: self.amount(Role::AnnualRent),
        })
    }

    fn unit_row(&self, cells: Vec<&'a Cell>) -> UnitRow<'a> {
        let tenant_text = self.text(Role::Tenant);
        let vacant_word = tenant_text.as_deref().is_some_and(Self::is_vacant_word)
            || self
                .text(Role::Unit)
                .as_deref()
                .is_some_and(Self::is_vacant_word);
        let end_cell = self.get(Role::LeaseEnd);
        let mtm_word = end_cell.is_some_and(|c| {
            let t = c.text.to_lowercase();
            t.contains("mtm") || t.contains("month to month") || t.contains("month-to-month")
        });
        let mut unit = UnitRow {
            unit: self.text(Role::Unit),
            tenant: tenant_text.filter(|_| !vacant_word),
            status_text: self.text(Role::Status),
            vacant_word,
            mtm_word,
            area: self.get(Role::Area).and_then(cell_area),
            start: self.get(Role::LeaseStart).and_then(|c| self.date(c)),
            end: end_cell.and_then(|c| self.date(c)),
            annual: self.amount(Role::AnnualRent),
            annual_psf: self.amount(Role::AnnualRentPerSf),
            monthly_psf: self.amount(Role::MonthlyRentPerSf),
            deposit: self.amount(Role::Deposit),
            recoveries_monthly: self.recoveries(),
            ..UnitRow::default()
        };
        match self.text(Role::ChargeCode) {
            Some(code) => {
                if let Some(amount) = self.amount(Role::MonthlyRent) {
                    add_charge(&mut unit, &code, amount);
                }
                // A charge layout's annual figure belongs to the charge on that line.
                unit.annual = None;
            }
            None => unit.monthly = self.amount(Role::MonthlyRent),
        }
        unit.extras = self.extras();
        unit.cells = cells;
        unit
    }

    /// Expense recoveries across every recovery column, as a monthly figure.
    fn recoveries(&self) -> Option<Decimal> {
        let mut total: Option<Decimal> = None;
        for column in &self.header.columns {
            let Some(Role::Recoveries { annual }) = column.role else {
                continue;
            };
            let Some(amount) = self.grid.at(self.row, column.col).and_then(cell_amount) else {
                continue;
            };
            let monthly = if annual {
                amount / Decimal::from(12)
            } else {
                amount
            };
            total = Some(total.unwrap_or_default() + monthly);
        }
        total
    }

    /// Cells under headers that map to no key, as printed.
    fn extras(&self) -> Vec<(String, String)> {
        self.header
            .columns
            .iter()
            .filter(|c| c.role.is_none())
            .filter_map(|c| {
                let cell = self.grid.at(self.row, c.col)?;
                Some((c.header.clone(), cell.text.trim().to_string()))
            })
            .collect()
    }

    /// Attaches a row without its own unit to the unit above: a charge, a rent step, or a
    /// labelled clause. False when the row is none of these (a note).
    fn attach_to(&self, unit: &mut UnitRow<'a>) -> bool {
        if let Some(code) = self.text(Role::ChargeCode) {
            if let Some(amount) = self.amount(Role::MonthlyRent) {
                add_charge(unit, &code, amount);
                return true;
            }
            return false;
        }
        let step_date_cell = self
            .get(Role::StepDate)
            .or_else(|| self.get(Role::LeaseStart));
        let monthly = self
            .amount(Role::MonthlyRent)
            .or_else(|| self.amount(Role::AnnualRent).map(|a| a / Decimal::from(12)))
            .or_else(|| {
                let psf = self.amount(Role::AnnualRentPerSf)?;
                let area = decimal_area(unit.area?)?;
                Some(psf * area / Decimal::from(12))
            });
        if let (Some(cell), Some(monthly)) = (step_date_cell, monthly) {
            let marks_current =
                label(cell).is_some_and(|t| t.contains("current") || t.contains("in place"));
            if marks_current {
                unit.monthly = Some(monthly);
            } else {
                unit.steps.push((self.date(cell), monthly));
            }
            return true;
        }
        // A clause row: a label and its value in columns the header leaves unnamed.
        let unnamed: Vec<&Cell> = self
            .grid
            .filled(self.row)
            .filter(|c| {
                !self
                    .header
                    .columns
                    .iter()
                    .any(|h| h.col == c.col && h.role.is_some())
            })
            .collect();
        if unnamed.len() == 2
            && label(unnamed[0]).is_some()
            && self.grid.filled(self.row).count() == 2
        {
            let key = unnamed[0].text.trim().trim_end_matches(':').to_string();
            unit.extras.push((key, unnamed[1].text.trim().to_string()));
            return true;
        }
        false
    }
}

fn decimal_area(area: f64) -> Option<Decimal> {
    super::values::decimal_of_f64(area)
}

/// Codes that bill base rent, in the spellings property-management systems use.
fn is_rent_code(code: &str) -> bool {
    let c = code.trim().to_lowercase();
    (c.contains("rent") || c.contains("rnt") || c.starts_with("base") || c == "br" || c == "bsr")
        && ![
            "free", "abat", "conc", "disc", "credit", "pkg", "park", "storage",
        ]
        .iter()
        .any(|w| c.contains(w))
}

fn add_charge(unit: &mut UnitRow<'_>, code: &str, amount: Decimal) {
    if is_rent_code(code) {
        unit.monthly = Some(unit.monthly.unwrap_or_default() + amount);
    } else {
        unit.charges.push((code.trim().to_string(), amount));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rent_codes_are_told_from_other_charges() {
        for c in ["rnt", "RENT", "Base Rent", "rntoff", "br"] {
            assert!(is_rent_code(c), "{c}");
        }
        for c in ["cam", "tax", "ins", "freernt", "rent abatement", "prk"] {
            assert!(!is_rent_code(c), "{c}");
        }
    }
}

//! Totals of a rent roll from its rows, checked against the subtotal and total rows the
//! document states: `stated_totals_match`, and a diagnostic naming each difference.

use super::body::{StatedTotal, UnitRow};
use super::rows::{exact_annual, exact_monthly};
use super::values::{cents, decimal_of_f64};
use crate::model::Diagnostic;
use crate::schema::{Money, RentRollRow, RentRollTotals, UnitStatus};
use rust_decimal::Decimal;

/// One table's share of the roll: its unit rows and the totals it states.
pub struct Part<'a> {
    pub body_totals: Vec<StatedTotal>,
    pub units: Vec<UnitRow<'a>>,
}

impl<'a> Part<'a> {
    /// One part holding `parts` in order, each stated total still covering the rows above it.
    pub fn joined(parts: Vec<Part<'a>>) -> Part<'a> {
        let mut joined = Part {
            body_totals: Vec::new(),
            units: Vec::new(),
        };
        for part in parts {
            let offset = joined.units.len();
            joined
                .body_totals
                .extend(part.body_totals.into_iter().map(|mut t| {
                    t.units_before += offset;
                    t
                }));
            joined.units.extend(part.units);
        }
        joined
    }
}

pub fn totals(
    rows: &[RentRollRow],
    parts: &[Part],
    diagnostics: &mut Vec<Diagnostic>,
) -> RentRollTotals {
    let units: Vec<&UnitRow> = parts.iter().flat_map(|p| &p.units).collect();
    let rsf: f64 = rows.iter().filter_map(|r| r.rentable_square_feet).sum();
    let occupied_sf: f64 = rows
        .iter()
        .filter(|r| r.status != UnitStatus::Vacant)
        .filter_map(|r| r.rentable_square_feet)
        .sum();
    let vacant_units = rows
        .iter()
        .filter(|r| r.status == UnitStatus::Vacant)
        .count();
    let occupancy_percent = if rsf > 0.0 {
        occupied_sf / rsf * 100.0
    } else if rows.is_empty() {
        0.0
    } else {
        (rows.len() - vacant_units) as f64 / rows.len() as f64 * 100.0
    };
    let sum = |f: fn(&UnitRow) -> Option<Decimal>| -> Option<Decimal> {
        let values: Vec<Decimal> = units.iter().filter_map(|u| f(u)).collect();
        (!values.is_empty()).then(|| values.iter().sum())
    };
    let mut checks = Vec::new();
    for part in parts {
        check_part(part, &mut checks, diagnostics);
    }
    RentRollTotals {
        units: rows.len(),
        rentable_square_feet: rsf,
        occupied_square_feet: occupied_sf,
        occupancy_percent: (occupancy_percent * 100.0).round() / 100.0,
        monthly_base_rent: sum(exact_monthly).map(|d| Money::usd(cents(d))),
        stated_totals_match: (!checks.is_empty()).then(|| checks.iter().all(|ok| *ok)),
        vacant_units,
        annual_base_rent: sum(exact_annual).map(|d| Money::usd(cents(d))),
    }
}

/// Compares each stated total with the rows it covers: a grand total with every unit above
/// it, a subtotal with the units since the previous total row.
fn check_part(part: &Part, checks: &mut Vec<bool>, diagnostics: &mut Vec<Diagnostic>) {
    let mut group_start = 0;
    for total in &part.body_totals {
        let from = if total.grand { 0 } else { group_start };
        let covered = &part.units[from.min(total.units_before)..total.units_before];
        group_start = total.units_before;
        if covered.is_empty() {
            continue;
        }
        let tolerance = Decimal::new(1, 2) * Decimal::from(covered.len().max(1));
        let mut compare = |what: &str,
                           stated: Option<Decimal>,
                           rows: Option<Decimal>,
                           tolerance: Decimal| {
            let (Some(stated), Some(rows)) = (stated, rows) else {
                return;
            };
            let ok = (stated - rows).abs() <= tolerance;
            checks.push(ok);
            if !ok {
                diagnostics.push(Diagnostic::warning(
                    None,
                    format!(
                        "stated total {:?} (row {}) gives {what} {} but its {} rows sum to {} (difference {})",
                        total.label,
                        total.row + 1,
                        cents(stated),
                        covered.len(),
                        cents(rows),
                        cents(stated - rows)
                    ),
                ));
            }
        };
        let area: Option<Decimal> = covered
            .iter()
            .filter_map(|u| u.area.and_then(decimal_of_f64))
            .reduce(|a, b| a + b);
        compare(
            "rentable area",
            total.area.and_then(decimal_of_f64),
            area,
            Decimal::new(5, 1),
        );
        // A charge layout's total row adds up every charge line, not only the rent charge.
        let monthly: Option<Decimal> = covered
            .iter()
            .filter_map(|u| {
                let charges: Decimal = u.charges.iter().map(|(_, a)| *a).sum();
                exact_monthly(u).map(|m| m + charges)
            })
            .reduce(|a, b| a + b);
        compare("monthly base rent", total.monthly, monthly, tolerance);
        let annual: Option<Decimal> = covered
            .iter()
            .filter_map(|u| exact_annual(u))
            .reduce(|a, b| a + b);
        compare(
            "annual base rent",
            total.annual,
            annual,
            tolerance * Decimal::from(12),
        );
    }
}

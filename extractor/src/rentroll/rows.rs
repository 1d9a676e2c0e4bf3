//! A read unit row into the schema's `RentRollRow`: status, the in-place monthly rent (derived
//! from annual or per-SF rent when only those are given), charges split into base rent and
//! recoveries, future steps, extras, and evidence pointing back at the row's cells.

use super::body::UnitRow;
use super::values::{cents, decimal_of_f64};
use crate::model::{Cell, Table};
use crate::schema::{Evidence, Money, RentRollRow, RentStep, UnitStatus};
use crate::sheets::address::a1_range;
use rust_decimal::Decimal;

/// The row's in-place monthly base rent at full precision.
pub fn exact_monthly(unit: &UnitRow) -> Option<Decimal> {
    let twelve = Decimal::from(12);
    let area = unit.area.and_then(decimal_of_f64);
    unit.monthly
        .or_else(|| unit.annual.map(|a| a / twelve))
        .or_else(|| Some(unit.annual_psf? * area? / twelve))
        .or_else(|| Some(unit.monthly_psf? * area?))
}

/// The row's annual base rent at full precision.
pub fn exact_annual(unit: &UnitRow) -> Option<Decimal> {
    unit.annual
        .or_else(|| exact_monthly(unit).map(|m| m * Decimal::from(12)))
}

pub fn status(unit: &UnitRow) -> UnitStatus {
    if let Some(text) = &unit.status_text {
        let t = text.to_lowercase();
        if t.contains("vacant") || t == "v" || t.contains("available") {
            return UnitStatus::Vacant;
        }
        if t.contains("notice") || t.contains("ntv") {
            return UnitStatus::Notice;
        }
        if t.contains("mtm") || t.contains("month") {
            return UnitStatus::MonthToMonth;
        }
        if [
            "model", "down", "admin", "employee", "office", "non-rev", "nonrev",
        ]
        .iter()
        .any(|w| t.contains(w))
        {
            return UnitStatus::Other;
        }
    }
    if unit.vacant_word || unit.tenant.is_none() {
        return UnitStatus::Vacant;
    }
    if unit.mtm_word || unit.end.is_none() {
        return UnitStatus::MonthToMonth;
    }
    UnitStatus::Occupied
}

/// Charges that are not base rent and not cost recoveries: concessions, parking, storage.
fn is_other_charge(code: &str) -> bool {
    let c = code.to_lowercase();
    [
        "free", "abat", "conc", "disc", "credit", "park", "pkg", "prk", "storage", "stor",
    ]
    .iter()
    .any(|w| c.contains(w))
}

pub fn to_row(table: &Table, unit: &UnitRow) -> RentRollRow {
    let money = |d: Option<Decimal>| d.map(|d| Money::usd(cents(d)));
    let monthly = exact_monthly(unit);
    let annual = exact_annual(unit);
    let psf = unit.annual_psf.or_else(|| {
        let area = decimal_of_f64(unit.area?)?;
        if area.is_zero() {
            None
        } else {
            Some(annual? / area)
        }
    });
    let mut extras: std::collections::BTreeMap<String, String> = Default::default();
    for (key, value) in &unit.extras {
        extras
            .entry(key.clone())
            .and_modify(|v| {
                v.push_str("; ");
                v.push_str(value);
            })
            .or_insert_with(|| value.clone());
    }
    let mut recoveries = unit.recoveries_monthly;
    for (code, amount) in &unit.charges {
        if is_other_charge(code) {
            extras.insert(format!("charge {code}"), cents(*amount).to_string());
        } else {
            recoveries = Some(recoveries.unwrap_or_default() + amount);
        }
    }
    RentRollRow {
        unit: unit.unit.clone(),
        tenant: unit.tenant.clone(),
        status: status(unit),
        rentable_square_feet: unit.area,
        lease_start: unit.start.map(|d| d.format("%Y-%m-%d").to_string()),
        lease_end: unit.end.map(|d| d.format("%Y-%m-%d").to_string()),
        monthly_base_rent: money(monthly),
        annual_base_rent: money(annual),
        annual_rent_per_sf: money(psf),
        recoveries_monthly: money(recoveries),
        security_deposit: money(unit.deposit),
        evidence: row_evidence(table, &unit.cells),
        rent_steps: unit
            .steps
            .iter()
            .map(|(date, monthly)| RentStep {
                start: date.map(|d| d.format("%Y-%m-%d").to_string()),
                monthly: Some(Money::usd(cents(*monthly))),
            })
            .collect(),
        extras,
    }
}

/// A row's provenance: its sheet and cell range, or its page, box and text.
pub fn row_evidence(table: &Table, cells: &[&Cell]) -> Vec<Evidence> {
    let (Some(first), Some(last)) = (
        cells.iter().min_by_key(|c| c.col),
        cells.iter().max_by_key(|c| c.col + c.col_span),
    ) else {
        return vec![];
    };
    if table.sheet.is_some() && first.address.is_some() {
        return vec![Evidence {
            sheet: table.sheet.clone(),
            cells: Some(a1_range(
                (first.row, first.col),
                (last.row, last.col + last.col_span.max(1) - 1),
            )),
            ..Evidence::default()
        }];
    }
    let bbox = cells
        .iter()
        .filter_map(|c| c.bbox)
        .reduce(|a, b| a.merge(&b));
    vec![Evidence {
        page: Some(table.page),
        bbox,
        text: Some(
            cells
                .iter()
                .map(|c| c.text.trim())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        ..Evidence::default()
    }]
}

pub fn cell_evidence(table: &Table, cell: &Cell) -> Vec<Evidence> {
    let mut evidence = row_evidence(table, &[cell]);
    if let Some(e) = evidence.first_mut() {
        e.text = Some(cell.text.trim().to_string());
    }
    evidence
}

//! The "Rent Roll" sheet (every normalized row, a totals row of formulas) and the
//! "Reconciliation" sheet (totals recomputed from the rows against the extractor's, and each
//! row's monthly, annual and per-SF rents checked against each other).

use super::cells::{self, Formats};
use crate::export::citations;
use crate::export::values::{Amount, parse_date};
use extractor::schema::{Money, RentRoll, RentRollRow, UnitStatus};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{ColNum, RowNum, Workbook, Worksheet, XlsxError};
use std::collections::BTreeSet;

pub const RENT_ROLL: &str = "Rent Roll";
pub const RECONCILIATION: &str = "Reconciliation";

const COLUMNS: [&str; 12] = [
    "Unit",
    "Tenant",
    "Status",
    "Rentable SF",
    "Lease start",
    "Lease end",
    "Monthly base rent",
    "Annual base rent",
    "Annual rent per SF",
    "Monthly recoveries",
    "Security deposit",
    "Source",
];
const STATUS: ColNum = 2;
const RSF: ColNum = 3;
const MONTHLY: ColNum = 6;
const ANNUAL: ColNum = 7;
const PER_SF: ColNum = 8;
const RECOVERIES: ColNum = 9;
const DEPOSIT: ColNum = 10;

/// A difference under this many currency units is rounding, not a discrepancy.
const RENT_TOLERANCE: f64 = 1.0;

pub fn write(workbook: &mut Workbook, roll: &RentRoll, formats: &Formats) -> Result<(), XlsxError> {
    let extras: Vec<&str> = roll
        .rows
        .iter()
        .flat_map(|r| r.extras.keys().map(String::as_str))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let ws = workbook.add_worksheet();
    ws.set_name(RENT_ROLL)?;
    let mut titles: Vec<&str> = COLUMNS.to_vec();
    titles.extend(&extras);
    cells::header(ws, 0, &titles, formats)?;
    for (i, r) in roll.rows.iter().enumerate() {
        write_row(ws, i as RowNum + 1, r, &extras, formats)?;
    }
    let last = roll.rows.len() as RowNum;
    if !roll.rows.is_empty() {
        write_totals(ws, roll, formats)?;
    }
    cells::finish_table(ws, 0, last, titles.len())?;
    write_reconciliation(workbook, roll, formats)
}

fn write_row(
    ws: &mut Worksheet,
    row: RowNum,
    r: &RentRollRow,
    extras: &[&str],
    formats: &Formats,
) -> Result<(), XlsxError> {
    cells::text(
        ws,
        row,
        0,
        r.unit.as_deref().unwrap_or_default(),
        &formats.text,
    )?;
    cells::text(
        ws,
        row,
        1,
        r.tenant.as_deref().unwrap_or_default(),
        &formats.text,
    )?;
    cells::text(ws, row, STATUS, status_name(r.status), &formats.text)?;
    if let Some(sf) = r.rentable_square_feet.filter(|f| f.is_finite()) {
        ws.write_number_with_format(row, RSF, sf, &formats.area)?;
    }
    for (col, date) in [(4, &r.lease_start), (5, &r.lease_end)] {
        match date.as_deref().map(|s| (s, parse_date(s))) {
            Some((_, Some(d))) => cells::date(ws, row, col, d, &formats.date)?,
            Some((s, None)) => cells::text(ws, row, col, s, &formats.text)?,
            None => {}
        }
    }
    let amounts = [
        (MONTHLY, &r.monthly_base_rent),
        (ANNUAL, &r.annual_base_rent),
        (PER_SF, &r.annual_rent_per_sf),
        (RECOVERIES, &r.recoveries_monthly),
        (DEPOSIT, &r.security_deposit),
    ];
    for (col, money) in amounts {
        let amount = money.as_ref().map(Amount::from_money);
        cells::money_opt(ws, row, col, amount.as_ref(), formats)?;
    }
    let source: Vec<String> = r
        .evidence
        .iter()
        .filter_map(citations::sheet_range)
        .collect();
    cells::text(ws, row, 11, &source.join("; "), &formats.text)?;
    for (i, key) in extras.iter().enumerate() {
        if let Some(v) = r.extras.get(*key) {
            let col = COLUMNS.len() as ColNum + i as ColNum;
            cells::text(ws, row, col, v, &formats.text)?;
        }
    }
    Ok(())
}

/// The totals row under the data: unit count, summed area and money, and the weighted rent per
/// SF (annual rent over the area of the rows that state an annual rent).
fn write_totals(ws: &mut Worksheet, roll: &RentRoll, formats: &Formats) -> Result<(), XlsxError> {
    let rows = &roll.rows;
    let last = rows.len() as RowNum;
    let total = last + 1;
    let currency = currency(roll);
    let money_total = Formats::total(&formats.money(&currency, ""));
    let bold = Formats::total(&formats.text);
    cells::text(ws, total, 0, "Total", &bold)?;
    cells::formula(
        ws,
        total,
        1,
        &format!("=ROWS({})", cells::column_range(0, 1, last)),
        rows.len(),
        &Formats::total(&formats.integer.clone().set_num_format("0\" units\"")),
    )?;
    cells::text(ws, total, STATUS, "", &bold)?;
    let rsf: f64 = rows.iter().filter_map(|r| r.rentable_square_feet).sum();
    sum(ws, total, RSF, last, rsf, &Formats::total(&formats.area))?;
    for col in [4, 5] {
        cells::text(ws, total, col, "", &bold)?;
    }
    for (col, pick) in money_columns() {
        let value = sum_money(rows.iter().map(pick));
        sum(ws, total, col, last, value, &money_total)?;
    }
    let annual_total = sum_money(rows.iter().map(|r| &r.annual_base_rent));
    let rsf_with_rent: f64 = rows
        .iter()
        .filter(|r| r.annual_base_rent.is_some())
        .filter_map(|r| r.rentable_square_feet)
        .sum();
    let per_sf = if rsf_with_rent > 0.0 {
        annual_total / rsf_with_rent
    } else {
        0.0
    };
    let expr = format!(
        "=IFERROR({}/SUMIF({},\"<>\",{}),0)",
        cells::cell(total, ANNUAL),
        cells::column_range(ANNUAL, 1, last),
        cells::column_range(RSF, 1, last),
    );
    cells::formula(ws, total, PER_SF, &expr, per_sf, &money_total)?;
    cells::text(ws, total, 11, "", &bold)?;
    Ok(())
}

type Pick = fn(&RentRollRow) -> &Option<Money>;

fn money_columns() -> [(ColNum, Pick); 4] {
    [
        (MONTHLY, |r| &r.monthly_base_rent),
        (ANNUAL, |r| &r.annual_base_rent),
        (RECOVERIES, |r| &r.recoveries_monthly),
        (DEPOSIT, |r| &r.security_deposit),
    ]
}

fn sum(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    last: RowNum,
    cached: f64,
    format: &rust_xlsxwriter::Format,
) -> Result<(), XlsxError> {
    let expr = format!("=SUM({})", cells::column_range(col, 1, last));
    cells::formula(ws, row, col, &expr, round(cached), format)
}

/// Sums decimal amounts exactly, converting once for the cell.
fn sum_money<'a>(amounts: impl Iterator<Item = &'a Option<Money>>) -> f64 {
    amounts
        .flatten()
        .map(|m| m.amount)
        .sum::<Decimal>()
        .to_f64()
        .unwrap_or(0.0)
}

/// Rounds a cached result to what Excel would display at 10 significant decimals, so the cached
/// text does not carry binary noise such as `0.30000000000000004`.
fn round(f: f64) -> f64 {
    (f * 1e10).round() / 1e10
}

fn currency(roll: &RentRoll) -> String {
    roll.rows
        .iter()
        .find_map(|r| r.monthly_base_rent.as_ref().or(r.annual_base_rent.as_ref()))
        .map_or_else(|| "USD".to_string(), |m| m.currency.clone())
}

pub fn status_name(status: UnitStatus) -> &'static str {
    match status {
        UnitStatus::Occupied => "occupied",
        UnitStatus::Vacant => "vacant",
        UnitStatus::Notice => "notice",
        UnitStatus::MonthToMonth => "month_to_month",
        UnitStatus::Other => "other",
    }
}

const CHECK_COLUMNS: [&str; 5] = [
    "Check",
    "From the rows",
    "Extractor total",
    "Difference",
    "Result",
];
const ROW_CHECK_COLUMNS: [&str; 8] = [
    "Unit",
    "Tenant",
    "Monthly × 12",
    "Annual base rent",
    "Difference",
    "Rent per SF × area",
    "Difference",
    "Result",
];

fn write_reconciliation(
    workbook: &mut Workbook,
    roll: &RentRoll,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let ws = workbook.add_worksheet();
    ws.set_name(RECONCILIATION)?;
    let rows = &roll.rows;
    let last = rows.len().max(1) as RowNum;
    let sheet = format!("'{RENT_ROLL}'!");
    let currency = currency(roll);
    let money = formats.money(&currency, "");
    cells::header(ws, 0, &CHECK_COLUMNS, formats)?;

    let t = &roll.totals;
    let rsf: f64 = rows.iter().filter_map(|r| r.rentable_square_feet).sum();
    let occupied: f64 = rows
        .iter()
        .filter(|r| r.status != UnitStatus::Vacant)
        .filter_map(|r| r.rentable_square_feet)
        .sum();
    let occupancy = if rsf > 0.0 { occupied / rsf } else { 0.0 };
    let monthly = sum_money(rows.iter().map(|r| &r.monthly_base_rent));
    let range = |col| format!("{sheet}{}", cells::column_range(col, 1, last));
    let checks: [(&str, String, f64, Option<f64>, &rust_xlsxwriter::Format); 5] = [
        (
            "Units",
            format!("=ROWS({})", range(0)),
            rows.len() as f64,
            Some(t.units as f64),
            &formats.integer,
        ),
        (
            "Rentable SF",
            format!("=SUM({})", range(RSF)),
            rsf,
            Some(t.rentable_square_feet),
            &formats.area,
        ),
        (
            "Occupied SF",
            format!("=SUMIF({},\"<>vacant\",{})", range(STATUS), range(RSF)),
            occupied,
            Some(t.occupied_square_feet),
            &formats.area,
        ),
        (
            "Occupancy",
            "=IF(B3=0,0,B4/B3)".to_string(),
            occupancy,
            Some(t.occupancy_percent / 100.0),
            &formats.percent,
        ),
        (
            "Monthly base rent",
            format!("=SUM({})", range(MONTHLY)),
            monthly,
            t.monthly_base_rent
                .as_ref()
                .map(|m| Amount::from_money(m).as_f64()),
            &money,
        ),
    ];
    for (i, (label, expr, computed, extracted, format)) in checks.iter().enumerate() {
        let row = i as RowNum + 1;
        cells::text(ws, row, 0, label, &formats.text)?;
        cells::formula(ws, row, 1, expr, round(*computed), format)?;
        let Some(extracted) = extracted else {
            cells::text(ws, row, 2, "not stated", &formats.note)?;
            continue;
        };
        ws.write_number_with_format(row, 2, *extracted, format)?;
        let diff = round(computed - extracted);
        let (b, c, d) = (
            cells::cell(row, 1),
            cells::cell(row, 2),
            cells::cell(row, 3),
        );
        cells::formula(ws, row, 3, &format!("={b}-{c}"), diff, format)?;
        let ok = diff.abs() < 0.005;
        cells::formula(
            ws,
            row,
            4,
            &format!("=IF(ABS({d})<0.005,\"OK\",\"CHECK\")"),
            if ok { "OK" } else { "CHECK" },
            &formats.text,
        )?;
    }
    let stated = match t.stated_totals_match {
        Some(true) => "The document's own total rows agree with its rows.",
        Some(false) => "The document's own total rows DISAGREE with its rows.",
        None => "The document states no totals to compare.",
    };
    cells::text(ws, 7, 0, stated, &formats.note)?;

    let header = 9;
    cells::header(ws, header, &ROW_CHECK_COLUMNS, formats)?;
    let mut out = header;
    for (i, r) in rows.iter().enumerate() {
        out += 1;
        write_row_check(ws, out, i as RowNum + 1, r, &sheet, &money, formats)?;
    }
    cells::finish_table(ws, header, out, ROW_CHECK_COLUMNS.len())?;
    // The table of totals is the sheet's first view; freeze nothing above it.
    ws.set_freeze_panes(0, 0)?;
    Ok(())
}

/// One row's rent arithmetic: monthly × 12 against annual, per-SF × area against annual.
fn write_row_check(
    ws: &mut Worksheet,
    out: RowNum,
    source_row: RowNum,
    r: &RentRollRow,
    sheet: &str,
    money: &rust_xlsxwriter::Format,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let at = |col| format!("{sheet}{}", cells::cell(source_row, col));
    cells::text(
        ws,
        out,
        0,
        r.unit.as_deref().unwrap_or_default(),
        &formats.text,
    )?;
    cells::text(
        ws,
        out,
        1,
        r.tenant.as_deref().unwrap_or_default(),
        &formats.text,
    )?;
    let as_f64 = |m: &Option<Money>| m.as_ref().map(|m| Amount::from_money(m).as_f64());
    let monthly = as_f64(&r.monthly_base_rent);
    let annual = as_f64(&r.annual_base_rent);
    let per_sf = as_f64(&r.annual_rent_per_sf);
    // Each check that the row's data allows: whether it passed.
    let mut checks: Vec<bool> = Vec::new();
    if let Some(a) = annual {
        cells::formula(ws, out, 3, &format!("={}", at(ANNUAL)), round(a), money)?;
    }
    if let (Some(m), Some(a)) = (monthly, annual) {
        let x12 = round(m * 12.0);
        cells::formula(ws, out, 2, &format!("={}*12", at(MONTHLY)), x12, money)?;
        let diff = round(x12 - a);
        let expr = format!("={}-{}", cells::cell(out, 2), cells::cell(out, 3));
        cells::formula(ws, out, 4, &expr, diff, money)?;
        checks.push(diff.abs() <= RENT_TOLERANCE);
    }
    if let (Some(p), Some(sf), Some(a)) = (per_sf, r.rentable_square_feet, annual) {
        let product = round(p * sf);
        let expr = format!("={}*{}", at(PER_SF), at(RSF));
        cells::formula(ws, out, 5, &expr, product, money)?;
        let diff = round(product - a);
        let expr = format!("={}-{}", cells::cell(out, 5), cells::cell(out, 3));
        cells::formula(ws, out, 6, &expr, diff, money)?;
        // Per-SF rents are usually printed rounded to cents, so allow a cent per square foot.
        checks.push(diff.abs() <= RENT_TOLERANCE.max(sf * 0.01));
    }
    let result = match (checks.is_empty(), checks.iter().all(|ok| *ok)) {
        (true, _) => "not checkable",
        (false, true) => "OK",
        (false, false) => "CHECK",
    };
    cells::text(ws, out, 7, result, &formats.text)?;
    Ok(())
}

//! The "Rent Schedule" sheet (periods as dates and amounts, months and period rent as formulas
//! with a totals row) and the "Critical Dates" sheet (the lease's timeline).

use super::cells::{self, Formats};
use crate::export::citations;
use crate::export::values::{self, Amount, CriticalDate, ScheduleRow, Value, period_months};
use extractor::schema::FieldMap;
use rust_decimal::Decimal;
use rust_xlsxwriter::{RowNum, Workbook, XlsxError};

pub const RENT_SCHEDULE: &str = "Rent Schedule";
pub const CRITICAL_DATES: &str = "Critical Dates";

const SCHEDULE_COLUMNS: [&str; 7] = [
    "Start",
    "End",
    "Months",
    "Monthly rent",
    "Annual rent",
    "Annual rent per SF",
    "Rent for period",
];

pub fn write_rent_schedule(
    workbook: &mut Workbook,
    lease: &FieldMap,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let ws = workbook.add_worksheet();
    ws.set_name(RENT_SCHEDULE)?;
    cells::header(ws, 0, &SCHEDULE_COLUMNS, formats)?;
    let field = lease.get("rent_schedule");
    let rows = match field.map(|f| Value::decode("rent_schedule", &f.value)) {
        Some(Value::Schedule(rows)) => rows,
        _ => Vec::new(),
    };
    if rows.is_empty() {
        cells::text(
            ws,
            1,
            0,
            "The lease states no rent schedule.",
            &formats.note,
        )?;
        cells::finish_table(ws, 0, 0, SCHEDULE_COLUMNS.len())?;
        return Ok(());
    }

    let mut months_total = 0i64;
    let mut rent_total = Decimal::ZERO;
    let mut currency = None;
    for (i, period) in rows.iter().enumerate() {
        let row = i as RowNum + 1;
        if let Some(d) = period.start {
            cells::date(ws, row, 0, d, &formats.date)?;
        }
        if let Some(d) = period.end {
            cells::date(ws, row, 1, d, &formats.date)?;
        }
        cells::money_opt(ws, row, 3, period.monthly.as_ref(), formats)?;
        cells::money_opt(ws, row, 4, period.annual.as_ref(), formats)?;
        cells::money_opt(ws, row, 5, period.annual_per_sf.as_ref(), formats)?;
        let Some(months) = period
            .start
            .zip(period.end)
            .and_then(|(s, e)| period_months(s, e))
        else {
            continue;
        };
        let (a, b, c) = (
            cells::cell(row, 0),
            cells::cell(row, 1),
            cells::cell(row, 2),
        );
        cells::formula(
            ws,
            row,
            2,
            &format!("=DATEDIF({a},{b}+1,\"m\")"),
            months,
            &formats.integer,
        )?;
        months_total += months;
        if let Some((expr, rent)) = period_rent(period, row, &c, months) {
            let amount = period.monthly.as_ref().or(period.annual.as_ref());
            currency = currency.or(amount.map(|a| a.currency.clone()));
            let format = formats.money(amount.map_or("USD", |a| a.currency.as_str()), "");
            cells::formula(ws, row, 6, &expr, rent, &format)?;
            rent_total += rent;
        }
    }

    let last = rows.len() as RowNum;
    let total = last + 1;
    let bold = Formats::total(&formats.text);
    cells::text(ws, total, 0, "Total", &bold)?;
    cells::text(ws, total, 1, "", &bold)?;
    cells::formula(
        ws,
        total,
        2,
        &format!("=SUM({})", cells::column_range(2, 1, last)),
        months_total,
        &Formats::total(&formats.integer),
    )?;
    for col in 3..6 {
        cells::text(ws, total, col, "", &bold)?;
    }
    cells::formula(
        ws,
        total,
        6,
        &format!("=SUM({})", cells::column_range(6, 1, last)),
        rent_total,
        &Formats::total(&formats.money(currency.as_deref().unwrap_or("USD"), "")),
    )?;
    if let Some(field) = field {
        let source = format!(
            "Source: {} · confidence {:.0}%",
            citations::citation(&field.evidence),
            field.confidence * 100.0
        );
        cells::text(ws, total + 2, 0, &source, &formats.note)?;
    }
    cells::finish_table(ws, 0, last, SCHEDULE_COLUMNS.len())?;
    Ok(())
}

/// The rent for one period: months × monthly rent, else months × annual rent / 12.
fn period_rent(
    period: &ScheduleRow,
    row: RowNum,
    months_cell: &str,
    months: i64,
) -> Option<(String, Decimal)> {
    let months_dec = Decimal::from(months);
    if let Some(monthly) = &period.monthly {
        let d = cells::cell(row, 3);
        return Some((
            format!("={months_cell}*{d}"),
            (months_dec * monthly.amount).round_dp(2),
        ));
    }
    let annual: &Amount = period.annual.as_ref()?;
    let e = cells::cell(row, 4);
    Some((
        format!("={months_cell}*{e}/12"),
        (months_dec * annual.amount / Decimal::from(12)).round_dp(2),
    ))
}

const DATE_COLUMNS: [&str; 4] = ["Date", "Kind", "Description", "Source"];

/// Date fields that belong on the timeline even when the extractor listed no critical dates.
const TIMELINE_FIELDS: [(&str, &str); 3] = [
    ("commencement_date", "commencement"),
    ("rent_commencement_date", "rent_commencement"),
    ("expiration_date", "expiration"),
];

pub fn write_critical_dates(
    workbook: &mut Workbook,
    lease: &FieldMap,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let ws = workbook.add_worksheet();
    ws.set_name(CRITICAL_DATES)?;
    cells::header(ws, 0, &DATE_COLUMNS, formats)?;
    let dates = timeline(lease);
    if dates.is_empty() {
        cells::text(
            ws,
            1,
            0,
            "The lease states no critical dates.",
            &formats.note,
        )?;
    }
    for (i, (item, source)) in dates.iter().enumerate() {
        let row = i as RowNum + 1;
        if let Some(d) = item.date {
            cells::date(ws, row, 0, d, &formats.date)?;
        }
        cells::text(ws, row, 1, &values::label(&item.kind), &formats.text)?;
        cells::text(ws, row, 2, &item.description, &formats.wrap)?;
        cells::text(ws, row, 3, source, &formats.text)?;
    }
    cells::finish_table(ws, 0, dates.len() as RowNum, DATE_COLUMNS.len())?;
    Ok(())
}

/// The lease's critical dates with their citations, plus the commencement and expiration dates
/// when the list lacks them, sorted by date.
pub fn timeline(lease: &FieldMap) -> Vec<(CriticalDate, String)> {
    let mut dates: Vec<(CriticalDate, String)> = Vec::new();
    if let Some(field) = lease.get("critical_dates")
        && let Value::CriticalDates(items) = Value::decode("critical_dates", &field.value)
    {
        let source = citations::citation(&field.evidence);
        dates.extend(items.into_iter().map(|d| (d, source.clone())));
    }
    for (name, kind) in TIMELINE_FIELDS {
        let Some(field) = lease.get(name) else {
            continue;
        };
        let Value::Date(date) = Value::decode(name, &field.value) else {
            continue;
        };
        if dates
            .iter()
            .any(|(d, _)| d.date == Some(date) && d.kind == kind)
        {
            continue;
        }
        dates.push((
            CriticalDate {
                date: Some(date),
                kind: kind.to_string(),
                description: values::label(name),
            },
            citations::citation(&field.evidence),
        ));
    }
    dates.sort_by_key(|(d, _)| (d.date.is_none(), d.date));
    dates
}

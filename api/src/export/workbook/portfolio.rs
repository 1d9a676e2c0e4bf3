//! The portfolio workbook: "Leases" (one row per lease), "Expirations" (leases, area and rent
//! expiring by year, as formulas over the lease rows) and "Occupancy" (per property, from rent
//! rolls and from the leases in force on the export date).

use super::cells::{self, Formats};
use crate::export::ExportOptions;
use crate::export::values::{Amount, Value};
use chrono::{Datelike, NaiveDate};
use extractor::schema::{Extraction, FieldMap, UnitStatus};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{DocProperties, RowNum, Url, Workbook, XlsxError};
use std::collections::BTreeMap;

pub const LEASES: &str = "Leases";
pub const EXPIRATIONS: &str = "Expirations";
pub const OCCUPANCY: &str = "Occupancy";

const LEASE_COLUMNS: [&str; 15] = [
    "Document",
    "Tenant",
    "Landlord",
    "Premises",
    "Suite",
    "Rentable SF",
    "Commencement",
    "Expiration",
    "Term (months)",
    "Annual base rent",
    "Annual rent per SF",
    "Lease type",
    "Lowest confidence",
    "Values to review",
    "Review",
];
const RSF: u16 = 5;
const EXPIRATION: u16 = 7;
const ANNUAL: u16 = 9;

/// What the portfolio needs from one lease, decoded once.
struct LeaseRow<'a> {
    extraction: &'a Extraction,
    lease: &'a FieldMap,
    rsf: Option<f64>,
    commencement: Option<NaiveDate>,
    expiration: Option<NaiveDate>,
    annual_rent: Option<Amount>,
}

impl<'a> LeaseRow<'a> {
    fn new(extraction: &'a Extraction, lease: &'a FieldMap) -> Self {
        let get = |name: &str| {
            lease
                .get(name)
                .map_or(Value::Empty, |f| Value::decode(name, &f.value))
        };
        let rsf = match get("rentable_square_feet") {
            Value::Area(a) => Some(a),
            _ => None,
        };
        let date = |name| match get(name) {
            Value::Date(d) => Some(d),
            _ => None,
        };
        let annual_rent = match get("base_rent") {
            Value::Rent {
                money,
                annual,
                per_sf,
            } => annualize(money, annual, per_sf, rsf),
            _ => None,
        };
        LeaseRow {
            extraction,
            lease,
            rsf,
            commencement: date("commencement_date"),
            expiration: date("expiration_date"),
            annual_rent,
        }
    }

    fn text(&self, name: &str) -> String {
        self.lease
            .get(name)
            .map(|f| Value::decode(name, &f.value))
            .filter(|v| *v != Value::Empty)
            .map(|v| v.display())
            .unwrap_or_default()
    }

    fn in_force_on(&self, day: NaiveDate) -> bool {
        self.commencement.is_none_or(|c| c <= day) && self.expiration.is_some_and(|e| e >= day)
    }
}

/// The base rent as an annual amount for the whole premises, when the lease's terms allow it.
fn annualize(money: Amount, annual: bool, per_sf: bool, rsf: Option<f64>) -> Option<Amount> {
    let mut amount = money.amount;
    if !annual {
        amount *= Decimal::from(12);
    }
    if per_sf {
        amount *= Decimal::try_from(rsf?).ok()?;
    }
    Some(Amount {
        amount: amount.round_dp(2),
        currency: money.currency,
    })
}

pub fn portfolio(extractions: &[Extraction], options: &ExportOptions) -> anyhow::Result<Vec<u8>> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title("Lease portfolio")
            .set_author("Leasegrid"),
    );
    let leases: Vec<LeaseRow> = extractions
        .iter()
        .filter_map(|e| e.lease.as_ref().map(|l| LeaseRow::new(e, l)))
        .collect();
    write_leases(&mut workbook, &leases, options, &formats)?;
    write_expirations(&mut workbook, &leases, &formats)?;
    write_occupancy(&mut workbook, extractions, &leases, options, &formats)?;
    Ok(workbook.save_to_buffer()?)
}

fn write_leases(
    workbook: &mut Workbook,
    leases: &[LeaseRow],
    options: &ExportOptions,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let ws = workbook.add_worksheet();
    ws.set_name(LEASES)?;
    cells::header(ws, 0, &LEASE_COLUMNS, formats)?;
    for (i, l) in leases.iter().enumerate() {
        let row = i as RowNum + 1;
        cells::text(ws, row, 0, &l.extraction.document.filename, &formats.text)?;
        for (col, name) in [
            (1, "tenant"),
            (2, "landlord"),
            (3, "premises_address"),
            (4, "suite"),
        ] {
            cells::text(ws, row, col, &l.text(name), &formats.text)?;
        }
        if let Some(sf) = l.rsf {
            ws.write_number_with_format(row, RSF, sf, &formats.area)?;
        }
        if let Some(d) = l.commencement {
            cells::date(ws, row, 6, d, &formats.date)?;
        }
        if let Some(d) = l.expiration {
            cells::date(ws, row, EXPIRATION, d, &formats.date)?;
        }
        if let Some(Value::Months(m)) = l
            .lease
            .get("term_months")
            .map(|f| Value::decode("term_months", &f.value))
        {
            ws.write_number_with_format(row, 8, m as f64, &formats.integer)?;
        }
        cells::money_opt(ws, row, ANNUAL, l.annual_rent.as_ref(), formats)?;
        if let (Some(rent), Some(sf)) = (&l.annual_rent, l.rsf.filter(|sf| *sf > 0.0)) {
            let expr = format!("={}/{}", cells::cell(row, ANNUAL), cells::cell(row, RSF));
            let format = formats.money(&rent.currency, "");
            cells::formula(ws, row, 10, &expr, rent.as_f64() / sf, &format)?;
        }
        cells::text(ws, row, 11, &l.text("lease_type"), &formats.text)?;
        let lowest = l
            .lease
            .values()
            .map(|f| f.confidence)
            .fold(f64::INFINITY, f64::min);
        if lowest.is_finite() {
            ws.write_number_with_format(row, 12, lowest, &formats.confidence)?;
        }
        let to_review = l.lease.values().filter(|f| options.needs_review(f)).count();
        ws.write_number_with_format(row, 13, to_review as f64, &formats.integer)?;
        let link = options
            .review_base_url
            .as_deref()
            .zip(l.extraction.document.id.as_deref());
        if let Some((base, id)) = link {
            let url = format!("{}/documents/{id}", base.trim_end_matches('/'));
            ws.write_url(row, 14, Url::new(url).set_text("Open"))?;
        }
    }
    cells::finish_table(ws, 0, leases.len() as RowNum, LEASE_COLUMNS.len())?;
    Ok(())
}

const EXPIRATION_COLUMNS: [&str; 6] = [
    "Year",
    "Leases expiring",
    "Rentable SF expiring",
    "Share of leased SF",
    "Annual base rent expiring",
    "Cumulative share of SF",
];

fn write_expirations(
    workbook: &mut Workbook,
    leases: &[LeaseRow],
    formats: &Formats,
) -> Result<(), XlsxError> {
    let ws = workbook.add_worksheet();
    ws.set_name(EXPIRATIONS)?;
    cells::header(ws, 0, &EXPIRATION_COLUMNS, formats)?;
    let years: Vec<i32> = {
        let found: Vec<i32> = leases
            .iter()
            .filter_map(|l| l.expiration.map(|d| d.year()))
            .collect();
        match (found.iter().min(), found.iter().max()) {
            (Some(lo), Some(hi)) => (*lo..=*hi).collect(),
            _ => Vec::new(),
        }
    };
    let last_lease = leases.len().max(1) as RowNum;
    let col = |c| format!("{LEASES}!{}", cells::absolute_range(c, 1, last_lease));
    let total_sf: f64 = leases.iter().filter_map(|l| l.rsf).sum();
    let mut cumulative = 0.0;
    let currency = leases
        .iter()
        .find_map(|l| l.annual_rent.as_ref().map(|a| a.currency.clone()))
        .unwrap_or_else(|| "USD".to_string());
    let money = formats.money(&currency, "");
    let sum_sf = format!("SUM({})", col(RSF));
    for (i, year) in years.iter().enumerate() {
        let row = i as RowNum + 1;
        let expiring: Vec<&LeaseRow> = leases
            .iter()
            .filter(|l| l.expiration.is_some_and(|d| d.year() == *year))
            .collect();
        ws.write_number_with_format(row, 0, f64::from(*year), &formats.integer)?;
        let a = cells::cell(row, 0);
        let within = format!(
            "{exp},\">=\"&DATE({a},1,1),{exp},\"<\"&DATE({a}+1,1,1)",
            exp = col(EXPIRATION)
        );
        cells::formula(
            ws,
            row,
            1,
            &format!("=COUNTIFS({within})"),
            expiring.len(),
            &formats.integer,
        )?;
        let sf: f64 = expiring.iter().filter_map(|l| l.rsf).sum();
        cells::formula(
            ws,
            row,
            2,
            &format!("=SUMIFS({},{within})", col(RSF)),
            sf,
            &formats.area,
        )?;
        let share = if total_sf > 0.0 { sf / total_sf } else { 0.0 };
        let c = cells::cell(row, 2);
        cells::formula(
            ws,
            row,
            3,
            &format!("=IFERROR({c}/{sum_sf},0)"),
            share,
            &formats.percent,
        )?;
        let rent: Decimal = expiring
            .iter()
            .filter_map(|l| l.annual_rent.as_ref().map(|a| a.amount))
            .sum();
        cells::formula(
            ws,
            row,
            4,
            &format!("=SUMIFS({},{within})", col(ANNUAL)),
            rent.to_f64().unwrap_or(0.0),
            &money,
        )?;
        cumulative += share;
        cells::formula(
            ws,
            row,
            5,
            &format!("=SUM($D$2:{})", cells::cell(row, 3)),
            cumulative,
            &formats.percent,
        )?;
    }
    let undated = leases.iter().filter(|l| l.expiration.is_none()).count();
    let note_row = years.len() as RowNum + 2;
    if undated > 0 {
        let note = format!("{undated} lease(s) state no expiration date and are not counted.");
        cells::text(ws, note_row, 0, &note, &formats.note)?;
    }
    cells::finish_table(ws, 0, years.len() as RowNum, EXPIRATION_COLUMNS.len())?;
    Ok(())
}

const OCCUPANCY_COLUMNS: [&str; 7] = [
    "Property",
    "Source",
    "Units or leases",
    "Rentable SF",
    "Occupied SF",
    "Occupancy",
    "As of",
];

fn write_occupancy(
    workbook: &mut Workbook,
    extractions: &[Extraction],
    leases: &[LeaseRow],
    options: &ExportOptions,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let ws = workbook.add_worksheet();
    ws.set_name(OCCUPANCY)?;
    cells::header(ws, 0, &OCCUPANCY_COLUMNS, formats)?;
    let mut row: RowNum = 0;
    for e in extractions {
        let Some(roll) = &e.rent_roll else { continue };
        row += 1;
        let property = roll
            .property
            .as_ref()
            .map(|f| Value::decode("property", &f.value))
            .filter(|v| *v != Value::Empty)
            .map_or_else(|| e.document.filename.clone(), |v| v.display());
        cells::text(ws, row, 0, &property, &formats.text)?;
        cells::text(ws, row, 1, "Rent roll", &formats.text)?;
        ws.write_number_with_format(row, 2, roll.rows.len() as f64, &formats.integer)?;
        let rsf: f64 = roll
            .rows
            .iter()
            .filter_map(|r| r.rentable_square_feet)
            .sum();
        let occupied: f64 = roll
            .rows
            .iter()
            .filter(|r| r.status != UnitStatus::Vacant)
            .filter_map(|r| r.rentable_square_feet)
            .sum();
        ws.write_number_with_format(row, 3, rsf, &formats.area)?;
        ws.write_number_with_format(row, 4, occupied, &formats.area)?;
        let (d, e_) = (cells::cell(row, 3), cells::cell(row, 4));
        let occupancy = if rsf > 0.0 { occupied / rsf } else { 0.0 };
        cells::formula(
            ws,
            row,
            5,
            &format!("=IF({d}=0,0,{e_}/{d})"),
            occupancy,
            &formats.percent,
        )?;
        if let Some(Value::Date(d)) = roll
            .as_of_date
            .as_ref()
            .map(|f| Value::decode("as_of_date", &f.value))
        {
            cells::date(ws, row, 6, d, &formats.date)?;
        }
    }
    // Leases give the area let at each address on the export date; without the building's total
    // area they cannot give an occupancy rate, so that cell stays empty.
    let today = options.generated();
    let mut by_property: BTreeMap<String, (usize, f64)> = BTreeMap::new();
    for l in leases.iter().filter(|l| l.in_force_on(today)) {
        let key = l.text("premises_address");
        let key = if key.is_empty() {
            "Address not stated".to_string()
        } else {
            key
        };
        let entry = by_property.entry(key).or_default();
        entry.0 += 1;
        entry.1 += l.rsf.unwrap_or(0.0);
    }
    for (property, (count, sf)) in &by_property {
        row += 1;
        cells::text(ws, row, 0, property, &formats.text)?;
        cells::text(ws, row, 1, "Leases in force", &formats.text)?;
        ws.write_number_with_format(row, 2, *count as f64, &formats.integer)?;
        ws.write_number_with_format(row, 4, *sf, &formats.area)?;
        cells::date(ws, row, 6, today, &formats.date)?;
    }
    cells::finish_table(ws, 0, row, OCCUPANCY_COLUMNS.len())?;
    Ok(())
}

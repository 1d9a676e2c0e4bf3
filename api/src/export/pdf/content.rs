//! What the PDF abstract says, as plain strings ready to print: the cover block, key terms with
//! citations, rent schedule, critical dates and rent roll. The template only lays it out.

use crate::export::values::{self, Amount, Value};
use crate::export::workbook::{kind_label, timeline};
use crate::export::{ExportOptions, citations};
use extractor::schema::{Extraction, Field, FieldMap, FieldStatus, RentRoll};
use serde::Serialize;

/// Longest quote printed under a value; the rest is in the workbook and the review page.
const MAX_QUOTE_CHARS: usize = 220;

#[derive(Debug, Serialize)]
pub struct Content {
    title: String,
    filename: String,
    generated: String,
    threshold: String,
    flagged: usize,
    cover: Vec<CoverItem>,
    terms: Vec<Term>,
    schedule: Vec<[String; 5]>,
    schedule_source: String,
    dates: Vec<[String; 4]>,
    rent_roll: Option<RollTable>,
}

#[derive(Debug, Serialize)]
struct CoverItem {
    label: &'static str,
    value: String,
    citation: String,
}

#[derive(Debug, Serialize)]
struct Term {
    label: String,
    value: String,
    quote: String,
    citation: String,
    confidence: String,
    review: bool,
}

#[derive(Debug, Serialize)]
struct RollTable {
    rows: Vec<[String; 7]>,
    totals: [String; 7],
}

pub fn build(extraction: &Extraction, options: &ExportOptions) -> Content {
    let empty = FieldMap::new();
    let lease = extraction.lease.as_ref().unwrap_or(&empty);
    let mut fields: Vec<(&str, &Field)> = values::ordered(lease);
    if let Some(custom) = &extraction.custom {
        fields.extend(values::ordered(&custom.fields));
    }
    if let Some(roll) = &extraction.rent_roll {
        fields.extend(roll.property.as_ref().map(|f| ("property", f)));
        fields.extend(roll.as_of_date.as_ref().map(|f| ("as_of_date", f)));
    }
    let terms: Vec<Term> = fields
        .iter()
        .filter(|(name, _)| !matches!(*name, "rent_schedule" | "critical_dates"))
        .map(|(name, field)| term(name, field, options))
        .collect();
    let flagged = terms.iter().filter(|t| t.review).count();
    let (schedule, schedule_source) = schedule(lease);
    Content {
        title: match &extraction.custom {
            Some(custom) => format!("Abstract: {}", custom.template),
            None => format!("{} abstract", kind_label(extraction.kind)),
        },
        filename: extraction.document.filename.clone(),
        generated: values::display_date(options.generated()),
        threshold: format!("{:.0}%", options.review_threshold * 100.0),
        flagged,
        cover: cover(extraction, lease),
        terms,
        schedule,
        schedule_source,
        dates: timeline(lease)
            .into_iter()
            .map(|(d, source)| {
                [
                    d.date.map(values::display_date).unwrap_or_default(),
                    values::label(&d.kind),
                    d.description,
                    source,
                ]
            })
            .collect(),
        rent_roll: extraction.rent_roll.as_ref().map(roll_table),
    }
}

fn term(name: &str, field: &Field, options: &ExportOptions) -> Term {
    let mut quote = citations::quote(&field.evidence).unwrap_or_default();
    if let Some((cut, _)) = quote.char_indices().nth(MAX_QUOTE_CHARS) {
        quote.truncate(cut);
        quote.push('…');
    }
    Term {
        label: values::label(name),
        value: Value::decode(name, &field.value).display(),
        quote,
        citation: citations::citation(&field.evidence),
        confidence: match field.status {
            FieldStatus::Extracted => format!("{:.0}%", field.confidence * 100.0),
            FieldStatus::Corrected => "Corrected".to_string(),
            FieldStatus::Approved => "Approved".to_string(),
        },
        review: options.needs_review(field),
    }
}

/// Property, tenant, premises and term: what a committee reads first.
fn cover(extraction: &Extraction, lease: &FieldMap) -> Vec<CoverItem> {
    let item = |label, field: Option<&Field>, name: &str| CoverItem {
        label,
        value: field.map_or_else(
            || Value::Empty.display(),
            |f| Value::decode(name, &f.value).display(),
        ),
        citation: field
            .map(|f| citations::citation(&f.evidence))
            .unwrap_or_default(),
    };
    if let Some(roll) = &extraction.rent_roll {
        return vec![
            item("Property", roll.property.as_ref(), "property"),
            item("As of", roll.as_of_date.as_ref(), "as_of_date"),
            CoverItem {
                label: "Units",
                value: roll.rows.len().to_string(),
                citation: String::new(),
            },
            CoverItem {
                label: "Occupancy",
                value: format!("{:.1}%", roll.totals.occupancy_percent),
                citation: String::new(),
            },
        ];
    }
    let premises = [lease.get("premises_address"), lease.get("suite")]
        .into_iter()
        .zip(["premises_address", "suite"])
        .filter_map(|(f, name)| f.map(|f| (Value::decode(name, &f.value), f)))
        .filter(|(v, _)| *v != Value::Empty)
        .collect::<Vec<_>>();
    let term = [
        lease
            .get("commencement_date")
            .map(|f| ("commencement_date", f)),
        lease.get("expiration_date").map(|f| ("expiration_date", f)),
    ]
    .into_iter()
    .flatten()
    .map(|(name, f)| (Value::decode(name, &f.value), f))
    .filter(|(v, _)| *v != Value::Empty)
    .collect::<Vec<_>>();
    vec![
        item("Landlord", lease.get("landlord"), "landlord"),
        item("Tenant", lease.get("tenant"), "tenant"),
        joined("Premises", &premises, ", "),
        joined("Term", &term, " to "),
    ]
}

/// One cover line from several fields, citing each distinct source.
fn joined(label: &'static str, parts: &[(Value, &Field)], sep: &str) -> CoverItem {
    if parts.is_empty() {
        return CoverItem {
            label,
            value: Value::Empty.display(),
            citation: String::new(),
        };
    }
    let value: Vec<String> = parts.iter().map(|(v, _)| v.display()).collect();
    let mut cites: Vec<String> = parts
        .iter()
        .map(|(_, f)| citations::citation(&f.evidence))
        .filter(|c| !c.is_empty())
        .collect();
    cites.dedup();
    CoverItem {
        label,
        value: value.join(sep),
        citation: cites.join("; "),
    }
}

fn schedule(lease: &FieldMap) -> (Vec<[String; 5]>, String) {
    let Some(field) = lease.get("rent_schedule") else {
        return (Vec::new(), String::new());
    };
    let Value::Schedule(rows) = Value::decode("rent_schedule", &field.value) else {
        return (Vec::new(), String::new());
    };
    let date = |d: Option<chrono::NaiveDate>| d.map(values::display_date).unwrap_or_default();
    let money = |m: &Option<Amount>| m.as_ref().map(Amount::display).unwrap_or_default();
    let rows = rows
        .iter()
        .map(|r| {
            [
                date(r.start),
                date(r.end),
                money(&r.monthly),
                money(&r.annual),
                money(&r.annual_per_sf),
            ]
        })
        .collect();
    (rows, citations::citation(&field.evidence))
}

fn roll_table(roll: &RentRoll) -> RollTable {
    let money = |m: &Option<extractor::schema::Money>| {
        m.as_ref()
            .map(|m| Amount::from_money(m).display())
            .unwrap_or_default()
    };
    let area = |sf: f64| Value::Area(sf).display();
    let rows = roll
        .rows
        .iter()
        .map(|r| {
            [
                r.unit.clone().unwrap_or_default(),
                r.tenant.clone().unwrap_or_default(),
                r.rentable_square_feet.map(area).unwrap_or_default(),
                r.lease_start.clone().unwrap_or_default(),
                r.lease_end.clone().unwrap_or_default(),
                money(&r.monthly_base_rent),
                r.evidence
                    .iter()
                    .filter_map(citations::sheet_range)
                    .collect::<Vec<_>>()
                    .join("; "),
            ]
        })
        .collect();
    let t = &roll.totals;
    RollTable {
        rows,
        totals: [
            "Total".to_string(),
            format!("{} units", t.units),
            area(t.rentable_square_feet),
            String::new(),
            String::new(),
            money(&t.monthly_base_rent),
            String::new(),
        ],
    }
}

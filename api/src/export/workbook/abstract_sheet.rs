//! The "Abstract" sheet: one row per field with its value in a native cell type, confidence,
//! source page, verbatim quote, review status and a link to its review page.

use super::cells::{self, Formats};
use super::kind_label;
use crate::export::values::{self, Value};
use crate::export::{ExportOptions, citations};
use extractor::schema::{Extraction, Field, FieldMap};
use rust_xlsxwriter::{RowNum, Url, Workbook, Worksheet, XlsxError};

pub const SHEET: &str = "Abstract";
const COLUMNS: [&str; 7] = [
    "Field",
    "Value",
    "Confidence",
    "Source page",
    "Quote",
    "Status",
    "Review",
];
/// The table's header row; the rows above describe the document.
pub const HEADER_ROW: RowNum = 6;

pub fn write(
    workbook: &mut Workbook,
    extraction: &Extraction,
    options: &ExportOptions,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let ws = workbook.add_worksheet();
    ws.set_name(SHEET)?;
    let fields = fields(extraction);
    let flagged = fields
        .iter()
        .filter(|(_, f)| options.needs_review(f))
        .count();

    let title = match (&extraction.custom, extraction.kind) {
        (Some(custom), _) => format!("Abstract: {} template", custom.template),
        (None, kind) => format!("{} abstract", kind_label(kind)),
    };
    cells::text(ws, 0, 0, &title, &formats.title)?;
    cells::text(ws, 1, 0, "Document", &formats.text)?;
    cells::text(ws, 1, 1, &extraction.document.filename, &formats.text)?;
    cells::text(ws, 2, 0, "Pages", &formats.text)?;
    ws.write_number_with_format(
        2,
        1,
        extraction.document.pages.len() as f64,
        &formats.integer,
    )?;
    cells::text(ws, 3, 0, "Generated", &formats.text)?;
    cells::date(ws, 3, 1, options.generated(), &formats.date)?;
    cells::text(ws, 4, 0, "Review", &formats.text)?;
    let note = format!(
        "{flagged} of {} values are below the review threshold of {:.0}% confidence and are highlighted.",
        fields.len(),
        options.review_threshold * 100.0
    );
    cells::text(ws, 4, 1, &note, &formats.note)?;

    cells::header(ws, HEADER_ROW, &COLUMNS, formats)?;
    let mut row = HEADER_ROW;
    for (name, field) in &fields {
        row += 1;
        write_field(ws, row, name, field, extraction, options, formats)?;
    }
    cells::finish_table(ws, HEADER_ROW, row, COLUMNS.len())?;
    Ok(())
}

/// Every field the extraction holds: the lease's, a rent roll's header fields, a template's.
fn fields(extraction: &Extraction) -> Vec<(&str, &Field)> {
    let mut out = Vec::new();
    if let Some(lease) = &extraction.lease {
        out.extend(values::ordered(lease));
    }
    if let Some(roll) = &extraction.rent_roll {
        out.extend(roll.property.as_ref().map(|f| ("property", f)));
        out.extend(roll.as_of_date.as_ref().map(|f| ("as_of_date", f)));
    }
    if let Some(custom) = &extraction.custom {
        out.extend(values::ordered(&custom.fields as &FieldMap));
    }
    out
}

fn write_field(
    ws: &mut Worksheet,
    row: RowNum,
    name: &str,
    field: &Field,
    extraction: &Extraction,
    options: &ExportOptions,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let flagged = options.needs_review(field);
    let fill = flagged.then_some(formats.review_fill);
    cells::text(ws, row, 0, &values::label(name), &formats.text)?;
    cells::value(
        ws,
        row,
        1,
        &Value::decode(name, &field.value),
        formats,
        fill,
    )?;
    let confidence = match fill {
        Some(c) => formats.confidence.clone().set_background_color(c),
        None => formats.confidence.clone(),
    };
    ws.write_number_with_format(row, 2, field.confidence, &confidence)?;
    match citations::pages(&field.evidence).first() {
        Some(page) => {
            ws.write_number_with_format(row, 3, *page as f64, &formats.integer)?;
        }
        None => cells::text(
            ws,
            row,
            3,
            &citations::citation(&field.evidence),
            &formats.text,
        )?,
    }
    if let Some(quote) = citations::quote(&field.evidence) {
        cells::text(ws, row, 4, &quote, &formats.wrap)?;
    }
    let status = serde_json::to_value(field.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    cells::text(ws, row, 5, &status, &formats.text)?;
    if let Some(url) = options.review_url(extraction, name) {
        ws.write_url(row, 6, Url::new(url).set_text("Review"))?;
    }
    Ok(())
}

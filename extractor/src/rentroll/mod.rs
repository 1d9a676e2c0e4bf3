//! Rent rolls: find the unit table in a document (any sheet or page table), map its columns to
//! the schema, read its rows, and reconcile the result against the document's own totals.

mod body;
pub mod columns;
mod grid;
mod header;
pub mod header_model;
pub mod matcher;
pub mod portfolio;
mod reconcile;
mod rows;
pub mod synth;
mod title;
pub mod values;

use crate::model::Document;
use crate::schema::{Evidence, Field, RentRoll};
use grid::Grid;
use header::Header;
pub use matcher::HeaderMatcher;

/// The rent roll in `doc`, or `None` when the document is not one. `matcher`, when given,
/// places header wordings the synonym table does not know.
pub fn detect_and_extract(doc: &Document, matcher: Option<&dyn HeaderMatcher>) -> Option<RentRoll> {
    let candidates: Vec<(usize, Header)> = doc
        .tables
        .iter()
        .enumerate()
        .filter_map(|(i, table)| header::find_header(&Grid::new(table), matcher).map(|h| (i, h)))
        .collect();
    let best_roles = candidates
        .iter()
        .max_by_key(|(_, h)| h.score())
        .map(|(_, h)| h.roles())?;
    let mut roll = RentRoll::default();
    let mut diagnostics = Vec::new();
    let mut stated = Vec::new();
    // Every table laid out like the best one is a part of the same roll (a PDF's pages, a
    // workbook split by building); a differently shaped table is another view and is skipped.
    for (i, header) in candidates.iter().filter(|(_, h)| h.roles() == best_roles) {
        let table = &doc.tables[*i];
        let grid = Grid::new(table);
        let body = body::read_body(&grid, header);
        if roll.property.is_none() || roll.as_of_date.is_none() {
            let title = title::read_title(&grid, header.first_row);
            if roll.property.is_none() {
                roll.property = title.property.map(|(name, cell)| {
                    field(
                        serde_json::Value::String(name),
                        0.7,
                        rows::cell_evidence(table, cell),
                    )
                });
            }
            if roll.as_of_date.is_none() {
                roll.as_of_date = title.as_of.map(|(date, cell)| {
                    field(
                        date.format("%Y-%m-%d").to_string().into(),
                        0.9,
                        rows::cell_evidence(table, cell),
                    )
                });
            }
        }
        for unit in &body.units {
            roll.rows.push(rows::to_row(table, unit));
        }
        stated.push(reconcile::Part {
            body_totals: body.totals,
            units: body.units,
        });
    }
    // A page table of one "unit" is more likely a lease's premises or rent table than a roll.
    let least = if doc.media_kind.is_spreadsheet() {
        1
    } else {
        2
    };
    if roll.rows.len() < least {
        return None;
    }
    if (roll.property.is_none() || roll.as_of_date.is_none())
        && let Some((i, _)) = candidates.iter().find(|(_, h)| h.roles() == best_roles)
        && doc.tables[*i].sheet.is_none()
    {
        let page_title = title::read_page_title(doc, &doc.tables[*i]);
        if roll.property.is_none() {
            roll.property = page_title
                .property
                .map(|(name, e)| field(name.into(), 0.8, vec![e]));
        }
        if roll.as_of_date.is_none() {
            roll.as_of_date = page_title
                .as_of
                .map(|(date, e)| field(date.format("%Y-%m-%d").to_string().into(), 0.9, vec![e]));
        }
    }
    if roll.property.is_none()
        && let Some(name) = title::property_from_key_values(doc)
    {
        roll.property = Some(field(name.into(), 0.6, vec![]));
    }
    // A PDF's pages are one report cut by page breaks: a floor's subtotal or the property total
    // on a later page covers rows on earlier ones.
    if doc.tables.iter().all(|t| t.sheet.is_none()) {
        stated = vec![reconcile::Part::joined(stated)];
    }
    roll.totals = reconcile::totals(&roll.rows, &stated, &mut diagnostics);
    if !diagnostics.is_empty() {
        tracing::info!(
            count = diagnostics.len(),
            "rent roll totals disagree with the document"
        );
    }
    roll.diagnostics = diagnostics;
    Some(roll)
}

fn field(value: serde_json::Value, confidence: f64, evidence: Vec<Evidence>) -> Field {
    Field {
        value,
        confidence,
        evidence,
        status: Default::default(),
    }
}

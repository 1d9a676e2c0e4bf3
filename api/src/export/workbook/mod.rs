//! The Excel workbooks: one document's abstract (with its rent schedule, critical dates, or rent
//! roll and reconciliation), and the portfolio of an organization's leases.

mod abstract_sheet;
mod cells;
mod portfolio;
mod rent_roll;
mod schedule;

use crate::export::ExportOptions;
use extractor::schema::{Extraction, ExtractionKind};
use rust_xlsxwriter::{DocProperties, Workbook};

pub use portfolio::portfolio;
pub use schedule::timeline;

/// Builds the workbook for one extraction.
pub fn document(extraction: &Extraction, options: &ExportOptions) -> anyhow::Result<Vec<u8>> {
    let formats = cells::Formats::new();
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("Abstract of {}", extraction.document.filename))
            .set_author("Leasegrid"),
    );
    abstract_sheet::write(&mut workbook, extraction, options, &formats)?;
    if let Some(lease) = &extraction.lease {
        schedule::write_rent_schedule(&mut workbook, lease, &formats)?;
        schedule::write_critical_dates(&mut workbook, lease, &formats)?;
    }
    if let Some(roll) = &extraction.rent_roll {
        rent_roll::write(&mut workbook, roll, &formats)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// The kind as analysts say it.
pub fn kind_label(kind: ExtractionKind) -> &'static str {
    match kind {
        ExtractionKind::Lease => "Lease",
        ExtractionKind::Amendment => "Lease amendment",
        ExtractionKind::RentRoll => "Rent roll",
        ExtractionKind::Custom => "Custom template",
        ExtractionKind::Unknown => "Unknown",
    }
}

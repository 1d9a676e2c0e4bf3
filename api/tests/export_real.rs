//! Exports of a real document read by the real extractor: the RR01 broker rent roll
//! (`shared/data/rent-rolls`), written as a workbook and read back with calamine.

use api::export::{self, ExportOptions};
use calamine::{Data, DataType, Reader, Xlsx, open_workbook_from_rs};
use extractor::Extractor;
use extractor::ingest::ReadOptions;
use std::io::Cursor;
use std::path::Path;

const RR01: &str = "rent-rolls/RR01-portland-office-rent-roll-example.xlsx";

#[test]
fn real_rent_roll_exports_every_row_with_matching_totals() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data")
        .join(RR01);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let extractor = Extractor::new(&functions::resources::locate(), ReadOptions::default())
        .expect("extractor starts");
    let extraction = extractor
        .extract(&bytes, "RR01.xlsx", None, &|_| {})
        .expect("RR01 extracts");
    let roll = extraction
        .rent_roll
        .as_ref()
        .expect("RR01 is read as a rent roll");
    assert!(!roll.rows.is_empty());

    let workbook = export::document_workbook(&extraction, &ExportOptions::default()).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(workbook)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Abstract", "Rent Roll", "Reconciliation"]
    );
    let sheet = book.worksheet_range("Rent Roll").unwrap();
    let cell = |r: usize, c: usize| {
        sheet
            .get_value((r as u32, c as u32))
            .cloned()
            .unwrap_or(Data::Empty)
    };

    // One sheet row per extracted row, tenants as text, then the totals row.
    for (i, row) in roll.rows.iter().enumerate() {
        let tenant = row.tenant.clone().map_or(Data::Empty, Data::String);
        assert_eq!(cell(i + 1, 1), tenant, "row {}", i + 1);
    }
    let total = roll.rows.len() + 1;
    assert_eq!(cell(total, 0), Data::String("Total".into()));
    assert_eq!(cell(total, 1).as_f64(), Some(roll.rows.len() as f64));
    assert_eq!(
        cell(total, 3).as_f64(),
        Some(roll.totals.rentable_square_feet)
    );
    let monthly: f64 = roll
        .rows
        .iter()
        .filter_map(|r| r.monthly_base_rent.as_ref())
        .map(|m| m.amount.to_string().parse::<f64>().unwrap())
        .sum();
    let cached = cell(total, 6).as_f64().expect("monthly total is a number");
    assert!((cached - monthly).abs() < 0.005, "{cached} vs {monthly}");

    // The extractor's own totals reconcile with the rows it returned.
    let rec = book.worksheet_range("Reconciliation").unwrap();
    for row in 1..=5u32 {
        assert_eq!(
            rec.get_value((row, 4)),
            Some(&Data::String("OK".into())),
            "{:?}",
            rec.get_value((row, 0))
        );
    }
}

/// A real native-PDF lease (DL03) read and abstracted by the extractor, exported as a PDF with
/// its own pages as thumbnails, and read back by the extractor's pdfium reader.
#[test]
fn real_lease_abstract_cites_its_pages() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/leases/DL03-post-tension-nevada-henderson-lease.pdf");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let extractor = Extractor::new(&functions::resources::locate(), ReadOptions::default())
        .expect("extractor starts");
    let extraction = extractor
        .extract(&bytes, "DL03.pdf", None, &|_| {})
        .expect("DL03 extracts");
    let lease = extraction.lease.as_ref().expect("DL03 is a lease");
    let pages = |n: usize| extractor.render_page_png(&bytes, n, 60.0).ok();
    let pdf = export::pdf_abstract(&extraction, &pages, &ExportOptions::default()).unwrap();
    let workbook = export::document_workbook(&extraction, &ExportOptions::default()).unwrap();
    let book: Xlsx<_> = open_workbook_from_rs(Cursor::new(workbook)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Abstract", "Rent Schedule", "Critical Dates"]
    );

    // The extractor owns this process's pdfium binding, so the abstract is read back through it.
    let read = extractor
        .read(&pdf, "abstract.pdf", &|_| {})
        .expect("the abstract reads back");
    assert!(!read.pages.is_empty());
    let text = read.text();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Every value the extractor found is printed with its page citation.
    let mut cited = 0;
    for (name, field) in lease {
        let Some(page) = field.evidence.iter().find_map(|e| e.page) else {
            continue;
        };
        if field.value.is_null() || matches!(name.as_str(), "rent_schedule" | "critical_dates") {
            continue;
        }
        assert!(
            text.contains(&format!("p. {page}")),
            "{name}: no p. {page} in {text}"
        );
        cited += 1;
    }
    assert!(cited >= 3, "only {cited} cited values in DL03's abstract");
    if let Some(tenant) = lease.get("tenant").and_then(|f| f.value.as_str()) {
        let tenant = tenant.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&tenant), "tenant {tenant:?} missing");
    }
}

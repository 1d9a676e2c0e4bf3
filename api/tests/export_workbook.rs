//! Workbook exports read back with calamine: sheet names, native cell types, text that stays
//! text, and formulas whose cached results readers see.

mod export_fixtures;

use api::export::{self, ExportOptions};
use calamine::{Data, DataType, Range, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use export_fixtures as fx;
use std::io::Cursor;

type Book = Xlsx<Cursor<Vec<u8>>>;

fn open(bytes: Vec<u8>) -> Book {
    open_workbook_from_rs(Cursor::new(bytes)).expect("calamine opens the workbook")
}

fn sheet(book: &mut Book, name: &str) -> (Range<Data>, Range<String>) {
    let values = book.worksheet_range(name).expect("sheet exists");
    let formulas = book
        .worksheet_formula(name)
        .expect("sheet has formulas or none");
    (values, formulas)
}

fn at(range: &Range<Data>, row: usize, col: usize) -> Data {
    range
        .get_value((row as u32, col as u32))
        .cloned()
        .unwrap_or(Data::Empty)
}

fn formula_at(range: &Range<String>, row: usize, col: usize) -> String {
    range
        .get_value((row as u32, col as u32))
        .cloned()
        .unwrap_or_default()
}

fn float(d: &Data) -> f64 {
    d.as_f64().unwrap_or_else(|| panic!("not a number: {d:?}"))
}

/// The row whose first cell is `label`.
fn row_of(range: &Range<Data>, label: &str) -> usize {
    (0..range.end().map_or(0, |e| e.0 as usize + 1))
        .find(|r| at(range, *r, 0) == Data::String(label.into()))
        .unwrap_or_else(|| panic!("no row labelled {label}"))
}

fn options() -> ExportOptions {
    ExportOptions {
        review_base_url: Some("https://app.leasegrid.example".into()),
        generated_on: NaiveDate::from_ymd_opt(2026, 11, 26),
        ..ExportOptions::default()
    }
}

#[test]
fn lease_abstract_has_native_values_text_as_text_and_status() {
    let mut book = open(export::document_workbook(&fx::lease(), &options()).unwrap());
    assert_eq!(
        book.sheet_names(),
        ["Abstract", "Rent Schedule", "Critical Dates"]
    );
    let (abs, formulas) = sheet(&mut book, "Abstract");
    let header = row_of(&abs, "Field");
    let titles: Vec<Data> = (0..7).map(|c| at(&abs, header, c)).collect();
    assert_eq!(
        titles,
        [
            "Field",
            "Value",
            "Confidence",
            "Source page",
            "Quote",
            "Status",
            "Review"
        ]
        .map(|s| Data::String(s.into()))
    );

    let tenant = row_of(&abs, "Tenant");
    assert_eq!(at(&abs, tenant, 1), Data::String(fx::TENANT.into()));
    assert_eq!(float(&at(&abs, tenant, 2)), 0.97);
    assert_eq!(float(&at(&abs, tenant, 3)), 1.0);
    assert_eq!(at(&abs, tenant, 5), Data::String("extracted".into()));

    // Hostile text is stored as a string, with no formula behind it.
    for (label, text) in [
        ("Landlord", fx::FORMULA_LANDLORD),
        ("Suite", fx::PLUS_SUITE),
    ] {
        let row = row_of(&abs, label);
        assert_eq!(at(&abs, row, 1), Data::String(text.into()), "{label}");
        assert_eq!(
            formula_at(&formulas, row, 1),
            "",
            "{label} became a formula"
        );
    }

    let area = row_of(&abs, "Rentable area");
    assert_eq!(at(&abs, area, 1), Data::Float(12450.0));
    let share = row_of(&abs, "Pro rata share");
    assert!((float(&at(&abs, share, 1)) - 0.0425).abs() < 1e-12);
    let rent = row_of(&abs, "Base rent");
    assert_eq!(float(&at(&abs, rent, 1)), 32.5);
    assert_eq!(float(&at(&abs, rent, 3)), 2.0);
    let deposit = row_of(&abs, "Security deposit");
    assert_eq!(float(&at(&abs, deposit, 1)), 67437.5);

    let commencement = row_of(&abs, "Commencement date");
    let cell = at(&abs, commencement, 1);
    assert!(cell.is_datetime(), "a date cell, got {cell:?}");
    assert_eq!(cell.as_date(), NaiveDate::from_ymd_opt(2024, 3, 1));

    // A reviewer's correction exports with its value and status.
    let expiration = row_of(&abs, "Expiration date");
    assert_eq!(
        at(&abs, expiration, 1).as_date(),
        NaiveDate::from_ymd_opt(2031, 2, 28)
    );
    assert_eq!(at(&abs, expiration, 5), Data::String("corrected".into()));

    assert_eq!(at(&abs, tenant, 6), Data::String("Review".into()));
    let flagged = at(&abs, 4, 1);
    assert_eq!(
        flagged,
        Data::String(
            "1 of 19 values are below the review threshold of 80% confidence and are highlighted."
                .into()
        )
    );
}

#[test]
fn review_links_point_at_each_fields_review_page() {
    let bytes = export::document_workbook(&fx::lease(), &options()).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut rels = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/_rels/sheet1.xml.rels").unwrap(),
        &mut rels,
    )
    .unwrap();
    assert!(
        rels.contains("https://app.leasegrid.example/documents/doc-0001/review?field=base_rent"),
        "{rels}"
    );
    // Without a base URL there are no links at all.
    let plain = export::document_workbook(&fx::lease(), &ExportOptions::default()).unwrap();
    let zip = zip::ZipArchive::new(Cursor::new(plain)).unwrap();
    assert!(zip.file_names().all(|n| !n.contains("sheet1.xml.rels")));
}

#[test]
fn rent_schedule_has_dates_amounts_and_formula_totals() {
    let mut book = open(export::document_workbook(&fx::lease(), &options()).unwrap());
    let (rs, formulas) = sheet(&mut book, "Rent Schedule");
    assert_eq!(at(&rs, 1, 0).as_date(), NaiveDate::from_ymd_opt(2024, 3, 1));
    assert_eq!(
        at(&rs, 3, 1).as_date(),
        NaiveDate::from_ymd_opt(2027, 2, 28)
    );
    assert_eq!(float(&at(&rs, 2, 3)), 34730.31);
    assert_eq!(float(&at(&rs, 2, 4)), 416763.75);
    assert_eq!(float(&at(&rs, 2, 5)), 33.48);
    for row in 1..=3 {
        assert_eq!(float(&at(&rs, row, 2)), 12.0, "months in period {row}");
        assert!(formula_at(&formulas, row, 2).contains("DATEDIF"));
    }
    assert_eq!(at(&rs, 4, 0), Data::String("Total".into()));
    assert_eq!(formula_at(&formulas, 4, 2), "SUM(C2:C4)");
    assert_eq!(float(&at(&rs, 4, 2)), 36.0);
    assert_eq!(formula_at(&formulas, 4, 6), "SUM(G2:G4)");
    let expected = 12.0 * (33718.75 + 34730.31 + 35772.22);
    assert!((float(&at(&rs, 4, 6)) - expected).abs() < 0.005);
}

#[test]
fn critical_dates_form_a_timeline_with_sources() {
    let mut book = open(export::document_workbook(&fx::lease(), &options()).unwrap());
    let (cd, _) = sheet(&mut book, "Critical Dates");
    let dates: Vec<Option<NaiveDate>> = (1..=3).map(|r| at(&cd, r, 0).as_date()).collect();
    assert_eq!(
        dates,
        [(2024, 3, 1), (2030, 2, 28), (2031, 2, 28)]
            .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
    );
    assert_eq!(at(&cd, 1, 1), Data::String("Commencement".into()));
    assert_eq!(at(&cd, 2, 3), Data::String("p. 3".into()));
    assert_eq!(at(&cd, 4, 0), Data::Empty, "the expiration is listed once");
}

#[test]
fn rent_roll_has_every_row_totals_and_reconciliation() {
    let extraction = fx::rent_roll(200);
    let roll = extraction.rent_roll.clone().unwrap();
    let mut book = open(export::document_workbook(&extraction, &options()).unwrap());
    assert_eq!(
        book.sheet_names(),
        ["Abstract", "Rent Roll", "Reconciliation"]
    );
    let (rr, formulas) = sheet(&mut book, "Rent Roll");
    assert_eq!(at(&rr, 0, 3), Data::String("Rentable SF".into()));
    assert_eq!(at(&rr, 0, 12), Data::String("Base Year".into()));
    assert_eq!(at(&rr, 1, 0), Data::String("100".into()));
    assert_eq!(at(&rr, 3, 1), Data::String("+1 Dental Group".into()));
    assert_eq!(formula_at(&formulas, 3, 1), "");
    assert_eq!(at(&rr, 2, 13), Data::String("=1+1".into()));
    assert_eq!(formula_at(&formulas, 2, 13), "");
    assert_eq!(at(&rr, 7, 2), Data::String("vacant".into()));
    assert_eq!(at(&rr, 1, 4).as_date(), NaiveDate::from_ymd_opt(2018, 1, 1));
    assert_eq!(at(&rr, 1, 11), Data::String("Rent Roll!A5:M5".into()));

    let total = 201;
    assert_eq!(at(&rr, total, 0), Data::String("Total".into()));
    assert_eq!(formula_at(&formulas, total, 1), "ROWS(A2:A201)");
    assert_eq!(float(&at(&rr, total, 1)), 200.0);
    assert_eq!(formula_at(&formulas, total, 3), "SUM(D2:D201)");
    assert_eq!(float(&at(&rr, total, 3)), roll.totals.rentable_square_feet);
    let monthly: f64 = roll
        .totals
        .monthly_base_rent
        .unwrap()
        .amount
        .to_string()
        .parse()
        .unwrap();
    assert!((float(&at(&rr, total, 6)) - monthly).abs() < 0.005);
    let rent_sum: f64 = (1..=200)
        .map(|r| at(&rr, r, 6).as_f64().unwrap_or(0.0))
        .sum();
    assert!((float(&at(&rr, total, 6)) - rent_sum).abs() < 0.005);

    let (rec, rec_formulas) = sheet(&mut book, "Reconciliation");
    for (row, label) in [
        (1, "Units"),
        (2, "Rentable SF"),
        (3, "Occupied SF"),
        (4, "Occupancy"),
        (5, "Monthly base rent"),
    ] {
        assert_eq!(at(&rec, row, 0), Data::String(label.into()));
        assert_eq!(at(&rec, row, 4), Data::String("OK".into()), "{label}");
    }
    assert_eq!(formula_at(&rec_formulas, 1, 1), "ROWS('Rent Roll'!A2:A201)");
    let occupancy = float(&at(&rec, 4, 1));
    assert!((occupancy - roll.totals.occupancy_percent / 100.0).abs() < 1e-9);
    // Per-row checks start under their header; the fourth unit's monthly rent is off by $20.
    let header = row_of(&rec, "Unit");
    assert_eq!(at(&rec, header + 4, 7), Data::String("CHECK".into()));
    assert!((float(&at(&rec, header + 4, 4)) - 240.0).abs() < 0.005);
    assert_eq!(at(&rec, header + 1, 7), Data::String("OK".into()));
    assert_eq!(
        at(&rec, header + 7, 7),
        Data::String("not checkable".into())
    );
}

#[test]
fn portfolio_lists_leases_expirations_and_occupancy() {
    let first = fx::lease();
    let mut second = fx::lease();
    second.document.filename = "second.pdf".into();
    let lease = second.lease.as_mut().unwrap();
    lease.get_mut("expiration_date").unwrap().value = serde_json::json!("2029-06-30");
    lease.get_mut("rentable_square_feet").unwrap().value = serde_json::json!(5000);
    let roll = fx::rent_roll(10);
    let bytes = export::portfolio_workbook(&[first, second, roll], &options()).unwrap();
    let mut book = open(bytes);
    assert_eq!(book.sheet_names(), ["Leases", "Expirations", "Occupancy"]);

    let (leases, lf) = sheet(&mut book, "Leases");
    assert_eq!(at(&leases, 1, 1), Data::String(fx::TENANT.into()));
    assert_eq!(at(&leases, 1, 2), Data::String(fx::FORMULA_LANDLORD.into()));
    assert_eq!(formula_at(&lf, 1, 2), "");
    assert_eq!(at(&leases, 2, 5), Data::Float(5000.0));
    // $32.50 per SF per year over 12,450 SF.
    assert_eq!(float(&at(&leases, 1, 9)), 404625.0);
    assert!((float(&at(&leases, 1, 10)) - 32.5).abs() < 1e-9);
    assert_eq!(
        at(&leases, 3, 0),
        Data::Empty,
        "rent rolls are not lease rows"
    );

    let (exp, ef) = sheet(&mut book, "Expirations");
    let years: Vec<f64> = (1..=3).map(|r| float(&at(&exp, r, 0))).collect();
    assert_eq!(years, [2029.0, 2030.0, 2031.0]);
    assert!(formula_at(&ef, 1, 1).starts_with("COUNTIFS(Leases!$H$2:$H$3"));
    assert_eq!(float(&at(&exp, 1, 1)), 1.0);
    assert_eq!(float(&at(&exp, 2, 1)), 0.0);
    assert_eq!(float(&at(&exp, 3, 2)), 12450.0);
    assert!(
        (float(&at(&exp, 3, 5)) - 1.0).abs() < 1e-9,
        "cumulative share ends at 100%"
    );

    let (occ, _) = sheet(&mut book, "Occupancy");
    assert_eq!(
        at(&occ, 1, 0),
        Data::String("Harbor Point Office Center".into())
    );
    assert_eq!(float(&at(&occ, 1, 2)), 10.0);
    let o = float(&at(&occ, 1, 5));
    assert!(o > 0.0 && o < 1.0, "{o}");
    assert_eq!(at(&occ, 2, 1), Data::String("Leases in force".into()));
    assert_eq!(float(&at(&occ, 2, 2)), 2.0);
}

#[test]
fn an_empty_extraction_still_exports() {
    let mut e = fx::lease();
    e.lease = Some(Default::default());
    e.kind = extractor::schema::ExtractionKind::Unknown;
    let mut book = open(export::document_workbook(&e, &options()).unwrap());
    let (rs, _) = sheet(&mut book, "Rent Schedule");
    assert_eq!(
        at(&rs, 1, 0),
        Data::String("The lease states no rent schedule.".into())
    );
    let portfolio = export::portfolio_workbook(&[], &options()).unwrap();
    assert_eq!(open(portfolio).sheet_names().len(), 3);
}

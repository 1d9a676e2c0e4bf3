//! Spreadsheet reading under hostile input, and a rent roll read from a page table (the shape
//! ingestion gives a PDF rent roll) with page-and-box evidence.

use extractor::ExtractError;
use extractor::bbox::BBox;
use extractor::model::{Cell, Document, MediaKind, Table};
use extractor::schema::UnitStatus;
use extractor::sheets::{Limits, read_spreadsheet, read_spreadsheet_with};
use std::io::Write;

/// A real XLSX whose one sheet holds a header, one unit and a stray cell on the last row.
fn sheet_with_stray_cell() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["Unit", "Tenant", "Sq Ft", "Monthly Rent"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "101").unwrap();
    sheet.write_string(1, 1, "Acme Dental LLC").unwrap();
    sheet.write_number(1, 2, 1200).unwrap();
    sheet.write_number(1, 3, 2500.5).unwrap();
    sheet.write_string(1_048_575, 0, "stray").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_million_empty_rows_cost_nothing_and_are_reported() {
    let doc = read_spreadsheet(&sheet_with_stray_cell(), MediaKind::Xlsx, "s.xlsx").unwrap();
    assert_eq!(doc.tables[0].n_rows, 2);
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.message.contains("empty rows")),
        "{:?}",
        doc.diagnostics
    );
    let roll = extractor::rentroll::detect_and_extract(&doc, None).unwrap();
    assert_eq!(roll.rows.len(), 1);
    assert_eq!(roll.rows[0].evidence[0].cells.as_deref(), Some("A2:D2"));
}

#[test]
fn a_zip_bomb_named_xlsx_gets_a_specific_error() {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..64 {
        zip.write_all(&zeros).unwrap();
    }
    zip.finish().unwrap();
    let bomb = out.into_inner();
    let limits = Limits {
        max_entry_bytes: 32 << 20,
        ..Limits::default()
    };
    let started = std::time::Instant::now();
    let err = read_spreadsheet_with(&bomb, MediaKind::Xlsx, "bomb.xlsx", &limits).unwrap_err();
    assert!(
        matches!(err, ExtractError::SpreadsheetTooLarge { .. }),
        "{err}"
    );
    assert!(err.is_input_error());
    assert!(started.elapsed().as_secs() < 30);
}

#[test]
fn garbage_named_xlsx_is_a_clear_error() {
    let err = read_spreadsheet(b"this is not a workbook", MediaKind::Xlsx, "x.xlsx").unwrap_err();
    assert!(matches!(err, ExtractError::Corrupt(_)), "{err}");
    let err =
        read_spreadsheet(&[0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3], MediaKind::Xls, "x.xls").unwrap_err();
    assert!(matches!(err, ExtractError::Corrupt(_)), "{err}");
    assert!(matches!(
        read_spreadsheet(b"", MediaKind::Csv, "x.csv"),
        Err(ExtractError::Empty)
    ));
}

/// A page table as layout analysis gives it: cells with boxes, no addresses.
fn page_table(rows: &[&[&str]]) -> Table {
    let n_rows = rows.len();
    let n_cols = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    let mut cells = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            let y = 0.2 + r as f32 * 0.03;
            let x = 0.05 + c as f32 * 0.15;
            cells.push(Cell {
                row: r,
                col: c,
                row_span: 1,
                col_span: 1,
                text: text.to_string(),
                value: None,
                bbox: Some(BBox::new(x, y, x + 0.14, y + 0.025)),
                address: None,
            });
        }
    }
    Table {
        page: 2,
        sheet: None,
        bbox: None,
        n_rows,
        n_cols,
        cells,
    }
}

#[test]
fn a_page_table_rent_roll_cites_page_and_box() {
    let table = page_table(&[
        &[
            "Suite",
            "Occupant Name",
            "GLA Sqft",
            "Lease From",
            "Lease To",
            "Annual Rate PSF",
        ],
        &[
            "100",
            "Harbor Labs Inc.",
            "2,400",
            "Jan 01, 2022",
            "12/31/27",
            "$30.00",
        ],
        &["110", "VACANT", "1,200", "", "", ""],
        &["120", "Iris Studio LLC", "1,800", "03/01/21", "", "$24.50"],
        &["Total", "", "5,400", "", "", ""],
    ]);
    let doc = Document {
        filename: "roll.pdf".into(),
        sha256: String::new(),
        media_kind: MediaKind::Pdf,
        pages: vec![],
        tables: vec![table],
        sections: vec![],
        key_values: vec![],
        defined_terms: vec![],
        diagnostics: vec![],
    };
    let roll = extractor::rentroll::detect_and_extract(&doc, None).expect("a rent roll");
    assert_eq!(roll.rows.len(), 3);
    let statuses: Vec<UnitStatus> = roll.rows.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            UnitStatus::Occupied,
            UnitStatus::Vacant,
            UnitStatus::MonthToMonth
        ]
    );
    // Derived from per-SF rent: 30.00 × 2,400 / 12 and 24.50 × 1,800 / 12.
    assert_eq!(
        roll.rows[0]
            .monthly_base_rent
            .as_ref()
            .unwrap()
            .amount
            .to_string(),
        "6000.00"
    );
    assert_eq!(
        roll.totals.monthly_base_rent.unwrap().amount.to_string(),
        "9675.00"
    );
    assert_eq!(roll.totals.stated_totals_match, Some(true));
    let evidence = &roll.rows[0].evidence[0];
    assert_eq!(evidence.page, Some(2));
    assert!(evidence.bbox.is_some());
    assert!(
        evidence
            .text
            .as_deref()
            .unwrap()
            .contains("Harbor Labs Inc.")
    );
}

/// A CSV rent roll whose dates are written day-first: the end column shows it (a first part
/// over 12), the start column's values are all ambiguous and follow the table.
#[test]
fn day_first_date_columns_are_read_from_their_values() {
    let csv = "Suite,Tenant,Sq Ft,Monthly Rent,Lease Start,Lease End\r\n\
               100,Alder Labs LLC,1200,2500.00,01/03/2021,28/02/2026\r\n\
               110,Birch Dental Inc.,2400,5100.50,05/11/2020,30/11/2027\r\n\
               120,Cobalt Studio Co.,950,1980.00,12/01/2022,11/01/2025\r\n";
    let doc = read_spreadsheet(csv.as_bytes(), MediaKind::Csv, "uk.csv").unwrap();
    let roll = extractor::rentroll::detect_and_extract(&doc, None).expect("a rent roll");
    let dates: Vec<(Option<&str>, Option<&str>)> = roll
        .rows
        .iter()
        .map(|r| (r.lease_start.as_deref(), r.lease_end.as_deref()))
        .collect();
    assert_eq!(
        dates,
        [
            (Some("2021-03-01"), Some("2026-02-28")),
            (Some("2020-11-05"), Some("2027-11-30")),
            (Some("2022-01-12"), Some("2025-01-11")),
        ]
    );
    let us = csv
        .replace("28/02/2026", "02/28/2026")
        .replace("30/11/2027", "11/30/2027");
    let us = us.replace("11/01/2025", "01/11/2025");
    let doc = read_spreadsheet(us.as_bytes(), MediaKind::Csv, "us.csv").unwrap();
    let roll = extractor::rentroll::detect_and_extract(&doc, None).expect("a rent roll");
    assert_eq!(roll.rows[0].lease_start.as_deref(), Some("2021-01-03"));
    assert_eq!(roll.rows[0].lease_end.as_deref(), Some("2026-02-28"));
}

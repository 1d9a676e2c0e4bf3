//! Acceptance: the real broker rent roll RR01 comes out exactly as its gold file says, with
//! `kind: rent_roll` and no template named.

use extractor::model::MediaKind;
use extractor::pipeline::abstract_read_document;
use extractor::schema::{ExtractionKind, UnitStatus};
use std::path::PathBuf;

mod ingest_support;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/rent-rolls")
        .join(name)
}

#[test]
fn rr01_matches_its_gold_file() {
    let stem = "RR01-portland-office-rent-roll-example";
    let bytes = std::fs::read(data(&format!("{stem}.xlsx"))).expect("RR01 workbook");
    let gold: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data(&format!("{stem}.gold.json"))).expect("gold"))
            .expect("gold json");

    let doc = extractor::sheets::read_spreadsheet(&bytes, MediaKind::Xlsx, &format!("{stem}.xlsx"))
        .expect("read");
    let extraction = abstract_read_document(&doc, None).expect("abstract");
    assert_eq!(extraction.kind, ExtractionKind::RentRoll);
    let roll = extraction.rent_roll.expect("rent roll");
    let json = serde_json::to_value(&roll).expect("serialize");

    let totals = &gold["totals"];
    assert_eq!(roll.totals.units as u64, totals["units"].as_u64().unwrap());
    assert_eq!(roll.rows.len(), 7);
    assert_eq!(
        roll.totals.rentable_square_feet,
        totals["rentable_square_feet"].as_f64().unwrap()
    );
    assert_eq!(
        roll.totals.vacant_units as u64,
        totals["vacant_units"].as_u64().unwrap()
    );
    assert_eq!(
        json["totals"]["monthly_base_rent"],
        totals["monthly_base_rent"]
    );
    assert_eq!(
        json["totals"]["annual_base_rent"],
        totals["annual_base_rent"]
    );
    assert_eq!(
        json["totals"]["stated_totals_match"],
        totals["stated_totals_match"]
    );
    assert!(
        roll.property.as_ref().is_none_or(|p| p.value.is_null()),
        "{:?}",
        roll.property
    );
    assert!(roll.as_of_date.as_ref().is_none_or(|p| p.value.is_null()));
    assert!(roll.rows.iter().all(|r| r.status == UnitStatus::Occupied));

    for want in gold["sample_rows"].as_array().unwrap() {
        let got = json["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["unit"] == want["unit"])
            .unwrap_or_else(|| panic!("unit {} missing", want["unit"]));
        for key in [
            "unit",
            "tenant",
            "status",
            "rentable_square_feet",
            "lease_start",
            "lease_end",
            "monthly_base_rent",
            "annual_base_rent",
            "annual_rent_per_sf",
            "recoveries_monthly",
            "security_deposit",
            "evidence",
        ] {
            if let (Some(g), Some(w)) = (got[key].as_f64(), want[key].as_f64()) {
                assert_eq!(g, w, "unit {} key {key}", want["unit"]);
            } else {
                assert_eq!(got[key], want[key], "unit {} key {key}", want["unit"]);
            }
        }
    }

    // The dated rows under each lease are its future steps; the clause rows are its extras.
    let galois = &roll.rows[0];
    assert_eq!(galois.rent_steps.len(), 2);
    assert_eq!(galois.rent_steps[0].start.as_deref(), Some("2025-11-01"));
    assert_eq!(
        galois.extras.get("Lease Type").map(String::as_str),
        Some("FSG")
    );
    assert!(
        galois.extras.contains_key("Base Year (OpEx)"),
        "{:?}",
        galois.extras
    );
    let clark = roll
        .rows
        .iter()
        .find(|r| r.unit.as_deref() == Some("1300"))
        .unwrap();
    assert_eq!(clark.rent_steps.len(), 7);
}

#[test]
fn rr01_through_the_reader_sniffs_and_detects_a_rent_roll() {
    let bytes = std::fs::read(data("RR01-portland-office-rent-roll-example.xlsx")).unwrap();
    // No filename hint: the reader sniffs the bytes.
    let doc = ingest_support::reader()
        .read(&bytes, "upload", &|_| {})
        .expect("read");
    let extraction = abstract_read_document(&doc, None).expect("abstract");
    assert_eq!(extraction.kind, ExtractionKind::RentRoll);
    let totals = extraction.rent_roll.unwrap().totals;
    assert_eq!((totals.units, totals.rentable_square_feet), (7, 62490.0));
    assert_eq!(
        totals.monthly_base_rent.unwrap().amount.to_string(),
        "198313.31"
    );
}

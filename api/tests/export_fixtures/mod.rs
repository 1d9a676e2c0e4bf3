//! Extractions for the export tests and bench: a lease abstract with realistic terms and hostile
//! text, and rent rolls of any size. Values are invented; none comes from `shared/data`.

#![allow(dead_code)]

use extractor::bbox::BBox;
use extractor::schema::{
    DocumentInfo, Evidence, Extraction, ExtractionKind, Field, FieldMap, FieldStatus, Money,
    PageInfo, RentRoll, RentRollRow, RentRollTotals, UnitStatus,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::str::FromStr;

pub const TENANT: &str = "Northwind Analytics, Inc.";
/// Text that a spreadsheet would run as a formula if it were written with auto-detection.
pub const FORMULA_LANDLORD: &str = "=HYPERLINK(\"https://evil.example\",\"Landlord\")";
pub const PLUS_SUITE: &str = "+1";
/// Text that typst would evaluate if it were pasted into markup.
pub const MARKUP_USE: &str = "General office use #set page(width: 1pt) $x^2$ *not bold* <tag> @ref";

pub fn doc(filename: &str, media_type: &str, pages: usize) -> DocumentInfo {
    DocumentInfo {
        id: Some("doc-0001".into()),
        filename: filename.into(),
        sha256: "0".repeat(64),
        media_type: media_type.into(),
        pages: (1..=pages)
            .map(|number| PageInfo {
                number,
                width_pt: 612.0,
                height_pt: 792.0,
                text_source: extractor::model::TextSource::PdfText,
                ocr_confidence: None,
            })
            .collect(),
    }
}

pub fn field(value: Value, confidence: f64, page: usize, bbox: [f32; 4], quote: &str) -> Field {
    Field {
        value,
        confidence,
        evidence: vec![Evidence {
            page: Some(page),
            bbox: Some(BBox::from(bbox)),
            text: Some(quote.into()),
            ..Evidence::default()
        }],
        status: FieldStatus::Extracted,
    }
}

fn money(amount: &str) -> Value {
    json!({"amount": amount, "currency": "USD"})
}

/// A three-page office lease abstract: every kind of value, one field below the review
/// threshold, one corrected by a reviewer, and hostile text in three fields.
pub fn lease() -> Extraction {
    let mut f = FieldMap::new();
    let mut put = |name: &str, field: Field| {
        f.insert(name.to_string(), field);
    };
    put(
        "tenant",
        field(
            json!(TENANT),
            0.97,
            1,
            [0.12, 0.18, 0.55, 0.2],
            "Northwind Analytics, Inc., a Delaware corporation (\"Tenant\")",
        ),
    );
    put(
        "landlord",
        field(
            json!(FORMULA_LANDLORD),
            0.91,
            1,
            [0.12, 0.14, 0.6, 0.16],
            "Landlord named in the preamble",
        ),
    );
    put(
        "premises_address",
        field(
            json!("1200 Harbor Point Drive, Austin, Texas"),
            0.9,
            1,
            [0.12, 0.3, 0.7, 0.32],
            "1200 Harbor Point Drive, Austin, Texas",
        ),
    );
    put(
        "suite",
        field(
            json!(PLUS_SUITE),
            0.88,
            1,
            [0.12, 0.33, 0.3, 0.35],
            "Suite +1",
        ),
    );
    put(
        "rentable_square_feet",
        field(
            json!(12450),
            0.95,
            1,
            [0.5, 0.36, 0.7, 0.38],
            "12,450 rentable square feet",
        ),
    );
    put(
        "pro_rata_share",
        field(json!(4.25), 0.86, 1, [0.5, 0.4, 0.7, 0.42], "4.25%"),
    );
    put(
        "commencement_date",
        field(
            json!("2024-03-01"),
            0.93,
            1,
            [0.12, 0.45, 0.6, 0.47],
            "March 1, 2024",
        ),
    );
    let mut expiration = field(
        json!("2031-02-28"),
        0.62,
        2,
        [0.12, 0.1, 0.6, 0.12],
        "the last day of the 84th full calendar month",
    );
    expiration.status = FieldStatus::Corrected;
    expiration.confidence = 1.0;
    put("expiration_date", expiration);
    put(
        "term_months",
        field(
            json!(84),
            0.9,
            1,
            [0.12, 0.48, 0.4, 0.5],
            "eighty-four (84) months",
        ),
    );
    put(
        "base_rent",
        field(
            json!({"amount": "32.50", "currency": "USD", "period": "annual", "per_sf": true}),
            0.92,
            2,
            [0.2, 0.3, 0.8, 0.33],
            "$32.50 per rentable square foot per annum",
        ),
    );
    put(
        "rent_schedule",
        field(
            json!([
                {"start": "2024-03-01", "end": "2025-02-28", "monthly": money("33718.75"), "annual": money("404625.00"), "annual_per_sf": money("32.50")},
                {"start": "2025-03-01", "end": "2026-02-28", "monthly": money("34730.31"), "annual": money("416763.75"), "annual_per_sf": money("33.48")},
                {"start": "2026-03-01", "end": "2027-02-28", "monthly": money("35772.22"), "annual": money("429266.66"), "annual_per_sf": money("34.48")}
            ]),
            0.88,
            2,
            [0.1, 0.35, 0.9, 0.55],
            "Months 1-12 $33,718.75 ...",
        ),
    );
    put(
        "escalation_percent",
        field(
            json!(3.0),
            0.84,
            2,
            [0.1, 0.56, 0.5, 0.58],
            "three percent (3%)",
        ),
    );
    put(
        "free_rent",
        field(
            json!("Base rent abated for months 2 through 4"),
            0.55,
            2,
            [0.1, 0.6, 0.9, 0.62],
            "Base Rent shall be abated for the second through fourth full calendar months",
        ),
    );
    put(
        "security_deposit",
        field(
            money("67437.50"),
            0.9,
            3,
            [0.1, 0.2, 0.6, 0.22],
            "Sixty-Seven Thousand Four Hundred Thirty-Seven and 50/100 Dollars",
        ),
    );
    put(
        "lease_type",
        field(
            json!("full_service"),
            0.81,
            1,
            [0.1, 0.6, 0.4, 0.62],
            "full service gross",
        ),
    );
    put(
        "renewal_options",
        field(
            json!({"count": 2, "months": 60, "text": "Two options of five years each at 95% of fair market rent"}),
            0.87,
            3,
            [0.1, 0.4, 0.9, 0.45],
            "two (2) options to extend the Term for five (5) years each",
        ),
    );
    put(
        "permitted_use",
        field(
            json!(MARKUP_USE),
            0.83,
            3,
            [0.1, 0.5, 0.9, 0.52],
            "General office use and \u{1}nothing else",
        ),
    );
    put(
        "governing_law",
        field(
            json!("Texas"),
            0.96,
            3,
            [0.1, 0.8, 0.5, 0.82],
            "the laws of the State of Texas",
        ),
    );
    put(
        "critical_dates",
        field(
            json!([
                {"date": "2030-02-28", "kind": "renewal_notice", "description": "Last day to exercise the first renewal option (12 months' notice)"},
                {"date": "2031-02-28", "kind": "expiration", "description": "Lease expires"}
            ]),
            0.85,
            3,
            [0.1, 0.4, 0.9, 0.45],
            "not less than twelve (12) months prior",
        ),
    );
    Extraction {
        schema_version: 1,
        document: doc("northwind-office-lease.pdf", "application/pdf", 3),
        kind: ExtractionKind::Lease,
        lease: Some(f),
        rent_roll: None,
        custom: None,
        diagnostics: vec![],
    }
}

fn usd(s: &str) -> Money {
    Money::usd(Decimal::from_str(s).expect("fixture amounts are decimals"))
}

/// A rent roll of `units` suites: every seventh vacant, rents stepped by suite, one row whose
/// annual rent disagrees with twelve months of its monthly rent.
pub fn rent_roll(units: usize) -> Extraction {
    let mut rows = Vec::with_capacity(units);
    for i in 0..units {
        let sheet_row = 5 + i;
        let sf = 1200.0 + (i % 13) as f64 * 350.0;
        let vacant = i % 7 == 6;
        let per_sf = Decimal::from(28) + Decimal::from((i % 9) as u32) / Decimal::from(2);
        let annual = (per_sf * Decimal::try_from(sf).unwrap()).round_dp(2);
        let mut monthly = (annual / Decimal::from(12)).round_dp(2);
        if i == 3 {
            // A typo in the source: the monthly rent is off by $20.
            monthly += Decimal::from(20);
        }
        let mut extras = std::collections::BTreeMap::new();
        extras.insert("Base Year".to_string(), format!("{}", 2018 + i % 6));
        if i == 1 {
            extras.insert("Notes".to_string(), "=1+1".to_string());
        }
        rows.push(RentRollRow {
            unit: Some(format!("{}", 100 + i)),
            tenant: (!vacant).then(|| {
                if i == 2 {
                    "+1 Dental Group".to_string()
                } else {
                    format!("Tenant {i} LLC")
                }
            }),
            status: if vacant {
                UnitStatus::Vacant
            } else {
                UnitStatus::Occupied
            },
            rentable_square_feet: Some(sf),
            lease_start: (!vacant).then(|| format!("20{:02}-0{}-01", 18 + i % 7, 1 + i % 9)),
            lease_end: (!vacant).then(|| format!("20{:02}-0{}-28", 27 + i % 7, 1 + i % 9)),
            monthly_base_rent: (!vacant).then(|| Money::usd(monthly)),
            annual_base_rent: (!vacant).then(|| Money::usd(annual)),
            annual_rent_per_sf: (!vacant).then(|| Money::usd(per_sf)),
            recoveries_monthly: None,
            security_deposit: (!vacant && i % 2 == 0).then(|| usd("5000.00")),
            evidence: vec![Evidence {
                sheet: Some("Rent Roll".into()),
                cells: Some(format!("A{sheet_row}:M{sheet_row}")),
                ..Evidence::default()
            }],
            rent_steps: vec![],
            extras,
        });
    }
    let rsf: f64 = rows.iter().filter_map(|r| r.rentable_square_feet).sum();
    let occupied: f64 = rows
        .iter()
        .filter(|r| r.status != UnitStatus::Vacant)
        .filter_map(|r| r.rentable_square_feet)
        .sum();
    let monthly: Decimal = rows
        .iter()
        .filter_map(|r| r.monthly_base_rent.as_ref())
        .map(|m| m.amount)
        .sum();
    let sheet = |cells: &str| Evidence {
        sheet: Some("Rent Roll".into()),
        cells: Some(cells.into()),
        ..Evidence::default()
    };
    Extraction {
        schema_version: 1,
        document: doc(
            "harbor-point-rent-roll.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            0,
        ),
        kind: ExtractionKind::RentRoll,
        lease: None,
        rent_roll: Some(RentRoll {
            property: Some(Field {
                value: json!("Harbor Point Office Center"),
                confidence: 0.9,
                evidence: vec![sheet("A1")],
                status: FieldStatus::Extracted,
            }),
            as_of_date: Some(Field {
                value: json!("2026-10-01"),
                confidence: 0.95,
                evidence: vec![sheet("A2")],
                status: FieldStatus::Extracted,
            }),
            rows,
            totals: RentRollTotals {
                units,
                rentable_square_feet: rsf,
                occupied_square_feet: occupied,
                occupancy_percent: if rsf > 0.0 {
                    occupied / rsf * 100.0
                } else {
                    0.0
                },
                monthly_base_rent: Some(Money::usd(monthly)),
                stated_totals_match: None,
            },
        }),
        custom: None,
        diagnostics: vec![],
    }
}

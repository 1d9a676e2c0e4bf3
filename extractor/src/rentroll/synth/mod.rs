//! A seeded generator of realistic rent-roll exports for tests and benchmarks, in the layouts
//! underwriters receive (Yardi with lease charges, MRI with building subtotals, residential
//! RealPage/AppFolio CSV, Argus tenancy schedules with steps, a broker's tenancy-schedule PDF),
//! with their traps: split headers, merged cells, subtotal, total and summary rows, vacant and
//! month-to-month units, negative amounts, money printed as text, Windows-1252 text, day-first
//! dates. Each export comes with the answers its generator knows, never ones read back from
//! the file.

mod argus;
pub mod broker_pdf;
mod mri;
mod pdf_text;
mod residential;
mod yardi;

use crate::model::MediaKind;
use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    YardiLeaseCharges,
    MriBuildingSubtotals,
    ResidentialCsv,
    ArgusSteps,
    /// A PDF: read it through the normal ingestion (pdfium, layout tables), not as a sheet.
    BrokerPdf,
}

impl Layout {
    pub const ALL: [Layout; 5] = [
        Layout::YardiLeaseCharges,
        Layout::MriBuildingSubtotals,
        Layout::ResidentialCsv,
        Layout::ArgusSteps,
        Layout::BrokerPdf,
    ];
}

/// What a generated export must read back as.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub units: usize,
    pub vacant_units: usize,
    pub rentable_square_feet: f64,
    /// In-place monthly base rent of all units, to the cent.
    pub monthly_base_rent: Decimal,
    pub stated_totals_match: Option<bool>,
    pub property: String,
    pub as_of: NaiveDate,
}

pub struct Generated {
    pub filename: String,
    pub kind: MediaKind,
    pub bytes: Vec<u8>,
    pub expected: Expected,
    /// Where each unit's row was printed (page layouts only).
    pub placed: Vec<broker_pdf::Placed>,
}

/// One lease (or vacant unit) as the generator made it.
#[derive(Debug, Clone)]
pub(crate) struct Lease {
    pub unit: String,
    pub tenant: Option<String>,
    pub area: u32,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub monthly: Decimal,
    /// Annual rent per SF for per-SF layouts (two decimals); `monthly` is derived from it there.
    pub psf: Decimal,
    pub steps: Vec<(NaiveDate, Decimal)>,
    pub cam: Decimal,
    pub tax: Decimal,
    pub deposit: Decimal,
}

impl Lease {
    pub fn vacant(&self) -> bool {
        self.tenant.is_none()
    }
}

/// Generates `units` units in `layout` from `seed`.
pub fn generate(layout: Layout, units: usize, seed: u64) -> Result<Generated, String> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ (layout as u64) << 32);
    let property = property_name(&mut rng);
    let as_of = NaiveDate::from_ymd_opt(2024, 9, 30).ok_or("date")?;
    let residential = layout == Layout::ResidentialCsv;
    let leases = leases(&mut rng, units.max(1), residential, as_of);
    let mut placed = Vec::new();
    let (bytes, stated_totals_match) = match layout {
        Layout::YardiLeaseCharges => yardi::write(&leases, &property, as_of, &mut rng)?,
        Layout::MriBuildingSubtotals => {
            mri::write(&leases, &property, as_of, seed.is_multiple_of(3), &mut rng)?
        }
        Layout::ResidentialCsv => residential::write(&leases, &property, as_of, &mut rng),
        Layout::ArgusSteps => argus::write(&leases, &property, as_of)?,
        Layout::BrokerPdf => {
            let day_first = seed % 2 == 1;
            let (bytes, stated, rows) = broker_pdf::write_pdf(&leases, &property, as_of, day_first);
            placed = rows;
            (bytes, stated)
        }
    };
    let (extension, kind) = match layout {
        Layout::ResidentialCsv => ("csv", MediaKind::Csv),
        Layout::BrokerPdf => ("pdf", MediaKind::Pdf),
        _ => ("xlsx", MediaKind::Xlsx),
    };
    let monthly: Decimal = leases
        .iter()
        .filter(|l| !l.vacant())
        .map(|l| l.monthly)
        .sum();
    Ok(Generated {
        filename: format!("{layout:?}-{seed}.{extension}"),
        kind,
        bytes,
        expected: Expected {
            units: leases.len(),
            vacant_units: leases.iter().filter(|l| l.vacant()).count(),
            rentable_square_feet: leases.iter().map(|l| f64::from(l.area)).sum(),
            monthly_base_rent: crate::rentroll::values::cents(monthly),
            stated_totals_match,
            property,
            as_of,
        },
        placed,
    })
}

const NAME_A: &[&str] = &[
    "Alder",
    "Birch",
    "Cobalt",
    "Delta",
    "Ember",
    "Fjord",
    "Granite",
    "Harbor",
    "Iris",
    "Juniper",
    "Keystone",
    "Lumen",
    "Meridian",
    "Northwind",
    "Orchid",
    "Pioneer",
    "Quarry",
    "Redwood",
    "Summit",
    "Tidewater",
    "Vantage",
    "Willow",
    "Yarrow",
    "Zenith",
];
const NAME_B: &[&str] = &[
    "Analytics",
    "Dental",
    "Capital",
    "Design",
    "Law Group",
    "Coffee",
    "Fitness",
    "Insurance",
    "Labs",
    "Logistics",
    "Partners",
    "Realty",
    "Studio",
    "Systems",
    "Wellness",
    "Bakery",
];
const SUFFIX: &[&str] = &["LLC", "Inc.", "LLP", "Co.", "P.C.", "Corp."];
const FIRST: &[&str] = &[
    "Renée", "José", "Ana", "Chloé", "Liam", "Noah", "Mia", "Zoë", "Omar", "Priya", "Søren", "Yuki",
];
const LAST: &[&str] = &[
    "Álvarez",
    "Nguyen",
    "Smith",
    "Müller",
    "O'Brien",
    "Kowalski",
    "Okafor",
    "Haddad",
    "Lindqvist",
    "García",
];

fn pick<'a>(rng: &mut ChaCha8Rng, list: &[&'a str]) -> &'a str {
    list[rng.random_range(0..list.len())]
}

fn property_name(rng: &mut ChaCha8Rng) -> String {
    format!(
        "{} {}",
        pick(rng, NAME_A),
        pick(
            rng,
            &[
                "Plaza",
                "Commons",
                "Tower",
                "Business Park",
                "Court",
                "Center"
            ]
        )
    )
}

fn leases(rng: &mut ChaCha8Rng, n: usize, residential: bool, as_of: NaiveDate) -> Vec<Lease> {
    (0..n)
        .map(|i| {
            let unit = if residential {
                format!("{}{:02}", 1 + i / 20, 1 + i % 20)
            } else {
                format!("{}", 100 * (1 + i / 8) + 10 * (i % 8))
            };
            let vacant = i % 9 == 4;
            let tenant = (!vacant).then(|| {
                if residential {
                    format!("{}, {}", pick(rng, LAST), pick(rng, FIRST))
                } else if i == 2 {
                    // A tenant whose name starts like a total row.
                    "Total Body Fitness LLC".to_string()
                } else {
                    format!(
                        "{} {} {}",
                        pick(rng, NAME_A),
                        pick(rng, NAME_B),
                        pick(rng, SUFFIX)
                    )
                }
            });
            let area = if residential {
                rng.random_range(55..140) * 10
            } else {
                rng.random_range(70..2000) * 12
            };
            let start = as_of - chrono::Days::new(rng.random_range(30..2500));
            let month_to_month = !vacant && i % 11 == 7;
            let end =
                (!month_to_month).then(|| as_of + chrono::Days::new(rng.random_range(40..3000)));
            let psf = Decimal::new(rng.random_range(1800..5500), 2);
            let monthly = if residential {
                Decimal::new(
                    rng.random_range(900..2800) * 100 + 5 * rng.random_range(0..20),
                    2,
                )
            } else {
                crate::rentroll::values::cents(psf * Decimal::from(area) / Decimal::from(12))
            };
            let steps = (1..=rng.random_range(0..4u32))
                .map(|k| {
                    let date = as_of + chrono::Days::new(u64::from(k) * 365 - 200);
                    let step = crate::rentroll::values::cents(
                        monthly * (Decimal::ONE + Decimal::new(3 * i64::from(k), 2)),
                    );
                    (date, step)
                })
                .collect();
            Lease {
                unit,
                tenant,
                area,
                start,
                end,
                monthly: if vacant { Decimal::ZERO } else { monthly },
                psf,
                steps,
                cam: Decimal::new(i64::from(area) * rng.random_range(30..90) / 12, 2),
                tax: Decimal::new(i64::from(area) * rng.random_range(20..60) / 12, 2),
                deposit: if vacant {
                    Decimal::ZERO
                } else {
                    crate::rentroll::values::cents(monthly)
                },
            }
        })
        .collect()
}

/// Money as an accountant prints it: "$1,234.50", negatives in parentheses.
pub(crate) fn print_money(amount: Decimal) -> String {
    let cents = crate::rentroll::values::cents(amount.abs());
    let text = cents.to_string();
    let (whole, frac) = text.split_once('.').unwrap_or((&text, "00"));
    let grouped = group_thousands(whole);
    if amount.is_sign_negative() && !amount.is_zero() {
        format!("(${grouped}.{frac})")
    } else {
        format!("${grouped}.{frac}")
    }
}

/// Digits with a comma every three from the right: "1234567" as "1,234,567".
pub(crate) fn group_thousands(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    grouped
}

pub(crate) fn us_date(d: NaiveDate) -> String {
    d.format("%m/%d/%Y").to_string()
}

pub(crate) fn excel_date(d: NaiveDate) -> Result<rust_xlsxwriter::ExcelDateTime, String> {
    use chrono::Datelike;
    rust_xlsxwriter::ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
        .map_err(|e| e.to_string())
}

pub(crate) fn f64_of(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_prints_like_an_export() {
        assert_eq!(print_money(Decimal::new(123450, 2)), "$1,234.50");
        assert_eq!(print_money(Decimal::new(-12000, 2)), "($120.00)");
        assert_eq!(print_money(Decimal::new(99, 0)), "$99.00");
    }

    #[test]
    fn the_same_seed_gives_the_same_bytes() {
        let a = generate(Layout::ResidentialCsv, 30, 7).unwrap();
        let b = generate(Layout::ResidentialCsv, 30, 7).unwrap();
        assert_eq!(a.bytes, b.bytes);
        assert_eq!(a.expected.units, 30);
    }
}

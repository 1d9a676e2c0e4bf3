//! Cross-field checks in decimal and calendar arithmetic: commencement + term = expiration,
//! monthly × 12 = annual, per-foot rate × area = annual rent. A failed check lowers the
//! confidence of the fields involved and says why in a diagnostic.

use crate::model::Diagnostic;
use crate::schema::FieldMap;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeMap;

/// What the checks found: a confidence multiplier per field and diagnostics.
#[derive(Debug, Default)]
pub struct Checks {
    pub penalty: BTreeMap<String, f64>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Factor applied to the raw score of a field that failed a check.
const FAILED: f64 = 0.6;

impl Checks {
    fn fail(&mut self, fields: &[&str], message: String) {
        for f in fields {
            *self.penalty.entry((*f).to_string()).or_insert(1.0) *= FAILED;
        }
        self.diagnostics.push(Diagnostic::warning(None, message));
    }

    pub fn factor(&self, field: &str) -> f64 {
        self.penalty.get(field).copied().unwrap_or(1.0)
    }
}

fn date(fields: &FieldMap, name: &str) -> Option<NaiveDate> {
    let s = fields.get(name)?.value.as_str()?;
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn decimal(v: Option<&Value>) -> Option<Decimal> {
    v?.get("amount")?.as_str()?.parse().ok()
}

pub fn check(fields: &FieldMap) -> Checks {
    let mut c = Checks::default();
    let start = date(fields, "commencement_date");
    let end = date(fields, "expiration_date");
    let term = fields.get("term_months").and_then(|f| f.value.as_u64());
    if let (Some(s), Some(e)) = (start, end)
        && e <= s
    {
        c.fail(
            &["commencement_date", "expiration_date"],
            format!("expiration {e} is not after commencement {s}"),
        );
    }
    if let (Some(s), Some(e), Some(t)) = (start, end, term)
        && let Ok(t32) = u32::try_from(t)
        && let Some(expected) = s
            .checked_add_months(chrono::Months::new(t32))
            .and_then(|d| d.pred_opt())
    {
        // A term measured in full months from a mid-month start ends up to a month later.
        let gap = (e - expected).num_days();
        if !(-3..=31).contains(&gap) {
            c.fail(
                &["commencement_date", "expiration_date", "term_months"],
                format!(
                    "commencement {s} + {t} months gives {expected}, but the expiration read is {e}"
                ),
            );
        }
    }
    if let Some(rows) = fields.get("rent_schedule").and_then(|f| f.value.as_array()) {
        for row in rows {
            let (Some(m), Some(a)) = (decimal(row.get("monthly")), decimal(row.get("annual")))
            else {
                continue;
            };
            let full_year = match (
                row.get("start").and_then(Value::as_str),
                row.get("end").and_then(Value::as_str),
            ) {
                (Some(s), Some(e)) => match (
                    NaiveDate::parse_from_str(s, "%Y-%m-%d"),
                    NaiveDate::parse_from_str(e, "%Y-%m-%d"),
                ) {
                    (Ok(s), Ok(e)) => (e - s).num_days() >= 360,
                    _ => false,
                },
                _ => false,
            };
            if full_year && (m * Decimal::from(12) - a).abs() > Decimal::ONE {
                c.fail(
                    &["rent_schedule"],
                    format!(
                        "rent schedule: monthly {m} × 12 = {} but the annual amount is {a}",
                        m * Decimal::from(12)
                    ),
                );
            }
        }
        let area = fields
            .get("rentable_square_feet")
            .and_then(|f| f.value.as_number())
            .and_then(|n| n.to_string().parse::<Decimal>().ok());
        if let (Some(area), Some(row)) = (
            area,
            rows.iter().find(|r| {
                r.get("annual_per_sf").is_some_and(|v| !v.is_null()) && r.get("end").is_some()
            }),
        ) {
            let rows_full: Vec<&Value> = rows
                .iter()
                .filter(|r| decimal(r.get("annual")).is_some())
                .collect();
            let _ = row;
            for r in rows_full.iter().skip(1).take(1) {
                if let (Some(psf), Some(annual)) =
                    (decimal(r.get("annual_per_sf")), decimal(r.get("annual")))
                {
                    let expected = psf * area;
                    if (expected - annual).abs() > annual * Decimal::new(2, 2) {
                        c.fail(
                            &["rentable_square_feet", "rent_schedule"],
                            format!("{psf}/SF × {area} SF = {expected}, but the annual rent read is {annual}"),
                        );
                    }
                }
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Field;
    use serde_json::json;

    fn field(v: Value) -> Field {
        Field {
            value: v,
            ..Field::absent(0.5)
        }
    }

    #[test]
    fn term_and_rent_arithmetic() {
        let mut f = FieldMap::new();
        f.insert("commencement_date".into(), field(json!("2020-01-01")));
        f.insert("expiration_date".into(), field(json!("2024-12-31")));
        f.insert("term_months".into(), field(json!(60)));
        assert!(check(&f).diagnostics.is_empty());
        f.insert("term_months".into(), field(json!(36)));
        let c = check(&f);
        assert_eq!(c.diagnostics.len(), 1);
        assert!(c.factor("term_months") < 1.0 && c.factor("base_rent") == 1.0);
        f.insert("term_months".into(), field(json!(60)));
        f.insert("rentable_square_feet".into(), field(json!(1000)));
        f.insert(
            "rent_schedule".into(),
            field(json!([
                {"start": "2020-01-01", "end": "2020-12-31", "monthly": {"amount": "2000.00", "currency": "USD"}, "annual": {"amount": "24000.00", "currency": "USD"}, "annual_per_sf": {"amount": "24.00", "currency": "USD"}},
                {"start": "2021-01-01", "end": "2021-12-31", "monthly": {"amount": "2100.00", "currency": "USD"}, "annual": {"amount": "24000.00", "currency": "USD"}, "annual_per_sf": {"amount": "30.00", "currency": "USD"}}
            ])),
        );
        let c = check(&f);
        assert_eq!(c.diagnostics.len(), 2, "{:?}", c.diagnostics);
    }
}

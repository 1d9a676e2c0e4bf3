//! Scoring extracted values against gold answers (`shared/data/leases/*.gold.json`): the
//! comparison rule per field encoding, shared by `leasegrid eval --gold` and the tests.

use crate::fields::patterns;
use rust_decimal::Decimal;
use serde_json::Value;

/// The fields the accuracy goal covers.
pub const CORE_FIELDS: [&str; 12] = [
    "landlord",
    "tenant",
    "premises_address",
    "rentable_square_feet",
    "lease_date",
    "commencement_date",
    "expiration_date",
    "term_months",
    "base_rent",
    "security_deposit",
    "renewal_options",
    "governing_law",
];

/// Free-text clause fields: the gold holds an analyst's summary, so a prediction counts when it
/// agrees on whether the clause exists (both null or both stated).
const CLAUSE_FIELDS: [&str; 12] = [
    "permitted_use",
    "termination_option",
    "rent_escalation",
    "free_rent",
    "expansion_rights",
    "purchase_option",
    "exclusive_use",
    "assignment_subletting",
    "holdover",
    "parking",
    "suite",
    "guarantor",
];

/// Whether `predicted` agrees with `gold` for `field`.
pub fn matches(field: &str, predicted: &Value, gold: &Value) -> bool {
    match (predicted, gold) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        _ if CLAUSE_FIELDS.contains(&field) && field != "guarantor" => true,
        (Value::String(p), Value::String(g)) => match field {
            "premises_address" => address_match(p, g),
            _ => tokens(p) == tokens(g),
        },
        (Value::Number(p), Value::Number(g)) => {
            let (p, g) = (
                p.as_f64().unwrap_or(f64::NAN),
                g.as_f64().unwrap_or(f64::NAN),
            );
            (p - g).abs() < 0.01
        }
        (Value::Object(_), Value::Object(_)) if field == "renewal_options" => {
            predicted.get("count") == gold.get("count")
                && predicted.get("months") == gold.get("months")
        }
        (Value::Object(_), Value::Object(_)) => {
            amount(predicted) == amount(gold)
                && ["period", "per_sf", "currency"]
                    .iter()
                    .all(|k| gold.get(k).is_none() || predicted.get(k) == gold.get(k))
        }
        (Value::Array(p), Value::Array(g)) => {
            p.len() == g.len() && p.first().map(amount_fields) == g.first().map(amount_fields)
        }
        _ => predicted == gold,
    }
}

fn amount(v: &Value) -> Option<Decimal> {
    v.get("amount")?
        .as_str()?
        .parse::<Decimal>()
        .ok()
        .map(|d| d.normalize())
}

fn amount_fields(row: &Value) -> Vec<Option<Decimal>> {
    ["monthly", "annual", "annual_per_sf"]
        .iter()
        .map(|k| row.get(k).and_then(amount))
        .collect()
}

/// Lower-case alphanumeric tokens, "&" read as "and", postal codes as state names.
pub fn tokens(s: &str) -> Vec<String> {
    s.replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .flat_map(|t| {
            let expanded = if t.len() == 2 && t.chars().all(|c| c.is_ascii_uppercase()) {
                patterns::state_from_code(t).unwrap_or(t)
            } else {
                t
            };
            expanded
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// An address matches when it holds every gold token and at most two more.
fn address_match(p: &str, g: &str) -> bool {
    let (pt, gt) = (tokens(p), tokens(g));
    gt.iter().all(|t| pt.contains(t)) && pt.len() <= gt.len() + 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn comparison_rules() {
        assert!(matches(
            "tenant",
            &json!("SANDERFORD & CARROLL P.C."),
            &json!("Sanderford & Carroll P.C.")
        ));
        assert!(!matches(
            "tenant",
            &json!("Sanderford & Carroll L.P."),
            &json!("Sanderford & Carroll P.C.")
        ));
        assert!(matches(
            "premises_address",
            &json!("Elm Lane, Woodbury, CT"),
            &json!("Elm Lane, Woodbury, Connecticut")
        ));
        assert!(matches(
            "base_rent",
            &json!({"amount": "8000", "currency": "USD", "period": "monthly", "per_sf": false}),
            &json!({"amount": "8000.00", "currency": "USD", "period": "monthly", "per_sf": false})
        ));
        assert!(!matches(
            "base_rent",
            &json!({"amount": "8000", "currency": "USD", "period": "annual", "per_sf": false}),
            &json!({"amount": "8000.00", "currency": "USD", "period": "monthly", "per_sf": false})
        ));
        assert!(matches(
            "renewal_options",
            &json!({"count": 2, "months": 60, "text": "x"}),
            &json!({"count": 2, "months": 60, "text": "y"})
        ));
        assert!(!matches("governing_law", &json!(null), &json!("Nevada")));
    }
}

//! The gold answers of a generated lease, in the shape of `shared/data/leases/*.gold.json`:
//! values from the drawn facts, quotes from the text as written.

use super::deal::{Deal, Kind, RentForm};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::collections::BTreeMap;

fn money(amount: Decimal) -> Value {
    json!({"amount": format!("{:.2}", amount.round_dp(2)), "currency": "USD"})
}

fn iso(d: chrono::NaiveDate) -> Value {
    Value::String(d.format("%Y-%m-%d").to_string())
}

fn number(d: Decimal) -> Value {
    serde_json::from_str(&d.normalize().to_string()).unwrap_or(Value::Null)
}

/// The gold file for `deal` written with `quotes`.
pub fn gold(id: &str, seed: u64, deal: &Deal, quotes: &BTreeMap<&'static str, String>) -> Value {
    let first = &deal.steps[0];
    let base_rent = match deal.rent_form {
        RentForm::Annual => {
            json!({"amount": format!("{:.2}", first.annual), "currency": "USD", "period": "annual", "per_sf": false})
        }
        RentForm::Monthly => {
            json!({"amount": format!("{:.2}", first.monthly), "currency": "USD", "period": "monthly", "per_sf": false})
        }
        RentForm::PerSf => {
            json!({"amount": format!("{:.2}", first.per_sf.unwrap_or_default()), "currency": "USD", "period": "annual", "per_sf": true})
        }
    };
    let schedule: Vec<Value> = deal
        .steps
        .iter()
        .map(|s| {
            json!({
                "start": iso(s.start), "end": iso(s.end),
                "monthly": money(s.monthly), "annual": money(s.annual),
                "annual_per_sf": s.per_sf.map(money),
            })
        })
        .collect();
    let escalation_text = match deal.escalation_percent {
        Some(p) if deal.kind == Kind::Ground => {
            format!("{}% every five lease years", p.normalize())
        }
        Some(p) => format!("{}% per year", p.normalize()),
        None => "$0.50 per RSF per year".to_string(),
    };
    let renewal = deal.renewal.map(|(count, months)| {
        json!({"count": count, "months": months,
               "text": format!("{count} option(s) of {months} months each")})
    });
    let values: Vec<(&str, Value)> = vec![
        ("landlord", json!(deal.landlord.name)),
        ("tenant", json!(deal.tenant.name)),
        ("guarantor", json!(deal.guarantor)),
        (
            "premises_address",
            json!(format!("{}, {}, {}", deal.street, deal.city, deal.state)),
        ),
        ("suite", json!(deal.suite)),
        ("rentable_square_feet", json!(deal.rsf)),
        ("land_area_acres", deal.acres.map_or(Value::Null, number)),
        (
            "pro_rata_share",
            if quotes.contains_key("pro_rata_share") {
                deal.pro_rata_share().map_or(Value::Null, number)
            } else {
                Value::Null
            },
        ),
        ("lease_date", iso(deal.lease_date)),
        ("commencement_date", iso(deal.commencement)),
        ("rent_commencement_date", iso(deal.rent_commencement)),
        ("expiration_date", iso(deal.final_expiration())),
        ("term_months", json!(deal.final_term_months())),
        ("base_rent", base_rent),
        ("rent_schedule", Value::Array(schedule)),
        (
            "escalation_percent",
            deal.escalation_percent.map_or(Value::Null, number),
        ),
        ("rent_escalation", json!(escalation_text)),
        ("security_deposit", deal.deposit.map_or(Value::Null, money)),
        ("renewal_options", renewal.unwrap_or(Value::Null)),
        (
            "termination_option",
            json!(deal.termination_month.map(|m| format!(
                "One-time right to terminate at the end of month {m} on nine months' notice with a fee"
            ))),
        ),
        ("permitted_use", json!(deal.permitted_use)),
        ("governing_law", json!(deal.governing_law)),
        ("lease_type", json!(deal.lease_type)),
    ];
    let mut fields = serde_json::Map::new();
    for (name, value) in values {
        if name == "land_area_acres" && value.is_null() {
            continue;
        }
        let quote = if value.is_null() {
            Value::Null
        } else {
            // The rent commencement defaults to the commencement date when no abatement is written.
            let key = if name == "rent_commencement_date" && !quotes.contains_key(name) {
                "commencement_date"
            } else if name == "rent_schedule" {
                "base_rent"
            } else {
                name
            };
            quotes.get(key).map_or(Value::Null, |q| json!(q))
        };
        fields.insert(name.to_string(), json!({"value": value, "quote": quote}));
    }
    let mut notes = vec![format!(
        "Synthetic {} lease written by `leasegrid synth-leases` (seed {seed}); every value comes from the generator's own facts.",
        deal.kind.name()
    )];
    if let Some(a) = &deal.amendment {
        notes.push(format!(
            "A first amendment extends the term by {} months: expiration_date and term_months are the values as amended.",
            a.months
        ));
    }
    json!({
        "id": id,
        "source": {
            "synthetic": true,
            "generator": "leasegrid synth-leases",
            "seed": seed,
            "kind": deal.kind.name(),
            "summary_page": deal.summary_page,
            "amendment": deal.amendment.is_some(),
            "text_layer": "born-digital (HTML rendered to PDF by LibreOffice)",
        },
        "fields": fields,
        "notes": notes,
    })
}

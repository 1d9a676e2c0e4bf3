//! Typed values in their schema encodings: each field type's finder over a piece of text, so
//! every candidate source (labels, definitions, retrieved passages, model spans) normalizes the
//! same way.

use crate::fields::parties;
use crate::fields::patterns::{self, Duration, TimeUnit};
use crate::fields::template::FieldType;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::ops::Range;

/// A typed value and the byte range (within the searched text) it was read from.
pub type Typed = (Value, Range<usize>);

pub fn date_value(d: NaiveDate) -> Value {
    Value::String(d.format("%Y-%m-%d").to_string())
}

pub fn money_value(amount: Decimal) -> Value {
    json!({"amount": amount.to_string(), "currency": "USD"})
}

/// A decimal as a JSON number ("2394", "2.426"); the JSON carries the written digits.
pub fn number_value(d: Decimal) -> Value {
    serde_json::from_str(&d.normalize().to_string()).unwrap_or(Value::Null)
}

pub fn duration_value(d: Duration) -> Value {
    let unit = match d.unit {
        TimeUnit::Day => "days",
        TimeUnit::Month => "months",
        TimeUnit::Year => "years",
    };
    json!({"count": d.count, "unit": unit, "months": d.months()})
}

/// Every value of `kind` in `text`, in order. Text and structured kinds give nothing here; their
/// finders live with the lease engine.
pub fn find_all(kind: FieldType, text: &str) -> Vec<Typed> {
    match kind {
        FieldType::Date => patterns::dates(text)
            .into_iter()
            .map(|f| (date_value(f.value), f.span))
            .collect(),
        FieldType::Money => patterns::money(text)
            .into_iter()
            .map(|f| (money_value(f.value), f.span))
            .collect(),
        FieldType::Area => patterns::areas(text)
            .into_iter()
            .map(|f| (number_value(f.value), f.span))
            .collect(),
        FieldType::Percent => patterns::percents(text)
            .into_iter()
            .map(|f| (number_value(f.value), f.span))
            .collect(),
        FieldType::Duration => patterns::durations(text)
            .into_iter()
            .filter(|f| f.value.unit != TimeUnit::Day)
            .map(|f| (duration_value(f.value), f.span))
            .collect(),
        FieldType::Months => patterns::durations(text)
            .into_iter()
            .filter_map(|f| Some((json!(f.value.months()?), f.span)))
            .collect(),
        FieldType::State => patterns::states(text)
            .into_iter()
            .map(|f| (Value::String(f.value.to_string()), f.span))
            .collect(),
        FieldType::Year => year_values(text),
        FieldType::Party => parties::clean_name(party_prefix(text))
            .map(|name| {
                let start = text.find(|c: char| !c.is_whitespace()).unwrap_or(0);
                (
                    Value::String(name),
                    start..start + party_prefix(text).trim().len(),
                )
            })
            .into_iter()
            .collect(),
        FieldType::Text => {
            let t = text.trim();
            if t.is_empty() {
                vec![]
            } else {
                let start = text.len() - text.trim_start().len();
                vec![(Value::String(clip(t, 400)), start..start + t.len())]
            }
        }
        FieldType::Rent
        | FieldType::RentSchedule
        | FieldType::Renewal
        | FieldType::LeaseType
        | FieldType::CriticalDates => vec![],
    }
}

/// The name part of a label's value: up to the first descriptor, address or note.
fn party_prefix(text: &str) -> &str {
    let cut = text
        .find([',', '(', '\n'])
        .filter(|&i| {
            // Keep ", Inc." / ", LLC" style suffixes: they are part of the name.
            let rest = text[i..].trim_start_matches([',', ' ']).to_lowercase();
            ![
                "inc", "llc", "l.l.c", "ltd", "l.p", "lp", "corp", "co.", "n.a", "p.c", "pllc",
                "llp",
            ]
            .iter()
            .any(|s| rest.starts_with(s))
        })
        .unwrap_or(text.len());
    &text[..cut]
}

fn year_values(text: &str) -> Vec<Typed> {
    static YEAR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b(19[5-9]\d|20\d\d)\b").expect("valid regex")
    });
    YEAR.find_iter(text)
        .filter_map(|m| Some((json!(m.as_str().parse::<i32>().ok()?), m.range())))
        .collect()
}

/// At most `max` bytes of `s` on a word boundary, whitespace collapsed.
pub fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let cut = s[..end].rfind(' ').unwrap_or(end);
    format!("{}…", &s[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_follow_the_schema() {
        let d = find_all(FieldType::Date, "on the 9th day of December, 2019");
        assert_eq!(d[0].0, json!("2019-12-09"));
        let m = find_all(FieldType::Money, "in the amount of $9,336.50");
        assert_eq!(m[0].0, json!({"amount": "9336.50", "currency": "USD"}));
        let a = find_all(FieldType::Area, "2,394 square feet");
        assert_eq!(a[0].0, json!(2394));
        let p = find_all(FieldType::Percent, "2.426%");
        assert_eq!(p[0].0, json!(2.426));
        let t = find_all(FieldType::Duration, "for a period of two (2) years");
        assert_eq!(t[0].0, json!({"count": 2, "unit": "years", "months": 24}));
        let party = find_all(FieldType::Party, "TETCO Center L.P., a Texas partnership");
        assert_eq!(party[0].0, json!("TETCO Center L.P."));
        let party = find_all(FieldType::Party, "Widget Works, Inc.\n100 Main St");
        assert_eq!(party[0].0, json!("Widget Works, Inc."));
    }
}

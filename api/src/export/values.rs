//! Field values decoded from their schema JSON encodings into the typed values both exports
//! write: a date stays a date, money a decimal with its currency, a percent a number.

use chrono::NaiveDate;
use extractor::schema::{Field, FieldMap};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::Value as Json;
use std::str::FromStr;

/// How a lease field is encoded (from `shared/schema/README.md`), which decides its cell type
/// where the JSON shape alone is ambiguous (a bare number may be an area, a percent or months).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Date,
    Money,
    Rent,
    Area,
    Percent,
    Months,
    Year,
    Renewal,
    Schedule,
    CriticalDates,
}

/// The lease fields in the order an abstract reads: parties, premises, term, rent, rights, law.
pub const LEASE_FIELDS: &[(&str, &str, Kind)] = &[
    ("landlord", "Landlord", Kind::Text),
    ("tenant", "Tenant", Kind::Text),
    ("guarantor", "Guarantor", Kind::Text),
    ("premises_address", "Premises address", Kind::Text),
    ("suite", "Suite", Kind::Text),
    ("rentable_square_feet", "Rentable area", Kind::Area),
    ("pro_rata_share", "Pro rata share", Kind::Percent),
    ("lease_date", "Lease date", Kind::Date),
    ("commencement_date", "Commencement date", Kind::Date),
    (
        "rent_commencement_date",
        "Rent commencement date",
        Kind::Date,
    ),
    ("expiration_date", "Expiration date", Kind::Date),
    ("term_months", "Term", Kind::Months),
    ("base_rent", "Base rent", Kind::Rent),
    ("rent_schedule", "Rent schedule", Kind::Schedule),
    ("rent_escalation", "Rent escalation", Kind::Text),
    ("escalation_percent", "Escalation", Kind::Percent),
    ("free_rent", "Free rent", Kind::Text),
    ("security_deposit", "Security deposit", Kind::Money),
    (
        "tenant_improvement_allowance",
        "Tenant improvement allowance",
        Kind::Money,
    ),
    ("lease_type", "Lease type", Kind::Text),
    ("base_year", "Base year", Kind::Year),
    ("renewal_options", "Renewal options", Kind::Renewal),
    ("termination_option", "Termination option", Kind::Text),
    ("expansion_rights", "Expansion rights", Kind::Text),
    ("purchase_option", "Purchase option", Kind::Text),
    ("permitted_use", "Permitted use", Kind::Text),
    ("exclusive_use", "Exclusive use", Kind::Text),
    (
        "assignment_subletting",
        "Assignment and subletting",
        Kind::Text,
    ),
    ("holdover", "Holdover", Kind::Text),
    ("parking", "Parking", Kind::Text),
    ("governing_law", "Governing law", Kind::Text),
    ("critical_dates", "Critical dates", Kind::CriticalDates),
];

/// The catalogue entry for a schema field name, if it is a lease field.
pub fn lease_field(name: &str) -> Option<(&'static str, Kind)> {
    LEASE_FIELDS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, label, kind)| (*label, *kind))
}

/// The fields of `map` in abstract order: catalogue fields first, then any others by name.
pub fn ordered(map: &FieldMap) -> Vec<(&str, &Field)> {
    let mut known: Vec<(usize, &str, &Field)> = map
        .iter()
        .map(|(name, field)| {
            let rank = LEASE_FIELDS
                .iter()
                .position(|(n, _, _)| n == name)
                .unwrap_or(LEASE_FIELDS.len());
            (rank, name.as_str(), field)
        })
        .collect();
    known.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    known
        .into_iter()
        .map(|(_, name, field)| (name, field))
        .collect()
}

/// A readable label for any field name: the catalogue's, else `snake_case` as words.
pub fn label(name: &str) -> String {
    match lease_field(name) {
        Some((label, _)) => label.to_string(),
        None => {
            let words = name.replace('_', " ");
            let mut chars = words.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

/// A money amount with its ISO currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub amount: Decimal,
    pub currency: String,
}

impl Amount {
    /// Reads `{"amount": "12.50", "currency": "USD"}`; a JSON number amount is accepted too.
    pub fn from_json(value: &Json) -> Option<Amount> {
        let obj = value.as_object()?;
        let amount = match obj.get("amount")? {
            Json::String(s) => Decimal::from_str(s.trim()).ok()?,
            Json::Number(n) => Decimal::from_str(&n.to_string()).ok()?,
            _ => return None,
        };
        let currency = obj
            .get("currency")
            .and_then(Json::as_str)
            .unwrap_or("USD")
            .to_string();
        Some(Amount { amount, currency })
    }

    pub fn from_money(money: &extractor::schema::Money) -> Amount {
        Amount {
            amount: money.amount,
            currency: money.currency.clone(),
        }
    }

    /// The cell value: spreadsheets hold binary floats, so the decimal is converted only here.
    pub fn as_f64(&self) -> f64 {
        self.amount.to_f64().unwrap_or(0.0)
    }

    /// `$12,345.67`, or `12,345.67 EUR` for other currencies.
    pub fn display(&self) -> String {
        let digits = group_thousands(&format!("{:.2}", self.amount.abs()));
        let sign = if self.amount.is_sign_negative() {
            "-"
        } else {
            ""
        };
        match self.currency.as_str() {
            "USD" => format!("{sign}${digits}"),
            other => format!("{sign}{digits} {other}"),
        }
    }
}

/// A decoded field value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Date(NaiveDate),
    Money(Amount),
    Rent {
        money: Amount,
        annual: bool,
        per_sf: bool,
    },
    Area(f64),
    /// A number of no known kind (custom template fields).
    Number(f64),
    /// 0 to 100, as the schema encodes percents.
    Percent(f64),
    Months(i64),
    Year(i64),
    Renewal {
        count: Option<i64>,
        months: Option<i64>,
        text: Option<String>,
    },
    Schedule(Vec<ScheduleRow>),
    CriticalDates(Vec<CriticalDate>),
}

/// One period of a `rent_schedule` value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScheduleRow {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub monthly: Option<Amount>,
    pub annual: Option<Amount>,
    pub annual_per_sf: Option<Amount>,
}

/// One entry of a `critical_dates` value.
#[derive(Debug, Clone, PartialEq)]
pub struct CriticalDate {
    pub date: Option<NaiveDate>,
    pub kind: String,
    pub description: String,
}

impl Value {
    /// Decodes `json` as field `name`; values that do not match their encoding fall back to text
    /// so nothing an extractor or reviewer wrote is ever dropped from an export.
    pub fn decode(name: &str, json: &Json) -> Value {
        if json.is_null() {
            return Value::Empty;
        }
        let kind = lease_field(name).map(|(_, k)| k);
        let decoded = match kind {
            Some(kind) => decode_kind(kind, json),
            None => decode_shape(json),
        };
        decoded.unwrap_or_else(|| Value::Text(plain_text(json)))
    }

    /// The value as a reader sees it in prose (the PDF, and text cells).
    pub fn display(&self) -> String {
        match self {
            Value::Empty => "Not stated".to_string(),
            Value::Text(s) => s.clone(),
            Value::Date(d) => display_date(*d),
            Value::Money(m) => m.display(),
            Value::Rent {
                money,
                annual,
                per_sf,
            } => {
                let unit = match (per_sf, annual) {
                    (true, true) => " per SF per year",
                    (true, false) => " per SF per month",
                    (false, true) => " per year",
                    (false, false) => " per month",
                };
                format!("{}{unit}", money.display())
            }
            Value::Area(a) => format!("{} SF", group_thousands(&trim_number(*a))),
            Value::Number(n) => trim_number(*n),
            Value::Percent(p) => format!("{}%", trim_number(*p)),
            Value::Months(m) => format!("{m} months"),
            Value::Year(y) => y.to_string(),
            Value::Renewal {
                count,
                months,
                text,
            } => {
                let head = match (count, months) {
                    (Some(0), _) => "None".to_string(),
                    (Some(c), Some(m)) => format!("{c} × {m} months"),
                    (Some(c), None) => format!("{c} option(s)"),
                    (None, Some(m)) => format!("{m} months"),
                    (None, None) => String::new(),
                };
                match text.as_deref().filter(|t| !t.is_empty()) {
                    Some(t) if head.is_empty() => t.to_string(),
                    Some(t) => format!("{head}: {t}"),
                    None => head,
                }
            }
            Value::Schedule(rows) => format!("{} period(s), see the rent schedule", rows.len()),
            Value::CriticalDates(dates) => {
                format!("{} date(s), see the critical dates", dates.len())
            }
        }
    }
}

fn decode_kind(kind: Kind, json: &Json) -> Option<Value> {
    Some(match kind {
        Kind::Text => return decode_shape(json),
        Kind::Date => Value::Date(date(json)?),
        Kind::Money => Value::Money(Amount::from_json(json)?),
        Kind::Rent => rent(json)?,
        Kind::Area => Value::Area(number(json)?),
        Kind::Percent => Value::Percent(number(json)?),
        Kind::Months => Value::Months(integer(json)?),
        Kind::Year => Value::Year(integer(json)?),
        Kind::Renewal => {
            let obj = json.as_object()?;
            Value::Renewal {
                count: obj.get("count").and_then(integer),
                months: obj.get("months").and_then(integer),
                text: obj.get("text").and_then(Json::as_str).map(str::to_string),
            }
        }
        Kind::Schedule => Value::Schedule(schedule(json)?),
        Kind::CriticalDates => Value::CriticalDates(critical_dates(json)?),
    })
}

/// Decodes a value of unknown kind (custom template fields) from its JSON shape alone.
fn decode_shape(json: &Json) -> Option<Value> {
    match json {
        Json::String(s) => Some(match date(json) {
            Some(d) => Value::Date(d),
            None => Value::Text(s.clone()),
        }),
        Json::Number(n) => n.as_f64().map(Value::Number),
        Json::Bool(b) => Some(Value::Text(if *b { "Yes" } else { "No" }.to_string())),
        Json::Object(obj) if obj.contains_key("period") => rent(json),
        Json::Object(obj) if obj.contains_key("amount") => {
            Amount::from_json(json).map(Value::Money)
        }
        _ => None,
    }
}

fn rent(json: &Json) -> Option<Value> {
    let obj = json.as_object()?;
    Some(Value::Rent {
        money: Amount::from_json(json)?,
        annual: obj.get("period").and_then(Json::as_str) == Some("annual"),
        per_sf: obj.get("per_sf").and_then(Json::as_bool).unwrap_or(false),
    })
}

fn schedule(json: &Json) -> Option<Vec<ScheduleRow>> {
    let rows = json.as_array()?;
    Some(
        rows.iter()
            .filter_map(Json::as_object)
            .map(|row| ScheduleRow {
                start: row.get("start").and_then(date),
                end: row.get("end").and_then(date),
                monthly: row.get("monthly").and_then(Amount::from_json),
                annual: row.get("annual").and_then(Amount::from_json),
                annual_per_sf: row.get("annual_per_sf").and_then(Amount::from_json),
            })
            .collect(),
    )
}

fn critical_dates(json: &Json) -> Option<Vec<CriticalDate>> {
    let items = json.as_array()?;
    let mut dates: Vec<CriticalDate> = items
        .iter()
        .filter_map(Json::as_object)
        .map(|item| {
            let text = |key: &str| {
                item.get(key)
                    .and_then(Json::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            CriticalDate {
                date: item.get("date").and_then(date),
                kind: text("kind"),
                description: text("description"),
            }
        })
        .collect();
    // Undated entries sort last: an analyst reads this list as a timeline.
    dates.sort_by_key(|d| (d.date.is_none(), d.date));
    Some(dates)
}

/// An ISO `YYYY-MM-DD` date.
pub fn date(json: &Json) -> Option<NaiveDate> {
    parse_date(json.as_str()?)
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn number(json: &Json) -> Option<f64> {
    match json {
        Json::Number(n) => n.as_f64(),
        Json::String(s) => s.trim().replace(',', "").parse().ok(),
        _ => None,
    }
    .filter(|f: &f64| f.is_finite())
}

fn integer(json: &Json) -> Option<i64> {
    match json {
        Json::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
        Json::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The text of a value that fits no encoding: strings as they are, anything else as compact JSON.
fn plain_text(json: &Json) -> String {
    match json {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `March 1, 2019`.
pub fn display_date(d: NaiveDate) -> String {
    d.format("%B %-d, %Y").to_string()
}

/// `16541`, `12.5` (no trailing zeros).
fn trim_number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        let s = format!("{f:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Inserts thousands separators into a plain decimal string (`-12345.6` → `-12,345.6`).
fn group_thousands(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Whole months from `start` to the day after `end` (Excel's `DATEDIF(start, end + 1, "m")`), so
/// a period 2020-01-01..2020-12-31 counts 12.
pub fn period_months(start: NaiveDate, end: NaiveDate) -> Option<i64> {
    use chrono::Datelike;
    let after = end.succ_opt()?;
    if after <= start {
        return None;
    }
    let mut months = i64::from(after.year() - start.year()) * 12 + i64::from(after.month())
        - i64::from(start.month());
    if after.day() < start.day() {
        months -= 1;
    }
    Some(months)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn typed_values_decode_from_schema_encodings() {
        let rent = Value::decode(
            "base_rent",
            &json!({"amount": "32.50", "currency": "USD", "period": "annual", "per_sf": true}),
        );
        assert_eq!(rent.display(), "$32.50 per SF per year");
        assert_eq!(
            Value::decode("commencement_date", &json!("2019-03-01")).display(),
            "March 1, 2019"
        );
        assert_eq!(
            Value::decode("rentable_square_feet", &json!(16541)).display(),
            "16,541 SF"
        );
        assert_eq!(
            Value::decode(
                "security_deposit",
                &json!({"amount": "-1234567.5", "currency": "USD"})
            )
            .display(),
            "-$1,234,567.50"
        );
        assert_eq!(Value::decode("tenant", &json!(null)), Value::Empty);
    }

    #[test]
    fn malformed_values_fall_back_to_text() {
        assert_eq!(
            Value::decode("expiration_date", &json!("the last day of the 120th month")),
            Value::Text("the last day of the 120th month".into())
        );
        assert_eq!(
            Value::decode("base_rent", &json!({"amount": "n/a"})),
            Value::Text(r#"{"amount":"n/a"}"#.into())
        );
    }

    #[test]
    fn period_months_matches_datedif() {
        let d = |s| parse_date(s).unwrap();
        assert_eq!(period_months(d("2020-01-01"), d("2020-12-31")), Some(12));
        assert_eq!(period_months(d("2020-01-15"), d("2020-03-14")), Some(2));
        assert_eq!(period_months(d("2020-01-15"), d("2020-03-13")), Some(1));
        assert_eq!(period_months(d("2020-03-01"), d("2020-02-01")), None);
    }

    #[test]
    fn critical_dates_sort_as_a_timeline() {
        let v = Value::decode(
            "critical_dates",
            &json!([
                {"date": "2030-01-31", "kind": "expiration", "description": "Lease expires"},
                {"date": null, "kind": "option_notice", "description": "unknown"},
                {"date": "2029-01-31", "kind": "option_notice", "description": "Renewal notice"}
            ]),
        );
        let Value::CriticalDates(dates) = v else {
            panic!("not decoded: {v:?}")
        };
        let kinds: Vec<_> = dates.iter().map(|d| d.kind.as_str()).collect();
        assert_eq!(kinds, ["option_notice", "expiration", "option_notice"]);
    }
}

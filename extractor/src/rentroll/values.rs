//! Typed readings of rent-roll cells: money in its print forms ("$1,234.50", "(1,234.50)",
//! "1234.5"), dates (MM/DD/YY by default, DD/MM/YYYY where a column's values show it, "Sep 01,
//! 2019", Excel serials), areas with commas. A cell read from a spreadsheet brings its typed
//! value; a cell read from a page brings only text.

use crate::model::{Cell, CellValue};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use std::str::FromStr;

/// The exact decimal of a spreadsheet number: its shortest round-trip form, never binary noise.
pub fn decimal_of_f64(n: f64) -> Option<Decimal> {
    if !n.is_finite() {
        return None;
    }
    Decimal::from_str(&format!("{n}"))
        .or_else(|_| Decimal::from_scientific(&format!("{n:e}")))
        .ok()
}

/// A money or plain number: "$1,234.50", "(1,234.50)", "-1234.5", "1,234.50 CR", "$ -".
pub fn parse_amount(text: &str) -> Option<Decimal> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let mut negative = false;
    let mut s = t.trim_start_matches('$').trim().to_string();
    if s.starts_with('(') && s.ends_with(')') {
        negative = true;
        s = s[1..s.len() - 1].to_string();
    }
    let upper = s.to_ascii_uppercase();
    if let Some(rest) = upper.strip_suffix("CR") {
        negative = true;
        s = rest.to_string();
    }
    let s = s.trim().trim_start_matches("USD").trim();
    let mut digits = String::with_capacity(s.len());
    for (i, ch) in s.chars().enumerate() {
        match ch {
            '0'..='9' | '.' => digits.push(ch),
            ',' | '$' | ' ' | '\u{a0}' => {}
            '-' | '\u{2212}' if i == 0 || digits.is_empty() => negative = !negative,
            _ => return None,
        }
    }
    if digits.is_empty() || digits == "." || digits.matches('.').count() > 1 {
        return None;
    }
    let value = Decimal::from_str(&digits).ok()?;
    Some(if negative { -value } else { value })
}

/// The amount in a cell: its number, or its text read as money.
pub fn cell_amount(cell: &Cell) -> Option<Decimal> {
    match &cell.value {
        Some(CellValue::Number(n)) => decimal_of_f64(*n),
        Some(CellValue::Date(_) | CellValue::Bool(_) | CellValue::Error(_)) => None,
        _ => parse_amount(&cell.text),
    }
}

/// An area in square feet: "10,724", "10,724 SF", "1,200 sq ft".
pub fn parse_area(text: &str) -> Option<f64> {
    let lower = text.trim().to_ascii_lowercase();
    let number = lower
        .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.' || c == ' ')
        .trim();
    let value = parse_amount(number)?;
    f64::from_str(&value.to_string()).ok()
}

pub fn cell_area(cell: &Cell) -> Option<f64> {
    match &cell.value {
        Some(CellValue::Number(n)) if n.is_finite() => Some(*n),
        Some(CellValue::Date(_) | CellValue::Bool(_) | CellValue::Error(_)) => None,
        _ => parse_area(&cell.text),
    }
}

/// Which number comes first in a numeric date: the month (US, the default) or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    #[default]
    MonthFirst,
    DayFirst,
}

/// The date in a cell: a date-typed cell, an Excel serial in a date column, or US date text.
pub fn cell_date(cell: &Cell) -> Option<NaiveDate> {
    cell_date_in(cell, DateOrder::MonthFirst)
}

/// The date in a cell, reading numeric date text in `order`.
pub fn cell_date_in(cell: &Cell, order: DateOrder) -> Option<NaiveDate> {
    match &cell.value {
        Some(CellValue::Date(iso)) => NaiveDate::parse_from_str(iso.get(..10)?, "%Y-%m-%d").ok(),
        Some(CellValue::Number(n)) => excel_serial(*n),
        _ => parse_date_in(&cell.text, order),
    }
}

/// What one date text says about its order: a first part over 12 can only be a day, a second
/// part over 12 only a day after the month; "05/06/2024" says nothing.
pub fn order_evidence(text: &str) -> Option<DateOrder> {
    let parts: Vec<&str> = text.trim().split(['/', '-', '.']).collect();
    if parts.len() != 3 || parts[..2].iter().any(|p| p.is_empty() || p.len() > 2) {
        return None;
    }
    let first: u32 = parts[0].parse().ok()?;
    let second: u32 = parts[1].parse().ok()?;
    parts[2].parse::<u32>().ok()?;
    match (first, second) {
        (13..=31, 1..=12) => Some(DateOrder::DayFirst),
        (1..=12, 13..=31) => Some(DateOrder::MonthFirst),
        _ => None,
    }
}

/// The order a column's date texts are written in, by their majority of unambiguous values;
/// `None` when no value decides it.
pub fn column_order<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<DateOrder> {
    let (mut day_first, mut month_first) = (0usize, 0usize);
    for text in texts {
        match order_evidence(text) {
            Some(DateOrder::DayFirst) => day_first += 1,
            Some(DateOrder::MonthFirst) => month_first += 1,
            None => {}
        }
    }
    match day_first.cmp(&month_first) {
        std::cmp::Ordering::Greater => Some(DateOrder::DayFirst),
        std::cmp::Ordering::Less => Some(DateOrder::MonthFirst),
        std::cmp::Ordering::Equal => None,
    }
}

/// An Excel serial day number (1900 system) in the range where rent rolls live (1955–2150).
pub fn excel_serial(n: f64) -> Option<NaiveDate> {
    if !(20_000.0..=91_000.0).contains(&n) || n.fract() != 0.0 {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(n as u64))
}

/// US date text: 09/01/2019, 9/1/19, 2019-09-01, "Sep 01, 2019", "September 1, 2019",
/// "1-Sep-19", "Sep-19" is refused (no day).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    parse_date_in(text, DateOrder::MonthFirst)
}

/// Date text with numeric dates read in `order` (day-first also reads "30.09.2024").
pub fn parse_date_in(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let t = text.trim().trim_end_matches('.');
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    if let Ok(serial) = t.parse::<f64>() {
        return excel_serial(serial);
    }
    let sep = ['/', '.', '-']
        .into_iter()
        .find(|c| t.contains(*c))
        .unwrap_or('-');
    let parts: Vec<&str> = t.split(sep).collect();
    if parts.len() == 3 && parts[2].len() == 2 && parts[0].len() <= 2 {
        let year = two_digit_year(parts[2].parse().ok()?);
        if let (Ok(a), Ok(b)) = (parts[0].parse::<u32>(), parts[1].parse::<u32>()) {
            let (m, d) = match order {
                DateOrder::MonthFirst => (a, b),
                DateOrder::DayFirst => (b, a),
            };
            return NaiveDate::from_ymd_opt(year, m, d);
        }
        if sep == '-' {
            let month = month_number(parts[1])?;
            return NaiveDate::from_ymd_opt(year, month, parts[0].parse().ok()?);
        }
    }
    let numeric = match order {
        DateOrder::MonthFirst => MONTH_FIRST,
        DateOrder::DayFirst => DAY_FIRST,
    };
    for fmt in numeric.iter().chain(FORMATS) {
        if let Ok(d) = NaiveDate::parse_from_str(t, fmt) {
            return (d.year() > 1900).then_some(d);
        }
    }
    None
}

const MONTH_FIRST: &[&str] = &["%m/%d/%Y", "%m-%d-%Y"];
const DAY_FIRST: &[&str] = &["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"];
const FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%d-%b-%Y",
    "%d %b %Y",
    "%d %B %Y",
];

/// Two-digit years pivot like Excel's: 00–29 are 2000s, 30–99 the 1900s.
fn two_digit_year(yy: i32) -> i32 {
    if yy < 30 { 2000 + yy } else { 1900 + yy }
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| lower.starts_with(m))
    .map(|i| i as u32 + 1)
}

/// Money rounded to cents the way it prints in a rent roll.
pub fn cents(amount: Decimal) -> Decimal {
    let mut rounded =
        amount.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn money_in_its_print_forms() {
        assert_eq!(parse_amount("$1,234.50"), Some(d("1234.50")));
        assert_eq!(parse_amount("(1,234.50)"), Some(d("-1234.50")));
        assert_eq!(parse_amount("$(1,234.50)"), Some(d("-1234.50")));
        assert_eq!(parse_amount("1234.5"), Some(d("1234.5")));
        assert_eq!(parse_amount("-$12.00"), Some(d("-12.00")));
        assert_eq!(parse_amount("12.00 CR"), Some(d("-12.00")));
        assert_eq!(parse_amount("Suite 200"), None);
        assert_eq!(parse_amount("1.2.3"), None);
        assert_eq!(parse_amount(""), None);
    }

    #[test]
    fn numbers_keep_their_printed_precision() {
        assert_eq!(decimal_of_f64(70499.3575), Some(d("70499.3575")));
        assert_eq!(
            decimal_of_f64(0.1 + 0.2).map(|v| v.round_dp(2)),
            Some(d("0.30"))
        );
        assert_eq!(cents(d("16072.5")).to_string(), "16072.50");
        assert_eq!(cents(d("37292.7083")).to_string(), "37292.71");
    }

    #[test]
    fn us_dates() {
        let want = NaiveDate::from_ymd_opt(2019, 9, 1);
        for t in [
            "09/01/2019",
            "9/1/19",
            "2019-09-01",
            "Sep 01, 2019",
            "September 1, 2019",
            "1-Sep-19",
            "01-Sep-2019",
            "43709",
        ] {
            assert_eq!(parse_date(t), want, "{t}");
        }
        assert_eq!(
            parse_date("12/31/99"),
            NaiveDate::from_ymd_opt(1999, 12, 31)
        );
        assert_eq!(parse_date("13/45/2019"), None);
        assert_eq!(parse_date("Vacant"), None);
        assert_eq!(parse_date("12"), None);
    }

    #[test]
    fn day_first_dates_when_asked() {
        let want = NaiveDate::from_ymd_opt(2019, 9, 30);
        for t in [
            "30/09/2019",
            "30/9/19",
            "30-09-2019",
            "30.09.2019",
            "2019-09-30",
        ] {
            assert_eq!(parse_date_in(t, DateOrder::DayFirst), want, "{t}");
        }
        assert_eq!(
            parse_date_in("01/09/2019", DateOrder::DayFirst),
            NaiveDate::from_ymd_opt(2019, 9, 1)
        );
        assert_eq!(parse_date("30/09/2019"), None);
    }

    #[test]
    fn a_column_is_day_first_when_a_first_part_is_over_twelve() {
        assert_eq!(
            column_order(["05/06/2024", "25/06/2024", "01/07/2024"]),
            Some(DateOrder::DayFirst)
        );
        assert_eq!(
            column_order(["05/06/2024", "06/25/2024"]),
            Some(DateOrder::MonthFirst)
        );
        assert_eq!(column_order(["05/06/2024", "Vacant", ""]), None);
        assert_eq!(order_evidence("2024-06-25"), None);
    }

    #[test]
    fn areas_with_commas_and_units() {
        assert_eq!(parse_area("10,724"), Some(10724.0));
        assert_eq!(parse_area("1,200 SF"), Some(1200.0));
        assert_eq!(parse_area("950 sq. ft."), Some(950.0));
        assert_eq!(parse_area("n/a"), None);
    }
}

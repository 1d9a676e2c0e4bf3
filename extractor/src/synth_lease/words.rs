//! How leases write numbers, money and dates: words with digits in parentheses, cents as
//! "and 00/100", and the many written forms of a date.

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use rust_decimal::Decimal;

use crate::fields::patterns::{MONTH_NAMES, TENS_WORDS, UNIT_WORDS};

/// `n` in lower-case words: "one hundred twenty-three thousand four hundred fifty-six".
pub fn number(n: u64) -> String {
    fn below_thousand(n: u64) -> String {
        let (h, rest) = (n / 100, n % 100);
        let tail = match rest {
            0 => String::new(),
            r if r < 20 => UNIT_WORDS[r as usize].to_string(),
            r if r % 10 == 0 => TENS_WORDS[(r / 10 - 2) as usize].to_string(),
            r => format!(
                "{}-{}",
                TENS_WORDS[(r / 10 - 2) as usize],
                UNIT_WORDS[(r % 10) as usize]
            ),
        };
        match (h, tail.is_empty()) {
            (0, _) => tail,
            (h, true) => format!("{} hundred", UNIT_WORDS[h as usize]),
            (h, false) => format!("{} hundred {tail}", UNIT_WORDS[h as usize]),
        }
    }
    if n == 0 {
        return "zero".into();
    }
    let mut parts = Vec::new();
    for (scale, name) in [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ] {
        if !(n / scale).is_multiple_of(1000) {
            parts.push(format!("{} {name}", below_thousand(n / scale % 1000)));
        }
    }
    if !n.is_multiple_of(1000) {
        parts.push(below_thousand(n % 1000));
    }
    parts.join(" ")
}

/// Every word capitalized: "Two Thousand Five Hundred".
pub fn title(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            w.split('-')
                .map(|p| {
                    let mut c = p.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default()
                })
                .collect::<Vec<String>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "ten (10)", the way leases write small counts.
pub fn count(n: u64) -> String {
    format!("{} ({n})", number(n))
}

/// 1 → "1st", 22 → "22nd".
pub fn ordinal_suffix(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn ordinal_word(n: u32) -> String {
    let words = number(u64::from(n));
    let (head, last) = match words.rfind([' ', '-']) {
        Some(i) => (&words[..=i], &words[i + 1..]),
        None => ("", words.as_str()),
    };
    let last = match last {
        "one" => "first".to_string(),
        "two" => "second".into(),
        "three" => "third".into(),
        "five" => "fifth".into(),
        "eight" => "eighth".into(),
        "nine" => "ninth".into(),
        "twelve" => "twelfth".into(),
        w if w.ends_with('y') => format!("{}ieth", &w[..w.len() - 1]),
        w => format!("{w}th"),
    };
    format!("{head}{last}")
}

/// "$12,345.67", or "$12,345" when `cents` is false and the amount is whole.
pub fn dollars(amount: Decimal, cents: bool) -> String {
    let rounded = amount.round_dp(2);
    let whole = rounded.trunc();
    let frac = ((rounded - whole) * Decimal::from(100)).trunc();
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if cents || !frac.is_zero() {
        format!("${grouped}.{frac:0>2}")
    } else {
        format!("${grouped}")
    }
}

/// Money in one of the ways leases write it: digits, or words with the digits in parentheses.
pub fn money(rng: &mut impl Rng, amount: Decimal) -> String {
    let whole = amount.trunc();
    let cents = ((amount - whole) * Decimal::from(100)).trunc();
    let whole_n = u64::try_from(whole).unwrap_or(0);
    match rng.random_range(0..5) {
        0 => dollars(amount, true),
        1 => dollars(amount, false),
        2 => format!(
            "{} and {cents:0>2}/100 Dollars ({})",
            title(&number(whole_n)),
            dollars(amount, true)
        ),
        3 => format!(
            "{} Dollars ({})",
            title(&number(whole_n)),
            dollars(amount, true)
        ),
        _ => format!(
            "{} AND {cents:0>2}/100 DOLLARS ({})",
            number(whole_n).to_uppercase(),
            dollars(amount, true)
        ),
    }
}

/// A date in one of the written forms leases use.
pub fn date(rng: &mut impl Rng, d: NaiveDate) -> String {
    let (m, day, y) = (MONTH_NAMES[d.month0() as usize], d.day(), d.year());
    match rng.random_range(0..9) {
        0..=2 => format!("{m} {day}, {y}"),
        3 => format!("the {} day of {m}, {y}", ordinal_suffix(day)),
        4 => format!("{m} {}, {y}", ordinal_suffix(day)),
        5 => format!("{day} {m} {y}"),
        6 => format!("{:02}/{:02}/{y}", d.month(), day),
        7 => format!(
            "the {} ({}) day of {m}, {y}",
            ordinal_word(day),
            ordinal_suffix(day)
        ),
        _ => format!("{} {day}, {y}", &m[..3]),
    }
}

/// A duration in months, as leases write it: "five (5) years", "sixty-three (63) months",
/// "ten (10) years and six (6) months".
pub fn duration(rng: &mut impl Rng, months: u32) -> String {
    let (years, rest) = (months / 12, months % 12);
    let plural = |n: u32, unit: &str| {
        if n == 1 {
            format!("{} ({n}) {unit}", number(u64::from(n)))
        } else {
            format!("{} ({n}) {unit}s", number(u64::from(n)))
        }
    };
    match (years, rest, rng.random_bool(0.5)) {
        (0, r, _) => plural(r, "month"),
        (y, 0, true) => plural(y, "year"),
        (_, 0, false) => plural(months, "month"),
        (y, r, true) => format!("{} and {}", plural(y, "year"), plural(r, "month")),
        (_, _, false) => plural(months, "month"),
    }
}

/// "2,394" — a whole number with thousands separators.
pub fn grouped(n: u64) -> String {
    dollars(Decimal::from(n), false)
        .trim_start_matches('$')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::patterns::parse_number_words;

    #[test]
    fn numbers_read_back() {
        for n in [1, 12, 20, 21, 99, 100, 369, 1000, 2394, 56_259] {
            assert_eq!(parse_number_words(&number(n)), Some(n as u32), "{n}");
        }
        assert_eq!(ordinal_word(21), "twenty-first");
        assert_eq!(ordinal_word(30), "thirtieth");
        assert_eq!(ordinal_suffix(13), "13th");
    }

    #[test]
    fn money_is_grouped() {
        assert_eq!(dollars(Decimal::new(5625900, 2), true), "$56,259.00");
        assert_eq!(dollars(Decimal::new(1_000_000, 0), false), "$1,000,000");
        assert_eq!(grouped(2394), "2,394");
    }
}

//! Pattern finders for the typed values leases state: dates in their written forms, money,
//! areas, percents, durations (in words and digits) and US states. Each returns the value with
//! the byte range it was read from.

use chrono::NaiveDate;
use regex::Regex;
use rust_decimal::Decimal;
use std::ops::Range;
use std::str::FromStr;
use std::sync::LazyLock;

/// A typed value found at a byte range of the searched text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub span: Range<usize>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const MONTH_RE: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    if n.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&n[..3]))
        .map(|i| i as u32 + 1)
}

static DATE_PATTERNS: LazyLock<Vec<(Regex, DateOrder)>> = LazyLock::new(|| {
    let ord = r"(?:st|nd|rd|th)?";
    vec![
        (
            // the 1st day of June, 2020; the first (1st) day of June, 2020
            Regex::new(&format!(
                r"(?i)(?:\(|\b)(\d{{1,2}}){ord}\)?\s+day\s+of\s+({MONTH_RE})\s*,?\s*(\d{{4}})(?:\b|[a-z])"
            ))
            .expect("valid regex"),
            DateOrder::Dmy,
        ),
        (
            // June 1, 2020 / June 1st, 2020
            Regex::new(&format!(
                r"(?i)\b({MONTH_RE})\s+(\d{{1,2}}){ord}\s*[,.]?\s*(\d{{4}})(?:\b|[a-z])"
            ))
            .expect("valid regex"),
            DateOrder::Mdy,
        ),
        (
            // 1 June 2020
            Regex::new(&format!(
                r"(?i)\b(\d{{1,2}}){ord}\s+({MONTH_RE})\s*,?\s*(\d{{4}})(?:\b|[a-z])"
            ))
            .expect("valid regex"),
            DateOrder::Dmy,
        ),
        (
            // 2020-06-01
            Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("valid regex"),
            DateOrder::Ymd,
        ),
        (
            // 6/1/2020, 06-01-20
            Regex::new(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b").expect("valid regex"),
            DateOrder::NumericMdy,
        ),
    ]
});

#[derive(Debug, Clone, Copy)]
enum DateOrder {
    Dmy,
    Mdy,
    Ymd,
    NumericMdy,
}

/// Every calendar date written in `text`, in order of position. OCR's slips are read through:
/// letters that look like digits inside a number ("2O19", "l5"), a year run into the next word
/// ("2019LEASE") and a period for the comma ("June 1. 2020").
pub fn dates(text: &str) -> Vec<Found<NaiveDate>> {
    let text = &ocr_digits(text);
    let mut out: Vec<Found<NaiveDate>> = Vec::new();
    for (re, order) in DATE_PATTERNS.iter() {
        for c in re.captures_iter(text) {
            let (Some(m), Some(a), Some(b), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3))
            else {
                continue;
            };
            if out
                .iter()
                .any(|f| f.span.start < m.end() && m.start() < f.span.end)
            {
                continue;
            }
            let (a, b, y) = (a.as_str(), b.as_str(), y.as_str());
            let date = match order {
                DateOrder::Dmy => ymd(y, month_number(b), a),
                DateOrder::Mdy => ymd(y, month_number(a), b),
                DateOrder::Ymd => ymd(a, b.parse().ok(), y),
                DateOrder::NumericMdy => {
                    let year = if y.len() == 2 {
                        y.parse::<i32>()
                            .ok()
                            .map(|v| if v < 50 { 2000 + v } else { 1900 + v })
                    } else {
                        y.parse().ok()
                    };
                    year.and_then(|yy| {
                        NaiveDate::from_ymd_opt(yy, a.parse().ok()?, b.parse().ok()?)
                    })
                }
            };
            if let Some(value) = date.filter(|d| (1900..=2200).contains(&chrono::Datelike::year(d)))
            {
                // The year is the last group of every pattern; a letter run on to it is not
                // part of the date.
                let end = c.get(3).map_or(m.end(), |y| y.end());
                out.push(Found {
                    value,
                    span: m.start()..end,
                });
            }
        }
    }
    out.sort_by_key(|f| f.span.start);
    out
}

/// `text` with the letters OCR reads for digits (O, o, I, l, |) turned into digits inside tokens
/// that are otherwise numbers; every substitution keeps its byte length, so spans still point
/// into the original.
fn ocr_digits(text: &str) -> std::borrow::Cow<'_, str> {
    let lookalike = |c: char| matches!(c, 'O' | 'o' | 'I' | 'l' | '|');
    let numeric = |t: &str| {
        t.len() >= 2
            && t.chars().any(|c| c.is_ascii_digit())
            && t.chars().any(lookalike)
            && t.chars().all(|c| c.is_ascii_digit() || lookalike(c))
    };
    let tokens = text.split(|c: char| !(c.is_alphanumeric() || c == '|'));
    if !tokens.clone().any(numeric) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut String| {
        if numeric(token) {
            out.extend(token.chars().map(|c| match c {
                'O' | 'o' => '0',
                'I' | 'l' | '|' => '1',
                c => c,
            }));
        } else {
            out.push_str(token);
        }
        token.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || c == '|' {
            token.push(c);
        } else {
            flush(&mut token, &mut out);
            out.push(c);
        }
    }
    flush(&mut token, &mut out);
    std::borrow::Cow::Owned(out)
}

fn ymd(y: &str, m: Option<u32>, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m?, d.parse().ok()?)
}

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\$|\bUSD\s?)\s?(\d{1,3}(?:[,.]\d{3})+|\d+)(\.\d{1,2})?(?:\s*(million|thousand))?",
    )
    .expect("valid regex")
});

/// Every dollar amount in `text`, as decimals keeping the written precision.
pub fn money(text: &str) -> Vec<Found<Decimal>> {
    MONEY
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            // A comma or period between thousands groups: "$4,788,00" is an OCR slip for
            // "$4,788.00" when the last group has two digits, which the regex does not match.
            let whole: String = c
                .get(1)?
                .as_str()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            let cents = c.get(2).map_or("", |m| m.as_str());
            let mut value = Decimal::from_str(&format!("{whole}{cents}")).ok()?;
            match c.get(3).map(|m| m.as_str().to_lowercase()).as_deref() {
                Some("million") => value *= Decimal::from(1_000_000),
                Some("thousand") => value *= Decimal::from(1_000),
                _ => {}
            }
            Some(Found {
                value,
                span: m.range(),
            })
        })
        .collect()
}

static AREA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(?:\)\s*)?(?:rentable\s+|usable\s+|gross\s+)?(?:square\s+feet|sq\.?\s*ft\.?|s\.\s?f\.|sf\b|rsf\b|square\s+foot)")
        .expect("valid regex")
});

/// Every area in square feet written in `text` ("2,394 square feet", "16,541 RSF").
pub fn areas(text: &str) -> Vec<Found<Decimal>> {
    AREA.captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let whole: String = c
                .get(1)?
                .as_str()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            let frac = c.get(2).map_or("", |m| m.as_str());
            Some(Found {
                value: Decimal::from_str(&format!("{whole}{frac}")).ok()?,
                span: m.range(),
            })
        })
        .collect()
}

static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)").expect("valid regex")
});

/// Every percentage in `text`, 0..100.
pub fn percents(text: &str) -> Vec<Found<Decimal>> {
    PERCENT
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let v = Decimal::from_str(c.get(1)?.as_str()).ok()?;
            (v <= Decimal::from(100)).then_some(Found {
                value: v,
                span: m.range(),
            })
        })
        .collect()
}

/// A length of time as written: its count and unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub count: u32,
    pub unit: TimeUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Day,
    Month,
    Year,
}

impl Duration {
    pub fn months(&self) -> Option<u32> {
        match self.unit {
            TimeUnit::Month => Some(self.count),
            TimeUnit::Year => Some(self.count * 12),
            TimeUnit::Day => None,
        }
    }
}

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    let words = r"(?:[a-z]+(?:[\s-]+(?:and\s+)?[a-z]+){0,5})";
    Regex::new(&format!(
        r"(?i)\b(?:({words})\s*\(\s*(\d+)\s*\)|(\d+)|({words}))\s*(?:\(\s*\d+(?:st|nd|rd|th)\s*\)\s*)?\s*-?\s*(?:full\s+)?(?:calendar\s+)?(?:lease\s+)?(years?|months?|days?)\b(?:\s*\(s\))?"
    ))
    .expect("valid regex")
});

/// Every duration in `text` ("thirty-six (36) months", "5 years", "One year(s)"); "ten (10)
/// years and six (6) months" is one duration of 126 months.
pub fn durations(text: &str) -> Vec<Found<Duration>> {
    let mut out: Vec<Found<Duration>> = Vec::new();
    for f in single_durations(text) {
        if let Some(last) = out.last_mut()
            && last.value.unit == TimeUnit::Year
            && f.value.unit == TimeUnit::Month
            && text[last.span.end..f.span.start].trim() == "and"
        {
            last.value = Duration {
                count: last.value.count * 12 + f.value.count,
                unit: TimeUnit::Month,
            };
            last.span.end = f.span.end;
            continue;
        }
        out.push(f);
    }
    out
}

fn single_durations(text: &str) -> Vec<Found<Duration>> {
    DURATION
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let unit_text = c.get(5)?.as_str().to_lowercase();
            let unit = if unit_text.starts_with("year") {
                TimeUnit::Year
            } else if unit_text.starts_with("month") {
                TimeUnit::Month
            } else {
                TimeUnit::Day
            };
            let (count, start) = if let Some(d) = c.get(2).or(c.get(3)) {
                // "the initial three (3)": the span starts at the number words, not before.
                let start = c
                    .get(1)
                    .and_then(|w| trailing_number_words(w.as_str()).map(|(_, used)| w.end() - used))
                    .unwrap_or(d.start());
                (d.as_str().parse().ok()?, start)
            } else {
                let w = c.get(4)?;
                let (n, used) = trailing_number_words(w.as_str())?;
                (n, w.end() - used)
            };
            (count > 0).then_some(Found {
                value: Duration { count, unit },
                span: start..m.end(),
            })
        })
        .collect()
}

/// The number spelled by the longest run of number words ending `text`, with that run's length
/// in bytes: "term of thirty-six" → (36, 10).
pub(crate) fn trailing_number_words(text: &str) -> Option<(u32, usize)> {
    let tokens: Vec<(usize, &str)> = text
        .match_indices(|c: char| c.is_alphabetic())
        .fold(Vec::new(), |mut acc: Vec<(usize, usize)>, (i, s)| {
            match acc.last_mut() {
                Some(last) if last.1 == i => last.1 = i + s.len(),
                _ => acc.push((i, i + s.len())),
            }
            acc
        })
        .into_iter()
        .map(|(s, e)| (s, &text[s..e]))
        .collect();
    let mut best = None;
    for k in (0..tokens.len()).rev() {
        let phrase = &text[tokens[k].0..];
        match parse_number_words(phrase) {
            Some(n) => best = Some((n, phrase.len())),
            // "hundred sixty-nine" alone is no number, "three hundred sixty-nine" is.
            None if matches!(tokens[k].1.to_lowercase().as_str(), "hundred" | "thousand") => {}
            None if best.is_some() => break,
            None => return None,
        }
    }
    best
}

/// English number words below twenty, indexed by their value.
pub(crate) const UNIT_WORDS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// The tens from twenty: `TENS_WORDS[0]` is "twenty".
pub(crate) const TENS_WORDS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
/// Month names, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Parses an English cardinal or ordinal written in words ("three hundred sixty-nine",
/// "eightyfive", "twenty first"); `None` when any word is not a number word.
pub fn parse_number_words(text: &str) -> Option<u32> {
    const ORDINALS: [(&str, u32); 12] = [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fifth", 5),
        ("eighth", 8),
        ("ninth", 9),
        ("twelfth", 12),
        ("twentieth", 20),
        ("thirtieth", 30),
        ("fortieth", 40),
        ("fiftieth", 50),
        ("sixtieth", 60),
    ];
    let mut total = 0u32;
    let mut current = 0u32;
    let mut any = false;
    for raw in text
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        let word = raw.trim_matches(|c: char| !c.is_alphabetic());
        if word == "and" && any {
            continue;
        }
        let value = |w: &str| -> Option<u32> {
            if let Some(i) = UNIT_WORDS.iter().position(|u| *u == w) {
                return Some(i as u32);
            }
            if let Some(i) = TENS_WORDS.iter().position(|t| *t == w) {
                return Some(20 + 10 * i as u32);
            }
            if let Some((_, v)) = ORDINALS.iter().find(|(o, _)| *o == w) {
                return Some(*v);
            }
            let stem = w.strip_suffix("th")?;
            let stem = stem
                .strip_suffix("ie")
                .map_or(stem.to_string(), |s| format!("{s}y"));
            UNIT_WORDS
                .iter()
                .position(|u| *u == stem)
                .map(|i| i as u32)
                .or_else(|| {
                    TENS_WORDS
                        .iter()
                        .position(|t| *t == stem)
                        .map(|i| 20 + 10 * i as u32)
                })
        };
        match word {
            "hundred" if any => current = current.max(1) * 100,
            "thousand" if any => {
                total += current.max(1) * 1000;
                current = 0;
            }
            w => {
                let v = value(w).or_else(|| {
                    // Joined compounds from OCR or typing: "eightyfive".
                    let t = TENS_WORDS.iter().position(|t| w.starts_with(t))?;
                    let rest = &w[TENS_WORDS[t].len()..];
                    let u = UNIT_WORDS[1..10].iter().position(|u| *u == rest)? as u32 + 1;
                    Some(20 + 10 * t as u32 + u)
                })?;
                current += v;
            }
        }
        any = true;
    }
    any.then_some(total + current)
}

/// The fifty states and the District of Columbia with their postal codes.
pub const US_STATES: [(&str, &str); 51] = [
    ("Alabama", "AL"),
    ("Alaska", "AK"),
    ("Arizona", "AZ"),
    ("Arkansas", "AR"),
    ("California", "CA"),
    ("Colorado", "CO"),
    ("Connecticut", "CT"),
    ("Delaware", "DE"),
    ("District of Columbia", "DC"),
    ("Florida", "FL"),
    ("Georgia", "GA"),
    ("Hawaii", "HI"),
    ("Idaho", "ID"),
    ("Illinois", "IL"),
    ("Indiana", "IN"),
    ("Iowa", "IA"),
    ("Kansas", "KS"),
    ("Kentucky", "KY"),
    ("Louisiana", "LA"),
    ("Maine", "ME"),
    ("Maryland", "MD"),
    ("Massachusetts", "MA"),
    ("Michigan", "MI"),
    ("Minnesota", "MN"),
    ("Mississippi", "MS"),
    ("Missouri", "MO"),
    ("Montana", "MT"),
    ("Nebraska", "NE"),
    ("Nevada", "NV"),
    ("New Hampshire", "NH"),
    ("New Jersey", "NJ"),
    ("New Mexico", "NM"),
    ("New York", "NY"),
    ("North Carolina", "NC"),
    ("North Dakota", "ND"),
    ("Ohio", "OH"),
    ("Oklahoma", "OK"),
    ("Oregon", "OR"),
    ("Pennsylvania", "PA"),
    ("Rhode Island", "RI"),
    ("South Carolina", "SC"),
    ("South Dakota", "SD"),
    ("Tennessee", "TN"),
    ("Texas", "TX"),
    ("Utah", "UT"),
    ("Vermont", "VT"),
    ("Virginia", "VA"),
    ("Washington", "WA"),
    ("West Virginia", "WV"),
    ("Wisconsin", "WI"),
    ("Wyoming", "WY"),
];

static STATE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = US_STATES.iter().map(|(n, _)| *n).collect();
    // Longest first so "West Virginia" wins over "Virginia".
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    Regex::new(&format!(
        r"(?i)\b({})\b",
        names.join("|").replace(' ', r"\s+")
    ))
    .expect("valid regex")
});

static STATE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    let codes: Vec<&str> = US_STATES.iter().map(|(_, c)| *c).collect();
    Regex::new(&format!(r"\b({})\b", codes.join("|"))).expect("valid regex")
});

/// Every US state named in full in `text`, as its canonical name.
pub fn states(text: &str) -> Vec<Found<&'static str>> {
    STATE_NAME
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1)?;
            let written = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
            let name = US_STATES
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(&written))?
                .0;
            Some(Found {
                value: name,
                span: m.range(),
            })
        })
        .collect()
}

/// The state a two-letter postal code stands for, for addresses ("Woodbury CT").
pub fn state_from_code(code: &str) -> Option<&'static str> {
    US_STATES.iter().find(|(_, c)| *c == code).map(|(n, _)| *n)
}

/// Postal codes in `text` with their state names.
pub fn state_codes(text: &str) -> Vec<Found<&'static str>> {
    STATE_CODE
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1)?;
            Some(Found {
                value: state_from_code(m.as_str())?,
                span: m.range(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_written_forms() {
        let text = "made the 1st day of June, 2020 and began December 9, 2019; ends 31 Dec. 2022, \
                    signed 6/15/2020 and filed 2021-02-03; Jan. 5th 2021";
        let got: Vec<NaiveDate> = dates(text).into_iter().map(|f| f.value).collect();
        assert_eq!(
            got,
            vec![
                d(2020, 6, 1),
                d(2019, 12, 9),
                d(2022, 12, 31),
                d(2020, 6, 15),
                d(2021, 2, 3),
                d(2021, 1, 5)
            ]
        );
        assert!(dates("February 30, 2020").is_empty());
        let ocr = "DATE\nNOVEMBER 8, 2019LEASE SUMMARY; signed June l5. 2O20 and 1 July 2021.";
        let got: Vec<(NaiveDate, &str)> = dates(ocr)
            .into_iter()
            .map(|f| (f.value, &ocr[f.span]))
            .collect();
        assert_eq!(
            got,
            vec![
                (d(2019, 11, 8), "NOVEMBER 8, 2019"),
                (d(2020, 6, 15), "June l5. 2O20"),
                (d(2021, 7, 1), "1 July 2021")
            ]
        );
        assert!(dates("10lbs on May 5, 20190").is_empty());
    }

    #[test]
    fn money_keeps_written_precision() {
        let got: Vec<String> = money("rent of $8,000.00 and a deposit of $ 9,336.50, fee $500")
            .into_iter()
            .map(|f| f.value.to_string())
            .collect();
        assert_eq!(got, vec!["8000.00", "9336.50", "500"]);
        assert_eq!(money("$1.5 million")[0].value.to_string(), "1500000.0");
    }

    #[test]
    fn areas_and_percents() {
        let a: Vec<String> = areas("approximately 2,394 square feet; 16,541 RSF; 1200 sq. ft.")
            .into_iter()
            .map(|f| f.value.to_string())
            .collect();
        assert_eq!(a, vec!["2394", "16541", "1200"]);
        let p: Vec<String> = percents("share is 2.426% and 3 percent")
            .into_iter()
            .map(|f| f.value.to_string())
            .collect();
        assert_eq!(p, vec!["2.426", "3"]);
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(parse_number_words("three hundred sixty-nine"), Some(369));
        let d = durations("a term of ten (10) years and six (6) months");
        assert_eq!((d.len(), d[0].value.months()), (1, Some(126)));
        assert_eq!(parse_number_words("eightyfive"), Some(85));
        assert_eq!(parse_number_words("one hundred eighty ninth"), Some(189));
        assert_eq!(parse_number_words("twenty-one"), Some(21));
        assert_eq!(parse_number_words("premises"), None);
    }

    #[test]
    fn durations_in_words_and_digits() {
        let got: Vec<(u32, Option<u32>)> = durations(
            "a term of thirty-six (36) months, renewals of five (5) years each, One year(s), \
             the initial three hundred sixty-nine (369) month Term, 60 days",
        )
        .into_iter()
        .map(|f| (f.value.count, f.value.months()))
        .collect();
        assert_eq!(
            got,
            vec![
                (36, Some(36)),
                (5, Some(60)),
                (1, Some(12)),
                (369, Some(369)),
                (60, None)
            ]
        );
    }

    #[test]
    fn states_by_name_and_code() {
        let s: Vec<&str> = states("the laws of the Commonwealth of Kentucky and West Virginia")
            .into_iter()
            .map(|f| f.value)
            .collect();
        assert_eq!(s, vec!["Kentucky", "West Virginia"]);
        assert_eq!(state_codes("Woodbury CT 06798")[0].value, "Connecticut");
    }
}

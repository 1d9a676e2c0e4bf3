//! Finds where a normalized value is written in a text: names and places with any spacing and
//! punctuation between their words, dates in the usual English forms, durations with or
//! without a number word.

use regex::Regex;

use crate::fields::patterns::{MONTH_NAMES, UNIT_WORDS};

/// The number words a duration is written with ("twelve (12) months").
const NUMBER_WORDS: &[&str] = UNIT_WORDS.split_at(13).0;

/// Byte ranges of every match of `pattern` (case-insensitive) in `text`.
fn find_all(pattern: &str, text: &str) -> Vec<(usize, usize)> {
    match Regex::new(&format!("(?i){pattern}")) {
        Ok(re) => re.find_iter(text).map(|m| (m.start(), m.end())).collect(),
        Err(_) => vec![],
    }
}

/// A phrase (words separated by spaces or `_`), matched with any run of spaces, commas or
/// line breaks between its words.
pub fn phrase(value: &str, text: &str) -> Vec<(usize, usize)> {
    let words: Vec<String> = value
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| regex::escape(w.trim_end_matches(',')))
        .collect();
    if words.is_empty() {
        return vec![];
    }
    find_all(&format!(r"\b{}", words.join(r"[\s,]+")), text)
}

/// An ISO date (`YYYY-MM-DD`) written as "January 5, 2020", "5th day of January, 2020",
/// "5 January 2020" or "1/5/2020".
pub fn date(iso: &str, text: &str) -> Vec<(usize, usize)> {
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    let [year, month, day] = parts[..] else {
        return vec![];
    };
    let Some(name) = MONTH_NAMES.get(month.wrapping_sub(1) as usize) else {
        return vec![];
    };
    let abbrev = &name[..3];
    let month_re = format!(r"(?:{name}|{abbrev}\.?)");
    let day_re = format!(r"0?{day}(?:st|nd|rd|th)?");
    let yy = year % 100;
    let patterns = [
        format!(r"{month_re}\s+{day_re},?\s+{year}"),
        format!(r"{day_re}\s+day\s+of\s+{month_re},?\s+{year}"),
        format!(r"{day_re}\s+{month_re},?\s+{year}"),
        format!(r"\b0?{month}/0?{day}/(?:{year}|{yy:02})\b"),
    ];
    let mut found: Vec<(usize, usize)> = patterns.iter().flat_map(|p| find_all(p, text)).collect();
    found.sort();
    found.dedup();
    found
}

/// A duration such as `2_years` written as "2 years", "two years" or "two (2) years".
pub fn duration(value: &str, text: &str) -> Vec<(usize, usize)> {
    let Some((n, unit)) = value.split_once(['_', ' ']) else {
        return vec![];
    };
    let Ok(n) = n.parse::<usize>() else {
        return vec![];
    };
    let unit = unit.trim_end_matches('s');
    let number = match NUMBER_WORDS.get(n) {
        Some(word) => format!(r"(?:{word}\s*\(\s*{n}\s*\)|{word}|{n})"),
        None => n.to_string(),
    };
    find_all(&format!(r"\b{number}[\s-]+{unit}s?\b"), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(found: &[(usize, usize)], text: &'a str) -> Vec<&'a str> {
        found.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn phrases_dates_and_durations() {
        let t = "NIKE, Inc. and Acme\nCorp agree on the 5th day of March, 2019 for two (2) years.";
        assert_eq!(texts(&phrase("Nike_Inc.", t), t), ["NIKE, Inc."]);
        assert_eq!(texts(&phrase("Acme Corp", t), t), ["Acme\nCorp"]);
        assert_eq!(texts(&date("2019-03-05", t), t), ["5th day of March, 2019"]);
        assert_eq!(texts(&duration("2_years", t), t), ["two (2) years"]);
        assert!(date("2019-03-06", t).is_empty());
        assert!(date("not-a-date", t).is_empty());
        let u = "effective as of Jan. 12, 2021 or 1/12/21";
        assert_eq!(
            texts(&date("2021-01-12", u), u),
            ["Jan. 12, 2021", "1/12/21"]
        );
    }
}

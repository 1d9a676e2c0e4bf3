//! Dates a lease states as formulas ("the date that is ninety (90) days after the Commencement
//! Date", "the last day of the sixtieth (60th) full calendar month after the Commencement Date")
//! and their resolution, which the field rules allow only when every input is a calendar date
//! the document states.

use crate::fields::patterns;
use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How a formula moves from its anchor date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// "N days after X".
    DaysAfter(u32),
    /// "N months after X" (calendar months, same day of the month).
    MonthsAfter(u32),
    /// "the day before the Nth anniversary of X": a term of N years from X.
    DayBeforeAnniversary(u32),
    /// "the last day of the Nth full calendar month after X".
    LastDayOfFullMonth(u32),
    /// "the first day of the Nth full calendar month after X".
    FirstDayOfFullMonth(u32),
    /// "on the Effective Date": the anchor's own date.
    Same,
}

/// A formula date as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formula {
    pub rule: Rule,
    /// The anchor's defined name, lower-cased ("commencement date"); "the Term" reads as the
    /// commencement date.
    pub anchor: String,
    /// Byte range of the formula in the searched text.
    pub span: Range<usize>,
}

const ANCHOR: &str =
    r"(?:the\s+)?((?:[A-Z][a-z]+\s+){0,3}Date|Term|date\s+of\s+this\s+Lease|date\s+hereof)";

static FULL_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:the\s+(last|first)\s+day\s+of\s+the\s+)([^\n]{{1,40}}?)\s+(?i:full\s+calendar\s+month)\s+(?i:after|following|of)\s+{ANCHOR}"
    ))
    .expect("valid regex")
});

static OFFSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:(?:the\s+date\s+(?:that\s+is|which\s+is|occurring)\s+)?)([^\n]{{1,40}}?)\s*(?i:(days?|months?|years?)\s+(?:after|following|from)\s+){ANCHOR}"
    ))
    .expect("valid regex")
});

static ANNIVERSARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:the\s+day\s+(?:immediately\s+)?(?:before|preceding)\s+the\s+)([^\n]{{1,30}}?)\s+(?i:anniversary\s+of\s+){ANCHOR}"
    ))
    .expect("valid regex")
});

static SAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?i:on)\s+{ANCHOR}")).expect("valid regex"));

/// Every formula date in `text`, in order of position.
pub fn find(text: &str) -> Vec<Formula> {
    let mut out: Vec<Formula> = Vec::new();
    let mut push = |rule: Option<Rule>, anchor: Option<regex::Match>, whole: regex::Match| {
        let (Some(rule), Some(anchor)) = (rule, anchor) else {
            return;
        };
        if out
            .iter()
            .any(|f| f.span.start < whole.end() && whole.start() < f.span.end)
        {
            return;
        }
        out.push(Formula {
            rule,
            anchor: anchor_name(anchor.as_str()),
            span: whole.range(),
        });
    };
    for c in FULL_MONTH.captures_iter(text) {
        let n = c.get(2).and_then(|m| ordinal(m.as_str()));
        let rule = match c.get(1).map(|m| m.as_str().to_lowercase()) {
            Some(w) if w == "last" => n.map(Rule::LastDayOfFullMonth),
            _ => n.map(Rule::FirstDayOfFullMonth),
        };
        if let Some(whole) = c.get(0) {
            push(rule, c.get(3), whole);
        }
    }
    for c in ANNIVERSARY.captures_iter(text) {
        let rule = c
            .get(1)
            .and_then(|m| ordinal(m.as_str()))
            .map(Rule::DayBeforeAnniversary);
        if let Some(whole) = c.get(0) {
            push(rule, c.get(2), whole);
        }
    }
    for c in OFFSET.captures_iter(text) {
        let count = c.get(1).and_then(|m| trailing_count(m.as_str()));
        let rule = match (count, c.get(2).map(|m| m.as_str().to_lowercase())) {
            (Some((n, _)), Some(u)) if u.starts_with("day") => Some(Rule::DaysAfter(n)),
            (Some((n, _)), Some(u)) if u.starts_with("month") => Some(Rule::MonthsAfter(n)),
            (Some((n, _)), Some(_)) => n.checked_mul(12).map(Rule::MonthsAfter),
            _ => None,
        };
        let (Some(whole), Some(count_text)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // The formula starts at its number, not at the words the lazy prefix took.
        let start = count.map_or(whole.start(), |(_, at)| count_text.start() + at);
        let start = text[whole.start()..start]
            .rfind("the date")
            .map_or(start, |i| whole.start() + i);
        let (Some(rule), Some(anchor)) = (rule, c.get(3)) else {
            continue;
        };
        let span = start..whole.end();
        if !out
            .iter()
            .any(|f| f.span.start < span.end && span.start < f.span.end)
        {
            out.push(Formula {
                rule,
                anchor: anchor_name(anchor.as_str()),
                span,
            });
        }
    }
    for c in SAME.captures_iter(text) {
        let Some(anchor) = c.get(1) else { continue };
        // "on the Effective Date": the formula is the date named, after "on".
        let from = c
            .get(0)
            .map_or(anchor.start(), |m| m.start() + 2)
            .min(anchor.start());
        let lead = text[from..anchor.start()].len() - text[from..anchor.start()].trim_start().len();
        let span = from + lead..anchor.end();
        if !out
            .iter()
            .any(|f| f.span.start < span.end && span.start < f.span.end)
        {
            out.push(Formula {
                rule: Rule::Same,
                anchor: anchor_name(anchor.as_str()),
                span,
            });
        }
    }
    out.sort_by_key(|f| f.span.start);
    out
}

fn anchor_name(raw: &str) -> String {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    match name.to_lowercase().as_str() {
        "term" => "commencement date".into(),
        "date of this lease" | "date hereof" => "lease date".into(),
        other => other.to_string(),
    }
}

/// The count that ends `text` ("ninety (90)", "90", "sixtieth (60th)", "60th", "tenth") and
/// where it starts in `text`.
fn trailing_count(text: &str) -> Option<(u32, usize)> {
    static DIGITS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(?(\d{1,4})(?:st|nd|rd|th)?\)?$").expect("valid regex"));
    let trimmed = text.trim_end();
    let words_before = |end: usize| {
        let before = trimmed[..end].trim_end();
        patterns::trailing_number_words(before).map(|(_, len)| before.len() - len)
    };
    if let Some(c) = DIGITS.captures(trimmed) {
        let n: u32 = c.get(1)?.as_str().parse().ok()?;
        let at = c.get(0)?.start();
        // "ninety (90)": the words before the figure belong to the formula.
        return Some((n, words_before(at).unwrap_or(at)));
    }
    let (n, len) = patterns::trailing_number_words(trimmed)?;
    Some((n, trimmed.len() - len))
}

/// "sixtieth (60th)", "60th", "tenth" → the number.
fn ordinal(text: &str) -> Option<u32> {
    trailing_count(text).map(|(n, _)| n)
}

impl Formula {
    /// The date the formula gives from its anchor's date.
    pub fn resolve(&self, anchor: NaiveDate) -> Option<NaiveDate> {
        match self.rule {
            Rule::DaysAfter(n) => anchor.checked_add_days(chrono::Days::new(u64::from(n))),
            Rule::MonthsAfter(n) => anchor.checked_add_months(Months::new(n)),
            Rule::DayBeforeAnniversary(n) => anchor
                .checked_add_months(Months::new(n.checked_mul(12)?))?
                .pred_opt(),
            Rule::LastDayOfFullMonth(n) => first_full_month(anchor)
                .checked_add_months(Months::new(n))?
                .pred_opt(),
            Rule::Same => Some(anchor),
            Rule::FirstDayOfFullMonth(n) => {
                first_full_month(anchor).checked_add_months(Months::new(n.checked_sub(1)?))
            }
        }
    }

    /// The date from the anchors the document states: `stated` gives a defined date's calendar
    /// value by its lower-cased name, and `None` (no value) leaves the formula unresolved.
    pub fn resolve_with(&self, stated: impl Fn(&str) -> Option<NaiveDate>) -> Option<NaiveDate> {
        self.resolve(stated(&self.anchor)?)
    }
}

/// The first full calendar month on or after `d`: its own month when `d` is the first, else
/// the next. Leases that count "full calendar months" add a partial first month this way.
fn first_full_month(d: NaiveDate) -> NaiveDate {
    let first = d.with_day(1).unwrap_or(d);
    if d.day() == 1 {
        first
    } else {
        first.checked_add_months(Months::new(1)).unwrap_or(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn one(text: &str) -> Formula {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].clone()
    }

    #[test]
    fn reads_each_form() {
        let cases = [
            (
                "Rent shall commence on the date that is ninety (90) days after the Commencement Date.",
                Rule::DaysAfter(90),
                "commencement date",
                "the date that is ninety (90) days after the Commencement Date",
            ),
            (
                "The Term ends on the last day of the sixtieth (60th) full calendar month after the Commencement Date.",
                Rule::LastDayOfFullMonth(60),
                "commencement date",
                "the last day of the sixtieth (60th) full calendar month after the Commencement Date",
            ),
            (
                "effective as of the last day of the 45th full calendar month of the Term, by notice",
                Rule::LastDayOfFullMonth(45),
                "commencement date",
                "the last day of the 45th full calendar month of the Term",
            ),
            (
                "expiring on the day immediately preceding the tenth anniversary of the Rent Commencement Date",
                Rule::DayBeforeAnniversary(10),
                "rent commencement date",
                "the day immediately preceding the tenth anniversary of the Rent Commencement Date",
            ),
            (
                "payable beginning six (6) months following the Delivery Date, and",
                Rule::MonthsAfter(6),
                "delivery date",
                "six (6) months following the Delivery Date",
            ),
            (
                "due 30 days after the date of this Lease",
                Rule::DaysAfter(30),
                "lease date",
                "30 days after the date of this Lease",
            ),
        ];
        for (text, rule, anchor, quote) in cases {
            let f = one(text);
            assert_eq!((f.rule, f.anchor.as_str()), (rule, anchor), "{text}");
            assert_eq!(&text[f.span], quote);
        }
        assert!(find("within thirty days after demand by Landlord").is_empty());
        let text = "The Term shall commence on the Effective Date.";
        let f = one(text);
        assert_eq!((f.rule, f.anchor.as_str()), (Rule::Same, "effective date"));
        assert_eq!(&text[f.span], "the Effective Date");
    }

    #[test]
    fn resolves_only_from_stated_anchors() {
        let f = one("the last day of the 60th full calendar month after the Commencement Date");
        assert_eq!(f.resolve(d(2020, 1, 1)), Some(d(2024, 12, 31)));
        assert_eq!(
            f.resolve(d(2020, 1, 15)),
            Some(d(2025, 1, 31)),
            "a partial first month is added"
        );
        let stated = |name: &str| (name == "lease date").then(|| d(2020, 3, 1));
        assert_eq!(
            f.resolve_with(stated),
            None,
            "the commencement is not stated"
        );
        let g =
            one("the first day of the third full calendar month following the Commencement Date");
        assert_eq!(g.resolve(d(2020, 1, 15)), Some(d(2020, 4, 1)));
        let h = one("the date that is 90 days after the Commencement Date");
        assert_eq!(h.resolve(d(2020, 1, 1)), Some(d(2020, 3, 31)));
        let a = one("the day before the fifth anniversary of the Commencement Date");
        assert_eq!(a.resolve(d(2020, 3, 15)), Some(d(2025, 3, 14)));
    }
}

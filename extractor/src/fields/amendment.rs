//! Amendments bound into (or making up) a lease document: "FIRST AMENDMENT TO LEASE" and the
//! terms it changes. An extension that moves the expiration date supersedes the original term,
//! so the abstract reports the amended expiration and term with evidence on the amendment.

use crate::fields::engine::{floor, has_any};
use crate::fields::patterns;
use chrono::NaiveDate;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One amendment and the term change it states.
#[derive(Debug, Clone, PartialEq)]
pub struct Amendment {
    /// The heading as written ("FIRST AMENDMENT TO LEASE").
    pub title: String,
    /// Byte range of the amendment, from its heading to the next amendment or the end.
    pub range: Range<usize>,
    /// The date the amendment is made as of, when its opening states one.
    pub date: Option<NaiveDate>,
    /// The expiration date as amended and where it is stated.
    pub expiration: Option<(NaiveDate, Range<usize>)>,
    /// The expiration the amendment says it replaces ("changed from X to Y").
    pub replaces: Option<NaiveDate>,
    /// The length of the extension, in months, when stated.
    pub extension_months: Option<u32>,
}

/// A heading line (or the first line of a page) naming an amendment to a lease; a contents
/// line (dot leaders) or an exhibit's blank form is not one.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)(?:^|\x0c)[ \t]*((?:[a-z]+|\d+(?:st|nd|rd|th)?)[ \t]+)?amendment[ \t]+to[ \t]+(?:the[ \t]+)?(?:[a-z]+[ \t]+){0,3}lease\b[^\n]{0,40}$")
        .expect("valid regex")
});

/// The amendments in `text`, in order.
pub fn find(text: &str) -> Vec<Amendment> {
    let heads: Vec<(Range<usize>, String)> = HEADING
        .find_iter(text)
        .filter(|m| !m.as_str().contains("..") && !has_any(m.as_str(), &["form of"]))
        .map(|m| (m.range(), m.as_str().trim().to_string()))
        .collect();
    let mut out = Vec::new();
    for (i, (head, title)) in heads.iter().enumerate() {
        let end = heads.get(i + 1).map_or(text.len(), |(h, _)| h.start);
        if let Some(a) = read(text, head.start..end, title) {
            out.push(a);
        }
    }
    out
}

/// The term change an amendment states, `None` when it changes no expiration.
fn read(text: &str, range: Range<usize>, title: &str) -> Option<Amendment> {
    let body = &text[range.clone()];
    let opening = &body[..floor(body, 600.min(body.len()))];
    let date = patterns::dates(opening)
        .into_iter()
        .find(|d| {
            let before = &opening[floor(opening, d.span.start.saturating_sub(40))..d.span.start];
            has_any(
                before,
                &["as of", "dated", "made", "entered into", "effective"],
            )
        })
        .map(|d| d.value);
    let mut found = None;
    for sentence in sentences(body) {
        let s = &body[sentence.clone()];
        if !has_any(s, &["expir", "term"])
            || !has_any(s, &["extend", "amend", "change", "renew", "modif"])
        {
            continue;
        }
        let dates = patterns::dates(s);
        // The new date is stated last: "changed from X to Y", "currently scheduled to expire
        // on X, is hereby extended through Y".
        let Some(last) = dates.last() else { continue };
        let replaces = (dates.len() > 1).then(|| dates[0].value);
        let at = range.start + sentence.start;
        let months = patterns::durations(s)
            .into_iter()
            .filter_map(|d| d.value.months())
            .next();
        found = Some(Amendment {
            title: title.to_string(),
            range: range.clone(),
            date,
            expiration: Some((last.value, at + last.span.start..at + last.span.end)),
            replaces,
            extension_months: months,
        });
        break;
    }
    found
}

/// Sentence ranges of `text`: a period, or a line break before a numbered paragraph, ends one.
fn sentences(text: &str) -> Vec<Range<usize>> {
    static END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[a-z0-9)\u{201d}]\.\s+|\n\s*\n|\n\s*\d+\.\s").expect("valid regex")
    });
    let mut out = Vec::new();
    let mut start = 0;
    for m in END.find_iter(text) {
        out.push(start..m.start() + 1);
        start = m.end();
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Whole months from `start` to the day after `end` (a term that runs through `end`), when the
/// term is a whole number of months.
pub fn whole_months(start: NaiveDate, end: NaiveDate) -> Option<u32> {
    let after = end.succ_opt()?;
    let months = chrono::Datelike::year(&after) * 12 + chrono::Datelike::month0(&after) as i32
        - (chrono::Datelike::year(&start) * 12 + chrono::Datelike::month0(&start) as i32);
    let months = u32::try_from(months).ok()?;
    (months > 0 && start.checked_add_months(chrono::Months::new(months)) == Some(after))
        .then_some(months)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn reads_an_extension_in_each_wording() {
        let lease =
            "ARTICLE 3. TERM\nThe Term shall expire on June 30, 2025. Tenant may amend nothing.\n";
        for (wording, replaces) in [
            (
                "1. Extension of Term. The Term of the Lease is hereby extended for thirty-six (36) months (the \"Extension Term\"), so that the Expiration Date is amended to be June 30, 2028.",
                None,
            ),
            (
                "1. Term. The Expiration Date of the Lease is hereby changed from June 30, 2025 to June 30, 2028.",
                Some(d(2025, 6, 30)),
            ),
            (
                "1. The Lease Term, currently scheduled to expire on June 30, 2025, is hereby extended through June 30, 2028 (the \"Extended Expiration Date\").",
                Some(d(2025, 6, 30)),
            ),
        ] {
            let text = format!(
                "{lease}\u{c}FIRST AMENDMENT TO LEASE\nThis First Amendment to Lease is made as of March 3, 2025 by and between A and B.\n{wording}\n2. Ratification. The Lease remains in effect.\n"
            );
            let found = find(&text);
            assert_eq!(found.len(), 1, "{wording}");
            let a = &found[0];
            assert_eq!(a.title, "FIRST AMENDMENT TO LEASE");
            assert_eq!(a.date, Some(d(2025, 3, 3)));
            let (date, span) = a.expiration.clone().unwrap();
            assert_eq!(date, d(2028, 6, 30));
            assert_eq!(&text[span], "June 30, 2028");
            assert_eq!(a.replaces, replaces);
        }
    }

    #[test]
    fn contents_lines_forms_and_silent_amendments_are_not_extensions() {
        let text = "Amendment to Lease ........ 12\nEXHIBIT F - FORM OF AMENDMENT TO LEASE\nThe Term shall expire on June 30, 2025.\nSECOND AMENDMENT TO LEASE\nThe Premises are hereby amended to include Suite 200.\n";
        assert!(find(text).is_empty());
    }

    #[test]
    fn whole_months_of_a_term() {
        assert_eq!(whole_months(d(2020, 1, 1), d(2024, 12, 31)), Some(60));
        assert_eq!(whole_months(d(2020, 1, 15), d(2021, 1, 14)), Some(12));
        assert_eq!(whole_months(d(2020, 1, 15), d(2021, 1, 20)), None);
        assert_eq!(whole_months(d(2021, 1, 1), d(2020, 12, 31)), None);
    }
}

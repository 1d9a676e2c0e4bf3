//! The agreement's effective date: the date the opening says it is dated, made or effective as
//! of; a letter's own date; else the date of the witness clause or the signatures.

use crate::fields::candidates::{Candidate, Source};
use crate::fields::engine::{Context, floor, has_any};
use crate::fields::patterns;
use crate::fields::typed;
use regex::Regex;
use std::sync::LazyLock;

/// The date named the effective date outright, just after it: `(the "Effective Date")`.
static NAMED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^\W{0,4}(?:\(\s*)?(?:the\s+|this\s+)?[\u{201c}"]?effective\s+(?:date|time)"#)
        .expect("valid regex")
});

/// "effective as of", "effective on", "Effective Date:" just before the date.
static EFFECTIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:effective|effective\s+date\s*:?|effective\s+date\s+(?:of|is|shall\s+be)|commenc\w+)\s+(?:as\s+of|on|from)?\s*(?:the\s+)?$",
    )
    .expect("valid regex")
});

/// A date given another defined name just after it: `(the "Merger Agreement")`,
/// `("Separation Date")`.
static NAMED_OTHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\W{0,4}\(\s*(?:the\s+|this\s+)?[\u{201c}"]([^\u{201d}"]{2,40})[\u{201d}"]"#)
        .expect("valid regex")
});

/// "dated as of", "made as of", "entered into on", "made this" just before the date.
static DATED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:dated|made|entered\s+into|executed|signed|is\s+made\s+and\s+entered\s+into|date\s*:?)\s*(?:and\s+\w+\s+)?(?:effective\s+)?(?:as\s+of|on|this)?\s*(?:the\s+)?$|\bas\s+of\s+(?:the\s+)?$")
        .expect("valid regex")
});

/// Another agreement's date ("the Merger Agreement dated as of"), not this one's.
static OTHER_AGREEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:[A-Z][a-z]+\s+agreement|plan\s+of\s+merger|letter|offer)\s*,?\s*(?:\([^)]{0,40}\)\s*)?(?:dated|entered\s+into|made)\s*(?:as\s+of|on)?\s*(?:the\s+)?$")
        .expect("valid regex")
});

/// The witness clause: "executed this Agreement as of".
static WITNESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:witness|executed|signed)[^.]{0,120}?(?:as\s+of|on)\s+(?:the\s+)?$")
        .expect("valid regex")
});

/// A letter: a salutation early on.
static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*(?:Dear\s|Ladies\s+and\s+Gentlemen|Gentlemen|Sirs|To\s+whom)")
        .expect("valid regex")
});

/// How far into the text the opening runs.
const OPENING: usize = 3000;

/// A letter's own date is the agreement's less often than the date its signer wrote beside
/// the signature (measured on folds 1-4 of the Kleister NDA train split).
const LETTER: f64 = 0.65;
const SIGNATURE: f64 = 0.75;
/// A date defined as an event's that the agreement takes effect on ("effective as of June 1
/// (the "Separation Date")").
const NAMED_EVENT: f64 = 0.7;

/// Effective-date candidates with strengths by how the text introduces each date.
pub fn candidates(ctx: &Context) -> Vec<Candidate> {
    let text = ctx.str();
    let opening_end = floor(text, OPENING.min(text.len()));
    let letter = SALUTATION.is_match(&text[..opening_end]);
    let mut out = Vec::new();
    let mut signed: Vec<(chrono::NaiveDate, std::ops::Range<usize>)> = Vec::new();
    for found in patterns::dates(text) {
        let span = found.span.clone();
        let before = &text[floor(text, span.start.saturating_sub(90))..span.start];
        let after = &text[span.end..floor(text, (span.end + 40).min(text.len()))];
        let in_opening = span.start < opening_end;
        let other = (OTHER_AGREEMENT.is_match(before) && !has_this(before))
            || cites_another_document(before);
        let strength = if NAMED_AFTER.is_match(after) {
            1.0
        } else if other {
            continue;
        } else if let Some(name) = NAMED_OTHER.captures(after).and_then(|c| c.get(1)) {
            // A date defined as another event's ("the Separation Date") is the agreement's only
            // when it is said to take effect then, and never when it names a document.
            let document = has_any(name.as_str(), &["agreement", "plan", "letter"]);
            if document || !(in_opening && EFFECTIVE_BEFORE.is_match(before)) {
                continue;
            }
            NAMED_EVENT
        } else if in_opening && EFFECTIVE_BEFORE.is_match(before) {
            0.95
        } else if in_opening && DATED_BEFORE.is_match(before) {
            0.9
        } else if in_opening && letter && alone_on_line(text, &span) {
            LETTER
        } else if WITNESS.is_match(before) {
            0.75
        } else if !in_opening && DATED_BEFORE.is_match(before) {
            signed.push((found.value, span));
            continue;
        } else {
            continue;
        };
        out.push(ctx.candidate(
            typed::date_value(found.value),
            span,
            Source::Clause,
            strength,
        ));
    }
    // Of the signature dates, the last signature makes the agreement.
    if let Some((date, span)) = signed.into_iter().max_by_key(|(d, _)| *d) {
        out.push(ctx.candidate(typed::date_value(date), span, Source::Clause, SIGNATURE));
    }
    out
}

/// The clause before the date cites another document: "the Agreement and Plan of Merger dated
/// as of", "its prior agreement with you dated" (not this agreement or its defined name).
fn cites_another_document(before: &str) -> bool {
    static DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:agreement|merger|plan|letter)\b[^.;\u{201d}\u{201c}\x22()]{0,70}$")
            .expect("valid regex")
    });
    static DETERMINED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:the|that|certain|prior|its|such|our|your|their)\s+(?:[\w,&-]+\s+){0,5}$",
        )
        .expect("valid regex")
    });
    let Some(m) = DOCUMENT.find(before) else {
        return false;
    };
    let lead = &before[..m.start()];
    let lead = &lead[floor(lead, lead.len().saturating_sub(50))..];
    DETERMINED.is_match(lead) && !has_this(lead)
}

fn has_this(before: &str) -> bool {
    let lower = before.to_lowercase();
    lower.contains("this agreement") || lower.contains("this letter")
}

/// Whether the date fills its line (a letter's date line).
fn alone_on_line(text: &str, span: &std::ops::Range<usize>) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    text[line_start..span.start].trim().is_empty()
        && text[span.end..line_end]
            .trim()
            .trim_end_matches(['.', ','])
            .is_empty()
}

//! Label/value pairs of summary pages ("(f) Commencement Date — December 9, 2019",
//! "LANDLORD:" over a name, "ACME LLC, TENANT"), read from the flat text and merged with the
//! key-values the layout found, each with the byte range of its value for evidence.

use crate::fields::text::DocText;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The label, lower-cased, whitespace collapsed.
    pub key: String,
    /// Byte range of the value in the document text.
    pub value: Range<usize>,
}

static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:\(?[a-zA-Z0-9]{1,3}[.)][ \t]*)?([A-Za-z][A-Za-z '’/&]{2,48}?)[ \t]*(?::|[ \t]*[-—–~]+[ \t]*)[ \t]*(\S[^\n]*)$")
        .expect("valid regex")
});

static ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:\(?[a-zA-Z0-9]{1,3}[.)][ \t]*)?([A-Za-z][A-Za-z '’/&]{2,30}):[ \t]*\n(?:[ \t]*\n)*[ \t]*(\S[^\n]*)$")
        .expect("valid regex")
});

static TRAILING_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[ \t]*(\S[^\n]{1,100}?),[ \t]*(LANDLORD|TENANT|LESSOR|LESSEE|GUARANTOR)[ \t]*$",
    )
    .expect("valid regex")
});

/// Every label/value pair in the document.
pub fn labels(text: &DocText) -> Vec<Label> {
    let s = text.as_str();
    let mut out = Vec::new();
    for c in INLINE.captures_iter(s) {
        if let (Some(k), Some(v)) = (c.get(1), c.get(2)) {
            // A sentence is not a label: labels are short and mostly capitalized words.
            let words = k.as_str().split_whitespace().count();
            if words <= 6 {
                out.push(label(k.as_str(), v.range()));
            }
        }
    }
    for c in ALONE.captures_iter(s) {
        if let (Some(k), Some(v)) = (c.get(1), c.get(2)) {
            let start = c.get(0).map_or(k.start(), |m| m.start());
            // A label over another label, or under one, is part of a stack (`stacked`).
            if ALONE_KEY.is_match(v.as_str())
                || line_above(s, start).is_some_and(|l| ALONE_KEY.is_match(l))
            {
                continue;
            }
            out.push(label(k.as_str(), v.range()));
            if let Some(head) = value_above(s, c.get(0).map_or(k.start(), |m| m.start())) {
                out.push(label(k.as_str(), head));
            }
        }
    }
    out.extend(stacked(s));
    for c in TRAILING_ROLE.captures_iter(s) {
        if let (Some(v), Some(k)) = (c.get(1), c.get(2)) {
            out.push(label(k.as_str(), v.range()));
        }
    }
    for kv in &text.document().key_values {
        if let Some(range) = text.find(&kv.value) {
            out.push(label(&kv.key, range));
        }
    }
    out.sort_by_key(|l| l.value.start);
    out.dedup();
    out
}

/// The first line of a value printed above its label: a table cell whose value wraps onto
/// several lines is drawn with the label centred beside it, so the flat text reads "value,
/// first line" / "Label:" / "rest of the value". The line above counts when it is cut off
/// mid-phrase, is not itself a label or a heading in capitals, and is not the value of a
/// label stacked above it ("Landlord:" / "Acme LLC" / "Tenant:").
fn value_above(s: &str, label_start: usize) -> Option<Range<usize>> {
    let before = s[..label_start].strip_suffix('\n')?;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before[start..].trim_end();
    let heading = !line.chars().any(|c| c.is_lowercase() || c.is_ascii_digit());
    let ended = line.ends_with(['.', ':', ';']);
    if line.trim().is_empty() || line.contains(':') || heading || ended {
        return None;
    }
    let above = before[..start].trim_end();
    let above = &above[above.rfind('\n').map_or(0, |i| i + 1)..];
    if ALONE_KEY.is_match(above) {
        return None;
    }
    let lead = line.len() - line.trim_start().len();
    Some(start + lead..start + line.len())
}

/// The line before the one starting at `line_start`, if any.
fn line_above(s: &str, line_start: usize) -> Option<&str> {
    let before = s[..line_start].strip_suffix('\n')?;
    Some(&before[before.rfind('\n').map_or(0, |i| i + 1)..])
}

/// Labels stacked over their values ("Monthly Rent:" / "Deposit:" / "$9,000 per month" /
/// "$18,000"): a layout read the label column of a summary table before its value column, so
/// the n-th value line belongs to the n-th label.
fn stacked(s: &str) -> Vec<Label> {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in s.split_inclusive('\n') {
        let text = line.trim_end();
        if !text.trim().is_empty() {
            lines.push((at, text));
        }
        at += line.len();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let run = lines[i..]
            .iter()
            .take_while(|(_, l)| ALONE_KEY.is_match(l))
            .count();
        let values = &lines[i + run..];
        if run >= 2 && values.len() >= run && !values[..run].iter().any(|(_, l)| l.contains(':')) {
            for ((_, key_line), (value_at, value_line)) in lines[i..i + run].iter().zip(values) {
                let key = NUMBERED_KEY
                    .captures(key_line)
                    .and_then(|c| c.get(1))
                    .map_or(*key_line, |m| m.as_str());
                let lead = value_line.len() - value_line.trim_start().len();
                out.push(label(key, value_at + lead..value_at + value_line.len()));
            }
        }
        i += run.max(1);
    }
    out
}

static NUMBERED_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:\(?[a-zA-Z0-9]{1,3}[.)][ \t]*)?([A-Za-z][A-Za-z '’/&]{2,30}):")
        .expect("valid regex")
});

static ALONE_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:\(?[a-zA-Z0-9]{1,3}[.)][ \t]*)?[A-Za-z][A-Za-z '’/&]{2,30}:[ \t]*$")
        .expect("valid regex")
});

fn label(key: &str, value: Range<usize>) -> Label {
    Label {
        key: key
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
        value,
    }
}

/// The first labels whose key is one of `keys` (compared lower-case, apostrophes ignored).
pub fn with_key<'l>(labels: &'l [Label], keys: &[&str]) -> Vec<&'l Label> {
    let norm = |s: &str| s.replace(['’', '\''], "");
    labels
        .iter()
        .filter(|l| {
            let k = norm(&l.key);
            // "(b) tenant's proportionate share" matches "proportionate share"; a one-word key
            // must match whole so "date" does not take "commencement date".
            keys.iter().any(|want| {
                let want = norm(want);
                k == want || (want.contains(' ') && k.ends_with(&format!(" {want}")))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::text::document_from_text;

    #[test]
    fn reads_three_label_layouts() {
        let doc = document_from_text(
            "t",
            "LANDLORD:\n\nACME REALTY L.P.\n(f) Commencement Date — December 9, 2019\nSecurity Deposit: $5,000\nBLUE FISH LLC, TENANT\n4. Address of Premises:\n12 Main Street, Troy, NY\n",
        );
        let t = DocText::new(&doc);
        let ls = labels(&t);
        let get = |k: &str| {
            with_key(&ls, &[k])
                .first()
                .map(|l| t.as_str()[l.value.clone()].to_string())
        };
        assert_eq!(get("landlord").as_deref(), Some("ACME REALTY L.P."));
        assert_eq!(
            get("commencement date").as_deref(),
            Some("December 9, 2019")
        );
        assert_eq!(get("security deposit").as_deref(), Some("$5,000"));
        assert_eq!(get("tenant").as_deref(), Some("BLUE FISH LLC"));
        assert_eq!(
            get("address of premises").as_deref(),
            Some("12 Main Street, Troy, NY"),
            "a numbered label over its value"
        );
    }

    /// The texts of the values read for label `key`.
    fn label_values(doc: &crate::model::Document, key: &str) -> Vec<String> {
        let t = DocText::new(doc);
        with_key(&labels(&t), &[key])
            .iter()
            .map(|l| t.as_str()[l.value.clone()].to_string())
            .collect()
    }

    #[test]
    fn stacked_labels_take_their_values_in_order() {
        let doc = document_from_text(
            "t",
            "Expiration Date: May 31, 2029\n11. Monthly Base Rent:\n12. Security Deposit:\n$9,000.00 per month\n$18,000.00\nUse: offices\n",
        );
        let values = |k: &str| label_values(&doc, k);
        assert_eq!(
            values("monthly base rent"),
            vec!["$9,000.00 per month".to_string()]
        );
        assert_eq!(values("security deposit"), vec!["$18,000.00".to_string()]);
    }

    #[test]
    fn a_value_wrapped_around_its_centred_label_keeps_its_first_line() {
        let doc = document_from_text(
            "t",
            "Expiration Date: May 31, 2029\nNine Thousand and 25/100 Dollars ($9,000.25) per month for the\nMonthly Base Rent:\nfirst Lease Year\nLandlord:\nHarbor Lane Owner, LLC\nTenant:\nQuill Studio, Inc.\n",
        );
        let values = |k: &str| label_values(&doc, k);
        assert!(
            values("monthly base rent")
                .iter()
                .any(|v| v.contains("($9,000.25) per month")),
            "{:?}",
            values("monthly base rent")
        );
        assert_eq!(values("tenant"), vec!["Quill Studio, Inc.".to_string()]);
    }
}

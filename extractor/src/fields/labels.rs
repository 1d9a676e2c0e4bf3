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
    Regex::new(r"(?m)^[ \t]*([A-Za-z][A-Za-z '’/&]{2,30}):[ \t]*\n(?:[ \t]*\n)*[ \t]*(\S[^\n]*)$")
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
            out.push(label(k.as_str(), v.range()));
        }
    }
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
            "LANDLORD:\n\nACME REALTY L.P.\n(f) Commencement Date — December 9, 2019\nSecurity Deposit: $5,000\nBLUE FISH LLC, TENANT\n",
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
    }
}

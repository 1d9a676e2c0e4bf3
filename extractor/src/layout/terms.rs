//! Defined terms: `(the "Premises")`, `"Commencement Date" means ...`, `hereinafter called
//! "Tenant"`, with straight or curly quotes, and the definition text around them.

use super::text_index::{BlockText, TextIndex};
use crate::model::{DefinedTerm, Document};
use regex::Regex;
use std::sync::LazyLock;

const TERM: &str = r#"["“]([A-Z][^"”]{0,60}?)[,.]?["”]"#;

static PARENTHESIZED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"\(\s*(?:(?:hereinafter|herein)\s+(?:referred\s+to\s+as\s+|called\s+)?)?(?:(?:the|a|an|each|this|such|said)\s+)?{TERM}[^)]{{0,40}}\)"#
    ))
    .expect("static regex")
});
static MEANS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"{TERM}\s+(?:shall\s+)?(?:means?|refers?\s+to|shall\s+have\s+the\s+meaning|is\s+defined\s+as)\b\s*([^;]{{3,400}}?)(?:[;]|\.\s|\.$|$)"#
    ))
    .expect("static regex")
});
static HEREINAFTER: LazyLock<Regex> = LazyLock::new(|| {
    // Here the term may be lower case: `referred to as "lessor,"`.
    Regex::new(
        r#"(?:(?:hereinafter|herein)\s+)?(?:referred\s+to\s+as|called|known\s+as)\s+(?:the\s+)?["“]([A-Za-z][^"”]{0,60}?)[,.]?["”]"#,
    )
    .expect("static regex")
});

/// Every defined term of the document, first definition first.
pub fn find_defined_terms(doc: &Document, _index: &TextIndex) -> Vec<DefinedTerm> {
    let mut terms: Vec<DefinedTerm> = Vec::new();
    for page in &doc.pages {
        for block in &page.blocks {
            let text = BlockText::new(page, block.lines.clone());
            let mut found: Vec<(usize, String, String, std::ops::Range<usize>)> = Vec::new();
            for c in MEANS.captures_iter(&text.text) {
                let whole = c.get(0).map_or(0..0, |m| m.range());
                found.push((whole.start, c[1].to_string(), c[2].trim().to_string(), whole));
            }
            for re in [&*PARENTHESIZED, &*HEREINAFTER] {
                for c in re.captures_iter(&text.text) {
                    let whole = c.get(0).map_or(0..0, |m| m.range());
                    let start = sentence_start(&text.text, whole.start);
                    let definition = text.text[start..whole.start].trim().to_string();
                    found.push((whole.start, c[1].to_string(), definition, start..whole.end));
                }
            }
            found.sort_by_key(|f| f.0);
            for (_, term, definition, range) in found {
                let term = term.trim().to_string();
                if term.split_whitespace().count() > 8 || terms.iter().any(|t| t.term == term) {
                    continue;
                }
                terms.push(DefinedTerm {
                    term,
                    definition,
                    page: page.number,
                    bbox: text.bbox(page, range),
                });
            }
        }
    }
    terms
}

/// Where the sentence holding byte `at` starts: after the last ". " or ";" before it.
fn sentence_start(text: &str, at: usize) -> usize {
    let head = &text[..at];
    [". ", "; ", ": "]
        .iter()
        .filter_map(|sep| head.rfind(sep).map(|i| i + sep.len()))
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_catch_the_usual_definitions() {
        let c = PARENTHESIZED
            .captures(r#"located at 12 Main St. (the "Premises") for"#)
            .unwrap();
        assert_eq!(&c[1], "Premises");
        let c = PARENTHESIZED
            .captures("Acme LLC, a Delaware company (“Tenant”), and")
            .unwrap();
        assert_eq!(&c[1], "Tenant");
        let c = MEANS
            .captures(r#""Commencement Date" means March 1, 2020; and"#)
            .unwrap();
        assert_eq!((&c[1], &c[2]), ("Commencement Date", "March 1, 2020"));
        let c = HEREINAFTER
            .captures(r#"John Doe, hereinafter called "Landlord","#)
            .unwrap();
        assert_eq!(&c[1], "Landlord");
    }
}

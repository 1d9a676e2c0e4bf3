//! Section headings with their numbers ("ARTICLE 4 RENT", "Section 4.2 Base Rent", "4.2 Base
//! Rent.", a run-in "5. Use. Tenant shall ...") and the span of document text each governs.

use super::text_index::TextIndex;
use crate::model::{BlockKind, Document, Section};
use regex::Regex;
use std::sync::LazyLock;

static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:ARTICLE|Article|SECTION|Section|§)\s+([IVXLC]+|\d+(?:\.\d+)*|[A-Z])\b[.:\-–—]?\s*(.*)$")
        .expect("static regex")
});
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.|\s)\s*([A-Z][^.:;]{0,90})(?:[.:]|$)")
        .expect("static regex")
});

/// The number and title of a line that opens a section, if it does.
pub fn heading_number(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    if let Some(c) = ARTICLE.captures(text) {
        let title = c[2].trim().trim_end_matches(['.', ':']).to_string();
        return Some((c[1].to_string(), first_sentence(&title)));
    }
    let c = NUMBERED.captures(text)?;
    let title = c[2].trim().to_string();
    // A title is a few words; "1. The Landlord agrees that the tenant" is a numbered sentence.
    let words = title.split_whitespace().count();
    let titled = title
        .split_whitespace()
        .filter(|w| w.len() > 3)
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    (words <= 8 && (titled || words <= 3)).then(|| (c[1].to_string(), title))
}

fn first_sentence(title: &str) -> String {
    title
        .split(". ")
        .next()
        .unwrap_or(title)
        .trim()
        .to_string()
}

/// Sections in document order: numbered headings wherever they start a line of a block, and
/// unnumbered headings set apart in capitals.
pub fn find_sections(doc: &Document, index: &TextIndex) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for (p, page) in doc.pages.iter().enumerate() {
        for block in &page.blocks {
            if matches!(block.kind, BlockKind::Header | BlockKind::Footer) {
                continue;
            }
            let l = block.lines.start;
            let Some(line) = page.lines.get(l) else {
                continue;
            };
            let found = match heading_number(&line.text) {
                Some((number, title)) => Some((Some(number), title)),
                None if block.kind == BlockKind::Heading => {
                    Some((None, line.text.trim().trim_end_matches(':').to_string()))
                }
                None => None,
            };
            let (Some((number, title)), Some(start)) = (found, index.line_start(p, l)) else {
                continue;
            };
            if title.is_empty() && number.is_none() {
                continue;
            }
            if let Some(prev) = sections.last_mut() {
                prev.text_range.end = start;
            }
            sections.push(Section {
                number,
                title,
                page: page.number,
                bbox: line.bbox,
                text_range: start..index.len,
            });
        }
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings_give_number_and_title() {
        assert_eq!(
            heading_number("ARTICLE 4 RENT"),
            Some(("4".into(), "RENT".into()))
        );
        assert_eq!(
            heading_number("Section 4.2. Base Rent. Tenant shall pay"),
            Some(("4.2".into(), "Base Rent".into()))
        );
        assert_eq!(
            heading_number("5. Use. Tenant shall use the Premises"),
            Some(("5".into(), "Use".into()))
        );
        assert_eq!(
            heading_number("3(c) Premises"),
            None,
            "lettered subsections are not sections here"
        );
        assert_eq!(heading_number("2019 was a good year for the landlord and tenant alike"), None);
        assert_eq!(heading_number("12 months after the Commencement Date the tenant may"), None);
    }
}

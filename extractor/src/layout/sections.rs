//! Section headings with their numbers ("ARTICLE 4 RENT", "Section 4.2 Base Rent", "4.2 Base
//! Rent.", a run-in "5. Use. Tenant shall ...") and the span of document text each governs.

use super::text_index::TextIndex;
use crate::model::{BlockKind, Document, Section};
use regex::Regex;
use std::sync::LazyLock;

/// Section numbers written out ("SECTION TWENTY-ONE").
const SPELLED: &str = "(?i:(?:twenty|thirty|forty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:ARTICLE|Article|SECTION|Section|§)\s+([IVXLC]+|\d+(?:\.\d+)*|[A-Z]|{SPELLED})\b[.:\-–—]?\s*(.*)$"))
        .expect("static regex")
});
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.|\s)\s*([A-Z][^.:]{0,120})(?:[.:]|$)")
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
    let numeric_tail = title.ends_with(|c: char| c.is_ascii_digit());
    (words <= 14 && (titled || words <= 3) && !numeric_tail).then(|| (c[1].to_string(), title))
}

fn first_sentence(title: &str) -> String {
    title
        .split(". ")
        .next()
        .unwrap_or(title)
        .trim()
        .to_string()
}

/// Sections in document order: numbered headings wherever a line starts a block or follows the
/// end of a sentence, and unnumbered headings set apart in capitals. A bare number ("SECTION
/// ONE") takes its title from the heading line after it.
pub fn find_sections(doc: &Document, index: &TextIndex) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for (p, page) in doc.pages.iter().enumerate() {
        for block in &page.blocks {
            if matches!(block.kind, BlockKind::Header | BlockKind::Footer) {
                continue;
            }
            for l in block.lines.clone() {
                let line = &page.lines[l];
                let opens = l == block.lines.start
                    || page.lines[l - 1].text.ends_with(['.', ':', ';'])
                    || (line.bbox.x0 - page.lines[l - 1].bbox.x0).abs() > 0.02;
                if !opens {
                    continue;
                }
                let found = match heading_number(&line.text) {
                    Some((number, title)) if title.is_empty() => {
                        let next = page.lines.get(l + 1).filter(|n| {
                            super::blocks::line_kind(n) == BlockKind::Heading
                        });
                        Some((Some(number), next.map(|n| n.text.trim().to_string()).unwrap_or_default()))
                    }
                    Some((number, title)) => Some((Some(number), title)),
                    None if l == block.lines.start && block.kind == BlockKind::Heading => {
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
                // "SECTION ONE" then "DESCRIPTION OF PREMISES": the title line is no new section.
                if number.is_none()
                    && let Some(prev) = sections.last()
                    && prev.title == title
                    && prev.page == page.number
                {
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
        assert_eq!(
            heading_number("SECTION TWENTY-ONE"),
            Some(("TWENTY-ONE".into(), String::new()))
        );
        assert_eq!(
            heading_number("1. Term of Lease; Renewal Terms; Termination Rights."),
            Some(("1".into(), "Term of Lease; Renewal Terms; Termination Rights".into()))
        );
        assert_eq!(heading_number("2019 was a good year for the landlord and tenant alike"), None);
        assert_eq!(heading_number("12 months after the Commencement Date the tenant may"), None);
    }
}

//! Key-value pairs: "Label: value" lines, and the two-column "Basic Lease Information" tables
//! that put a short label on the left and its value on the right, continued on following lines.

use super::tables::segments;
use crate::bbox::BBox;
use crate::model::{Document, KeyValue, Page};
use std::ops::Range;

/// A label has at most this many words.
const MAX_KEY_WORDS: usize = 8;

/// Every key-value pair of the document, in reading order.
pub fn find_key_values(doc: &Document) -> Vec<KeyValue> {
    doc.pages.iter().flat_map(page_key_values).collect()
}

fn text_of(page: &Page, r: Range<usize>) -> String {
    page.words[r]
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn bbox_of(page: &Page, r: Range<usize>) -> BBox {
    BBox::union(page.words[r].iter().map(|w| &w.bbox)).unwrap_or_default()
}

/// Strips list markers ("1.", "(a)", "A.") and the colon from a label.
fn clean_key(key: &str) -> String {
    let key = key.trim().trim_end_matches(':').trim();
    let mut parts = key.splitn(2, ' ');
    let first = parts.next().unwrap_or("");
    let marker = first.len() <= 4
        && (first.ends_with('.') || (first.starts_with('(') && first.ends_with(')')))
        && first
            .trim_matches(['(', ')', '.'])
            .chars()
            .all(|c| c.is_ascii_alphanumeric());
    match (marker, parts.next()) {
        (true, Some(rest)) => rest.trim().to_string(),
        _ => key.to_string(),
    }
}

fn is_label(text: &str) -> bool {
    let words = text.split_whitespace().count();
    words >= 1
        && words <= MAX_KEY_WORDS
        && text.chars().any(char::is_alphabetic)
        && text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !text.trim_end_matches(':').ends_with(['.', ',', ';'])
        && (words <= 3 || title_case_share(text) >= 0.5)
}

/// Share of the longer words (four letters or more) that start with a capital.
fn title_case_share(text: &str) -> f32 {
    let long: Vec<&str> = text.split_whitespace().filter(|w| w.len() > 3).collect();
    if long.is_empty() {
        return 1.0;
    }
    let capital = long
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    capital as f32 / long.len() as f32
}

fn page_key_values(page: &Page) -> Vec<KeyValue> {
    let mut out: Vec<KeyValue> = Vec::new();
    let margin = super::blocks::in_margin(page);
    let mut i = 0;
    while i < page.lines.len() {
        let line = &page.lines[i];
        i += 1;
        if margin[i - 1] {
            continue;
        }
        let segs = segments(page, line);
        // Two-column form: label segment, wide gap, value segment (rows of wider tables are not
        // key-values).
        if segs.len() == 2 && is_label(&text_of(page, segs[0].clone())) {
            let key_range = segs[0].clone();
            let mut value_range = vec![segs[1].clone()];
            let value_x = page.words[segs[1].start].bbox.x0;
            // Continuation lines hold words only in the value column.
            while i < page.lines.len() {
                let next = &page.lines[i];
                let gap = next.bbox.y0 - page.lines[i - 1].bbox.y1;
                if next.bbox.x0 + 0.01 < value_x || gap > next.bbox.height() {
                    break;
                }
                value_range.push(next.words.clone());
                i += 1;
            }
            let value = value_range
                .iter()
                .map(|r| text_of(page, r.clone()))
                .collect::<Vec<_>>()
                .join(" ");
            let value_bbox = BBox::union(value_range.iter().map(|r| bbox_of(page, r.clone())).collect::<Vec<_>>().iter())
                .unwrap_or_default();
            out.push(KeyValue {
                key: clean_key(&text_of(page, key_range.clone())),
                value,
                page: page.number,
                key_bbox: bbox_of(page, key_range),
                value_bbox,
            });
            continue;
        }
        // Colon form: "Rentable Area: 16,541 RSF".
        let words = &page.words[line.words.clone()];
        let Some(colon) = words
            .iter()
            .take(MAX_KEY_WORDS)
            .position(|w| w.text.ends_with(':') && w.text.len() > 1)
        else {
            continue;
        };
        let key_range = line.words.start..line.words.start + colon + 1;
        let key_text = text_of(page, key_range.clone());
        if !is_label(&key_text) {
            continue;
        }
        let value_range = key_range.end..line.words.end;
        if value_range.is_empty() {
            continue;
        }
        out.push(KeyValue {
            key: clean_key(&key_text),
            value: text_of(page, value_range.clone()),
            page: page.number,
            key_bbox: bbox_of(page, key_range),
            value_bbox: bbox_of(page, value_range),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::order::order_page;
    use crate::model::Word;

    fn words_at(text: &str, x0: f32, y0: f32) -> Vec<Word> {
        text.split_whitespace()
            .enumerate()
            .map(|(i, t)| Word {
                text: t.into(),
                bbox: BBox::new(x0 + i as f32 * 0.07, y0, x0 + i as f32 * 0.07 + 0.06, y0 + 0.012),
                confidence: 1.0,
            })
            .collect()
    }

    fn page(words: Vec<Word>) -> Page {
        let mut page = Page {
            number: 1,
            width_pt: 612.0,
            height_pt: 792.0,
            words,
            ..Page::default()
        };
        order_page(&mut page);
        page
    }

    #[test]
    fn colon_labels_and_label_columns_give_pairs() {
        let mut words = words_at("Rentable Area: 2,394 RSF", 0.1, 0.1);
        words.extend(words_at("1. Premises", 0.1, 0.13));
        words.extend(words_at("Suite 550 of the", 0.45, 0.13));
        words.extend(words_at("Building", 0.45, 0.145));
        words.extend(words_at("The Tenant shall pay rent: monthly", 0.1, 0.2));
        let kvs = page_key_values(&page(words));
        assert_eq!(kvs.len(), 2, "{kvs:?}");
        assert_eq!((kvs[0].key.as_str(), kvs[0].value.as_str()), ("Rentable Area", "2,394 RSF"));
        assert_eq!((kvs[1].key.as_str(), kvs[1].value.as_str()), ("Premises", "Suite 550 of the Building"));
        assert!(kvs[1].value_bbox.y1 > 0.155);
    }
}

//! The document as one searchable string whose every byte maps back to the words it came from,
//! so a match found by a pattern or a model becomes evidence (page, box, verbatim text).

use crate::bbox::BBox;
use crate::model::{Document, MediaKind, Page, TextSource, Word};
use crate::schema::Evidence;
use sha2::{Digest, Sha256};
use std::ops::Range;

/// Where one word of the flat text lies: its byte range and its page and index there.
#[derive(Debug, Clone, Copy)]
struct WordSpan {
    start: usize,
    end: usize,
    page: usize,
    word: usize,
}

/// Flat text of a document with a byte → word map.
pub struct DocText<'a> {
    doc: &'a Document,
    text: String,
    spans: Vec<WordSpan>,
    /// Byte offset where each page starts.
    page_starts: Vec<usize>,
}

impl<'a> DocText<'a> {
    /// Joins words with spaces, lines with newlines and pages with form feeds.
    pub fn new(doc: &'a Document) -> Self {
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut page_starts = Vec::with_capacity(doc.pages.len());
        for (p, page) in doc.pages.iter().enumerate() {
            if p > 0 {
                text.push('\u{c}');
            }
            page_starts.push(text.len());
            for (i, line) in page_lines(page).into_iter().enumerate() {
                if i > 0 {
                    text.push('\n');
                }
                for (j, w) in line.enumerate() {
                    if j > 0 {
                        text.push(' ');
                    }
                    let start = text.len();
                    text.push_str(&page.words[w].text);
                    spans.push(WordSpan {
                        start,
                        end: text.len(),
                        page: p,
                        word: w,
                    });
                }
            }
        }
        DocText {
            doc,
            text,
            spans,
            page_starts,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn document(&self) -> &Document {
        self.doc
    }

    /// 1-based page number holding byte `at`.
    pub fn page_of(&self, at: usize) -> usize {
        self.page_starts.partition_point(|&s| s <= at).max(1)
    }

    /// Evidence for a byte range: the page of its first word, the box around its words on that
    /// page, and the text with runs of whitespace collapsed.
    pub fn evidence(&self, range: Range<usize>) -> Evidence {
        let first = self.spans.partition_point(|s| s.end <= range.start);
        let words: Vec<&WordSpan> = self.spans[first..]
            .iter()
            .take_while(|s| s.start < range.end)
            .collect();
        let page = words
            .first()
            .map(|s| s.page)
            .unwrap_or_else(|| self.page_of(range.start) - 1);
        let bbox = BBox::union(
            words
                .iter()
                .filter(|s| s.page == page)
                .map(|s| &self.doc.pages[s.page].words[s.word].bbox),
        );
        let text = self
            .text
            .get(range)
            .map(collapse_whitespace)
            .unwrap_or_default();
        Evidence {
            page: Some(self.doc.pages.get(page).map_or(page + 1, |p| p.number)),
            bbox,
            text: Some(text),
            sheet: None,
            cells: None,
        }
    }

    /// Evidence for a word box already known (a key-value pair, a defined term).
    pub fn evidence_at(&self, page: usize, bbox: BBox, text: &str) -> Evidence {
        Evidence {
            page: Some(page),
            bbox: Some(bbox),
            text: Some(collapse_whitespace(text)),
            sheet: None,
            cells: None,
        }
    }

    /// Finds `needle` (whitespace-insensitive) in the flat text, for evidence of layout items.
    pub fn find(&self, needle: &str) -> Option<Range<usize>> {
        let words: Vec<&str> = needle.split_whitespace().collect();
        let first = *words.first()?;
        let mut from = 0;
        while let Some(off) = self.text[from..].find(first) {
            let start = from + off;
            let mut at = start + first.len();
            let matched = words[1..].iter().all(|w| {
                let rest = &self.text[at..];
                let trimmed = rest.trim_start();
                let skip = rest.len() - trimmed.len();
                if skip > 0 && trimmed.starts_with(w) {
                    at += skip + w.len();
                    true
                } else {
                    false
                }
            });
            if matched {
                return Some(start..at);
            }
            from = start + first.len();
        }
        None
    }
}

/// Word indices of each line of a page: the layout's lines when it has them, otherwise words
/// split where the next word starts below the previous one.
fn page_lines(page: &Page) -> Vec<Box<dyn Iterator<Item = usize> + '_>> {
    if !page.lines.is_empty() {
        return page
            .lines
            .iter()
            .map(|l| {
                Box::new(l.words.clone().filter(|&w| w < page.words.len()))
                    as Box<dyn Iterator<Item = usize>>
            })
            .collect();
    }
    let mut lines: Vec<Box<dyn Iterator<Item = usize>>> = Vec::new();
    let mut start = 0;
    for i in 1..=page.words.len() {
        let breaks = i == page.words.len()
            || page.words[i].bbox.y0 >= page.words[i - 1].bbox.y1
            || page.words[i].bbox.x0 < page.words[i - 1].bbox.x0;
        if breaks {
            lines.push(Box::new(start..i));
            start = i;
        }
    }
    lines
}

pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A document built from plain text (pages separated by form feeds), with each word boxed by its
/// character position on a monospaced grid. For benchmark text layers and tests that start
/// from text rather than from a PDF.
pub fn document_from_text(filename: &str, text: &str) -> Document {
    let pages = text
        .split('\u{c}')
        .enumerate()
        .map(|(i, page_text)| text_page(i + 1, page_text))
        .collect();
    Document {
        filename: filename.to_string(),
        sha256: hex::encode(Sha256::digest(text.as_bytes())),
        media_kind: MediaKind::Pdf,
        pages,
        tables: vec![],
        sections: vec![],
        key_values: vec![],
        defined_terms: vec![],
        diagnostics: vec![],
    }
}

fn text_page(number: usize, text: &str) -> Page {
    let lines: Vec<&str> = text.lines().collect();
    let n_lines = lines.len().max(1) as f32;
    let width = lines
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    let mut words = Vec::new();
    for (row, line) in lines.iter().enumerate() {
        let y0 = row as f32 / n_lines;
        let y1 = (row as f32 + 0.9) / n_lines;
        let mut col = 0usize;
        for piece in line.split(' ') {
            let len = piece.chars().count();
            if !piece.trim().is_empty() {
                words.push(Word {
                    text: piece.trim().to_string(),
                    bbox: BBox::new(col as f32 / width, y0, (col + len) as f32 / width, y1),
                    confidence: 1.0,
                });
            }
            col += len + 1;
        }
    }
    Page {
        number,
        width_pt: 612.0,
        height_pt: 792.0,
        text_source: TextSource::PdfText,
        words,
        ..Page::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_points_at_the_words_of_a_match() {
        let doc = document_from_text(
            "t.txt",
            "Title line\nRent is $8,000.00 monthly\u{c}Second page here",
        );
        let t = DocText::new(&doc);
        let at = t.as_str().find("$8,000.00").unwrap();
        let ev = t.evidence(at..at + 9);
        assert_eq!(ev.page, Some(1));
        assert_eq!(ev.text.as_deref(), Some("$8,000.00"));
        let b = ev.bbox.unwrap();
        assert!(b.y0 > 0.4 && b.x0 > 0.2, "{b:?}");
        let second = t.as_str().find("here").unwrap();
        assert_eq!(t.evidence(second..second + 4).page, Some(2));
    }

    #[test]
    fn find_ignores_line_breaks() {
        let doc = document_from_text(
            "t.txt",
            "the premises located at 10 Main\nStreet, Springfield",
        );
        let t = DocText::new(&doc);
        let r = t.find("10 Main Street,").unwrap();
        assert_eq!(collapse_whitespace(&t.as_str()[r]), "10 Main Street,");
    }
}

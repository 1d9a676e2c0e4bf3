//! Where each line starts in `Document::text()`, so structure found on lines can give byte ranges
//! of the document text, and text matches can find their page and box.

use crate::bbox::BBox;
use crate::model::Document;

/// Byte offsets of every line in the document text.
pub struct TextIndex {
    /// (page index, line index, start offset) in text order.
    starts: Vec<(usize, usize, usize)>,
    /// Length of `Document::text()`.
    pub len: usize,
}

impl TextIndex {
    /// Mirrors `Page::text` (lines joined by newlines) and `Document::text` (form feeds).
    pub fn new(doc: &Document) -> Self {
        let mut starts = Vec::new();
        let mut offset = 0;
        for (p, page) in doc.pages.iter().enumerate() {
            if p > 0 {
                offset += '\u{c}'.len_utf8();
            }
            if page.lines.is_empty() {
                offset += page.text().len();
                continue;
            }
            for (l, line) in page.lines.iter().enumerate() {
                if l > 0 {
                    offset += 1;
                }
                starts.push((p, l, offset));
                offset += line.text.len();
            }
        }
        TextIndex {
            starts,
            len: offset,
        }
    }

    /// Start offset of line `line` on page index `page`.
    pub fn line_start(&self, page: usize, line: usize) -> Option<usize> {
        self.starts
            .iter()
            .find(|(p, l, _)| *p == page && *l == line)
            .map(|s| s.2)
    }
}

/// Byte offsets of a block's lines within the block's text (lines joined by single spaces), and
/// a way back from a byte range of that text to the lines' boxes.
pub struct BlockText {
    pub text: String,
    /// (start offset, line index on the page).
    lines: Vec<(usize, usize)>,
}

impl BlockText {
    pub fn new(page: &crate::model::Page, lines: std::ops::Range<usize>) -> Self {
        let mut text = String::new();
        let mut index = Vec::new();
        for l in lines {
            if !text.is_empty() {
                text.push(' ');
            }
            index.push((text.len(), l));
            text.push_str(&page.lines[l].text);
        }
        BlockText { text, lines: index }
    }

    /// The box of the lines covering `range` of the block text.
    pub fn bbox(&self, page: &crate::model::Page, range: std::ops::Range<usize>) -> BBox {
        let covering = self.lines.iter().enumerate().filter(|(i, (start, _))| {
            let end = self.lines.get(i + 1).map_or(self.text.len(), |n| n.0);
            *start < range.end.max(range.start + 1) && end > range.start
        });
        BBox::union(covering.map(|(_, (_, l))| &page.lines[*l].bbox)).unwrap_or_default()
    }
}

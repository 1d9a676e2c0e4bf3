//! Lines into blocks: paragraphs split at vertical whitespace or a change of indentation,
//! headings (numbered or set in capitals) on their own, running headers and footers marked.

use super::sections::heading_number;
use crate::bbox::BBox;
use crate::model::{Block, BlockKind, Line, Page};

/// A gap larger than this many line heights starts a new block.
const PARAGRAPH_GAP: f32 = 0.7;
/// Lines within this share of the page from the top or bottom edge may be headers or footers.
const HEADER_BAND: f32 = 0.06;
const FOOTER_BAND: f32 = 0.07;

/// Fills `page.blocks` from `page.lines` (already in reading order).
pub fn find_blocks(page: &mut Page) {
    page.blocks.clear();
    let mut start = 0;
    for i in 0..page.lines.len() {
        let kind = line_kind(&page.lines[i]);
        let breaks = i > start && {
            let prev = &page.lines[i - 1];
            let line = &page.lines[i];
            let height = prev.bbox.height().max(line.bbox.height()).max(1e-4);
            let gap = line.bbox.y0 - prev.bbox.y1;
            gap > PARAGRAPH_GAP * height
                || gap < -height
                || kind != BlockKind::Paragraph
                || line_kind(prev) != BlockKind::Paragraph
        };
        if breaks {
            push_block(page, start..i);
            start = i;
        }
    }
    if start < page.lines.len() {
        push_block(page, start..page.lines.len());
    }
}

fn push_block(page: &mut Page, lines: std::ops::Range<usize>) {
    let slice = &page.lines[lines.clone()];
    let bbox = BBox::union(slice.iter().map(|l| &l.bbox)).unwrap_or_default();
    let mut kind = if slice.len() == 1 {
        line_kind(&slice[0])
    } else {
        BlockKind::Paragraph
    };
    let short = slice.iter().map(|l| l.text.len()).sum::<usize>() < 80;
    if short && bbox.y1 < HEADER_BAND {
        kind = BlockKind::Header;
    } else if short && bbox.y0 > 1.0 - FOOTER_BAND {
        kind = BlockKind::Footer;
    }
    page.blocks.push(Block { bbox, lines, kind });
}

/// A line on its own is a heading when it is short and numbered as a section, or set in
/// capitals.
pub fn line_kind(line: &Line) -> BlockKind {
    let words = line.text.split_whitespace().count();
    let letters: Vec<char> = line.text.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    let numbered_title = heading_number(&line.text).is_some_and(|(_, title)| {
        !title.is_empty() && title.split_whitespace().count() <= 10 && !title.ends_with([',', ';'])
    });
    if words <= 12 && (capitals || (numbered_title && words <= 10 && !line.text.ends_with(','))) {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

/// For each line of the page, whether it sits in a running header or footer block.
pub fn in_margin(page: &Page) -> Vec<bool> {
    let mut marks = vec![false; page.lines.len()];
    for block in &page.blocks {
        if matches!(block.kind, BlockKind::Header | BlockKind::Footer) {
            for l in block.lines.clone() {
                if let Some(m) = marks.get_mut(l) {
                    *m = true;
                }
            }
        }
    }
    marks
}

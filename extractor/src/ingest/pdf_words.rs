//! pdfium's character boxes grouped into words, in top-left page fractions: page rotation undone,
//! ligatures expanded, line-end hyphens kept visible, vertical text read along its own axis.

use crate::bbox::BBox;
use crate::model::Word;

/// One character as pdfium reports it, in PDF user space (points, bottom-left origin).
#[derive(Debug, Clone, Copy)]
pub struct RawChar {
    pub ch: char,
    pub left: f32,
    pub bottom: f32,
    pub right: f32,
    pub top: f32,
    /// Rotation of the glyph, degrees counter-clockwise.
    pub angle: f32,
}

/// Maps user-space points to top-left fractions of the page as displayed.
#[derive(Debug, Clone, Copy)]
pub struct PageFrame {
    /// Lower-left corner of the page box in user space.
    pub origin_x: f32,
    pub origin_y: f32,
    /// Unrotated page box size in points.
    pub width: f32,
    pub height: f32,
    /// The page's `/Rotate`, clockwise degrees (0, 90, 180, 270).
    pub rotation: u16,
}

impl PageFrame {
    /// Displayed size in points (width and height swap for quarter turns).
    pub fn display_size(&self) -> (f32, f32) {
        if self.rotation % 180 == 90 {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }

    /// A user-space point as displayed, top-left origin, in points.
    fn to_display(self, x: f32, y: f32) -> (f32, f32) {
        let u = x - self.origin_x;
        let v = self.height - (y - self.origin_y);
        match self.rotation {
            90 => (self.height - v, u),
            180 => (self.width - u, self.height - v),
            270 => (v, self.width - u),
            _ => (u, v),
        }
    }

    /// A user-space rectangle as a displayed box in page fractions.
    pub fn to_bbox(self, left: f32, bottom: f32, right: f32, top: f32) -> BBox {
        let (w, h) = self.display_size();
        let (ax, ay) = self.to_display(left, top);
        let (bx, by) = self.to_display(right, bottom);
        BBox::from_page_units(ax.min(bx), ay.min(by), ax.max(bx), ay.max(by), w, h)
    }
}

/// Text of a character as it should read: ligatures expanded, pdfium's hyphen markers shown.
fn normalized(ch: char) -> Option<&'static str> {
    Some(match ch {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        // pdfium marks a line-end hyphen as U+0002 or U+FFFE; soft hyphens likewise end lines.
        '\u{0002}' | '\u{FFFE}' | '\u{00AD}' => "-",
        '\u{2010}' | '\u{2011}' => "-",
        _ => return None,
    })
}

fn is_break(ch: char) -> bool {
    ch.is_whitespace() || (ch.is_control() && normalized(ch).is_none()) || ch == '\u{FFFD}'
}

struct Pending {
    text: String,
    bbox: BBox,
    vertical: bool,
}

/// Groups characters into words. A word ends at whitespace, at a gap wider than a fraction of
/// the glyph height along the reading axis, or where the next glyph leaves the current line.
pub fn group_words(chars: &[RawChar], frame: PageFrame) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current: Option<Pending> = None;
    let flush = |current: &mut Option<Pending>, words: &mut Vec<Word>| {
        if let Some(p) = current.take()
            && !p.text.is_empty()
        {
            words.push(Word {
                text: p.text,
                bbox: p.bbox,
                confidence: 1.0,
            });
        }
    };
    for c in chars {
        if is_break(c.ch) {
            flush(&mut current, &mut words);
            continue;
        }
        let bbox = frame.to_bbox(c.left, c.bottom, c.right, c.top);
        // Glyph rotation plus page rotation decides whether the text runs down the page.
        let turn = (c.angle + f32::from(frame.rotation)).rem_euclid(180.0);
        let vertical = (45.0..135.0).contains(&turn);
        let joins = current
            .as_ref()
            .is_some_and(|p| p.vertical == vertical && continues(&p.bbox, &bbox, vertical));
        if !joins {
            flush(&mut current, &mut words);
        }
        let text = normalized(c.ch).map_or_else(|| c.ch.to_string(), str::to_string);
        match current.as_mut() {
            Some(p) => {
                p.text.push_str(&text);
                p.bbox = p.bbox.merge(&bbox);
            }
            None => current = Some(Pending { text, bbox, vertical }),
        }
    }
    flush(&mut current, &mut words);
    words
}

/// Whether a glyph at `next` continues the word whose box so far is `word`.
fn continues(word: &BBox, next: &BBox, vertical: bool) -> bool {
    let (size, gap, overlap) = if vertical {
        let size = word.width().max(next.width());
        let gap = if frame_down(word, next) {
            next.y0 - word.y1
        } else {
            word.y0 - next.y1
        };
        let shared = (word.x1.min(next.x1) - word.x0.max(next.x0)).max(0.0);
        (size, gap, shared / word.width().min(next.width()).max(f32::EPSILON))
    } else {
        let size = word.height().max(next.height());
        let gap = next.x0 - word.x1;
        (size, gap, word.vertical_overlap(next))
    };
    // Page fractions differ per axis; compare against the glyph size on the crossing axis,
    // which for letter-sized pages keeps the threshold near a quarter of an em.
    let limit = size * if vertical { 0.35 } else { 0.25 };
    // A glyph far behind the word's end starts a new line even where loose boxes of adjacent
    // lines overlap.
    overlap > 0.4 && gap < limit && gap > -0.5 * size
}

/// Whether vertical text runs down the page (from `word` towards `next`).
fn frame_down(word: &BBox, next: &BBox) -> bool {
    next.center_y() >= word.center_y()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(rotation: u16) -> PageFrame {
        PageFrame {
            origin_x: 0.0,
            origin_y: 0.0,
            width: 600.0,
            height: 800.0,
            rotation,
        }
    }

    fn row(text: &str, x: f32, y: f32) -> Vec<RawChar> {
        text.chars()
            .enumerate()
            .map(|(i, ch)| RawChar {
                ch,
                left: x + i as f32 * 6.0,
                right: x + i as f32 * 6.0 + 5.5,
                bottom: y,
                top: y + 10.0,
                angle: 0.0,
            })
            .collect()
    }

    #[test]
    fn whitespace_and_gaps_split_words_and_boxes_flip_to_top_left() {
        let mut chars = row("Base Rent", 60.0, 700.0);
        chars.extend(row("due", 300.0, 700.0));
        let words = group_words(&chars, frame(0));
        let texts: Vec<_> = words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["Base", "Rent", "due"]);
        let b = words[0].bbox;
        assert!((b.x0 - 0.1).abs() < 1e-4 && (b.y0 - 0.1125).abs() < 1e-4, "{b:?}");
        assert!((b.y1 - 0.125).abs() < 1e-4, "{b:?}");
    }

    #[test]
    fn ligatures_expand_and_hyphen_markers_show() {
        let mut chars = row("o\u{FB03}ce", 60.0, 700.0);
        chars.extend(row("com\u{0002}", 60.0, 680.0));
        let words = group_words(&chars, frame(0));
        assert_eq!(words[0].text, "office");
        assert_eq!(words[1].text, "com-");
    }

    #[test]
    fn a_new_line_starts_a_new_word() {
        let mut chars = row("end", 60.0, 700.0);
        chars.extend(row("start", 20.0, 686.0));
        let words = group_words(&chars, frame(0));
        assert_eq!(words.len(), 2);
    }

    #[test]
    fn quarter_turned_pages_map_into_the_displayed_frame() {
        let f = frame(90);
        assert_eq!(f.display_size(), (800.0, 600.0));
        // The unrotated top-left corner shows at the displayed top-right.
        let b = f.to_bbox(0.0, 790.0, 10.0, 800.0);
        assert!(b.x1 > 0.99 && b.y0 < 0.01, "{b:?}");
    }
}

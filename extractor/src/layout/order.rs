//! Reading order: a recursive XY-cut splits the page at column gutters and at horizontal
//! whitespace, then each region's words become lines. The page's words are rewritten in reading
//! order so each line's words are one contiguous range.

use super::lines::group_lines;
use crate::bbox::BBox;
use crate::model::{Line, Page, Word};

/// A gutter must be at least this wide (fraction of the page width).
const MIN_GUTTER: f32 = 0.02;
/// Each side of a gutter must read like running text: this many words per row on average.
const MIN_WORDS_PER_ROW: f32 = 4.0;
/// Each side of a gutter must be at least this share of the region's width.
const MIN_COLUMN_SHARE: f32 = 0.25;
const MAX_DEPTH: usize = 24;

/// Orders the page's words into lines in reading order and fills `page.lines`.
pub fn order_page(page: &mut Page) {
    if page.words.is_empty() {
        page.lines.clear();
        return;
    }
    let ids: Vec<usize> = (0..page.words.len()).collect();
    let mut regions = Vec::new();
    cut(&page.words, ids, 0, &mut regions);
    let mut words = Vec::with_capacity(page.words.len());
    let mut lines = Vec::new();
    for region in regions {
        for line in group_lines(&page.words, &region) {
            let start = words.len();
            words.extend(line.iter().map(|&i| page.words[i].clone()));
            lines.push(make_line(&words, start..words.len()));
        }
    }
    page.words = words;
    page.lines = lines;
}

/// A line over `words[range]`: its text (words joined by single spaces) and box.
pub fn make_line(words: &[Word], range: std::ops::Range<usize>) -> Line {
    let slice = &words[range.clone()];
    Line {
        text: slice
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        bbox: BBox::union(slice.iter().map(|w| &w.bbox)).unwrap_or_default(),
        words: range,
    }
}

fn cut(words: &[Word], ids: Vec<usize>, depth: usize, out: &mut Vec<Vec<usize>>) {
    if ids.len() < 8 || depth >= MAX_DEPTH {
        out.push(ids);
        return;
    }
    if let Some(x) = gutter(words, &ids) {
        let (left, right): (Vec<usize>, Vec<usize>) =
            ids.into_iter().partition(|&i| words[i].bbox.center_x() < x);
        cut(words, left, depth + 1, out);
        cut(words, right, depth + 1, out);
        return;
    }
    if let Some(y) = widest_gap(words, &ids, |b| (b.y0, b.y1), 0.0) {
        let (top, bottom): (Vec<usize>, Vec<usize>) =
            ids.into_iter().partition(|&i| words[i].bbox.center_y() < y);
        if !top.is_empty() && !bottom.is_empty() {
            cut(words, top, depth + 1, out);
            cut(words, bottom, depth + 1, out);
            return;
        }
        out.push(top.into_iter().chain(bottom).collect());
        return;
    }
    out.push(ids);
}

/// The middle of the widest empty band along one axis wider than `min`, if any.
fn widest_gap(
    words: &[Word],
    ids: &[usize],
    span: impl Fn(&BBox) -> (f32, f32),
    min: f32,
) -> Option<f32> {
    let mut spans: Vec<(f32, f32)> = ids.iter().map(|&i| span(&words[i].bbox)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut reach = spans.first()?.1;
    let mut best: Option<(f32, f32)> = None;
    for &(start, end) in &spans[1..] {
        let gap = start - reach;
        if gap > min && best.is_none_or(|(w, _)| gap > w) {
            best = Some((gap, reach + gap / 2.0));
        }
        reach = reach.max(end);
    }
    best.map(|(_, mid)| mid)
}

/// A column gutter through the whole region, with running text on both sides.
fn gutter(words: &[Word], ids: &[usize]) -> Option<f32> {
    let x = widest_gap(words, ids, |b| (b.x0, b.x1), MIN_GUTTER)?;
    let region = BBox::union(ids.iter().map(|&i| &words[i].bbox))?;
    let (left, right): (Vec<usize>, Vec<usize>) =
        ids.iter().partition(|&&i| words[i].bbox.center_x() < x);
    let columnar = |side: &[usize]| {
        let Some(b) = BBox::union(side.iter().map(|&i| &words[i].bbox)) else {
            return false;
        };
        b.width() >= MIN_COLUMN_SHARE * region.width()
            && side.len() as f32 >= MIN_WORDS_PER_ROW * rows(words, side) as f32
    };
    (columnar(&left) && columnar(&right)).then_some(x)
}

/// Number of distinct text rows among `ids`.
fn rows(words: &[Word], ids: &[usize]) -> usize {
    group_lines(words, ids).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(x0: f32, first: usize, rows: usize) -> Vec<Word> {
        (0..rows)
            .flat_map(|r| {
                (0..5).map(move |c| Word {
                    text: format!("w{}", first + r * 5 + c),
                    bbox: BBox::new(
                        x0 + c as f32 * 0.07,
                        0.1 + r as f32 * 0.02,
                        x0 + c as f32 * 0.07 + 0.06,
                        0.112 + r as f32 * 0.02,
                    ),
                    confidence: 1.0,
                })
            })
            .collect()
    }

    #[test]
    fn two_columns_read_left_column_first() {
        let mut words = column(0.55, 100, 6);
        words.extend(column(0.08, 0, 6));
        let mut page = Page {
            words,
            ..Page::default()
        };
        order_page(&mut page);
        assert_eq!(page.lines.len(), 12);
        assert_eq!(page.lines[0].text, "w0 w1 w2 w3 w4");
        assert_eq!(page.lines[5].text, "w25 w26 w27 w28 w29");
        assert_eq!(page.lines[6].text, "w100 w101 w102 w103 w104");
        let l = &page.lines[6];
        assert_eq!(page.words[l.words.start].text, "w100");
    }

    #[test]
    fn a_label_column_beside_values_is_not_split_off() {
        let mut words = Vec::new();
        for r in 0..6 {
            let y = 0.1 + r as f32 * 0.02;
            words.push(Word {
                text: format!("Label{r}:"),
                bbox: BBox::new(0.1, y, 0.2, y + 0.012),
                confidence: 1.0,
            });
            for c in 0..4 {
                words.push(Word {
                    text: format!("v{r}{c}"),
                    bbox: BBox::new(0.4 + c as f32 * 0.07, y, 0.46 + c as f32 * 0.07, y + 0.012),
                    confidence: 1.0,
                });
            }
        }
        let mut page = Page {
            words,
            ..Page::default()
        };
        order_page(&mut page);
        assert_eq!(page.lines[0].text, "Label0: v00 v01 v02 v03");
    }
}

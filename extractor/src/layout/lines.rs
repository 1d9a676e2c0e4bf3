//! Words into lines: words that share a band of the page vertically belong together, read left
//! to right. Works on one reading-order region at a time so columns never merge.

use crate::bbox::BBox;
use crate::model::Word;

/// Words sharing at least this much of the shorter height sit on one line.
const SAME_LINE: f32 = 0.5;
/// Lines compared against when placing a word (the most recent ones are the only candidates).
const RECENT_LINES: usize = 4;

/// Groups the words `ids` (indexes into `words`) into lines, top to bottom, each left to right.
pub fn group_lines(words: &[Word], ids: &[usize]) -> Vec<Vec<usize>> {
    let mut sorted = ids.to_vec();
    sorted.sort_by(|&a, &b| {
        let (a, b) = (&words[a].bbox, &words[b].bbox);
        a.center_y().total_cmp(&b.center_y()).then(a.x0.total_cmp(&b.x0))
    });
    let mut lines: Vec<(BBox, Vec<usize>)> = Vec::new();
    for id in sorted {
        let b = words[id].bbox;
        let start = lines.len().saturating_sub(RECENT_LINES);
        let best = lines[start..]
            .iter()
            .enumerate()
            .map(|(i, (lb, _))| (start + i, core_overlap(lb, &b)))
            .filter(|(_, o)| *o >= SAME_LINE)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i);
        match best {
            Some(i) => {
                lines[i].0 = lines[i].0.merge(&b);
                lines[i].1.push(id);
            }
            None => lines.push((b, vec![id])),
        }
    }
    lines.sort_by(|a, b| a.0.center_y().total_cmp(&b.0.center_y()));
    lines
        .into_iter()
        .map(|(_, mut ids)| {
            ids.sort_by(|&a, &b| words[a].bbox.x0.total_cmp(&words[b].bbox.x0));
            ids
        })
        .collect()
}

/// Vertical overlap of a word with a line, against the word's own height so that a tall line
/// (grown by a large initial or a superscript) still takes ordinary words.
fn core_overlap(line: &BBox, word: &BBox) -> f32 {
    let shared = (line.y1.min(word.y1) - line.y0.max(word.y0)).max(0.0);
    let h = word.height().min(line.height());
    if h <= 0.0 { 0.0 } else { shared / h }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str, x0: f32, y0: f32) -> Word {
        Word {
            text: text.into(),
            bbox: BBox::new(x0, y0, x0 + 0.05, y0 + 0.012),
            confidence: 1.0,
        }
    }

    #[test]
    fn words_on_a_band_form_one_line_left_to_right() {
        let words = vec![
            w("rent", 0.3, 0.2005),
            w("Base", 0.2, 0.2),
            w("next", 0.2, 0.22),
            w("line", 0.3, 0.221),
        ];
        let lines = group_lines(&words, &[0, 1, 2, 3]);
        assert_eq!(lines, vec![vec![1, 0], vec![2, 3]]);
    }
}

//! A page image cleaned before recognition: specks and dot leaders painted white.
//!
//! Specks (scanner dust, salt-and-pepper noise) become stray letters and split words. Dot
//! leaders (the rows of dots that join a heading to its page number in a table of contents) are
//! worse: tesseract reads a leader as a run of letters, garbles the words it touches ("Term....."
//! comes back as "TOI.") and loses the line's segmentation. Neither carries text. A leader is
//! told from punctuation by shape alone: five or more small, equal dots in a row at an even pitch.

use image::GrayImage;

/// A pixel darker than this is ink for finding dots.
const INK_LEVEL: u8 = 128;
/// Fewest dots that make a leader (an ellipsis has three).
const MIN_DOTS: usize = 5;
/// Largest dot side, as a fraction of an inch (a bold 14-pt period is about 1/40).
const MAX_DOT_INCH: f32 = 1.0 / 30.0;
/// Largest gap from one dot's centre to the next, as a fraction of an inch.
const MAX_PITCH_INCH: f32 = 1.0 / 12.0;

/// One small connected blob of ink.
#[derive(Debug, Clone, Copy)]
struct Dot {
    x0: u32,
    y0: u32,
    x1: u32,
    y1: u32,
}

impl Dot {
    fn cx(&self) -> f32 {
        (self.x0 + self.x1) as f32 / 2.0
    }
    fn cy(&self) -> f32 {
        (self.y0 + self.y1) as f32 / 2.0
    }
    fn size(&self) -> f32 {
        (self.x1 - self.x0 + 1).max(self.y1 - self.y0 + 1) as f32
    }
}

/// What `clean` painted out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub specks: usize,
    pub leaders: usize,
}

/// Paints specks and dot leaders white.
pub fn clean(img: &mut GrayImage, dpi: u32) -> Cleaned {
    let dpi = dpi.max(1) as f32;
    let max_dot = (dpi * MAX_DOT_INCH).ceil().max(2.0) as u32;
    // A speck covers less than a 1/150-inch square: at 300 dpi, three pixels or fewer.
    let max_speck = ((dpi / 150.0).powi(2).round() as u32).max(1);
    let (mut dots, specks) = small_blobs(img, max_dot, max_speck);
    for speck in &specks {
        paint_white(img, speck, 0);
    }
    dots.sort_by(|a, b| a.cx().total_cmp(&b.cx()));
    let next = successors(&dots, dpi * MAX_PITCH_INCH);
    let mut has_predecessor = vec![false; dots.len()];
    for n in next.iter().flatten() {
        has_predecessor[*n] = true;
    }
    let mut leaders = 0;
    for start in (0..dots.len()).filter(|&i| !has_predecessor[i]) {
        let mut chain = vec![start];
        while let Some(n) = next[*chain.last().unwrap_or(&start)] {
            chain.push(n);
        }
        if chain.len() < MIN_DOTS {
            continue;
        }
        leaders += 1;
        for dot in chain.iter().map(|&i| dots[i]) {
            // The margin takes the blurred rim that the ink threshold left out.
            paint_white(img, &dot, (dot.size() / 2.0).ceil() as u32);
        }
    }
    Cleaned {
        specks: specks.len(),
        leaders,
    }
}

fn paint_white(img: &mut GrayImage, dot: &Dot, margin: u32) {
    let (w, h) = img.dimensions();
    for y in dot.y0.saturating_sub(margin)..=(dot.y1 + margin).min(h - 1) {
        for x in dot.x0.saturating_sub(margin)..=(dot.x1 + margin).min(w - 1) {
            img.put_pixel(x, y, image::Luma([255]));
        }
    }
}

/// For each dot (sorted by centre x), the dot that continues its leader to the right: the
/// nearest one on the same baseline, of the same size, at most `max_pitch` away, at a pitch
/// like the one before it.
fn successors(dots: &[Dot], max_pitch: f32) -> Vec<Option<usize>> {
    let mut next: Vec<Option<usize>> = vec![None; dots.len()];
    let mut taken = vec![false; dots.len()];
    for i in 0..dots.len() {
        let d = dots[i];
        let size = d.size();
        let best = (i + 1..dots.len())
            .take_while(|&j| dots[j].cx() - d.cx() <= max_pitch)
            .filter(|&j| !taken[j])
            .filter(|&j| {
                let e = dots[j];
                let gap = e.cx() - d.cx();
                gap >= 1.5 * size
                    && (e.cy() - d.cy()).abs() <= 0.5 * size.max(2.0)
                    && (e.size() - size).abs() <= 0.34 * size.max(3.0)
            })
            .min_by(|&a, &b| (dots[a].cx()).total_cmp(&dots[b].cx()));
        if let Some(j) = best {
            next[i] = Some(j);
            taken[j] = true;
        }
    }
    let mut previous: Vec<Option<usize>> = vec![None; dots.len()];
    for (i, n) in next.iter().enumerate() {
        if let Some(j) = n {
            previous[*j] = Some(i);
        }
    }
    // A leader's pitch is even: a link much longer or shorter than the one before it ends it.
    for i in 0..dots.len() {
        let (Some(j), Some(prev)) = (next[i], previous[i]) else {
            continue;
        };
        let before = dots[i].cx() - dots[prev].cx();
        let after = dots[j].cx() - dots[i].cx();
        if (after - before).abs() > 0.3 * before.max(after) {
            next[i] = None;
        }
    }
    next
}

/// Connected blobs of ink (8-connected), found row by row over runs of ink: those whose box fits
/// in `max_side` pixels and that are solid enough to be a printed dot, and specks of at most
/// `max_speck` pixels.
fn small_blobs(img: &GrayImage, max_side: u32, max_speck: u32) -> (Vec<Dot>, Vec<Dot>) {
    let (w, _) = img.dimensions();
    let mut parent: Vec<usize> = Vec::new();
    let mut boxes: Vec<Dot> = Vec::new();
    let mut area: Vec<u32> = Vec::new();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Runs of the previous row: (x0, x1 inclusive, label).
    let mut previous: Vec<(u32, u32, usize)> = Vec::new();
    let mut current: Vec<(u32, u32, usize)> = Vec::new();
    for (y, row) in img.as_raw().chunks_exact(w as usize).enumerate() {
        let y = y as u32;
        current.clear();
        let mut x = 0usize;
        let mut p = 0usize;
        while x < row.len() {
            if row[x] >= INK_LEVEL {
                x += 1;
                continue;
            }
            let start = x;
            while x < row.len() && row[x] < INK_LEVEL {
                x += 1;
            }
            let (x0, x1) = (start as u32, x as u32 - 1);
            let label = boxes.len();
            parent.push(label);
            boxes.push(Dot {
                x0,
                y0: y,
                x1,
                y1: y,
            });
            area.push(x1 - x0 + 1);
            while p < previous.len() && previous[p].1 + 1 < x0 {
                p += 1;
            }
            let mut q = p;
            while q < previous.len() && previous[q].0 <= x1 + 1 {
                let (a, b) = (root(&mut parent, label), root(&mut parent, previous[q].2));
                if a != b {
                    parent[b] = a;
                    let (m, n) = (boxes[a], boxes[b]);
                    boxes[a] = Dot {
                        x0: m.x0.min(n.x0),
                        y0: m.y0.min(n.y0),
                        x1: m.x1.max(n.x1),
                        y1: m.y1.max(n.y1),
                    };
                    area[a] += area[b];
                }
                q += 1;
            }
            current.push((x0, x1, label));
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let (mut dots, mut specks) = (Vec::new(), Vec::new());
    for i in (0..boxes.len()).filter(|&i| parent[i] == i) {
        let (b, a) = (boxes[i], area[i]);
        let (bw, bh) = (b.x1 - b.x0 + 1, b.y1 - b.y0 + 1);
        if a <= max_speck {
            specks.push(b);
        } else if bw <= max_side
            && bh <= max_side
            && bw.max(bh) <= 2 * bw.min(bh)
            && 2 * a >= bw * bh
        {
            dots.push(b);
        }
    }
    (dots, specks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Luma;

    fn square(img: &mut GrayImage, x: u32, y: u32, side: u32) {
        for dy in 0..side {
            for dx in 0..side {
                img.put_pixel(x + dx, y + dy, Luma([0]));
            }
        }
    }

    #[test]
    fn a_row_of_even_dots_is_erased_and_lone_periods_stay() {
        let mut img = GrayImage::from_pixel(900, 200, Luma([255]));
        // A heading bar, then a leader of twenty 5-px dots every 12 px, then a page number bar.
        for x in 20..200 {
            for y in 40..70 {
                img.put_pixel(x, y, Luma([0]));
            }
        }
        for i in 0..20 {
            square(&mut img, 220 + i * 12, 62, 5);
        }
        square(&mut img, 700, 62, 5);
        // Three periods of an ellipsis and two sentence stops.
        for i in 0..3 {
            square(&mut img, 100 + i * 12, 150, 5);
        }
        square(&mut img, 400, 150, 5);
        square(&mut img, 600, 150, 5);
        img.put_pixel(800, 20, Luma([0]));
        assert_eq!(
            clean(&mut img, 300),
            Cleaned {
                specks: 1,
                leaders: 1
            }
        );
        let dark = |x0: u32, x1: u32, y0: u32, y1: u32| {
            (x0..x1).any(|x| (y0..y1).any(|y| img.get_pixel(x, y)[0] < 128))
        };
        assert!(!dark(215, 460, 55, 75), "leader left behind");
        assert!(dark(20, 200, 40, 70), "heading erased");
        assert!(dark(700, 705, 62, 67), "page number erased");
        assert!(dark(100, 140, 150, 155), "ellipsis erased");
        assert!(dark(400, 405, 150, 155) && dark(600, 605, 150, 155));
        assert!(!dark(800, 801, 20, 21), "speck left behind");
    }

    #[test]
    fn blobs_are_joined_across_rows_and_diagonals() {
        let mut img = GrayImage::from_pixel(40, 40, Luma([255]));
        square(&mut img, 5, 5, 3);
        img.put_pixel(8, 8, Luma([0]));
        square(&mut img, 20, 20, 4);
        img.put_pixel(30, 5, Luma([0]));
        let (blobs, specks) = small_blobs(&img, 10, 1);
        assert_eq!(blobs.len(), 2, "{blobs:?}");
        assert_eq!(specks.len(), 1, "{specks:?}");
        assert!(
            blobs
                .iter()
                .any(|b| (b.x0, b.y0, b.x1, b.y1) == (5, 5, 8, 8))
        );
    }
}

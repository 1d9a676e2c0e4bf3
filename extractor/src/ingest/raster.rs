//! Grey page images: ink detection for blank pages, resampling, crops and rotations used before
//! recognition.

use image::{GrayImage, imageops};

/// A pixel darker than this counts as ink.
const INK_LEVEL: u8 = 160;
/// Pages with less ink than this fraction (scanner dust, a stray mark) are blank.
const BLANK_INK_FRACTION: f64 = 0.0008;

/// Whether the image has any ink worth reading, ignoring a thin border where scans put shadows.
pub fn has_ink(img: &GrayImage) -> bool {
    let (w, h) = img.dimensions();
    let (mx, my) = (w / 30, h / 30);
    if w <= 2 * mx || h <= 2 * my {
        return false;
    }
    let stride = w as usize;
    let (x0, x1) = (mx as usize, (w - mx) as usize);
    let dark: usize = img
        .as_raw()
        .chunks_exact(stride)
        .skip(my as usize)
        .take((h - 2 * my) as usize)
        .map(|row| row[x0..x1].iter().filter(|&&p| p < INK_LEVEL).count())
        .sum();
    let total = (x1 - x0) * (h - 2 * my) as usize;
    dark as f64 > BLANK_INK_FRACTION * total as f64
}

/// Resamples to `scale` of the size (area average when shrinking).
pub fn scaled(img: &GrayImage, scale: f32) -> GrayImage {
    let w = ((img.width() as f32 * scale).round() as u32).max(1);
    let h = ((img.height() as f32 * scale).round() as u32).max(1);
    imageops::resize(img, w, h, imageops::FilterType::Triangle)
}

/// Shrinks by a whole `factor`, each output pixel the mean of a `factor`-square block (a partial
/// block at the right or bottom edge is dropped). Much cheaper than a filtered resize, and
/// enough for analyses that look at shapes rather than letters.
pub fn shrink(img: &GrayImage, factor: u32) -> GrayImage {
    let factor = factor.max(1);
    if factor == 1 {
        return img.clone();
    }
    let (w, h) = img.dimensions();
    let (ow, oh) = ((w / factor).max(1), (h / factor).max(1));
    let f = factor as usize;
    let mut sums = vec![0u32; ow as usize];
    let mut out = Vec::with_capacity((ow * oh) as usize);
    for band in img
        .as_raw()
        .chunks_exact(w as usize)
        .take((oh * factor) as usize)
        .collect::<Vec<_>>()
        .chunks(f)
    {
        sums.iter_mut().for_each(|s| *s = 0);
        for row in band {
            for (sum, block) in sums.iter_mut().zip(row.chunks_exact(f)) {
                *sum += block.iter().map(|&p| u32::from(p)).sum::<u32>();
            }
        }
        let n = (f * band.len()) as u32;
        out.extend(sums.iter().map(|s| (s / n) as u8));
    }
    GrayImage::from_raw(ow, out.len() as u32 / ow, out).unwrap_or_else(|| img.clone())
}

/// Rows `top..bottom` of the image (clamped to it, at least one row), and the top row taken.
pub fn rows(img: &GrayImage, top: u32, bottom: u32) -> (GrayImage, u32) {
    let (w, h) = img.dimensions();
    let top = top.min(h.saturating_sub(1));
    let bottom = bottom.clamp(top + 1, h.max(1));
    let raw = &img.as_raw()[(top * w) as usize..(bottom * w) as usize];
    let band = GrayImage::from_raw(w, bottom - top, raw.to_vec())
        .unwrap_or_else(|| GrayImage::new(w.max(1), 1));
    (band, top)
}

/// Rotates by a multiple of 90 degrees clockwise.
pub fn rotate_quarter(img: &GrayImage, clockwise: u16) -> GrayImage {
    match clockwise % 360 {
        90 => imageops::rotate90(img),
        180 => imageops::rotate180(img),
        270 => imageops::rotate270(img),
        _ => img.clone(),
    }
}

/// Rotates by a small angle (degrees, counter-clockwise positive) about the centre, keeping the
/// size and filling uncovered corners with white. Bilinear sampling, the source position
/// stepped along each row in 16.16 fixed point (its drift over a 300-dpi row is a fiftieth of a
/// pixel).
pub fn rotate_small(img: &GrayImage, degrees: f32) -> GrayImage {
    const ONE: f64 = 65536.0;
    let (w, h) = img.dimensions();
    let (sin, cos) = f64::from(degrees).to_radians().sin_cos();
    let (cx, cy) = (f64::from(w) / 2.0, f64::from(h) / 2.0);
    let (step_x, step_y) = ((cos * ONE).round() as i64, (sin * ONE).round() as i64);
    let (end_x, end_y) = ((i64::from(w) - 1) << 16, (i64::from(h) - 1) << 16);
    let src = img.as_raw();
    let stride = w as usize;
    let mut out = vec![255u8; src.len()];
    for (y, row) in out.chunks_exact_mut(stride).enumerate() {
        let dy = y as f64 - cy;
        // Source position of x = 0 on this row.
        let mut sx = ((-cos * cx - sin * dy + cx) * ONE).round() as i64;
        let mut sy = ((-sin * cx + cos * dy + cy) * ONE).round() as i64;
        for px in row.iter_mut() {
            if sx >= 0 && sy >= 0 && sx < end_x && sy < end_y {
                let (x0, y0) = ((sx >> 16) as usize, (sy >> 16) as usize);
                let fx = ((sx >> 8) & 0xff) as u32;
                let fy = ((sy >> 8) & 0xff) as u32;
                let i = y0 * stride + x0;
                let (a, b) = (u32::from(src[i]), u32::from(src[i + 1]));
                let (c, d) = (u32::from(src[i + stride]), u32::from(src[i + stride + 1]));
                let top = a * (256 - fx) + b * fx;
                let bottom = c * (256 - fx) + d * fx;
                *px = ((top * (256 - fy) + bottom * fy) >> 16) as u8;
            }
            sx += step_x;
            sy += step_y;
        }
    }
    GrayImage::from_raw(w, h, out).unwrap_or_else(|| img.clone())
}

/// Maps a point of an image rotated by `rotate_small(.., degrees)` back into the source image.
pub fn unrotate_point(x: f32, y: f32, w: f32, h: f32, degrees: f32) -> (f32, f32) {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (w / 2.0, h / 2.0);
    let (dx, dy) = (x - cx, y - cy);
    (cos * dx - sin * dy + cx, sin * dx + cos * dy + cy)
}

/// A scan-like copy for tests and benchmarks: rotated by `degrees`, with grey jitter and
/// salt-and-pepper specks, reproducible from `seed`.
pub fn simulate_scan(img: &GrayImage, degrees: f32, seed: u64) -> GrayImage {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut out = rotate_small(img, degrees);
    for p in out.pixels_mut() {
        let jitter: i16 = rng.random_range(-25..=25);
        p[0] = (i16::from(p[0]) + jitter).clamp(0, 255) as u8;
        if rng.random_bool(0.002) {
            p[0] = if rng.random_bool(0.5) { 0 } else { 255 };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Luma;

    #[test]
    fn white_page_has_no_ink_and_a_text_bar_has() {
        let mut img = GrayImage::from_pixel(400, 500, Luma([250]));
        assert!(!has_ink(&img));
        for y in 200..210 {
            for x in 50..350 {
                img.put_pixel(x, y, Luma([10]));
            }
        }
        assert!(has_ink(&img));
    }

    #[test]
    fn small_rotation_matches_the_point_mapping() {
        let mut img = GrayImage::from_pixel(300, 200, Luma([255]));
        img.put_pixel(200, 60, Luma([0]));
        img.put_pixel(201, 60, Luma([0]));
        img.put_pixel(200, 61, Luma([0]));
        img.put_pixel(201, 61, Luma([0]));
        let rotated = rotate_small(&img, 3.0);
        let (darkest, _) = rotated
            .enumerate_pixels()
            .map(|(x, y, p)| ((x, y), p[0]))
            .min_by_key(|(_, v)| *v)
            .unwrap();
        let (sx, sy) = unrotate_point(darkest.0 as f32, darkest.1 as f32, 300.0, 200.0, 3.0);
        assert!(
            (sx - 200.5).abs() < 1.5 && (sy - 60.5).abs() < 1.5,
            "{darkest:?} -> {sx},{sy}"
        );
    }

    #[test]
    fn rows_are_cut_out_whole_and_clamped() {
        let img = GrayImage::from_fn(4, 10, |_, y| Luma([y as u8]));
        let (band, top) = rows(&img, 3, 6);
        assert_eq!((band.dimensions(), top), ((4, 3), 3));
        assert_eq!(band.get_pixel(2, 0)[0], 3);
        assert_eq!(rows(&img, 8, 40).0.height(), 2);
        assert_eq!(rows(&img, 20, 2).0.height(), 1);
    }

    #[test]
    fn shrink_averages_whole_blocks() {
        let mut img = GrayImage::from_pixel(9, 5, Luma([255]));
        img.put_pixel(0, 0, Luma([0]));
        img.put_pixel(1, 1, Luma([0]));
        let small = shrink(&img, 2);
        assert_eq!(small.dimensions(), (4, 2));
        assert_eq!(small.get_pixel(0, 0)[0], 127);
        assert_eq!(small.get_pixel(1, 0)[0], 255);
        assert_eq!(shrink(&img, 1), img);
    }

    #[test]
    fn small_rotation_round_trips_a_point() {
        let (x, y) = unrotate_point(120.0, 80.0, 400.0, 300.0, 2.0);
        let (bx, by) = unrotate_point(x, y, 400.0, 300.0, -2.0);
        assert!((bx - 120.0).abs() < 1e-3 && (by - 80.0).abs() < 1e-3);
    }
}

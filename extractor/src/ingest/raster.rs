//! Grey page images: ink detection for blank pages, resampling, crops and rotations used before
//! recognition.

use image::{GrayImage, Luma, imageops};

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
    let mut dark = 0u64;
    let mut total = 0u64;
    for y in my..h - my {
        for x in mx..w - mx {
            total += 1;
            if img.get_pixel(x, y)[0] < INK_LEVEL {
                dark += 1;
            }
        }
    }
    dark as f64 > BLANK_INK_FRACTION * total as f64
}

/// Resamples to `scale` of the size (area average when shrinking).
pub fn scaled(img: &GrayImage, scale: f32) -> GrayImage {
    let w = ((img.width() as f32 * scale).round() as u32).max(1);
    let h = ((img.height() as f32 * scale).round() as u32).max(1);
    imageops::resize(img, w, h, imageops::FilterType::Triangle)
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
/// size and filling uncovered corners with white. Bilinear sampling.
pub fn rotate_small(img: &GrayImage, degrees: f32) -> GrayImage {
    let (w, h) = img.dimensions();
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    let mut out = GrayImage::from_pixel(w, h, Luma([255]));
    for y in 0..h {
        let dy = y as f32 - cy;
        for x in 0..w {
            let dx = x as f32 - cx;
            // Inverse mapping: where in the source does this output pixel come from.
            let sx = cos * dx - sin * dy + cx;
            let sy = sin * dx + cos * dy + cy;
            if sx < 0.0 || sy < 0.0 || sx >= (w - 1) as f32 || sy >= (h - 1) as f32 {
                continue;
            }
            let (x0, y0) = (sx as u32, sy as u32);
            let (fx, fy) = (sx - x0 as f32, sy - y0 as f32);
            let p = |xx, yy| f32::from(img.get_pixel(xx, yy)[0]);
            let top = p(x0, y0) * (1.0 - fx) + p(x0 + 1, y0) * fx;
            let bottom = p(x0, y0 + 1) * (1.0 - fx) + p(x0 + 1, y0 + 1) * fx;
            out.put_pixel(x, y, Luma([(top * (1.0 - fy) + bottom * fy).round() as u8]));
        }
    }
    out
}

/// Maps a point of an image rotated by `rotate_small(.., degrees)` back into the source image.
pub fn unrotate_point(x: f32, y: f32, w: f32, h: f32, degrees: f32) -> (f32, f32) {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (w / 2.0, h / 2.0);
    let (dx, dy) = (x - cx, y - cy);
    (cos * dx - sin * dy + cx, sin * dx + cos * dy + cy)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn small_rotation_round_trips_a_point() {
        let (x, y) = unrotate_point(120.0, 80.0, 400.0, 300.0, 2.0);
        let (bx, by) = unrotate_point(x, y, 400.0, 300.0, -2.0);
        assert!((bx - 120.0).abs() < 1e-3 && (by - 80.0).abs() < 1e-3);
    }
}

//! Page orientation (0/90/180/270) from tesseract's orientation-and-script detector, and small
//! skew from a projection profile. The `tesseract` crate does not expose OSD, so this file holds
//! the few raw calls it needs (the `tesseract` crate's own bindings) behind a safe type.

use image::GrayImage;
use std::ffi::CString;
use std::os::raw::{c_char, c_int};
use std::path::Path;
use tesseract::plumbing::tesseract_sys as sys;

/// Below this OSD confidence the page is left as it is.
const MIN_ORIENTATION_CONFIDENCE: f32 = 1.5;
/// How much sharper the column profile must be than the row profile to call a page sideways.
const SIDEWAYS_RATIO: f64 = 1.5;

/// One tesseract instance loaded with the `osd` model, owned by one OCR worker.
pub struct OrientationDetector {
    handle: *mut sys::TessBaseAPI,
}

// The handle is used by exactly one thread at a time (the worker that owns it).
unsafe impl Send for OrientationDetector {}

impl OrientationDetector {
    /// `None` when `osd.traineddata` is missing: orientation is then left alone.
    pub fn new(tessdata: &Path) -> Option<Self> {
        if !tessdata.join("osd.traineddata").exists() {
            return None;
        }
        let path = CString::new(tessdata.to_string_lossy().as_bytes()).ok()?;
        let lang = CString::new("osd").ok()?;
        // SAFETY: the handle is created here, checked, and freed on failure or in `drop`.
        unsafe {
            let handle = sys::TessBaseAPICreate();
            if handle.is_null() {
                return None;
            }
            if sys::TessBaseAPIInit3(handle, path.as_ptr(), lang.as_ptr()) != 0 {
                sys::TessBaseAPIDelete(handle);
                return None;
            }
            // Its warnings ("Invalid resolution 0 dpi" while it sizes up the page) would reach
            // stderr, the CLI's log channel.
            sys::TessBaseAPISetVariable(handle, c"debug_file".as_ptr(), c"/dev/null".as_ptr());
            sys::TessBaseAPISetPageSegMode(handle, sys::TessPageSegMode_PSM_OSD_ONLY);
            Some(OrientationDetector { handle })
        }
    }

    /// The clockwise rotation (0, 90, 180, 270) that makes the page upright.
    pub fn upright_rotation(&mut self, img: &GrayImage, dpi: u32) -> u16 {
        let (w, h) = img.dimensions();
        let (Ok(w), Ok(h)) = (c_int::try_from(w), c_int::try_from(h)) else {
            return 0;
        };
        let mut degrees: c_int = 0;
        let mut confidence: f32 = 0.0;
        let mut script: *const c_char = std::ptr::null();
        let mut script_confidence: f32 = 0.0;
        // SAFETY: the image buffer outlives the calls (tesseract copies it in SetImage), its
        // geometry matches the buffer (one byte per pixel, rows `w` bytes apart), and the out
        // pointers are valid locals; `script` points into tesseract's own tables.
        let found = unsafe {
            sys::TessBaseAPISetImage(self.handle, img.as_raw().as_ptr(), w, h, 1, w);
            sys::TessBaseAPISetSourceResolution(self.handle, dpi as c_int);
            let found = sys::TessBaseAPIDetectOrientationScript(
                self.handle,
                &mut degrees,
                &mut confidence,
                &mut script,
                &mut script_confidence,
            );
            sys::TessBaseAPIClear(self.handle);
            found
        };
        if found == 0 || confidence < MIN_ORIENTATION_CONFIDENCE {
            return 0;
        }
        // Tesseract reports the page's orientation counter-clockwise; undo it clockwise.
        ((360 - degrees.rem_euclid(360)) % 360) as u16
    }
}

impl Drop for OrientationDetector {
    fn drop(&mut self) {
        // SAFETY: the handle came from `TessBaseAPICreate` and is freed once.
        unsafe {
            sys::TessBaseAPIEnd(self.handle);
            sys::TessBaseAPIDelete(self.handle);
        }
    }
}

/// The skew of the text lines in degrees (positive: lines fall to the right in image
/// coordinates), searched within ±`limit` degrees on a ~75-dpi copy of the page.
pub fn detect_skew(img: &GrayImage, dpi: u32, limit: f32) -> f32 {
    let small = super::raster::shrink(img, (dpi / 75).max(1));
    let (w, h) = small.dimensions();
    let ink: Vec<(f32, f32)> = small
        .enumerate_pixels()
        .filter(|(_, _, p)| p[0] < 140)
        .map(|(x, y, _)| (x as f32, y as f32))
        .collect();
    if ink.len() < 200 {
        return 0.0;
    }
    let bins = (h + w) as usize * 2;
    let offset = w as f32;
    let sharpness = |degrees: f32| {
        let slope = degrees.to_radians().tan();
        let mut histogram = vec![0u32; bins];
        for (x, y) in &ink {
            let row = (y - x * slope + offset).round();
            if row >= 0.0 && (row as usize) < bins {
                histogram[row as usize] += 1;
            }
        }
        histogram
            .windows(2)
            .map(|p| {
                let d = f64::from(p[1]) - f64::from(p[0]);
                d * d
            })
            .sum::<f64>()
    };
    let best = |from: f32, to: f32, step: f32| {
        let steps = ((to - from) / step).round() as i32;
        (0..=steps)
            .map(|i| from + i as f32 * step)
            .map(|a| (a, sharpness(a)))
            .fold((0.0, f64::MIN), |acc, x| if x.1 > acc.1 { x } else { acc })
            .0
    };
    let coarse = best(-limit, limit, 0.5);
    best(coarse - 0.5, coarse + 0.5, 0.1)
}

/// Whether the page's text seems to run up or down the page (a page turned a quarter): ink
/// profiled across the columns changes more sharply than down the rows. Cheap, on a ~75-dpi
/// copy; tesseract's orientation detector then says which way.
pub fn looks_sideways(img: &GrayImage, dpi: u32) -> bool {
    let small = super::raster::shrink(img, (dpi / 75).max(1));
    let (w, h) = small.dimensions();
    let (mut rows, mut columns) = (vec![0u32; h as usize], vec![0u32; w as usize]);
    for (x, y, p) in small.enumerate_pixels() {
        if p[0] < 140 {
            rows[y as usize] += 1;
            columns[x as usize] += 1;
        }
    }
    let sharpness = |profile: &[u32]| {
        profile
            .windows(2)
            .map(|p| (f64::from(p[1]) - f64::from(p[0])).powi(2))
            .sum::<f64>()
    };
    sharpness(&columns) > SIDEWAYS_RATIO * sharpness(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Luma;

    fn ruled_page(slope_degrees: f32) -> GrayImage {
        let mut img = GrayImage::from_pixel(1200, 1500, Luma([255]));
        let slope = slope_degrees.to_radians().tan();
        for line in 0..30 {
            let y0 = 100.0 + line as f32 * 40.0;
            for x in 100..1100u32 {
                let y = (y0 + x as f32 * slope) as u32;
                for dy in 0..8 {
                    if x % 23 < 18 {
                        img.put_pixel(x, y + dy, Luma([0]));
                    }
                }
            }
        }
        img
    }

    #[test]
    fn lines_running_down_the_page_look_sideways() {
        let page = ruled_page(0.0);
        assert!(!looks_sideways(&page, 150));
        assert!(looks_sideways(&image::imageops::rotate90(&page), 150));
    }

    #[test]
    fn skew_of_tilted_lines_is_found() {
        let found = detect_skew(&ruled_page(1.2), 150, 5.0);
        assert!((found - 1.2).abs() < 0.2, "{found}");
        let found = detect_skew(&ruled_page(-0.7), 150, 5.0);
        assert!((found + 0.7).abs() < 0.2, "{found}");
        assert!(detect_skew(&ruled_page(0.0), 150, 5.0).abs() < 0.15);
    }
}

//! Vector rules of a native PDF page: the stroked lines and thin filled rectangles that draw a
//! ruled table's grid, as thin boxes in page fractions. Layout turns them into table cells, so
//! a ruled table is found even when its columns sit too close to be told apart by the gaps
//! between words.

use super::pdf_words::PageFrame;
use crate::bbox::BBox;
use pdfium_render::prelude::*;

/// Thicker than this (points) is a shape, not a rule.
const MAX_THICKNESS_PT: f32 = 3.0;
/// Shorter than this (points) is a tick or a glyph-like mark, not a rule.
const MIN_LENGTH_PT: f32 = 6.0;
/// A page with more path objects than this is a drawing (a site plan, a chart), not a table.
const MAX_PATHS: usize = 5_000;

/// The horizontal and vertical rules drawn on the page.
pub fn rules(page: &PdfPage, frame: PageFrame) -> Vec<BBox> {
    let mut out = Vec::new();
    let mut paths = 0;
    for object in page.objects().iter() {
        if object.object_type() != PdfPageObjectType::Path {
            continue;
        }
        paths += 1;
        if paths > MAX_PATHS {
            return Vec::new();
        }
        let Ok(b) = object.bounds() else {
            continue;
        };
        let (left, right, bottom, top) = (
            b.left().value,
            b.right().value,
            b.bottom().value,
            b.top().value,
        );
        let (w, h) = (right - left, top - bottom);
        let thin = w.min(h) <= MAX_THICKNESS_PT && w.max(h) >= MIN_LENGTH_PT;
        if thin && w.is_finite() && h.is_finite() {
            out.push(frame.to_bbox(left, bottom, right, top));
        }
    }
    out
}

//! Vector rules of a native PDF page: the stroked lines and thin filled rectangles that draw a
//! ruled table's grid, and the straight edges of stroked outlines (a table drawn as one
//! rectangle per cell, or as one path), as thin boxes in page fractions. Layout turns them into
//! table cells, so a ruled table is found even when its columns sit too close to be told apart
//! by the gaps between words.

use super::pdf_words::PageFrame;
use crate::bbox::BBox;
use pdfium_render::prelude::*;

/// Thicker than this (points) is a shape, not a rule.
const MAX_THICKNESS_PT: f32 = 3.0;
/// Shorter than this (points) is a tick or a glyph-like mark, not a rule.
const MIN_LENGTH_PT: f32 = 6.0;
/// A page with more path objects than this is a drawing (a site plan, a chart), not a table.
const MAX_PATHS: usize = 5_000;
/// A stroked outline with more segments than this is a drawing, not cell borders.
const MAX_OUTLINE_SEGMENTS: PdfPathSegmentIndex = 400;
/// Half the thickness given to an edge taken from an outline (points).
const EDGE_HALF_PT: f32 = 0.25;
/// An edge whose ends differ by less than this across it (points) is straight along an axis.
const AXIS_TOLERANCE_PT: f32 = 0.5;

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
        if !(w.is_finite() && h.is_finite()) {
            continue;
        }
        if w.min(h) <= MAX_THICKNESS_PT {
            if w.max(h) >= MIN_LENGTH_PT {
                out.push(frame.to_bbox(left, bottom, right, top));
            }
        } else if let Some(path) = object.as_path_object() {
            out.extend(
                outline_edges(path, &object)
                    .into_iter()
                    .map(|(l, b, r, t)| frame.to_bbox(l, b, r, t)),
            );
        }
    }
    out
}

/// The straight horizontal and vertical edges of a stroked outline, as thin boxes in page
/// points (left, bottom, right, top); none for a filled-only shape, a curve's edges, or a
/// path too intricate to be cell borders.
fn outline_edges(path: &PdfPagePathObject, object: &PdfPageObject) -> Vec<(f32, f32, f32, f32)> {
    let mut edges = Vec::new();
    if !path.is_stroked().unwrap_or(false) {
        return edges;
    }
    let Ok(matrix) = object.matrix() else {
        return edges;
    };
    let segments = path.segments().transform(matrix);
    let count = segments.len();
    if count > MAX_OUTLINE_SEGMENTS {
        return edges;
    }
    let mut edge = |(x0, y0): (f32, f32), (x1, y1): (f32, f32)| {
        let (l, r, b, t) = (x0.min(x1), x0.max(x1), y0.min(y1), y0.max(y1));
        if r - l >= MIN_LENGTH_PT && t - b <= AXIS_TOLERANCE_PT {
            let y = (b + t) / 2.0;
            edges.push((l, y - EDGE_HALF_PT, r, y + EDGE_HALF_PT));
        } else if t - b >= MIN_LENGTH_PT && r - l <= AXIS_TOLERANCE_PT {
            let x = (l + r) / 2.0;
            edges.push((x - EDGE_HALF_PT, b, x + EDGE_HALF_PT, t));
        }
    };
    let (mut start, mut at) = (None, None);
    for index in 0..count {
        let Ok(segment) = segments.get(index) else {
            return Vec::new();
        };
        let point = (segment.x().value, segment.y().value);
        match segment.segment_type() {
            PdfPathSegmentType::MoveTo => start = Some(point),
            PdfPathSegmentType::LineTo => {
                if let Some(from) = at {
                    edge(from, point);
                }
            }
            // A curve's chord is no rule.
            _ => {}
        }
        at = Some(point);
        if segment.is_close()
            && let Some(first) = start
        {
            edge(point, first);
            at = Some(first);
        }
    }
    edges
}

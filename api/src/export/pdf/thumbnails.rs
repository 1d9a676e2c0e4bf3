//! The strip of cited pages: which pages, their images scaled to a thumbnail, and each field's
//! evidence box in thumbnail coordinates so the template can draw it over the image.

use crate::export::PageImages;
use crate::export::values;
use extractor::schema::{Evidence, Extraction, Field};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Cursor;

/// Thumbnail width on the page, in points (four to a row on Letter with 0.75 in margins).
const WIDTH_PT: f64 = 118.0;
/// Pixels kept across a thumbnail: about 2× its printed size, enough to read a heading.
const MAX_PIXELS: u32 = 330;
/// More cited pages than this are listed, not pictured, to keep the abstract short.
const MAX_THUMBNAILS: usize = 8;

#[derive(Debug, Serialize)]
pub struct Layout {
    /// Key of the image in `sys.inputs.images`.
    pub key: String,
    pub page: usize,
    pub width: f64,
    pub height: f64,
    pub caption: String,
    pub boxes: Vec<[f64; 4]>,
}

pub struct Thumbnail {
    pub layout: Layout,
    pub png: Vec<u8>,
}

/// The cited pages in order, each with its image and the boxes of the values read there. A page
/// whose image is missing or unreadable is skipped: the abstract still cites it in the tables.
pub fn collect(extraction: &Extraction, pages: &PageImages<'_>) -> Vec<Thumbnail> {
    let mut cited: BTreeMap<usize, (Vec<String>, Vec<[f64; 4]>)> = BTreeMap::new();
    for (name, field) in fields(extraction) {
        for e in &field.evidence {
            let Some(page) = e.page else { continue };
            let entry = cited.entry(page).or_default();
            let label = values::label(name);
            if !entry.0.contains(&label) {
                entry.0.push(label);
            }
            entry.1.extend(fraction_box(e));
        }
    }
    cited
        .into_iter()
        .take(MAX_THUMBNAILS)
        .filter_map(|(page, (labels, boxes))| {
            let png = pages(page)?;
            let (png, w, h) = shrink(&png)?;
            let height = WIDTH_PT * f64::from(h) / f64::from(w);
            let boxes = boxes
                .into_iter()
                .map(|[x0, y0, x1, y1]| {
                    [
                        x0 * WIDTH_PT,
                        y0 * height,
                        (x1 - x0) * WIDTH_PT,
                        (y1 - y0) * height,
                    ]
                })
                .collect();
            Some(Thumbnail {
                layout: Layout {
                    key: page.to_string(),
                    page,
                    width: WIDTH_PT,
                    height,
                    caption: format!("p. {page}: {}", labels.join(", ")),
                    boxes,
                },
                png,
            })
        })
        .collect()
}

fn fields(extraction: &Extraction) -> Vec<(&str, &Field)> {
    let mut out = Vec::new();
    for map in [
        extraction.lease.as_ref(),
        extraction.custom.as_ref().map(|c| &c.fields),
    ]
    .into_iter()
    .flatten()
    {
        out.extend(values::ordered(map));
    }
    out
}

/// The evidence box as page fractions, clamped to the page and ordered.
fn fraction_box(e: &Evidence) -> Option<[f64; 4]> {
    let b = e.bbox?;
    let (x0, y0, x1, y1) = (
        f64::from(b.x0),
        f64::from(b.y0),
        f64::from(b.x1),
        f64::from(b.y1),
    );
    let c = |f: f64| f.clamp(0.0, 1.0);
    let (x0, x1) = (c(x0.min(x1)), c(x0.max(x1)));
    let (y0, y1) = (c(y0.min(y1)), c(y0.max(y1)));
    (x1 > x0 && y1 > y0).then_some([x0, y0, x1, y1])
}

/// Decodes the page image (which also proves it is one) and scales it down to thumbnail size,
/// returning PNG bytes and pixel dimensions.
fn shrink(png: &[u8]) -> Option<(Vec<u8>, u32, u32)> {
    let image = image::load_from_memory(png).ok()?;
    let image = if image.width() > MAX_PIXELS {
        image.thumbnail(MAX_PIXELS, u32::MAX)
    } else {
        image
    };
    let (w, h) = (image.width(), image.height());
    if w == 0 || h == 0 {
        return None;
    }
    let mut out = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .ok()?;
    Some((out, w, h))
}

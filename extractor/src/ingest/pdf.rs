//! PDF pages through pdfium, on the pdfium thread: page sizes, the text layer as words, and the
//! renders that OCR needs. Pages stream out one at a time over a bounded channel so a long scan
//! never sits in memory as images.

use super::pdf_words::{PageFrame, RawChar, group_words};
use super::raster;
use super::text_quality::{MIN_WORDLIKE, wordlike_share};
use crate::ExtractError;
use crate::bbox::BBox;
use crate::model::Word;
use image::GrayImage;
use pdfium_render::prelude::*;
use std::sync::mpsc::SyncSender;

/// Resolution of the OCR render.
pub const OCR_DPI: f32 = 300.0;
/// Resolution of the render that decides whether a page without text is blank.
pub const BLANK_DPI: f32 = 50.0;
/// Resolution of the quick OCR sample that checks an invisible text layer.
pub const SAMPLE_DPI: f32 = 150.0;
/// No render gets more pixels than this, whatever the page size.
const MAX_RENDER_PIXELS: f32 = 120_000_000.0;
/// Share of a text layer's glyphs that must be invisible to call it an OCR layer under a scan.
const INVISIBLE_SHARE: f32 = 0.8;

/// What a page needs after its text layer was read.
pub enum PageNeed {
    /// The text layer is good.
    Text,
    /// No text and no ink: nothing to read.
    Blank,
    /// No usable text layer: OCR this 300-dpi render.
    Ocr(GrayImage),
    /// An invisible layer under a scan: compare it with an OCR of this sample band, whose top and
    /// bottom are given as page fractions.
    CheckLayer {
        sample: GrayImage,
        top: f32,
        bottom: f32,
    },
}

/// One page as read on the pdfium thread.
pub struct PdfPage {
    /// 0-based.
    pub index: usize,
    pub width_pt: f32,
    pub height_pt: f32,
    pub words: Vec<Word>,
    /// Vector rules of a page read from its text layer (thin boxes in page fractions).
    pub rules: Vec<BBox>,
    pub need: PageNeed,
    /// Why the page was (or could not be) read as it was.
    pub note: Option<String>,
}

pub enum PdfEvent {
    Opened {
        pages: usize,
    },
    Page(Box<PdfPage>),
    /// A page that pdfium could not read at all.
    PageFailed {
        index: usize,
        error: String,
    },
}

/// Maps pdfium's open errors onto ours; a password error is `Encrypted`.
pub fn open_error(e: PdfiumError) -> ExtractError {
    match e {
        PdfiumError::PdfiumLibraryInternalError(
            PdfiumInternalError::PasswordError | PdfiumInternalError::SecurityError,
        ) => ExtractError::Encrypted,
        PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::FormatError) => {
            ExtractError::Corrupt(
                "not a readable PDF (bad structure or cross-reference table)".into(),
            )
        }
        other => ExtractError::Corrupt(format!("PDF: {other}")),
    }
}

/// Reads every page of `bytes`, sending events to `tx`; stops early if the receiver hangs up.
pub fn stream_pages(
    pdfium: &Pdfium,
    bytes: &[u8],
    max_pages: usize,
    tx: &SyncSender<Result<PdfEvent, ExtractError>>,
) {
    let document = match pdfium.load_pdf_from_byte_slice(bytes, None) {
        Ok(d) => d,
        Err(e) => {
            let _ = tx.send(Err(open_error(e)));
            return;
        }
    };
    let pages = document.pages();
    let count = usize::try_from(pages.len()).unwrap_or(0);
    if count > max_pages {
        let _ = tx.send(Err(ExtractError::TooManyPages {
            pages: count,
            limit: max_pages,
        }));
        return;
    }
    if tx.send(Ok(PdfEvent::Opened { pages: count })).is_err() {
        return;
    }
    for index in 0..count {
        let event = match pages.get(index as PdfPageIndex) {
            Ok(page) => match read_page(&page, index) {
                Ok(p) => PdfEvent::Page(Box::new(p)),
                Err(e) => PdfEvent::PageFailed {
                    index,
                    error: e.to_string(),
                },
            },
            Err(e) => PdfEvent::PageFailed {
                index,
                error: e.to_string(),
            },
        };
        if tx.send(Ok(event)).is_err() {
            return;
        }
    }
}

fn read_page(page: &PdfPage_, index: usize) -> Result<PdfPage, PdfiumError> {
    let frame = page_frame(page)?;
    let (width_pt, height_pt) = frame.display_size();
    let (words, invisible) = text_layer(page, frame)?;
    let mut note = None;
    let need = if words.is_empty() {
        let inked = tracing::debug_span!("ocr.blank_check")
            .in_scope(|| render_gray(page, BLANK_DPI).map(|small| raster::has_ink(&small)))?;
        if inked {
            PageNeed::Ocr(
                tracing::debug_span!("ocr.render").in_scope(|| render_gray(page, OCR_DPI))?,
            )
        } else {
            PageNeed::Blank
        }
    } else if wordlike_share(&words) < MIN_WORDLIKE {
        note = Some(format!(
            "text layer is garbage ({:.0}% word-like tokens); OCR used instead",
            100.0 * wordlike_share(&words)
        ));
        PageNeed::Ocr(render_gray(page, OCR_DPI)?)
    } else if invisible {
        let full = render_gray(page, SAMPLE_DPI)?;
        let (top, bottom) = (0.3, 0.6);
        let h = full.height() as f32;
        let sample = image::imageops::crop_imm(
            &full,
            0,
            (top * h) as u32,
            full.width(),
            ((bottom - top) * h) as u32,
        )
        .to_image();
        PageNeed::CheckLayer {
            sample,
            top,
            bottom,
        }
    } else {
        PageNeed::Text
    };
    let rules = match need {
        PageNeed::Text => super::pdf_rules::rules(page, frame),
        _ => Vec::new(),
    };
    Ok(PdfPage {
        index,
        width_pt,
        height_pt,
        words,
        rules,
        need,
        note,
    })
}

/// pdfium-render names its page type `PdfPage`, as we do ours.
type PdfPage_<'a> = pdfium_render::prelude::PdfPage<'a>;

fn page_frame(page: &PdfPage_) -> Result<PageFrame, PdfiumError> {
    let rotation = match page.rotation()? {
        PdfPageRenderRotation::None => 0,
        PdfPageRenderRotation::Degrees90 => 90,
        PdfPageRenderRotation::Degrees180 => 180,
        PdfPageRenderRotation::Degrees270 => 270,
    };
    let (w, h) = (page.width().value, page.height().value);
    let (width, height) = if rotation % 180 == 90 { (h, w) } else { (w, h) };
    let boundaries = page.boundaries();
    let origin = boundaries
        .crop()
        .or_else(|_| boundaries.media())
        .map(|b| (b.bounds.left().value, b.bounds.bottom().value))
        .unwrap_or((0.0, 0.0));
    Ok(PageFrame {
        origin_x: origin.0,
        origin_y: origin.1,
        width,
        height,
        rotation,
    })
}

/// The page's words, and whether its glyphs are mostly invisible (an OCR layer under a scan).
fn text_layer(page: &PdfPage_, frame: PageFrame) -> Result<(Vec<Word>, bool), PdfiumError> {
    let text = page.text()?;
    let chars = text.chars();
    let mut raw = Vec::with_capacity(chars.len());
    let (mut sampled, mut invisible) = (0usize, 0usize);
    for ch in chars.iter() {
        let Some(c) = ch.unicode_char() else {
            continue;
        };
        if c.is_whitespace() {
            raw.push(RawChar {
                ch: ' ',
                left: 0.0,
                bottom: 0.0,
                right: 0.0,
                top: 0.0,
                angle: 0.0,
            });
            continue;
        }
        let Ok(rect) = ch.loose_bounds() else {
            continue;
        };
        // Render modes cost a lookup each; a sample of glyphs tells a hidden layer apart.
        if sampled < 200 {
            sampled += 1;
            if matches!(ch.render_mode(), Ok(PdfPageTextRenderMode::Invisible)) {
                invisible += 1;
            }
        }
        raw.push(RawChar {
            ch: c,
            left: rect.left().value,
            bottom: rect.bottom().value,
            right: rect.right().value,
            top: rect.top().value,
            angle: ch.angle_degrees().unwrap_or(0.0),
        });
    }
    let hidden = sampled > 0 && invisible as f32 >= INVISIBLE_SHARE * sampled as f32;
    Ok((group_words(&raw, frame), hidden))
}

/// Renders the page in grey at `dpi` (lowered for giant pages to stay under a pixel budget).
pub fn render_gray(page: &PdfPage_, dpi: f32) -> Result<GrayImage, PdfiumError> {
    let (w, h) = (page.width().value / 72.0, page.height().value / 72.0);
    let budget = (MAX_RENDER_PIXELS / (w * h).max(1e-3)).sqrt();
    let dpi = dpi.min(budget).max(1.0);
    let config = PdfRenderConfig::new()
        .scale_page_by_factor(dpi / 72.0)
        .use_grayscale_rendering(true)
        .render_form_data(true);
    Ok(page.render_with_config(&config)?.as_image()?.into_luma8())
}

/// Renders page `index` (0-based) of `bytes` at `dpi` as a grey image.
pub fn render_page(
    pdfium: &Pdfium,
    bytes: &[u8],
    index: usize,
    dpi: f32,
) -> Result<GrayImage, ExtractError> {
    let document = pdfium
        .load_pdf_from_byte_slice(bytes, None)
        .map_err(open_error)?;
    let pages = document.pages();
    let count = usize::try_from(pages.len()).unwrap_or(0);
    if index >= count {
        return Err(ExtractError::Corrupt(format!(
            "page {} does not exist; the document has {count}",
            index + 1
        )));
    }
    let page = pages
        .get(index as PdfPageIndex)
        .map_err(|e| ExtractError::Corrupt(format!("page {}: {e}", index + 1)))?;
    render_gray(&page, dpi).map_err(|e| ExtractError::Corrupt(format!("page {}: {e}", index + 1)))
}

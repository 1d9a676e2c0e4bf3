//! Ingestion: bytes of any supported format into the layout `Document`. The type is sniffed from
//! the bytes; PDFs go through pdfium (its own thread), scans and images through the tesseract
//! pool, DOCX through its XML, spreadsheets to `crate::sheets`. Layout analysis then orders the
//! words into lines and finds the structure.

mod cleanup;
mod docx;
mod engine;
mod image_dpi;
mod images;
mod ocr;
mod osd;
mod pdf;
mod pdf_rules;
mod pdf_words;
mod pdfium_thread;
pub mod raster;
pub mod sniff;
mod text_quality;
mod zip_guard;

pub use sniff::sniff;

use crate::bbox::BBox;
use crate::model::{Diagnostic, Document, MediaKind, Page, TextSource};
use crate::{ExtractError, Resources};
use ocr::{OcrJob, OcrPage, OcrPool};
use pdf::{PageNeed, PdfEvent};
use pdfium_thread::PdfiumThread;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

/// Limits and switches for reading.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Refuse documents with more pages than this.
    pub max_pages: usize,
    /// Tesseract workers (one per core by default).
    pub ocr_workers: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_pages: 2000,
            ocr_workers: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
        }
    }
}

/// Pages read so far, reported while a document is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub pages_done: usize,
    pub pages_total: usize,
}

/// Owns the native engines (the pdfium thread, the tesseract pool) for the process's lifetime.
pub struct Reader {
    resources: Resources,
    options: ReadOptions,
    ocr: OcrPool,
}

/// An OCR answer still to come for page `index`.
enum Pending {
    /// The page's words come from this OCR.
    Full(usize, Receiver<Result<OcrPage, ExtractError>>),
    /// This OCR of a band of the page checks the page's invisible text layer.
    Check {
        index: usize,
        answer: Receiver<Result<OcrPage, ExtractError>>,
        top: f32,
        bottom: f32,
    },
}

impl Reader {
    pub fn new(resources: &Resources, options: ReadOptions) -> Result<Self, ExtractError> {
        Ok(Reader {
            ocr: OcrPool::new(&resources.tessdata_dir, options.ocr_workers),
            resources: resources.clone(),
            options,
        })
    }

    /// Reads one file into the layout model.
    pub fn read(
        &self,
        bytes: &[u8],
        filename: &str,
        progress: &dyn Fn(Progress),
    ) -> Result<Document, ExtractError> {
        let kind = sniff(bytes)?;
        let span = tracing::info_span!("read", file = filename, kind = ?kind, bytes = bytes.len());
        let _entered = span.enter();
        let started = std::time::Instant::now();
        let (mut doc, rules) = match kind {
            MediaKind::Pdf => self.read_pdf(bytes, progress)?,
            MediaKind::Png | MediaKind::Jpeg | MediaKind::Tiff => {
                (self.read_images(bytes, kind, progress)?, Vec::new())
            }
            MediaKind::Docx => (read_docx(bytes)?, Vec::new()),
            MediaKind::Xlsx | MediaKind::Xls | MediaKind::Csv => {
                if kind == MediaKind::Xlsx {
                    zip_guard::check(bytes)?;
                }
                let mut doc = crate::sheets::read_spreadsheet(bytes, kind, filename)?;
                if doc.sha256.is_empty() {
                    doc.sha256 = sha256_hex(bytes);
                }
                if doc.filename.is_empty() {
                    doc.filename = filename.to_string();
                }
                return Ok(doc);
            }
        };
        doc.filename = filename.to_string();
        doc.sha256 = sha256_hex(bytes);
        doc.media_kind = kind;
        crate::layout::analyze_with_rules(&mut doc, &rules);
        tracing::debug!(
            pages = doc.pages.len(),
            ms = started.elapsed().as_millis() as u64,
            "read"
        );
        Ok(doc)
    }

    fn pdfium(&self) -> Result<PdfiumThread, ExtractError> {
        PdfiumThread::get(&self.resources.pdfium_dir)
    }

    /// Reads a PDF into pages, with the vector rules of each page for table finding.
    fn read_pdf(
        &self,
        bytes: &[u8],
        progress: &dyn Fn(Progress),
    ) -> Result<(Document, Vec<Vec<BBox>>), ExtractError> {
        let pdfium = self.pdfium()?;
        let data: Arc<[u8]> = Arc::from(bytes);
        let (tx, events) = mpsc::sync_channel(2);
        let max_pages = self.options.max_pages;
        let shared = data.clone();
        pdfium.submit(move |p| pdf::stream_pages(p, &shared, max_pages, &tx))?;
        let mut doc = empty_document(MediaKind::Pdf);
        let mut pending = Vec::new();
        let mut rules = Vec::new();
        let mut total = 0;
        for event in events {
            match event? {
                PdfEvent::Opened { pages } => {
                    total = pages;
                    rules = vec![Vec::new(); pages];
                    doc.pages = (1..=pages)
                        .map(|number| Page {
                            number,
                            ..Page::default()
                        })
                        .collect();
                    progress(Progress {
                        pages_done: 0,
                        pages_total: total,
                    });
                }
                PdfEvent::Page(p) => {
                    let index = p.index;
                    let Some(page) = doc.pages.get_mut(index) else {
                        continue;
                    };
                    page.width_pt = p.width_pt;
                    page.height_pt = p.height_pt;
                    page.words = p.words;
                    rules[index] = p.rules;
                    if let Some(note) = p.note {
                        doc.diagnostics
                            .push(Diagnostic::info(Some(index + 1), note));
                    }
                    match p.need {
                        PageNeed::Text => page.text_source = TextSource::PdfText,
                        PageNeed::Blank => page.text_source = TextSource::None,
                        PageNeed::Ocr(image) => {
                            page.words.clear();
                            let job = OcrJob {
                                image,
                                dpi: pdf::OCR_DPI as u32,
                                upright: true,
                            };
                            pending.push(Pending::Full(index, self.ocr.submit(job)?));
                        }
                        PageNeed::CheckLayer {
                            sample,
                            top,
                            bottom,
                        } => {
                            page.text_source = TextSource::PdfText;
                            let job = OcrJob {
                                image: sample,
                                dpi: pdf::SAMPLE_DPI as u32,
                                upright: false,
                            };
                            let answer = self.ocr.submit(job)?;
                            pending.push(Pending::Check {
                                index,
                                answer,
                                top,
                                bottom,
                            });
                        }
                    }
                    progress(Progress {
                        pages_done: index + 1,
                        pages_total: total,
                    });
                }
                PdfEvent::PageFailed { index, error } => doc.diagnostics.push(Diagnostic::error(
                    Some(index + 1),
                    format!("page could not be read: {error}"),
                )),
            }
        }
        for item in pending {
            self.settle(&mut doc, item, &pdfium, &data);
        }
        Ok((doc, rules))
    }

    /// Applies one OCR answer to its page; a failure becomes a diagnostic on that page.
    fn settle(&self, doc: &mut Document, item: Pending, pdfium: &PdfiumThread, data: &Arc<[u8]>) {
        let wait = |answer: Receiver<Result<OcrPage, ExtractError>>| {
            answer
                .recv()
                .map_err(|_| ExtractError::Internal("an OCR worker died".into()))?
        };
        match item {
            Pending::Full(index, answer) => match wait(answer) {
                Ok(ocr) => apply_ocr(&mut doc.pages[index], ocr),
                Err(e) => doc.diagnostics.push(Diagnostic::error(
                    Some(index + 1),
                    format!("OCR failed: {e}"),
                )),
            },
            Pending::Check {
                index,
                answer,
                top,
                bottom,
            } => {
                let Ok(sample) = wait(answer) else {
                    return;
                };
                let page = &doc.pages[index];
                let in_band: Vec<_> = page
                    .words
                    .iter()
                    .filter(|w| (top..bottom).contains(&w.bbox.center_y()))
                    .cloned()
                    .collect();
                let Some(agreement) = text_quality::agreement(&in_band, &sample.words) else {
                    return;
                };
                if agreement >= text_quality::MIN_AGREEMENT {
                    return;
                }
                doc.diagnostics.push(Diagnostic::info(
                    Some(index + 1),
                    format!(
                        "hidden text layer disagrees with OCR ({:.0}% of sampled words found); OCR used instead",
                        100.0 * agreement
                    ),
                ));
                let shared = data.clone();
                let ocr = pdfium
                    .run(move |p| pdf::render_page(p, &shared, index, pdf::OCR_DPI))
                    .and_then(|r| r)
                    .and_then(|image| {
                        self.ocr.recognize(OcrJob {
                            image,
                            dpi: pdf::OCR_DPI as u32,
                            upright: true,
                        })
                    });
                match ocr {
                    Ok(ocr) => apply_ocr(&mut doc.pages[index], ocr),
                    Err(e) => doc.diagnostics.push(Diagnostic::error(
                        Some(index + 1),
                        format!("OCR failed, the text layer is kept: {e}"),
                    )),
                }
            }
        }
    }

    fn read_images(
        &self,
        bytes: &[u8],
        kind: MediaKind,
        progress: &dyn Fn(Progress),
    ) -> Result<Document, ExtractError> {
        let frames =
            tracing::debug_span!("ocr.decode").in_scope(|| images::decode_pages(bytes, kind))?;
        if frames.len() > self.options.max_pages {
            return Err(ExtractError::TooManyPages {
                pages: frames.len(),
                limit: self.options.max_pages,
            });
        }
        let mut doc = empty_document(kind);
        let total = frames.len();
        let mut pending = Vec::new();
        for (index, frame) in frames.into_iter().enumerate() {
            let (width_pt, height_pt) = frame.size_pt();
            doc.pages.push(Page {
                number: index + 1,
                width_pt,
                height_pt,
                ..Page::default()
            });
            if !tracing::debug_span!("ocr.blank_check").in_scope(|| raster::has_ink(&frame.image)) {
                continue;
            }
            let job = OcrJob {
                image: frame.image,
                dpi: frame.dpi,
                upright: true,
            };
            pending.push(Pending::Full(index, self.ocr.submit(job)?));
        }
        for (done, item) in pending.into_iter().enumerate() {
            if let Pending::Full(index, answer) = item {
                match answer.recv() {
                    Ok(Ok(ocr)) => apply_ocr(&mut doc.pages[index], ocr),
                    Ok(Err(e)) => doc.diagnostics.push(Diagnostic::error(
                        Some(index + 1),
                        format!("OCR failed: {e}"),
                    )),
                    Err(_) => doc
                        .diagnostics
                        .push(Diagnostic::error(Some(index + 1), "an OCR worker died")),
                }
            }
            progress(Progress {
                pages_done: done + 1,
                pages_total: total,
            });
        }
        Ok(doc)
    }

    /// Renders page `page` (1-based) of a PDF or image as PNG bytes at `dpi`.
    pub fn render_page_png(
        &self,
        bytes: &[u8],
        page: usize,
        dpi: f32,
    ) -> Result<Vec<u8>, ExtractError> {
        if page == 0 {
            return Err(ExtractError::Corrupt("pages are numbered from 1".into()));
        }
        let dpi = dpi.clamp(10.0, 600.0);
        let image = match sniff(bytes)? {
            MediaKind::Pdf => {
                let data: Arc<[u8]> = Arc::from(bytes);
                self.pdfium()?
                    .run(move |p| pdf::render_page(p, &data, page - 1, dpi))??
            }
            kind @ (MediaKind::Png | MediaKind::Jpeg | MediaKind::Tiff) => {
                let mut frames = images::decode_pages(bytes, kind)?;
                if page > frames.len() {
                    return Err(ExtractError::Corrupt(format!(
                        "page {page} does not exist; the image has {}",
                        frames.len()
                    )));
                }
                let frame = frames.swap_remove(page - 1);
                raster::scaled(&frame.image, dpi / frame.dpi as f32)
            }
            other => {
                return Err(ExtractError::Unsupported {
                    detected: format!("{other:?} (no page images)"),
                });
            }
        };
        let mut png = Vec::new();
        image
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .map_err(|e| ExtractError::Internal(format!("PNG encoding: {e}")))?;
        Ok(png)
    }
}

/// Reads a DOCX package into synthetic pages (no layout analysis yet), refusing zip bombs.
pub fn read_docx(bytes: &[u8]) -> Result<Document, ExtractError> {
    zip_guard::check(bytes)?;
    docx::read(bytes)
}

/// Puts OCR words on a page; a quarter turn swaps the page's displayed width and height.
fn apply_ocr(page: &mut Page, ocr: OcrPage) {
    tracing::debug!(
        page = page.number,
        rotation = ocr.rotation,
        skew = ocr.skew,
        words = ocr.words.len(),
        "OCR"
    );
    if ocr.rotation % 180 == 90 {
        std::mem::swap(&mut page.width_pt, &mut page.height_pt);
    }
    page.rotation = ocr.rotation;
    page.words = ocr.words;
    page.ocr_confidence = ocr.confidence;
    page.text_source = TextSource::Ocr;
}

fn empty_document(kind: MediaKind) -> Document {
    Document {
        filename: String::new(),
        sha256: String::new(),
        media_kind: kind,
        pages: Vec::new(),
        tables: Vec::new(),
        sections: Vec::new(),
        key_values: Vec::new(),
        defined_terms: Vec::new(),
        diagnostics: Vec::new(),
    }
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

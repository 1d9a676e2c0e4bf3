//! OCR with a pool of tesseract workers, one engine per thread, pages spread over them (the
//! binary runs with `OMP_THREAD_LIMIT=1`, so parallelism comes from here, not OpenMP). Before
//! recognition a page is turned upright and deskewed; word boxes come back as fractions of the
//! upright page, mapped back through the deskew so they sit on the page as rendered.

use super::osd::{OrientationDetector, detect_skew};
use super::raster;
use crate::ExtractError;
use crate::bbox::BBox;
use crate::model::Word;
use image::GrayImage;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use tesseract::Tesseract;

/// Skew below this is left alone: resampling costs more than it gains.
const MIN_DESKEW_DEGREES: f32 = 0.2;
/// Skew searched on either side of level.
const MAX_SKEW_DEGREES: f32 = 5.0;

/// One page image to recognize.
pub struct OcrJob {
    pub image: GrayImage,
    /// The image's resolution; tesseract is told, the image is never resampled.
    pub dpi: u32,
    /// Detect orientation and skew first (scans, photos); off for quick samples.
    pub upright: bool,
}

/// What tesseract read on one page.
#[derive(Debug, Clone, Default)]
pub struct OcrPage {
    pub words: Vec<Word>,
    /// Clockwise quarter turns applied before reading (0, 90, 180, 270).
    pub rotation: u16,
    /// Skew corrected, degrees.
    pub skew: f32,
    /// Mean word confidence 0..1, `None` without words.
    pub confidence: Option<f32>,
}

type Reply = SyncSender<Result<OcrPage, ExtractError>>;
type Queue = Arc<Mutex<Receiver<(OcrJob, Reply, tracing::Span)>>>;

/// A fixed pool of tesseract workers, started on first use.
pub struct OcrPool {
    tessdata: PathBuf,
    workers: usize,
    jobs: Mutex<Option<SyncSender<(OcrJob, Reply, tracing::Span)>>>,
}

impl OcrPool {
    pub fn new(tessdata: &Path, workers: usize) -> Self {
        OcrPool {
            tessdata: tessdata.to_path_buf(),
            workers: workers.max(1),
            jobs: Mutex::new(None),
        }
    }

    /// Queues a page; the answer arrives on the returned channel. Blocks while every worker is
    /// busy and the queue is full, which keeps the number of page images in memory bounded.
    pub fn submit(&self, job: OcrJob) -> Result<Receiver<Result<OcrPage, ExtractError>>, ExtractError> {
        let sender = self.sender()?;
        let (reply, answer) = mpsc::sync_channel(1);
        sender
            .send((job, reply, tracing::Span::current()))
            .map_err(|_| ExtractError::Internal("the OCR workers have stopped".into()))?;
        Ok(answer)
    }

    /// Recognizes one page and waits for it.
    pub fn recognize(&self, job: OcrJob) -> Result<OcrPage, ExtractError> {
        self.submit(job)?
            .recv()
            .map_err(|_| ExtractError::Internal("an OCR worker died".into()))?
    }

    fn sender(&self) -> Result<SyncSender<(OcrJob, Reply, tracing::Span)>, ExtractError> {
        let mut jobs = self
            .jobs
            .lock()
            .map_err(|_| ExtractError::Internal("OCR pool poisoned".into()))?;
        if let Some(sender) = jobs.as_ref() {
            return Ok(sender.clone());
        }
        if !self.tessdata.join("eng.traineddata").exists() {
            return Err(ExtractError::MissingResource(format!(
                "tesseract English data at {}",
                self.tessdata.join("eng.traineddata").display()
            )));
        }
        let (sender, receiver) = mpsc::sync_channel(self.workers);
        let queue: Queue = Arc::new(Mutex::new(receiver));
        for i in 0..self.workers {
            let queue = queue.clone();
            let tessdata = self.tessdata.clone();
            std::thread::Builder::new()
                .name(format!("tesseract-{i}"))
                .spawn(move || Worker::new(tessdata).run(&queue))
                .map_err(|e| ExtractError::Internal(format!("cannot start an OCR worker: {e}")))?;
        }
        *jobs = Some(sender.clone());
        Ok(sender)
    }
}

/// One thread's engines. Tesseract's builder API consumes the engine on each call, so it is
/// held in an `Option` and rebuilt if a call fails.
struct Worker {
    tessdata: PathBuf,
    engine: Option<Tesseract>,
    orientation: Option<OrientationDetector>,
}

impl Worker {
    fn new(tessdata: PathBuf) -> Self {
        let orientation = OrientationDetector::new(&tessdata);
        Worker {
            tessdata,
            engine: None,
            orientation,
        }
    }

    fn run(mut self, queue: &Queue) {
        loop {
            let next = match queue.lock() {
                Ok(receiver) => receiver.recv(),
                Err(_) => return,
            };
            let Ok((job, reply, span)) = next else {
                return;
            };
            let _entered = span.enter();
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.page(job)))
                .unwrap_or_else(|_| Err(ExtractError::Internal("tesseract panicked".into())));
            let _ = reply.send(outcome);
        }
    }

    fn page(&mut self, job: OcrJob) -> Result<OcrPage, ExtractError> {
        let OcrJob { image, dpi, upright } = job;
        let mut rotation = 0;
        let mut skew = 0.0;
        let mut image = image;
        if upright {
            if let Some(osd) = self.orientation.as_mut() {
                rotation = osd.upright_rotation(&image, dpi);
                if rotation != 0 {
                    image = raster::rotate_quarter(&image, rotation);
                }
            }
            skew = detect_skew(&image, dpi, MAX_SKEW_DEGREES);
            if skew.abs() >= MIN_DESKEW_DEGREES {
                image = raster::rotate_small(&image, skew);
            } else {
                skew = 0.0;
            }
        }
        let tsv = self.tsv(&image, dpi)?;
        let (w, h) = (image.width() as f32, image.height() as f32);
        let words = parse_tsv(&tsv, |l, t, r, b| {
            if skew == 0.0 {
                return BBox::from_page_units(l, t, r, b, w, h);
            }
            let corners = [(l, t), (r, t), (l, b), (r, b)]
                .map(|(x, y)| raster::unrotate_point(x, y, w, h, skew));
            let xs = corners.map(|c| c.0);
            let ys = corners.map(|c| c.1);
            let min = |a: [f32; 4]| a.into_iter().fold(f32::MAX, f32::min);
            let max = |a: [f32; 4]| a.into_iter().fold(f32::MIN, f32::max);
            BBox::from_page_units(min(xs), min(ys), max(xs), max(ys), w, h)
        });
        let confidence = (!words.is_empty())
            .then(|| words.iter().map(|w| w.confidence).sum::<f32>() / words.len() as f32);
        Ok(OcrPage {
            words,
            rotation,
            skew,
            confidence,
        })
    }

    fn tsv(&mut self, image: &GrayImage, dpi: u32) -> Result<String, ExtractError> {
        let fail = |what: &str, e: &dyn std::fmt::Display| {
            ExtractError::Internal(format!("tesseract {what}: {e}"))
        };
        let engine = match self.engine.take() {
            Some(engine) => engine,
            None => Tesseract::new(Some(&self.tessdata.to_string_lossy()), Some("eng"))
                .map_err(|e| ExtractError::MissingResource(format!("tesseract: {e}")))?,
        };
        let (w, h) = (image.width() as i32, image.height() as i32);
        let mut engine = engine
            .set_frame(image.as_raw(), w, h, 1, w)
            .map_err(|e| fail("image", &e))?
            .set_source_resolution(dpi as i32)
            .recognize()
            .map_err(|e| fail("recognition", &e))?;
        let tsv = engine.get_tsv_text(0).map_err(|e| fail("output", &e))?;
        self.engine = Some(engine);
        Ok(tsv)
    }
}

/// Word rows (level 5) of tesseract's TSV: boxes through `to_bbox(left, top, right, bottom)`,
/// confidences scaled to 0..1.
fn parse_tsv(tsv: &str, to_bbox: impl Fn(f32, f32, f32, f32) -> BBox) -> Vec<Word> {
    tsv.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.splitn(12, '\t').collect();
            if f.len() < 12 || f[0] != "5" {
                return None;
            }
            let text = f[11].trim();
            let num = |i: usize| f[i].parse::<f32>().ok();
            let (l, t, w, h, conf) = (num(6)?, num(7)?, num(8)?, num(9)?, num(10)?);
            (!text.is_empty() && conf >= 0.0).then(|| Word {
                text: text.to_string(),
                bbox: to_bbox(l, t, l + w, t + h),
                confidence: (conf / 100.0).clamp(0.0, 1.0),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_word_rows_become_words() {
        let tsv = "1\t1\t0\t0\t0\t0\t0\t0\t1000\t2000\t-1\t\n\
                   5\t1\t1\t1\t1\t1\t100\t200\t300\t40\t96.5\tLease\n\
                   5\t1\t1\t1\t1\t2\t420\t200\t80\t40\t-1\t \n";
        let words = parse_tsv(tsv, |l, t, r, b| BBox::from_page_units(l, t, r, b, 1000.0, 2000.0));
        assert_eq!(words.len(), 1);
        assert_eq!(words[0].text, "Lease");
        assert!((words[0].confidence - 0.965).abs() < 1e-6);
        assert_eq!(words[0].bbox, BBox::new(0.1, 0.1, 0.4, 0.12));
    }
}

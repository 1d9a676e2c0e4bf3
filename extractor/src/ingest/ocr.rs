//! OCR with a pool of tesseract workers, one engine per thread, pages spread over them (the
//! binary runs with `OMP_THREAD_LIMIT=1`, so parallelism comes from here, not OpenMP). Before
//! recognition a page is turned upright and deskewed; word boxes come back as fractions of the
//! upright page, mapped back through the deskew so they sit on the page as rendered.

use super::cleanup::{self, Cleaned};
use super::engine::{Engine, RawWord, Segmentation};
use super::osd::{OrientationDetector, detect_skew, looks_sideways};
use super::raster;
use crate::ExtractError;
use crate::bbox::BBox;
use crate::model::Word;
use image::GrayImage;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Skew below this is left alone: resampling costs more than it gains.
const MIN_DESKEW_DEGREES: f32 = 0.2;
/// Resolution of the copy orientation is detected on.
const OSD_DPI: f32 = 150.0;
/// Skew searched on either side of level.
const MAX_SKEW_DEGREES: f32 = 5.0;
/// A page read with a lower mean word confidence is read again another way (clean pages read
/// at 0.85 to 0.95; a turned page or a garbled table of contents under 0.5).
const DOUBTFUL_CONFIDENCE: f32 = 0.7;
/// A word read with less confidence than this is unsure.
const UNSURE_WORD: f32 = 0.5;
/// A page with this share of unsure words is read again another way (clean and noisy scans
/// have under 8%).
const DOUBTFUL_UNSURE_SHARE: f32 = 0.15;
/// A word read with at least this confidence counts when two readings are compared.
const CONFIDENT_WORD: f32 = 0.7;
/// Fewest words that let one of tesseract's blocks be judged doubtful on its own.
const MIN_BLOCK_WORDS: usize = 2;
/// A band with fewer words than this is a line or two, which reading as one block groups the
/// same way as the first reading did: it is not read again.
const MIN_BAND_WORDS: usize = 20;
/// Margin added above and below a band read again, as a fraction of an inch.
const BAND_MARGIN_INCH: f32 = 0.1;

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

/// A fixed pool of tesseract workers, started on first use. Dropping it stops them and waits
/// until they have freed their engines: tesseract complains on stderr ("ObjectCache ... LEAK")
/// about engines still alive when the process exits.
pub struct OcrPool {
    tessdata: PathBuf,
    workers: usize,
    jobs: Mutex<Option<SyncSender<(OcrJob, Reply, tracing::Span)>>>,
    threads: Mutex<Vec<std::thread::JoinHandle<()>>>,
}

impl OcrPool {
    pub fn new(tessdata: &Path, workers: usize) -> Self {
        OcrPool {
            tessdata: tessdata.to_path_buf(),
            workers: workers.max(1),
            jobs: Mutex::new(None),
            threads: Mutex::new(Vec::new()),
        }
    }

    /// Queues a page; the answer arrives on the returned channel. Blocks while every worker is
    /// busy and the queue is full, which keeps the number of page images in memory bounded.
    pub fn submit(
        &self,
        job: OcrJob,
    ) -> Result<Receiver<Result<OcrPage, ExtractError>>, ExtractError> {
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
        silence_leptonica();
        let (sender, receiver) = mpsc::sync_channel(self.workers);
        let queue: Queue = Arc::new(Mutex::new(receiver));
        let mut threads = self
            .threads
            .lock()
            .map_err(|_| ExtractError::Internal("OCR pool poisoned".into()))?;
        for i in 0..self.workers {
            let queue = queue.clone();
            let tessdata = self.tessdata.clone();
            let thread = std::thread::Builder::new()
                .name(format!("tesseract-{i}"))
                .spawn(move || Worker::new(tessdata).run(&queue))
                .map_err(|e| ExtractError::Internal(format!("cannot start an OCR worker: {e}")))?;
            threads.push(thread);
        }
        *jobs = Some(sender.clone());
        Ok(sender)
    }
}

impl Drop for OcrPool {
    fn drop(&mut self) {
        // Closing the queue ends each worker's loop once it has finished its page.
        if let Ok(mut jobs) = self.jobs.lock() {
            jobs.take();
        }
        if let Ok(mut threads) = self.threads.lock() {
            for thread in threads.drain(..) {
                let _ = thread.join();
            }
        }
    }
}

/// Leptonica, under tesseract, prints its warnings straight to stderr, the CLI's log channel;
/// a page it cannot handle still fails through tesseract's own result.
fn silence_leptonica() {
    /// `L_SEVERITY_NONE` in leptonica's `environ.h`.
    const SEVERITY_NONE: i32 = 6;
    unsafe extern "C" {
        fn setMsgSeverity(newsev: i32) -> i32;
    }
    // SAFETY: a plain setter of one global integer in liblept, which tesseract links.
    unsafe {
        setMsgSeverity(SEVERITY_NONE);
    }
}

/// One thread's engines, each loaded on first use.
struct Worker {
    tessdata: PathBuf,
    engine: Option<Engine>,
    /// Loaded on first need (most pages never need it); `Some(None)` when it cannot be.
    orientation: Option<Option<OrientationDetector>>,
}

impl Worker {
    fn new(tessdata: PathBuf) -> Self {
        Worker {
            tessdata,
            engine: None,
            orientation: None,
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

    /// Reads a page the cheap way first: deskewed, cleaned, tesseract's automatic page
    /// segmentation. Only a doubtful page pays for more: orientation detection when the lines
    /// run down the page (a quarter turn) or the reading is poor (upside down), and a second
    /// reading, as one block of text, of the band of the page whose blocks read doubtfully
    /// (tables of contents and numbered lists, whose columns of numbers automatic segmentation
    /// drops or reads as vertical text). The band spans the page's width so the rows it reads
    /// run from a heading to its number.
    fn page(&mut self, job: OcrJob) -> Result<OcrPage, ExtractError> {
        let OcrJob {
            image,
            dpi,
            upright,
        } = job;
        let started = Instant::now();
        if !upright {
            let page = prepare(Cow::Owned(image), dpi, 0, false);
            return tracing::debug_span!("ocr.recognize")
                .in_scope(|| self.read(&page, dpi, Segmentation::Auto, None))
                .map(|read| read.page);
        }
        let mut page = prepare(Cow::Borrowed(&image), dpi, 0, true);
        let mut best = tracing::debug_span!("ocr.recognize")
            .in_scope(|| self.read(&page, dpi, Segmentation::Auto, None))?;
        let mut passes = 1;
        // The orientation detector is asked only when lines run down the page (a quarter turn
        // shows in the ink profile) or the reading is poor (upside down reads as garbage).
        let poor = best.page.confidence.is_none_or(|c| c < DOUBTFUL_CONFIDENCE);
        let sideways =
            || tracing::debug_span!("ocr.sideways").in_scope(|| looks_sideways(&image, dpi));
        if poor || sideways() {
            let rotation =
                tracing::debug_span!("ocr.orientation").in_scope(|| self.orientation(&image, dpi));
            if rotation != 0 {
                let turned = prepare(Cow::Owned(image), dpi, rotation, true);
                let read = tracing::debug_span!("ocr.turned_pass")
                    .in_scope(|| self.read(&turned, dpi, Segmentation::Auto, None))?;
                passes += 1;
                // Tesseract reads vertical lines too, so a turned page can read nearly as well
                // both ways; the detector's turn wins unless it reads clearly worse (a drawing
                // labelled both ways).
                let (turned_chars, chars) = (
                    confident_chars(&read.page.words),
                    confident_chars(&best.page.words),
                );
                let better = if poor {
                    turned_chars > chars
                } else {
                    turned_chars * 10 >= chars * 9
                };
                if better {
                    (page, best) = (turned, read);
                }
            }
        }
        let margin = BAND_MARGIN_INCH * dpi as f32;
        if let Some(band) = doubtful_band(&best, margin, page.image.height() as f32) {
            let read = tracing::debug_span!("ocr.second_pass")
                .in_scope(|| self.read(&page, dpi, Segmentation::SingleBlock, Some(band)))?;
            passes += 1;
            best = best.with_band(read, band);
        }
        let best = best.page;
        tracing::debug!(
            ms = started.elapsed().as_millis() as u64,
            passes,
            rotation = best.rotation,
            skew = best.skew,
            specks = page.cleaned.specks,
            leaders = page.cleaned.leaders,
            "page recognized"
        );
        Ok(best)
    }

    /// The clockwise quarter turns that make the page upright (0 without the OSD model).
    fn orientation(&mut self, image: &GrayImage, dpi: u32) -> u16 {
        let tessdata = &self.tessdata;
        let detector = self
            .orientation
            .get_or_insert_with(|| OrientationDetector::new(tessdata));
        let Some(osd) = detector.as_mut() else {
            return 0;
        };
        // Orientation needs shapes, not detail: a ~150-dpi copy is enough and much faster.
        let factor = (dpi as f32 / OSD_DPI).floor().max(1.0) as u32;
        osd.upright_rotation(&raster::shrink(image, factor), dpi / factor)
    }

    /// Recognizes a prepared page, or only the rows `band` of it (top and bottom, pixels);
    /// word boxes are mapped back through the deskew.
    fn read(
        &mut self,
        page: &Prepared,
        dpi: u32,
        mode: Segmentation,
        band: Option<(f32, f32)>,
    ) -> Result<Reading, ExtractError> {
        // A band is read as an image of its own (tesseract thresholds and lays out a
        // rectangle of a larger image less well than the same pixels alone); its rows are
        // copied out whole, and its word boxes moved back down by its top.
        let (raw, dy) = match band {
            None => (self.engine()?.read(&page.image, dpi, mode)?, 0.0),
            Some((top, bottom)) => {
                let (crop, top) = raster::rows(&page.image, top as u32, bottom.ceil() as u32);
                (self.engine()?.read(&crop, dpi, mode)?, top as f32)
            }
        };
        let (w, h) = (page.image.width() as f32, page.image.height() as f32);
        let skew = page.skew;
        let (words, mut places): (Vec<Word>, Vec<Place>) = to_words(raw, |l, t, r, b| {
            let (t, b) = (t + dy, b + dy);
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
        })
        .into_iter()
        .unzip();
        for place in &mut places {
            (place.top, place.bottom) = (place.top + dy, place.bottom + dy);
        }
        Ok(Reading {
            page: OcrPage {
                confidence: mean_confidence(&words),
                words,
                rotation: page.rotation,
                skew,
            },
            places,
        })
    }

    fn engine(&mut self) -> Result<&mut Engine, ExtractError> {
        if self.engine.is_none() {
            self.engine = Some(Engine::new(&self.tessdata)?);
        }
        self.engine
            .as_mut()
            .ok_or_else(|| ExtractError::Internal("tesseract engine missing".into()))
    }
}

/// A page image ready for tesseract.
struct Prepared {
    image: GrayImage,
    /// Clockwise quarter turns applied.
    rotation: u16,
    /// Skew corrected, degrees (0 when none was).
    skew: f32,
    /// Specks and dot leaders painted out.
    cleaned: Cleaned,
}

/// Turns the page by `rotation`, straightens it when `deskew` and the skew is worth it, and
/// paints out specks and dot leaders. The image is copied only when no turn or deskew has
/// already made a new one.
fn prepare(image: Cow<'_, GrayImage>, dpi: u32, rotation: u16, deskew: bool) -> Prepared {
    let mut image = if rotation == 0 {
        image
    } else {
        Cow::Owned(raster::rotate_quarter(&image, rotation))
    };
    let mut skew = 0.0;
    if deskew {
        let found = tracing::debug_span!("ocr.skew_detect")
            .in_scope(|| detect_skew(&image, dpi, MAX_SKEW_DEGREES));
        if found.abs() >= MIN_DESKEW_DEGREES {
            image = Cow::Owned(
                tracing::debug_span!("ocr.deskew").in_scope(|| raster::rotate_small(&image, found)),
            );
            skew = found;
        }
    }
    let mut image = image.into_owned();
    let cleaned = tracing::debug_span!("ocr.cleanup").in_scope(|| cleanup::clean(&mut image, dpi));
    Prepared {
        image,
        rotation,
        skew,
        cleaned,
    }
}

/// One reading of a prepared page, with where tesseract put each word.
struct Reading {
    page: OcrPage,
    /// Per word of `page.words`: its place in the prepared image.
    places: Vec<Place>,
}

/// A word's block in tesseract's layout and its rows in the prepared image (pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Place {
    block: u32,
    top: f32,
    bottom: f32,
}

impl Place {
    fn center(&self) -> f32 {
        (self.top + self.bottom) / 2.0
    }
}

impl Reading {
    /// Takes the words of `band` (rows, pixels) from `other`, a reading of just that band, when
    /// it reads the band better; the words elsewhere stay.
    fn with_band(self, other: Reading, (top, bottom): (f32, f32)) -> Reading {
        let inside = |p: &Place| (top..=bottom).contains(&p.center());
        let (mut kept, mut kept_places, mut replaced) = (Vec::new(), Vec::new(), Vec::new());
        for (word, place) in self.page.words.iter().zip(&self.places) {
            if inside(place) {
                replaced.push(word.clone());
            } else {
                kept.push(word.clone());
                kept_places.push(*place);
            }
        }
        let better = block_reads_better(&other.page.words, &replaced);
        tracing::debug!(
            top,
            bottom,
            words_before = replaced.len(),
            words_after = other.page.words.len(),
            chars_before = confident_chars(&replaced),
            chars_after = confident_chars(&other.page.words),
            mean_before = mean_confidence(&replaced).unwrap_or(0.0),
            mean_after = mean_confidence(&other.page.words).unwrap_or(0.0),
            unsure_before = replaced
                .iter()
                .filter(|w| w.confidence < UNSURE_WORD)
                .count(),
            better,
            "doubtful rows read again"
        );
        if !better {
            return self;
        }
        kept.extend(other.page.words);
        kept_places.extend(other.places);
        Reading {
            page: OcrPage {
                confidence: mean_confidence(&kept),
                words: kept,
                ..self.page
            },
            places: kept_places,
        }
    }
}

/// The rows (top, bottom; pixels) worth reading again: those of the blocks read doubtfully,
/// widened by `margin` and then to the whole of every block they reach (a column of numbers
/// read doubtfully takes in the headings beside it), within a page `height` pixels high; the
/// whole page when only the page as a whole reads doubtfully; `None` when nothing does or the
/// band holds too few words to be read differently.
fn doubtful_band(reading: &Reading, margin: f32, height: f32) -> Option<(f32, f32)> {
    let words = &reading.page.words;
    let mut blocks = std::collections::BTreeMap::<u32, (Vec<Word>, f32, f32)>::new();
    for (word, place) in words.iter().zip(&reading.places) {
        let block = blocks
            .entry(place.block)
            .or_insert_with(|| (Vec::new(), f32::MAX, f32::MIN));
        block.0.push(word.clone());
        (block.1, block.2) = (block.1.min(place.top), block.2.max(place.bottom));
    }
    let (mut top, mut bottom) = blocks
        .values()
        .filter(|(members, ..)| members.len() >= MIN_BLOCK_WORDS && is_doubtful(members))
        .fold((f32::MAX, f32::MIN), |(t, b), (_, bt, bb)| {
            (t.min(*bt), b.max(*bb))
        });
    if top > bottom {
        return (words.len() >= MIN_BAND_WORDS && is_doubtful(words)).then_some((0.0, height));
    }
    (top, bottom) = (top - margin, bottom + margin);
    loop {
        let (t, b) = blocks
            .values()
            .filter(|(_, bt, bb)| *bb >= top && *bt <= bottom)
            .fold((top, bottom), |(t, b), (_, bt, bb)| {
                (t.min(*bt), b.max(*bb))
            });
        if (t, b) == (top, bottom) {
            break;
        }
        (top, bottom) = (t, b);
    }
    let inside = reading
        .places
        .iter()
        .filter(|p| (top..=bottom).contains(&p.center()))
        .count();
    (inside >= MIN_BAND_WORDS).then_some((top.max(0.0), bottom.min(height)))
}

/// Mean word confidence, `None` without words.
fn mean_confidence(words: &[Word]) -> Option<f32> {
    (!words.is_empty())
        .then(|| words.iter().map(|w| w.confidence).sum::<f32>() / words.len() as f32)
}

/// A reading poor enough to try another way: a low mean confidence, or many words barely read
/// (a column of numbers taken for a picture or for vertical text).
fn is_doubtful(words: &[Word]) -> bool {
    let unsure = words.iter().filter(|w| w.confidence < UNSURE_WORD).count();
    mean_confidence(words).is_none_or(|c| c < DOUBTFUL_CONFIDENCE)
        || unsure as f32 >= DOUBTFUL_UNSURE_SHARE * words.len() as f32
}

/// Whether a reading as one block beats the automatic one. One block interleaves true columns,
/// so it must win clearly: more confident text, or a clearly higher mean confidence (numbers
/// recovered from a dropped column are short) without losing text.
fn block_reads_better(block: &[Word], auto: &[Word]) -> bool {
    let (b, a) = (confident_chars(block), confident_chars(auto));
    let mean = |w: &[Word]| mean_confidence(w).unwrap_or(0.0);
    b * 10 > a * 11 || (mean(block) >= mean(auto) + 0.05 && b * 20 >= a * 19)
}

/// How much text a reading got right with some certainty: the letters of its confident words.
fn confident_chars(words: &[Word]) -> usize {
    words
        .iter()
        .filter(|w| w.confidence >= CONFIDENT_WORD)
        .map(|w| w.text.chars().count())
        .sum()
}

/// Tesseract's words as page words, boxes through `to_bbox(left, top, right, bottom)`,
/// confidences scaled to 0..1, each with its place in the image tesseract read.
fn to_words(raw: Vec<RawWord>, to_bbox: impl Fn(f32, f32, f32, f32) -> BBox) -> Vec<(Word, Place)> {
    raw.into_iter()
        .filter_map(|w| {
            let text = w.text.trim();
            // Table rules and box edges come out as bars; they are drawing, not words.
            let rule = text.chars().all(|c| matches!(c, '|' | '¦' | '‖'));
            (!text.is_empty() && !rule && w.confidence >= 0.0).then(|| {
                let word = Word {
                    text: text.to_string(),
                    bbox: to_bbox(w.left, w.top, w.right, w.bottom),
                    confidence: (w.confidence / 100.0).clamp(0.0, 1.0),
                };
                let place = Place {
                    block: w.block,
                    top: w.top,
                    bottom: w.bottom,
                };
                (word, place)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tesseract_words_become_page_words() {
        let raw = |text: &str, left: f32, confidence: f32| RawWord {
            text: text.into(),
            left,
            top: 200.0,
            right: left + 300.0,
            bottom: 240.0,
            confidence,
            block: 3,
        };
        let words = to_words(
            vec![
                raw("Lease", 100.0, 96.5),
                raw(" ", 420.0, 90.0),
                raw("|", 520.0, 91.0),
            ],
            |l, t, r, b| BBox::from_page_units(l, t, r, b, 1000.0, 2000.0),
        );
        assert_eq!(words.len(), 1);
        let (word, place) = &words[0];
        assert_eq!(word.text, "Lease");
        assert!((word.confidence - 0.965).abs() < 1e-6);
        assert_eq!(word.bbox, BBox::new(0.1, 0.1, 0.4, 0.12));
        assert_eq!(
            *place,
            Place {
                block: 3,
                top: 200.0,
                bottom: 240.0
            }
        );
    }

    /// A reading of `(block, top, text, confidence)` words, each 40 pixels high.
    fn reading(words: &[(u32, f32, &str, f32)]) -> Reading {
        let (words, places): (Vec<Word>, Vec<Place>) = words
            .iter()
            .map(|&(block, top, text, confidence)| {
                let word = Word {
                    text: text.into(),
                    bbox: BBox::new(0.1, top / 3000.0, 0.2, (top + 40.0) / 3000.0),
                    confidence,
                };
                let bottom = top + 40.0;
                (word, Place { block, top, bottom })
            })
            .unzip();
        Reading {
            page: OcrPage {
                confidence: mean_confidence(&words),
                words,
                ..OcrPage::default()
            },
            places,
        }
    }

    /// A row of `n` words of block `block` at `top`, all read with `confidence`.
    fn row(block: u32, top: f32, n: usize, confidence: f32) -> Vec<(u32, f32, &'static str, f32)> {
        vec![(block, top, "word", confidence); n]
    }

    #[test]
    fn only_the_rows_of_doubtful_blocks_are_read_again() {
        let page = reading(
            &[
                row(1, 100.0, 10, 0.95),
                row(2, 500.0, 10, 0.4),
                row(2, 560.0, 10, 0.45),
                row(2, 620.0, 10, 0.3),
                row(3, 1000.0, 10, 0.9),
            ]
            .concat(),
        );
        assert_eq!(doubtful_band(&page, 30.0, 3000.0), Some((470.0, 690.0)));
        // A doubtful column of numbers beside a block of headings takes the headings in.
        let contents = reading(
            &[
                row(1, 100.0, 10, 0.95),
                row(2, 500.0, 1, 0.4),
                row(2, 560.0, 1, 0.3),
                row(3, 480.0, 10, 0.9),
                row(3, 540.0, 10, 0.9),
                row(3, 1400.0, 10, 0.9),
                row(4, 2900.0, 10, 0.9),
            ]
            .concat(),
        );
        assert_eq!(
            doubtful_band(&contents, 30.0, 3000.0),
            Some((470.0, 1440.0))
        );
        let clean = reading(&row(1, 100.0, 30, 0.95));
        assert_eq!(doubtful_band(&clean, 30.0, 3000.0), None);
        // One doubtful line reads the same as one block: not read again.
        let line = reading(&[row(1, 100.0, 30, 0.95), row(2, 900.0, 4, 0.3)].concat());
        assert_eq!(doubtful_band(&line, 30.0, 3000.0), None);
        // Doubtful only as a whole (no block has words enough to judge): the whole page.
        let scattered: Vec<_> = (0..20)
            .map(|i| {
                (
                    i,
                    100.0 * i as f32,
                    "ix",
                    if i % 2 == 0 { 0.3 } else { 0.9 },
                )
            })
            .collect();
        assert_eq!(
            doubtful_band(&reading(&scattered), 30.0, 3000.0),
            Some((0.0, 3000.0))
        );
    }

    #[test]
    fn a_band_read_better_replaces_only_the_words_inside_it() {
        let page = reading(&[
            (1, 100.0, "Article", 0.95),
            (2, 500.0, "Tcrm", 0.4),
            (2, 560.0, "Rcnt", 0.45),
        ]);
        let band = reading(&[(1, 500.0, "Term", 0.93), (1, 560.0, "Rent", 0.91)]);
        let merged = page.with_band(band, (470.0, 630.0));
        let texts: Vec<&str> = merged.page.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["Article", "Term", "Rent"]);
        assert_eq!(merged.places.len(), 3);
        assert!(merged.page.confidence.unwrap() > 0.9);
        let page = reading(&[(1, 100.0, "Article", 0.95), (2, 500.0, "Term", 0.9)]);
        let worse = reading(&[(1, 500.0, "T", 0.3)]);
        let kept = page.with_band(worse, (470.0, 630.0));
        assert_eq!(kept.page.words[1].text, "Term");
    }
}

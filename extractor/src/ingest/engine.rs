//! One tesseract recognizer: a grey image in, its words out with pixel boxes, confidences and
//! block numbers, walked once word by word through the result iterator of the C API that the
//! `tesseract` crate re-exports. The crate's safe type gives words only through the TSV
//! renderer, which walks each text line again for every letter and cost a twentieth of a page's
//! recognition time.

use crate::ExtractError;
use image::GrayImage;
use std::ffi::{CStr, CString};
use std::os::raw::c_int;
use std::path::Path;
use tesseract::plumbing::tesseract_sys as sys;

/// How tesseract is to find the text on the image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segmentation {
    /// Automatic page segmentation: columns, blocks, tables.
    Auto,
    /// The image is one block of text, read line by line across its whole width.
    SingleBlock,
}

/// A word as tesseract read it: its box in pixels of the image read, its confidence (0..100)
/// and the number of the block it is in (from 1, in tesseract's order).
#[derive(Debug, Clone, PartialEq)]
pub struct RawWord {
    pub text: String,
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
    pub confidence: f32,
    pub block: u32,
}

/// A tesseract instance loaded with the English model, owned by one OCR worker.
pub struct Engine {
    handle: *mut sys::TessBaseAPI,
}

// The handle is used by exactly one thread at a time (the worker that owns it).
unsafe impl Send for Engine {}

impl Engine {
    pub fn new(tessdata: &Path) -> Result<Self, ExtractError> {
        let missing = || {
            ExtractError::MissingResource(format!(
                "tesseract English data at {}",
                tessdata.join("eng.traineddata").display()
            ))
        };
        let path = CString::new(tessdata.to_string_lossy().as_bytes()).map_err(|_| missing())?;
        // SAFETY: the handle is created here, checked, and freed on failure or in `drop`; the
        // strings outlive the calls that read them.
        unsafe {
            let handle = sys::TessBaseAPICreate();
            if handle.is_null() {
                return Err(ExtractError::Internal("tesseract: out of memory".into()));
            }
            if sys::TessBaseAPIInit3(handle, path.as_ptr(), c"eng".as_ptr()) != 0 {
                sys::TessBaseAPIDelete(handle);
                return Err(missing());
            }
            // Its per-line complaints ("Image too small to scale") would reach stderr, the
            // CLI's log channel.
            sys::TessBaseAPISetVariable(handle, c"debug_file".as_ptr(), c"/dev/null".as_ptr());
            Ok(Engine { handle })
        }
    }

    /// Recognizes a grey image of `dpi` resolution and returns its words in reading order.
    pub fn read(
        &mut self,
        image: &GrayImage,
        dpi: u32,
        segmentation: Segmentation,
    ) -> Result<Vec<RawWord>, ExtractError> {
        let (w, h) = image.dimensions();
        let (Ok(w), Ok(h)) = (c_int::try_from(w), c_int::try_from(h)) else {
            return Err(ExtractError::Internal(
                "tesseract: the image is too large".into(),
            ));
        };
        let mode = match segmentation {
            Segmentation::Auto => sys::TessPageSegMode_PSM_AUTO,
            Segmentation::SingleBlock => sys::TessPageSegMode_PSM_SINGLE_BLOCK,
        };
        // SAFETY: the buffer holds `h` rows of `w` one-byte pixels and outlives the calls
        // (tesseract copies it in SetImage); results are read before `Clear` frees them.
        unsafe {
            sys::TessBaseAPISetPageSegMode(self.handle, mode);
            sys::TessBaseAPISetImage(self.handle, image.as_raw().as_ptr(), w, h, 1, w);
            sys::TessBaseAPISetSourceResolution(self.handle, dpi as c_int);
            let words = if sys::TessBaseAPIRecognize(self.handle, std::ptr::null_mut()) == 0 {
                Ok(self.words())
            } else {
                Err(ExtractError::Internal(
                    "tesseract: recognition failed".into(),
                ))
            };
            sys::TessBaseAPIClear(self.handle);
            words
        }
    }

    /// The words of the last recognition.
    ///
    /// # Safety
    /// Call only after a successful `TessBaseAPIRecognize` and before `TessBaseAPIClear`.
    unsafe fn words(&self) -> Vec<RawWord> {
        let mut words = Vec::new();
        // SAFETY: the iterator comes from the handle's current results, is checked for null,
        // only read through, and deleted once; each text it returns is freed after copying.
        unsafe {
            let it = sys::TessBaseAPIGetIterator(self.handle);
            if it.is_null() {
                return words;
            }
            let page = sys::TessResultIteratorGetPageIterator(it);
            let word = sys::TessPageIteratorLevel_RIL_WORD;
            let mut block = 0;
            loop {
                if sys::TessPageIteratorIsAtBeginningOf(page, sys::TessPageIteratorLevel_RIL_BLOCK)
                    != 0
                {
                    block += 1;
                }
                // An image or rule block has no word here: no text.
                let text = sys::TessResultIteratorGetUTF8Text(it, word);
                if !text.is_null() {
                    let owned = CStr::from_ptr(text).to_string_lossy().into_owned();
                    sys::TessDeleteText(text);
                    let (mut l, mut t, mut r, mut b) = (0, 0, 0, 0);
                    if sys::TessPageIteratorBoundingBox(page, word, &mut l, &mut t, &mut r, &mut b)
                        != 0
                    {
                        words.push(RawWord {
                            text: owned,
                            left: l as f32,
                            top: t as f32,
                            right: r as f32,
                            bottom: b as f32,
                            confidence: sys::TessResultIteratorConfidence(it, word),
                            block,
                        });
                    }
                }
                if sys::TessResultIteratorNext(it, word) == 0 {
                    break;
                }
            }
            sys::TessResultIteratorDelete(it);
        }
        words
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        // SAFETY: the handle came from `TessBaseAPICreate` and is freed once.
        unsafe {
            sys::TessBaseAPIEnd(self.handle);
            sys::TessBaseAPIDelete(self.handle);
        }
    }
}

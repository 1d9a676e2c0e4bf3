//! Ingestion: bytes of any supported format into the layout `Document`.

use crate::model::Document;
use crate::{ExtractError, Resources};

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
    _resources: Resources,
    _options: ReadOptions,
}

impl Reader {
    pub fn new(resources: &Resources, options: ReadOptions) -> Result<Self, ExtractError> {
        Ok(Reader {
            _resources: resources.clone(),
            _options: options,
        })
    }

    /// Reads one file into the layout model.
    pub fn read(
        &self,
        bytes: &[u8],
        _filename: &str,
        _progress: &dyn Fn(Progress),
    ) -> Result<Document, ExtractError> {
        if bytes.is_empty() {
            return Err(ExtractError::Empty);
        }
        Err(ExtractError::Internal(
            "ingestion is not implemented yet".into(),
        ))
    }

    /// Renders page `page` (1-based) of a PDF or image as PNG bytes at `dpi`.
    pub fn render_page_png(
        &self,
        _bytes: &[u8],
        _page: usize,
        _dpi: f32,
    ) -> Result<Vec<u8>, ExtractError> {
        Err(ExtractError::Internal(
            "page rendering is not implemented yet".into(),
        ))
    }
}

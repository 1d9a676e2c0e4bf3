//! The one error type of the extractor's boundary. Page-level trouble is a `Diagnostic`, not this.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ExtractError {
    #[error("empty file: there is nothing to read")]
    Empty,
    #[error(
        "unsupported file type: detected {detected}; Leasegrid reads PDF, PNG, JPEG, TIFF, DOCX, XLSX, XLS and CSV"
    )]
    Unsupported { detected: String },
    #[error("the PDF is encrypted (password-protected); remove the password and upload it again")]
    Encrypted,
    #[error("the document has {pages} pages, over the limit of {limit} (LEASEGRID_MAX_PAGES)")]
    TooManyPages { pages: usize, limit: usize },
    #[error("the image is {width}x{height} pixels, over the limit of {limit} pixels")]
    ImageTooLarge { width: u64, height: u64, limit: u64 },
    #[error("the spreadsheet is too large to read safely: {detail}")]
    SpreadsheetTooLarge { detail: String },
    #[error("the file is damaged: {0}")]
    Corrupt(String),
    #[error("invalid template: {0}")]
    BadTemplate(String),
    #[error("a required component is missing: {0}")]
    MissingResource(String),
    #[error("internal extractor error: {0}")]
    Internal(String),
}

impl ExtractError {
    /// Whether the input itself is at fault (an HTTP 4xx), as opposed to our machinery.
    pub fn is_input_error(&self) -> bool {
        !matches!(
            self,
            ExtractError::MissingResource(_) | ExtractError::Internal(_)
        )
    }
}

//! The layout model every input format is read into: pages of words with boxes, the structure
//! found on them (lines, blocks, sections, key-value pairs, tables), and spreadsheet cells.
//! Every later stage points back into this model for its evidence.

use crate::bbox::BBox;
use serde::{Deserialize, Serialize};

/// The detected kind of an input, sniffed from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    Pdf,
    Png,
    Jpeg,
    Tiff,
    Docx,
    Xlsx,
    Xls,
    Csv,
}

impl MediaKind {
    /// The IANA media type served for this kind.
    pub fn media_type(self) -> &'static str {
        match self {
            MediaKind::Pdf => "application/pdf",
            MediaKind::Png => "image/png",
            MediaKind::Jpeg => "image/jpeg",
            MediaKind::Tiff => "image/tiff",
            MediaKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            MediaKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaKind::Xls => "application/vnd.ms-excel",
            MediaKind::Csv => "text/csv",
        }
    }

    pub fn is_spreadsheet(self) -> bool {
        matches!(self, MediaKind::Xlsx | MediaKind::Xls | MediaKind::Csv)
    }
}

/// Where a page's words came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TextSource {
    PdfText,
    Ocr,
    Mixed,
    #[default]
    None,
}

/// One word with its box on the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Word {
    pub text: String,
    pub bbox: BBox,
    /// Recognition confidence 0..1 for OCR words; 1 for a PDF text layer.
    pub confidence: f32,
}

/// A line of words in reading order; `words` index into the page's `words`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub text: String,
    pub bbox: BBox,
    pub words: std::ops::Range<usize>,
}

/// A paragraph-like block of consecutive lines; `lines` index into the page's `lines`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub bbox: BBox,
    pub lines: std::ops::Range<usize>,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    #[default]
    Paragraph,
    Heading,
    TableRegion,
    Header,
    Footer,
}

/// A table cell. Spreadsheet cells carry their sheet address; page cells their box.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub row: usize,
    pub col: usize,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub row_span: usize,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub col_span: usize,
    pub text: String,
    /// The typed value when the source gives one (spreadsheets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<CellValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BBox>,
    /// A1 address for spreadsheet cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

fn one() -> usize {
    1
}
fn is_one(v: &usize) -> bool {
    *v == 1
}

/// A spreadsheet cell's typed value, number formats already applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum CellValue {
    Text(String),
    Number(f64),
    /// An ISO `YYYY-MM-DD` date (or date-time) from a date-formatted cell.
    Date(String),
    Bool(bool),
    Error(String),
}

/// A table found on a page or read from a sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// 1-based page number (for spreadsheets, the sheet's index + 1).
    pub page: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BBox>,
    pub n_rows: usize,
    pub n_cols: usize,
    pub cells: Vec<Cell>,
}

impl Table {
    /// The cell starting at (row, col), if any.
    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| c.row == row && c.col == col)
    }

    /// Rows as text; a spanning cell's text sits in its first slot.
    pub fn rows_text(&self) -> Vec<Vec<String>> {
        let mut rows = vec![vec![String::new(); self.n_cols]; self.n_rows];
        for c in &self.cells {
            if c.row < self.n_rows && c.col < self.n_cols {
                rows[c.row][c.col] = c.text.clone();
            }
        }
        rows
    }
}

/// A section heading with its number ("ARTICLE 4", "4.2") and the text span it governs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub title: String,
    pub page: usize,
    pub bbox: BBox,
    /// Byte range of the section body in `Document::text()`.
    pub text_range: std::ops::Range<usize>,
}

/// A label/value pair such as "Rentable Area: 16,541 RSF".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyValue {
    pub key: String,
    pub value: String,
    pub page: usize,
    pub key_bbox: BBox,
    pub value_bbox: BBox,
}

/// A defined term: `"Commencement Date" means ...` or `(the "Premises")`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DefinedTerm {
    pub term: String,
    pub definition: String,
    pub page: usize,
    pub bbox: BBox,
}

/// One page in document order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Page {
    /// 1-based.
    pub number: usize,
    pub width_pt: f32,
    pub height_pt: f32,
    pub text_source: TextSource,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr_confidence: Option<f32>,
    /// Clockwise rotation applied before reading (0, 90, 180, 270).
    #[serde(default)]
    pub rotation: u16,
    pub words: Vec<Word>,
    #[serde(default)]
    pub lines: Vec<Line>,
    #[serde(default)]
    pub blocks: Vec<Block>,
}

impl Page {
    /// The page's text in reading order, one line per line.
    pub fn text(&self) -> String {
        if self.lines.is_empty() {
            return self
                .words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
        }
        self.lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Something worth telling the caller that did not stop the document from being read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    #[serde(default)]
    pub page: Option<usize>,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Diagnostic {
    pub fn warning(page: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            page,
            message: message.into(),
        }
    }
    pub fn info(page: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Info,
            page,
            message: message.into(),
        }
    }
    pub fn error(page: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            page,
            message: message.into(),
        }
    }
}

/// A whole document read into the layout model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub filename: String,
    pub sha256: String,
    pub media_kind: MediaKind,
    pub pages: Vec<Page>,
    #[serde(default)]
    pub tables: Vec<Table>,
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub key_values: Vec<KeyValue>,
    #[serde(default)]
    pub defined_terms: Vec<DefinedTerm>,
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Where the document's words came from, over all its pages: `Mixed` when some pages (or
    /// parts of pages) were read from a text layer and others by OCR; `None` without words. The
    /// schema carries the source per page only, so this summary lives in the layout model.
    pub fn text_source(&self) -> TextSource {
        let mut sources = self
            .pages
            .iter()
            .map(|p| p.text_source)
            .filter(|s| *s != TextSource::None);
        let Some(first) = sources.next() else {
            return TextSource::None;
        };
        if sources.all(|s| s == first) {
            first
        } else {
            TextSource::Mixed
        }
    }

    /// Reading-order text of the whole document, pages separated by form feeds.
    pub fn text(&self) -> String {
        self.pages
            .iter()
            .map(Page::text)
            .collect::<Vec<_>>()
            .join("\u{c}")
    }
}

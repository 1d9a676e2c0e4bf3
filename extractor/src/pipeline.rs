//! The whole extraction of one document: read it, then abstract it as a rent roll, a lease or a
//! custom template. `Extractor` is built once per process and shared by worker threads.

use crate::fields::AbstractOptions;
use crate::ingest::{Progress, ReadOptions, Reader};
use crate::ml::lazy::LazyFieldModel;
use crate::model::{Document, MediaKind};
use crate::rentroll::HeaderMatcher;
use crate::rentroll::header_model::LazyHeaderMatcher;
use crate::schema::{
    CustomResult, DocumentInfo, Extraction, ExtractionKind, PageInfo, SCHEMA_VERSION,
};
use crate::{ExtractError, Resources};

pub struct Extractor {
    reader: Reader,
    /// Rent-roll headers the synonym table does not know; loads MiniLM on first need.
    header_matcher: LazyHeaderMatcher,
    /// The trained field model (span head behind its per-field gates); loads on first need.
    field_model: LazyFieldModel,
}

impl Extractor {
    pub fn new(resources: &Resources, options: ReadOptions) -> Result<Self, ExtractError> {
        Ok(Extractor {
            reader: Reader::new(resources, options)?,
            header_matcher: LazyHeaderMatcher::new(&resources.model_dir),
            field_model: LazyFieldModel::for_resources(resources),
        })
    }

    /// The same extractor with another field model (`LazyFieldModel::off()` for rules alone).
    pub fn with_field_model(self, field_model: LazyFieldModel) -> Self {
        Extractor {
            field_model,
            ..self
        }
    }

    /// Whether the field model has been loaded (it is on the first lease or template).
    pub fn field_model_loaded(&self) -> bool {
        self.field_model.is_loaded()
    }

    /// Whether the header model has been loaded (it is only when a rent roll needs it).
    pub fn header_model_loaded(&self) -> bool {
        self.header_matcher.is_loaded()
    }

    /// Reads a file into the layout model (no field extraction, no models).
    pub fn read(
        &self,
        bytes: &[u8],
        filename: &str,
        progress: &dyn Fn(Progress),
    ) -> Result<Document, ExtractError> {
        self.reader.read(bytes, filename, progress)
    }

    /// Renders page `page` (1-based) as PNG bytes at `dpi`, for previews and exports.
    pub fn render_page_png(
        &self,
        bytes: &[u8],
        page: usize,
        dpi: f32,
    ) -> Result<Vec<u8>, ExtractError> {
        self.reader.render_page_png(bytes, page, dpi)
    }

    /// Reads and abstracts a file. `template` is a built-in template name or a TOML template.
    pub fn extract(
        &self,
        bytes: &[u8],
        filename: &str,
        template: Option<&str>,
        progress: &dyn Fn(Progress),
    ) -> Result<Extraction, ExtractError> {
        let doc = self.read(bytes, filename, progress)?;
        self.abstract_read(&doc, template)
    }

    /// Abstracts a document this extractor read, with its header and field models.
    pub fn abstract_read(
        &self,
        doc: &Document,
        template: Option<&str>,
    ) -> Result<Extraction, ExtractError> {
        abstract_read(
            doc,
            template,
            Some(&self.header_matcher),
            Some(&self.field_model),
        )
    }
}

/// Abstracts an already-read document into the output contract, rent-roll headers by the
/// synonym table alone.
pub fn abstract_read_document(
    doc: &Document,
    template: Option<&str>,
) -> Result<Extraction, ExtractError> {
    abstract_read_document_with(doc, template, None)
}

/// Abstracts an already-read document; `header_matcher` places rent-roll header wordings the
/// synonym table does not know.
pub fn abstract_read_document_with(
    doc: &Document,
    template: Option<&str>,
    header_matcher: Option<&dyn HeaderMatcher>,
) -> Result<Extraction, ExtractError> {
    abstract_read(doc, template, header_matcher, None)
}

/// `abstract_read_document_with`, with the field model joining the rules where its gates say.
fn abstract_read(
    doc: &Document,
    template: Option<&str>,
    header_matcher: Option<&dyn HeaderMatcher>,
    field_model: Option<&LazyFieldModel>,
) -> Result<Extraction, ExtractError> {
    let mut extraction = Extraction {
        schema_version: SCHEMA_VERSION,
        document: document_info(doc),
        kind: ExtractionKind::Unknown,
        lease: None,
        rent_roll: None,
        custom: None,
        diagnostics: doc.diagnostics.clone(),
    };
    let custom = template.filter(|t| *t != "lease");
    let spreadsheet = matches!(
        doc.media_kind,
        MediaKind::Xlsx | MediaKind::Xls | MediaKind::Csv
    );
    if custom.is_none()
        && (spreadsheet || (!crate::fields::opens_as_lease(doc) && mostly_tables(doc)))
        && let Some(roll) = crate::rentroll::detect_and_extract(doc, header_matcher)
    {
        extraction.kind = ExtractionKind::RentRoll;
        extraction
            .diagnostics
            .extend(roll.diagnostics.iter().cloned());
        extraction.rent_roll = Some(roll);
        return Ok(extraction);
    }
    let options = AbstractOptions {
        model: field_model.and_then(LazyFieldModel::get),
        calibration: None,
    };
    let result = crate::fields::abstract_document_with(doc, template, &options)?;
    extraction.kind = result.kind;
    extraction.diagnostics.extend(result.diagnostics);
    match custom {
        Some(name) => {
            extraction.custom = Some(CustomResult {
                template: name.to_string(),
                fields: result.fields,
            })
        }
        None => extraction.lease = Some(result.fields),
    }
    Ok(extraction)
}

/// Whether tables hold a large share of a page document's words. A rent roll is its table
/// (with a title block, perhaps a cover note); a lease's rent schedule is a small table among
/// pages of prose, so a lease whose opening the cues miss is still not read as a rent roll.
fn mostly_tables(doc: &Document) -> bool {
    let words: usize = doc.pages.iter().map(|p| p.words.len()).sum();
    let in_tables: usize = doc
        .tables
        .iter()
        .flat_map(|t| &t.cells)
        .map(|c| c.text.split_whitespace().count())
        .sum();
    in_tables * 10 >= words * 3
}

fn document_info(doc: &Document) -> DocumentInfo {
    DocumentInfo {
        id: None,
        filename: doc.filename.clone(),
        sha256: doc.sha256.clone(),
        media_type: doc.media_kind.media_type().to_string(),
        pages: doc
            .pages
            .iter()
            .map(|p| PageInfo {
                number: p.number,
                width_pt: p.width_pt,
                height_pt: p.height_pt,
                text_source: p.text_source,
                ocr_confidence: p.ocr_confidence,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, Table};

    fn with_table(text: &str, cells: &[&str]) -> Document {
        let mut doc = crate::fields::text::document_from_text("t", text);
        doc.tables.push(Table {
            page: 1,
            sheet: None,
            bbox: None,
            n_rows: cells.len(),
            n_cols: 1,
            cells: cells
                .iter()
                .enumerate()
                .map(|(row, text)| Cell {
                    row,
                    col: 0,
                    row_span: 1,
                    col_span: 1,
                    text: text.to_string(),
                    value: None,
                    bbox: None,
                    address: None,
                })
                .collect(),
        });
        doc
    }

    #[test]
    fn a_small_table_among_prose_is_not_a_rent_roll() {
        let rows = ["Year 1 $5,000.00", "Year 2 $5,150.00"];
        let prose = format!(
            "{}\n{}",
            "Tenant shall keep the Premises in good repair. ".repeat(40),
            rows.join("\n")
        );
        assert!(!mostly_tables(&with_table(&prose, &rows)));
        let roll = [
            "Unit Tenant Rent",
            "101 Acme $5,000.00",
            "102 Widget $4,000.00",
        ];
        assert!(mostly_tables(&with_table(
            &format!("RENT ROLL\n{}", roll.join("\n")),
            &roll
        )));
    }
}

//! Exports analysts hand on: Excel workbooks (rust_xlsxwriter) and PDF abstracts (typst).

use extractor::schema::Extraction;

/// How exports link back to the web app.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Base URL of the web app (e.g. `https://leasegrid.example.com`); values link to their review page.
    pub review_base_url: Option<String>,
    /// The document's id in the service, for review links.
    pub document_id: Option<String>,
}

/// PNG bytes of a page (1-based) of the source document, for the PDF's evidence thumbnails.
pub type PageImages<'a> = dyn Fn(usize) -> Option<Vec<u8>> + 'a;

/// The workbook for one document (lease abstract or rent roll).
pub fn document_workbook(
    _extraction: &Extraction,
    _options: &ExportOptions,
) -> anyhow::Result<Vec<u8>> {
    anyhow::bail!("workbook export is not implemented yet")
}

/// The portfolio workbook: every lease one row, expiration schedule and occupancy.
pub fn portfolio_workbook(
    _extractions: &[Extraction],
    _options: &ExportOptions,
) -> anyhow::Result<Vec<u8>> {
    anyhow::bail!("portfolio export is not implemented yet")
}

/// The PDF abstract for one document.
pub fn pdf_abstract(
    _extraction: &Extraction,
    _pages: &PageImages<'_>,
    _options: &ExportOptions,
) -> anyhow::Result<Vec<u8>> {
    anyhow::bail!("PDF export is not implemented yet")
}

//! Exports analysts hand on: Excel workbooks (rust_xlsxwriter) and PDF abstracts (typst).

mod citations;
mod pdf;
pub mod values;
mod workbook;

use chrono::NaiveDate;
use extractor::schema::{Extraction, Field, FieldStatus};

/// Confidence below which a value is flagged for review when the caller sets no threshold.
pub const DEFAULT_REVIEW_THRESHOLD: f64 = 0.8;

/// How exports link back to the web app, and what they flag.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// Base URL of the web app (e.g. `https://leasegrid.example.com`); values link to their review page.
    pub review_base_url: Option<String>,
    /// The document's id in the service, for review links.
    pub document_id: Option<String>,
    /// Values with a lower confidence are highlighted and counted in the review note.
    pub review_threshold: f64,
    /// The date printed as "generated"; `None` means today (UTC). Tests pin it for reproducible output.
    pub generated_on: Option<NaiveDate>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            review_base_url: None,
            document_id: None,
            review_threshold: DEFAULT_REVIEW_THRESHOLD,
            generated_on: None,
        }
    }
}

impl ExportOptions {
    /// The web app's review page for `field` of `extraction`, when a base URL and an id are known:
    /// `{base}/documents/{id}/review?field={field}`.
    pub fn review_url(&self, extraction: &Extraction, field: &str) -> Option<String> {
        let base = self.review_base_url.as_deref()?.trim_end_matches('/');
        let id = self
            .document_id
            .as_deref()
            .or(extraction.document.id.as_deref())?;
        Some(format!(
            "{base}/documents/{}/review?field={}",
            url_component(id),
            url_component(field)
        ))
    }

    pub fn generated(&self) -> NaiveDate {
        self.generated_on
            .unwrap_or_else(|| chrono::Utc::now().date_naive())
    }

    /// A value still as extracted (not corrected or approved by a reviewer) with a confidence
    /// under the threshold.
    pub fn needs_review(&self, field: &Field) -> bool {
        field.status == FieldStatus::Extracted && field.confidence < self.review_threshold
    }
}

/// Percent-encodes everything but unreserved URL characters.
fn url_component(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// PNG bytes of a page (1-based) of the source document, for the PDF's evidence thumbnails.
pub type PageImages<'a> = dyn Fn(usize) -> Option<Vec<u8>> + 'a;

/// The workbook for one document (lease abstract or rent roll).
pub fn document_workbook(
    extraction: &Extraction,
    options: &ExportOptions,
) -> anyhow::Result<Vec<u8>> {
    workbook::document(extraction, options)
}

/// The portfolio workbook: every lease one row, expiration schedule and occupancy.
pub fn portfolio_workbook(
    extractions: &[Extraction],
    options: &ExportOptions,
) -> anyhow::Result<Vec<u8>> {
    workbook::portfolio(extractions, options)
}

/// The PDF abstract for one document.
pub fn pdf_abstract(
    extraction: &Extraction,
    pages: &PageImages<'_>,
    options: &ExportOptions,
) -> anyhow::Result<Vec<u8>> {
    pdf::render(extraction, pages, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_urls_escape_ids_and_need_a_base() {
        let mut extraction: Extraction = serde_json::from_value(serde_json::json!({
            "schema_version": 1,
            "document": {"filename": "a.pdf", "sha256": "00", "media_type": "application/pdf"},
            "kind": "lease"
        }))
        .unwrap();
        let mut options = ExportOptions::default();
        assert_eq!(options.review_url(&extraction, "tenant"), None);
        options.review_base_url = Some("https://app.example/".into());
        assert_eq!(options.review_url(&extraction, "tenant"), None);
        extraction.document.id = Some("a b/c".into());
        assert_eq!(
            options.review_url(&extraction, "tenant").as_deref(),
            Some("https://app.example/documents/a%20b%2Fc/review?field=tenant")
        );
    }
}

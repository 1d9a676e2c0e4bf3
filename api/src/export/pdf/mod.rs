//! The PDF abstract, typeset by typst as a library with its embedded fonts (no system fonts, no
//! network). The data goes to the template as JSON bytes in `sys.inputs`, never as markup, so a
//! tenant named `#set page(...)` prints as those characters.

mod content;
mod thumbnails;

use crate::export::{ExportOptions, PageImages};
use anyhow::Context;
use extractor::schema::Extraction;
use std::sync::OnceLock;
use typst::foundations::{Bytes, Dict, IntoValue};
use typst_as_lib::typst_kit_options::TypstKitFontOptions;
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;

const TEMPLATE: &str = include_str!("abstract.typ");

/// Built once per process: parsing the template and indexing the embedded fonts costs more than
/// typesetting a short abstract.
fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .main_file(TEMPLATE)
            .search_fonts_with(
                TypstKitFontOptions::default()
                    .include_system_fonts(false)
                    .include_embedded_fonts(true),
            )
            .build()
    })
}

pub fn render(
    extraction: &Extraction,
    pages: &PageImages<'_>,
    options: &ExportOptions,
) -> anyhow::Result<Vec<u8>> {
    let content = content::build(extraction, options);
    let thumbs = thumbnails::collect(extraction, pages);
    let data = serde_json::json!({
        "abstract": content,
        "thumbnails": thumbs.iter().map(|t| &t.layout).collect::<Vec<_>>(),
    });
    let mut images = Dict::new();
    for thumb in thumbs {
        images.insert(
            thumb.layout.key.as_str().into(),
            Bytes::new(thumb.png).into_value(),
        );
    }
    let mut inputs = Dict::new();
    inputs.insert(
        "data".into(),
        Bytes::new(serde_json::to_vec(&data)?).into_value(),
    );
    inputs.insert("images".into(), images.into_value());

    let document: PagedDocument = engine()
        .compile_with_input(inputs)
        .output
        .map_err(|e| anyhow::anyhow!("typesetting the abstract failed: {e}"))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|diagnostics| {
            let messages: Vec<String> = diagnostics.iter().map(|d| d.message.to_string()).collect();
            anyhow::anyhow!(messages.join("; "))
        })
        .context("writing the abstract as PDF failed")
}

//! Field extraction: candidates from the layout, normalized, validated and scored, for the
//! built-in `lease` template and user templates.

use crate::model::Document;
use crate::schema::{ExtractionKind, FieldMap};

/// What the abstraction of one document produced.
pub struct Abstract {
    pub kind: ExtractionKind,
    pub fields: FieldMap,
}

/// Abstracts a lease (or a custom template given as a built-in name or TOML text).
pub fn abstract_document(
    _doc: &Document,
    _template: Option<&str>,
) -> Result<Abstract, crate::ExtractError> {
    Ok(Abstract {
        kind: ExtractionKind::Unknown,
        fields: FieldMap::new(),
    })
}

/// The Kleister benchmark's one-line `key=value` rendering of a `kleister-nda` extraction.
pub fn kleister_line(_extraction: &crate::schema::Extraction) -> String {
    String::new()
}

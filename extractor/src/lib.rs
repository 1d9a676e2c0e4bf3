//! Leasegrid's document understanding core: ingestion into one layout model, structure, and
//! field extraction with evidence. Synchronous, deterministic, no network, database or
//! configuration IO: callers hand it bytes and resource paths.

pub mod bbox;
pub mod error;
pub mod field_model;
pub mod fields;
pub mod ingest;
pub mod layout;
pub mod ml;
pub mod model;
pub mod pipeline;
pub mod rentroll;
pub mod resources;
pub mod schema;
pub mod sheets;
pub mod synth_lease;

pub use bbox::BBox;
pub use error::ExtractError;
pub use model::Document;
pub use pipeline::Extractor;
pub use resources::Resources;

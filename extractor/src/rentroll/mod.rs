//! Rent rolls: find the unit table in a document and normalize it into the schema's `RentRoll`.

use crate::model::Document;
use crate::schema::RentRoll;

/// The rent roll in `doc`, or `None` when the document is not one.
pub fn detect_and_extract(_doc: &Document) -> Option<RentRoll> {
    None
}

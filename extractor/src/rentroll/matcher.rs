//! The seam for header wordings the synonym table does not know: a matcher proposes the roles
//! such a header may name, and the header finder keeps the first one the column's values fit.

use super::columns::Role;
use crate::ExtractError;

/// Proposes roles for unknown column headers.
pub trait HeaderMatcher: Send + Sync {
    /// For each header, in order, the roles it may name that the matcher accepts, most
    /// similar first, each with its similarity (higher is closer). An error leaves the
    /// headers to the synonym table alone.
    fn candidates(&self, headers: &[&str]) -> Result<Vec<Vec<(Role, f32)>>, ExtractError>;
}

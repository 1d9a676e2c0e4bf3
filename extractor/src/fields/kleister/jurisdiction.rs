//! The governing-law jurisdiction: the state named in the clause that says which laws govern or
//! construe the agreement ("governed by and construed in accordance with the laws of the State
//! of New York").

use crate::fields::candidates::{Candidate, Source};
use crate::fields::engine::{Context, floor};
use crate::fields::patterns;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// The governing-law wording, up to where the state is named.
static GOVERNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:govern\w*|constru\w*|interpret\w*|enforce\w*)\b[^.;]{0,120}?\blaws?\s+of\b")
        .expect("valid regex")
});

/// A state named within this many bytes after the governing-law wording belongs to it.
const REACH: usize = 60;

/// One candidate per governing-law clause: the first state it names, the earliest clause
/// strongest (later ones often name a forum or another document's law).
pub fn candidates(ctx: &Context) -> Vec<Candidate> {
    let text = ctx.str();
    let mut out = Vec::new();
    for m in GOVERNED.find_iter(text) {
        let end = floor(text, (m.end() + REACH).min(text.len()));
        if let Some(state) = patterns::states(&text[m.end()..end]).into_iter().next() {
            let range = m.end() + state.span.start..m.end() + state.span.end;
            let strength = if out.is_empty() { 1.0 } else { 0.8 };
            out.push(ctx.candidate(
                Value::String(state.value.to_string()),
                range,
                Source::Clause,
                strength,
            ));
        }
    }
    out
}

//! The template engine: for each field of a template, candidates from labels, defined terms,
//! the preamble and passages retrieved by the field's description, normalized by the field's
//! type (a `FieldModel` joins them at the template level, `model_join`).

use crate::field_model::FieldModel;
use crate::fields::candidates::{Candidate, Source};
use crate::fields::labels::{self, Label};
use crate::fields::parties::{self, Party};
use crate::fields::retrieve::{self, Index};
use crate::fields::template::{FieldType, TemplateField};
use crate::fields::text::DocText;
use crate::fields::typed;
use regex::Regex;
use serde_json::Value;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// A defined term and the byte range of what defines it.
#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    /// Lower-cased term.
    pub term: String,
    pub body: Range<usize>,
}

/// Everything the finders share about one document.
pub struct Context<'a> {
    pub text: &'a DocText<'a>,
    pub index: &'a Index<'a>,
    pub labels: Vec<Label>,
    pub definitions: Vec<Definition>,
    pub parties: Vec<Party>,
    pub model: Option<Arc<dyn FieldModel>>,
}

/// Runs `f` on the context of a one-page document of `text` (the unit tests of single finders).
#[cfg(test)]
pub(crate) fn with_context<R>(text: &str, f: impl FnOnce(&Context) -> R) -> R {
    let doc = crate::fields::text::document_from_text("t", text);
    let text = DocText::new(&doc);
    let index = Index::new(text.as_str());
    f(&Context::new(&text, &index, None))
}

impl<'a> Context<'a> {
    pub fn new(
        text: &'a DocText<'a>,
        index: &'a Index<'a>,
        model: Option<Arc<dyn FieldModel>>,
    ) -> Self {
        let s = text.as_str();
        Context {
            labels: labels::labels(text),
            definitions: definitions(text),
            parties: parties::preamble_parties(s, 6000),
            text,
            index,
            model,
        }
    }

    pub fn str(&self) -> &'a str {
        self.text.as_str()
    }

    /// A candidate for `value` read at `range` of the document text.
    pub fn candidate(
        &self,
        value: Value,
        range: Range<usize>,
        source: Source,
        strength: f64,
    ) -> Candidate {
        let at = range.start;
        Candidate::new(value, self.text.evidence(range), source, strength, at)
    }

    /// Typed values of `kind` inside `range`, as candidates.
    pub fn typed_in(
        &self,
        kind: FieldType,
        range: Range<usize>,
        source: Source,
        strength: f64,
    ) -> Vec<Candidate> {
        let slice = &self.str()[range.clone()];
        typed::find_all(kind, slice)
            .into_iter()
            .enumerate()
            .map(|(i, (v, r))| {
                let decay = if i == 0 { 1.0 } else { 0.8 };
                self.candidate(
                    v,
                    range.start + r.start..range.start + r.end,
                    source,
                    strength * decay,
                )
            })
            .collect()
    }

    /// Passages retrieved for `query`, best first, with normalized scores.
    pub fn retrieve(&self, query: &str, k: usize) -> Vec<(Range<usize>, f64)> {
        self.index
            .search(query, k)
            .into_iter()
            .map(|(i, s)| (self.index.passages()[i].range.clone(), s))
            .collect()
    }

    pub fn definition(&self, terms: &[&str]) -> Vec<&Definition> {
        self.definitions
            .iter()
            .filter(|d| terms.iter().any(|t| d.term == *t))
            .collect()
    }
}

static MEANS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[\u{201c}"]([A-Z][A-Za-z' ]{2,40}?)[,.]?[\u{201d}"]\s+(?:shall\s+)?(?:mean|means|is|shall\s+be|refers\s+to|has\s+the\s+meaning)\s"#)
        .expect("valid regex")
});

static NAMED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\((?:the\s+|this\s+|such\s+)?[\u{201c}"]([A-Z][A-Za-z' ]{2,40}?)[\u{201d}"]\)"#)
        .expect("valid regex")
});

/// Defined terms: `"X" means ...` (the body follows) and `... (the "X")` (the body precedes,
/// back to the clause start).
pub fn definitions(text: &DocText) -> Vec<Definition> {
    let s = text.as_str();
    let mut out = Vec::new();
    for c in MEANS.captures_iter(s) {
        let (Some(m), Some(t)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let end = sentence_end(s, m.end());
        out.push(Definition {
            term: t.as_str().to_lowercase(),
            body: m.end()..end,
        });
    }
    for c in NAMED_AFTER.captures_iter(s) {
        let (Some(m), Some(t)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let start = clause_start(s, m.start());
        out.push(Definition {
            term: t.as_str().to_lowercase(),
            body: start..m.start(),
        });
    }
    for d in &text.document().defined_terms {
        if let Some(r) = text.find(&d.definition) {
            out.push(Definition {
                term: d.term.to_lowercase(),
                body: r,
            });
        }
    }
    out.sort_by_key(|d| d.body.start);
    out
}

/// Where the sentence running at `from` ends (its period included), at most 400 bytes on.
pub fn sentence_end(s: &str, from: usize) -> usize {
    let limit = floor(s, (from + 400).min(s.len()));
    s[from..limit]
        .find(". ")
        .or_else(|| s[from..limit].find(".\n"))
        .map_or(limit, |i| from + i + 1)
}

fn clause_start(s: &str, to: usize) -> usize {
    let from = floor(s, to.saturating_sub(300));
    s[from..to]
        .rfind([';', '(', '.'])
        .map_or(from, |i| from + i + 1)
}

/// The bounds of the line of `s` that holds `at..end` (without its newline).
pub fn line_around(s: &str, at: usize, end: usize) -> std::ops::Range<usize> {
    let start = s[..at].rfind('\n').map_or(0, |i| i + 1);
    let stop = s[end..].find('\n').map_or(s.len(), |i| end + i);
    start..stop
}

pub fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Candidates for a field of a user or built-in template from the generic sources.
pub fn generic_candidates(ctx: &Context, field: &TemplateField) -> Vec<Candidate> {
    let name = field.name.replace(['_', '-'], " ").to_lowercase();
    let query = format!("{name} {}", field.description);
    let mut out = Vec::new();
    let label_names = [name.as_str()];
    for l in labels::with_key(&ctx.labels, &label_names) {
        out.extend(ctx.typed_in(field.kind, l.value.clone(), Source::KeyValue, 1.0));
    }
    for d in ctx.definition(&label_names) {
        out.extend(ctx.typed_in(field.kind, d.body.clone(), Source::DefinedTerm, 0.9));
    }
    if field.kind == FieldType::Party {
        for p in &ctx.parties {
            out.push(ctx.candidate(
                Value::String(p.name.clone()),
                p.span.clone(),
                Source::Preamble,
                1.0,
            ));
        }
        return out;
    }
    let k = if field.kind == FieldType::Text { 2 } else { 5 };
    for (range, score) in ctx.retrieve(&query, k) {
        let found = ctx.typed_in(field.kind, range, Source::Retrieval, score * score);
        out.extend(
            found
                .into_iter()
                .filter(|c| !describes_survival(ctx.str(), c)),
        );
    }
    out
}

/// A period that runs after the agreement ends ("for two years following termination",
/// "thereafter") is how long obligations survive, not the agreement's term.
fn describes_survival(text: &str, c: &Candidate) -> bool {
    if !c.value.get("unit").is_some_and(|u| u.is_string()) {
        return false;
    }
    let Some(snippet) = c.evidence.text.as_deref() else {
        return false;
    };
    let Some(at) = text[c.at..].find(snippet.split_whitespace().last().unwrap_or_default()) else {
        return false;
    };
    let from = c.at + at;
    let after = &text[from..floor(text, (from + 80).min(text.len()))];
    has_any(
        after,
        &[
            "following the termination",
            "following termination",
            "after the termination",
            "after termination",
            "following the expiration",
            "after the expiration",
            "thereafter",
            "following the date of termination",
            "following the end",
            "after the end",
            "following the cessation",
            "after the cessation",
            "following your",
            "after your",
        ],
    )
}

/// The sentence up to `at`, at most 200 bytes back: "Annual Base Rent during the first Lease
/// Year shall be $36,700.75" names its period well before the amount, and an amount written
/// out in words ("annual rent of One Hundred Sixty-Nine Thousand Dollars ($169,000.00)") pushes
/// the figure far from it.
pub fn sentence_before(text: &str, at: usize) -> &str {
    let window = &text[floor(text, at.saturating_sub(200))..at];
    let start = [". ", ".\n", ";", "\n\n"]
        .iter()
        .filter_map(|end| window.rfind(end).map(|i| i + end.len()))
        .max()
        .unwrap_or(0);
    &window[start..]
}

/// Whether `text` holds all of the lower-case `words`, line breaks read as spaces.
pub fn has_all(text: &str, words: &[&str]) -> bool {
    let lower = squash(text);
    words.iter().all(|w| lower.contains(w))
}

/// Whether `text` holds any of the lower-case `words`, line breaks read as spaces.
pub fn has_any(text: &str, words: &[&str]) -> bool {
    let lower = squash(text);
    words.iter().any(|w| lower.contains(w))
}

fn squash(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Stems of a query, re-exported for finders that score passages themselves.
pub fn stems(text: &str) -> Vec<String> {
    retrieve::stems(text)
}

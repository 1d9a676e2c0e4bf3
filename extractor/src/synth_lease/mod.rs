//! A seeded generator of realistic commercial leases — office, retail, industrial, lab and
//! ground — for evaluation at scale and for training data. Each lease is drawn as facts first
//! (`deal`), then written (`assemble`) with at least twenty phrasings per core term, an optional
//! Basic Lease Information page, rent tables, boilerplate articles sized to 10–45 pages and an
//! optional amendment, and rendered to PDF by LibreOffice (`render`) so it passes through the
//! same ingestion as an upload. The gold (`gold`) comes from the facts, never from reading back.

mod assemble;
mod boilerplate;
mod deal;
mod doc;
mod gold;
mod names;
mod phrasing;
mod render;
mod words;

pub use deal::Kind;
pub use render::RenderError;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One generated lease: its source, plain text and gold answers.
#[derive(Debug, Clone)]
pub struct SynthLease {
    pub id: String,
    pub kind: Kind,
    /// The document as HTML, for LibreOffice.
    pub html: String,
    /// The same words as plain text (paragraphs separated by blank lines, pages by form feeds).
    pub text: String,
    pub gold: Value,
    /// The page count the boilerplate was sized for.
    pub pages: u32,
}

/// The id of document `index` of the set made with `seed`: the seed is part of the id, so sets
/// made with different seeds never share a document.
pub fn id(seed: u64, index: u64) -> String {
    format!("SYN-{seed}-{index:05}")
}

/// Lease `index` of the set made with `seed`; the same pair always gives the same lease.
pub fn generate(seed: u64, index: u64) -> SynthLease {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(index);
    let kind = Kind::ALL[(index % Kind::ALL.len() as u64) as usize];
    let deal = deal::draw(&mut rng, kind);
    let written = assemble::write(&mut rng, &deal);
    let id = id(seed, index);
    SynthLease {
        gold: gold::gold(&id, seed, &deal, &written.quotes),
        html: written.doc.html(),
        text: written.doc.text(),
        kind,
        pages: deal.pages,
        id,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Render(#[from] RenderError),
}

fn write(path: PathBuf, bytes: &[u8]) -> Result<(), SynthError> {
    std::fs::write(&path, bytes).map_err(|source| SynthError::Write { path, source })
}

/// Writes `count` leases of the `seed` set into `out`: `<id>.pdf`, `<id>.txt`, `<id>.gold.json`
/// (the layout of `shared/data/leases`), and the HTML sources under `out/html/`. Rendering
/// runs `jobs` LibreOffice processes side by side. Returns the ids written.
pub fn write_set(
    out: &Path,
    count: u64,
    seed: u64,
    jobs: usize,
) -> Result<Vec<String>, SynthError> {
    let html_dir = out.join("html");
    std::fs::create_dir_all(&html_dir).map_err(|source| SynthError::Write {
        path: html_dir.clone(),
        source,
    })?;
    let mut ids = Vec::new();
    let mut sources = Vec::new();
    for index in 0..count {
        let lease = generate(seed, index);
        let html = html_dir.join(format!("{}.html", lease.id));
        write(html.clone(), lease.html.as_bytes())?;
        write(out.join(format!("{}.txt", lease.id)), lease.text.as_bytes())?;
        let gold = serde_json::to_string_pretty(&lease.gold).unwrap_or_default() + "\n";
        write(out.join(format!("{}.gold.json", lease.id)), gold.as_bytes())?;
        sources.push(html);
        ids.push(lease.id);
    }
    render::render_pdfs(&sources, out, jobs)?;
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_lease_and_another_seed_another() {
        let a = generate(7, 3);
        let b = generate(7, 3);
        assert_eq!(a.html, b.html);
        assert_eq!(a.gold, b.gold);
        let c = generate(8, 3);
        assert_ne!(a.html, c.html);
        assert_ne!(generate(7, 4).html, a.html);
    }

    #[test]
    fn every_quote_is_in_the_text_and_every_kind_is_made() {
        let mut kinds = std::collections::BTreeSet::new();
        for index in 0..40 {
            let lease = generate(11, index);
            kinds.insert(lease.kind.name());
            let text = lease.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let fields = lease.gold["fields"]
                .as_object()
                .cloned()
                .unwrap_or_default();
            for (name, field) in &fields {
                if let Some(q) = field["quote"].as_str() {
                    let q = q.split_whitespace().collect::<Vec<_>>().join(" ");
                    assert!(text.contains(&q), "{} {name}: {q}", lease.id);
                } else {
                    assert!(
                        field["value"].is_null() || name == "rent_commencement_date",
                        "{} {name} has a value but no quote",
                        lease.id
                    );
                }
            }
            let words = text.split(' ').count();
            assert!(words > 4000, "{}: only {words} words", lease.id);
        }
        assert_eq!(kinds.len(), 5);
    }
}

//! MiniLM header similarity: a header the synonym table does not know is spelled out ("sf" as
//! "square feet"), embedded, and compared with several descriptions of each schema column and
//! of common columns that are none of them. Roles that come closer than every non-role column
//! and clear a threshold are proposed, best first; the header finder then checks them against
//! the column's values. The model loads on first use, so documents whose headers the synonym
//! table knows never pay for it.

use super::columns::{Role, normalize};
use super::matcher::HeaderMatcher;
use crate::ExtractError;
use ml_models::{ModelHandle, cosine};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The least cosine similarity at which a header is taken to name a role. Chosen on the tuning
/// wordings in `tests/rentroll_header_model.rs` (the middle of the range with the best
/// accuracy there) and reported on its held-out wordings.
pub const THRESHOLD: f32 = 0.34;

/// Descriptions per class; `None` holds columns rent rolls carry that map to no schema key, so
/// a header closest to one of them is left unmapped however similar it is to a role.
const DESCRIPTIONS: &[(Option<Role>, &[&str])] = &[
    (
        Some(Role::Unit),
        &[
            "unit number",
            "suite number",
            "space identifier",
            "apartment number",
            "the premises or suite leased",
            "door number of the unit",
        ],
    ),
    (
        Some(Role::Tenant),
        &[
            "tenant name",
            "name of the lessee",
            "the company occupying the space",
            "resident name",
            "occupant of the unit",
            "lessee or renter of the space",
        ],
    ),
    (
        Some(Role::Status),
        &["occupancy status", "whether the unit is vacant or occupied"],
    ),
    (
        Some(Role::Area),
        &[
            "rentable square feet",
            "leased area in square feet",
            "size of the space",
            "square footage",
            "net rentable area",
            "floor area of the premises",
        ],
    ),
    (
        Some(Role::LeaseStart),
        &[
            "lease start date",
            "lease commencement date",
            "move in date",
            "the date the lease begins",
        ],
    ),
    (
        Some(Role::LeaseEnd),
        &[
            "lease end date",
            "lease expiration date",
            "the date the lease expires",
            "lease termination date",
        ],
    ),
    (
        Some(Role::MonthlyRent),
        &[
            "monthly base rent",
            "current rent per month",
            "monthly rent amount",
        ],
    ),
    (
        Some(Role::AnnualRent),
        &["annual base rent", "yearly rent", "rent per year"],
    ),
    (
        Some(Role::AnnualRentPerSf),
        &[
            "annual rent per square foot",
            "base rent rate per square foot per year",
        ],
    ),
    (
        Some(Role::MonthlyRentPerSf),
        &["monthly rent per square foot"],
    ),
    (
        Some(Role::Recoveries { annual: false }),
        &[
            "expense recoveries",
            "common area maintenance reimbursement",
            "operating expense and tax reimbursements",
        ],
    ),
    (
        Some(Role::Deposit),
        &["security deposit", "deposit held by the landlord"],
    ),
    (
        None,
        &[
            "market rent",
            "unit type",
            "lease type",
            "notes",
            "number of bedrooms",
            "pro rata share percent",
            "balance due",
            "move out date",
            "floor",
            "building",
            "rent increase percent",
            "option to renew",
        ],
    ),
];

/// Abbreviations spelled out so the encoder reads words it knows.
const SPELLED: &[(&str, &str)] = &[
    ("sf", "square feet"),
    ("psf", "per square foot"),
    ("no", "number"),
    ("mtm", "month to month"),
    ("begin", "start"),
    ("movein", "move in"),
    ("moveout", "move out"),
    ("amt", "amount"),
    ("dep", "deposit"),
    ("sec", "security"),
    ("bldg", "building"),
    ("ste", "suite"),
    ("apt", "apartment"),
    ("occ", "occupancy"),
    ("pct", "percent"),
    ("reimb", "reimbursement"),
    ("recov", "recovery"),
    ("cam", "common area maintenance"),
    ("nnn", "triple net"),
];

/// A header as the encoder sees it: normalized tokens with abbreviations spelled out.
pub fn spell_out(header: &str) -> String {
    let with_percent = header.replace('%', " percent ");
    normalize(&with_percent)
        .iter()
        .map(|t| {
            SPELLED
                .iter()
                .find(|(short, _)| short == t)
                .map_or(t.as_str(), |(_, long)| long)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each class's best similarity to one header, most similar first.
pub type Similarities = Vec<(Option<Role>, f32)>;

/// The roles a header's similarities propose at `threshold`: those above every non-role class,
/// most similar first.
pub fn accept(similarities: &[(Option<Role>, f32)], threshold: f32) -> Vec<(Role, f32)> {
    similarities
        .iter()
        .take_while(|(class, _)| class.is_some())
        .filter(|(_, s)| *s >= threshold)
        .filter_map(|(class, s)| class.map(|role| (role, *s)))
        .collect()
}

/// The header matcher on the MiniLM encoder (its model thread).
pub struct EmbeddingMatcher {
    models: ModelHandle,
    /// Each description's class and unit vector.
    descriptions: Vec<(Option<Role>, Vec<f32>)>,
    cache: Mutex<HashMap<String, Similarities>>,
}

impl EmbeddingMatcher {
    /// Loads the encoder from `model_dir` and embeds the descriptions.
    pub fn load(model_dir: &Path) -> Result<Self, ExtractError> {
        let models = ModelHandle::spawn(model_dir, None).map_err(model_error)?;
        Self::with_models(models)
    }

    /// Uses an already running model thread.
    pub fn with_models(models: ModelHandle) -> Result<Self, ExtractError> {
        let texts: Vec<&str> = DESCRIPTIONS
            .iter()
            .flat_map(|(_, texts)| texts.iter().copied())
            .collect();
        let mut vectors = models.embed(&texts).map_err(model_error)?.into_iter();
        let mut descriptions = Vec::with_capacity(texts.len());
        for (class, texts) in DESCRIPTIONS {
            for _ in texts.iter() {
                let vector = vectors
                    .next()
                    .ok_or_else(|| ExtractError::Internal("the encoder lost a text".into()))?;
                descriptions.push((*class, vector));
            }
        }
        Ok(EmbeddingMatcher {
            models,
            descriptions,
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// Each header's similarity to every class, computed afresh (no cache).
    pub fn similarities(&self, headers: &[&str]) -> Result<Vec<Similarities>, ExtractError> {
        let spelled: Vec<String> = headers.iter().map(|h| spell_out(h)).collect();
        let texts: Vec<&str> = spelled.iter().map(String::as_str).collect();
        let vectors = self.models.embed(&texts).map_err(model_error)?;
        Ok(vectors.iter().map(|v| self.classes(v)).collect())
    }

    fn classes(&self, vector: &[f32]) -> Similarities {
        let mut best: Vec<(Option<Role>, f32)> = Vec::new();
        for (class, description) in &self.descriptions {
            let s = cosine(vector, description);
            match best.iter_mut().find(|(c, _)| c == class) {
                Some(entry) => entry.1 = entry.1.max(s),
                None => best.push((*class, s)),
            }
        }
        best.sort_by(|a, b| b.1.total_cmp(&a.1));
        best
    }
}

impl HeaderMatcher for EmbeddingMatcher {
    fn candidates(&self, headers: &[&str]) -> Result<Vec<Vec<(Role, f32)>>, ExtractError> {
        let missing: Vec<&str> = {
            let cache = self.cache.lock().map_err(|_| poisoned())?;
            let mut missing: Vec<&str> = headers
                .iter()
                .copied()
                .filter(|h| !cache.contains_key(*h))
                .collect();
            missing.sort_unstable();
            missing.dedup();
            missing
        };
        if !missing.is_empty() {
            let computed = self.similarities(&missing)?;
            let mut cache = self.cache.lock().map_err(|_| poisoned())?;
            for (header, similarities) in missing.iter().zip(computed) {
                cache.insert((*header).to_string(), similarities);
            }
        }
        let cache = self.cache.lock().map_err(|_| poisoned())?;
        Ok(headers
            .iter()
            .map(|header| {
                let annual = normalize(header).iter().any(|t| t == "annual");
                cache.get(*header).map_or_else(Vec::new, |similarities| {
                    accept(similarities, THRESHOLD)
                        .into_iter()
                        .map(|(role, s)| match role {
                            Role::Recoveries { .. } => (Role::Recoveries { annual }, s),
                            other => (other, s),
                        })
                        .collect()
                })
            })
            .collect())
    }
}

/// The embedding matcher, loaded the first time a rent roll has a header the synonym table
/// does not know. A missing model is logged once; headers then go to the synonym table alone.
pub struct LazyHeaderMatcher {
    model_dir: PathBuf,
    loaded: OnceLock<Option<EmbeddingMatcher>>,
}

impl LazyHeaderMatcher {
    pub fn new(model_dir: &Path) -> Self {
        LazyHeaderMatcher {
            model_dir: model_dir.to_path_buf(),
            loaded: OnceLock::new(),
        }
    }

    /// Whether the model has been loaded (or its loading tried).
    pub fn is_loaded(&self) -> bool {
        self.loaded.get().is_some()
    }

    fn matcher(&self) -> Option<&EmbeddingMatcher> {
        self.loaded
            .get_or_init(|| {
                let started = std::time::Instant::now();
                match EmbeddingMatcher::load(&self.model_dir) {
                    Ok(m) => {
                        tracing::debug!(
                            ms = started.elapsed().as_millis() as u64,
                            "header model loaded"
                        );
                        Some(m)
                    }
                    Err(e) => {
                        tracing::warn!(
                            error = %e,
                            "header model unavailable; unknown rent-roll headers stay unmapped"
                        );
                        None
                    }
                }
            })
            .as_ref()
    }
}

impl HeaderMatcher for LazyHeaderMatcher {
    fn candidates(&self, headers: &[&str]) -> Result<Vec<Vec<(Role, f32)>>, ExtractError> {
        match self.matcher() {
            Some(m) => m.candidates(headers),
            None => Err(ExtractError::MissingResource(format!(
                "MiniLM model at {}",
                self.model_dir.display()
            ))),
        }
    }
}

fn model_error(e: ml_models::ModelError) -> ExtractError {
    ExtractError::Internal(format!("header model: {e}"))
}

fn poisoned() -> ExtractError {
    ExtractError::Internal("header model cache poisoned".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_spelled_out() {
        assert_eq!(spell_out("GLA Sqft"), "square feet square feet");
        assert_eq!(spell_out("Sec. Dep."), "security deposit");
        assert_eq!(spell_out("Annual Increase %"), "annual increase percent");
    }

    #[test]
    fn only_roles_closer_than_every_other_column_are_proposed() {
        let s = vec![
            (Some(Role::Area), 0.8),
            (Some(Role::Unit), 0.6),
            (None, 0.58),
            (Some(Role::Tenant), 0.57),
        ];
        assert_eq!(accept(&s, 0.55), vec![(Role::Area, 0.8), (Role::Unit, 0.6)]);
        assert_eq!(accept(&s, 0.7), vec![(Role::Area, 0.8)]);
        let other_first = vec![(None, 0.9), (Some(Role::Area), 0.8)];
        assert!(accept(&other_first, 0.5).is_empty());
    }
}

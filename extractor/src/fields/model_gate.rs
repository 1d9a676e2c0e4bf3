//! Where the trained model may speak, as data: a gate per template field, shipped beside the
//! weights (`gates.json`) and decided on tuning documents, so the model joins a field's rules
//! only in the way that helped there.

use crate::ExtractError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// How a field's rules and the span model's answers combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Join {
    /// The model is not asked.
    #[default]
    Off,
    /// Asked only when the rules propose nothing.
    Fallback,
    /// Its answers count only where they agree with a rule's candidate: agreement raises that
    /// value's support, never brings a new one.
    Agree,
    /// Its answers compete with the rules' candidates.
    Full,
}

/// One field's gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gate {
    #[serde(default)]
    pub join: Join,
    /// Whether the encoder re-ranks the passages lexical retrieval proposed: those the span
    /// model reads and those the rules' retrieval candidates came from.
    #[serde(default)]
    pub rerank: bool,
}

impl Gate {
    /// The model everywhere: span answers compete with the rules, passages re-ranked.
    pub const OPEN: Gate = Gate {
        join: Join::Full,
        rerank: true,
    };
}

/// The gates of every template's fields.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gates {
    /// The gate of a field the file does not name.
    #[serde(default)]
    pub default: Gate,
    /// Template name → field name → gate.
    #[serde(default)]
    pub templates: BTreeMap<String, BTreeMap<String, Gate>>,
    /// How the gates were decided (data and command), for the reader of the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_on: Option<String>,
}

impl Gates {
    /// The same gate for every field.
    pub fn everywhere(gate: Gate) -> Self {
        Gates {
            default: gate,
            ..Gates::default()
        }
    }

    /// Reads a gate file; a missing or malformed one is a missing resource, named.
    pub fn load(path: &Path) -> Result<Self, ExtractError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ExtractError::MissingResource(format!("model gates {}: {e}", path.display()))
        })?;
        serde_json::from_str(&text).map_err(|e| {
            ExtractError::MissingResource(format!(
                "model gates {} are invalid: {e}",
                path.display()
            ))
        })
    }

    /// The gate of `field` in `template`.
    pub fn gate(&self, template: &str, field: &str) -> Gate {
        self.templates
            .get(template)
            .and_then(|fields| fields.get(field))
            .copied()
            .unwrap_or(self.default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_fields_override_the_default() {
        let gates: Gates = serde_json::from_str(
            r#"{"default": {"join": "off"},
                "templates": {"lease": {"tenant": {"join": "fallback", "rerank": true}}}}"#,
        )
        .unwrap();
        assert_eq!(
            gates.gate("lease", "tenant"),
            Gate {
                join: Join::Fallback,
                rerank: true
            }
        );
        assert_eq!(gates.gate("lease", "landlord"), Gate::default());
        assert_eq!(gates.gate("kleister-nda", "tenant"), Gate::default());
    }

    #[test]
    fn a_bad_file_is_a_named_error() {
        let dir = std::env::temp_dir().join(format!("gates-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("gates.json");
        std::fs::write(&path, r#"{"default": {"join": "sometimes"}}"#).unwrap();
        let err = Gates::load(&path).unwrap_err().to_string();
        assert!(err.contains("gates.json"), "{err}");
        assert!(Gates::load(&dir.join("none.json")).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

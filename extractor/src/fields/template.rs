//! Field templates: the built-in `lease` and `kleister-nda` templates and user templates written
//! in TOML (field name, type, description, repeatable). The description doubles as the
//! retrieval query that finds the passages stating the value.

use crate::ExtractError;
use serde::Deserialize;

/// The value types a template field may have. The first eight are open to user templates; the
/// rest are the lease engine's structured values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    Text,
    Party,
    Date,
    Money,
    Area,
    Percent,
    Duration,
    State,
    Months,
    Year,
    Rent,
    RentSchedule,
    Renewal,
    LeaseType,
    CriticalDates,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateField {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: FieldType,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub repeatable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub name: String,
    pub fields: Vec<TemplateField>,
}

const LEASE: &str = include_str!("../../templates/lease.toml");
const KLEISTER_NDA: &str = include_str!("../../templates/kleister-nda.toml");

/// The names of the built-in templates.
pub const BUILT_IN: [&str; 2] = ["lease", "kleister-nda"];

impl Template {
    /// A built-in template by name, or a TOML template's text.
    pub fn resolve(name_or_toml: Option<&str>) -> Result<Template, ExtractError> {
        match name_or_toml.map(str::trim) {
            None | Some("lease") => Template::parse(LEASE),
            Some("kleister-nda") => Template::parse(KLEISTER_NDA),
            Some(text) if text.contains('\n') || text.contains('=') => Template::parse(text),
            Some(other) => Err(ExtractError::BadTemplate(format!(
                "unknown template {other:?}: use one of {} or a TOML template file",
                BUILT_IN.join(", ")
            ))),
        }
    }

    /// Parses and checks a TOML template.
    pub fn parse(text: &str) -> Result<Template, ExtractError> {
        let t: Template =
            toml::from_str(text).map_err(|e| ExtractError::BadTemplate(e.message().to_string()))?;
        if t.name.trim().is_empty() {
            return Err(ExtractError::BadTemplate("the template has no name".into()));
        }
        if t.fields.is_empty() {
            return Err(ExtractError::BadTemplate(format!(
                "template {:?} defines no fields",
                t.name
            )));
        }
        let mut seen = std::collections::BTreeSet::new();
        for f in &t.fields {
            if f.name.trim().is_empty() {
                return Err(ExtractError::BadTemplate(
                    "a field has an empty name".into(),
                ));
            }
            if !seen.insert(f.name.as_str()) {
                return Err(ExtractError::BadTemplate(format!(
                    "field {:?} is defined twice",
                    f.name
                )));
            }
        }
        Ok(t)
    }

    pub fn is_lease(&self) -> bool {
        self.name == "lease"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_ins_parse() {
        let lease = Template::resolve(None).unwrap();
        assert!(lease.is_lease());
        assert!(lease.fields.iter().any(|f| f.name == "governing_law"));
        let nda = Template::resolve(Some("kleister-nda")).unwrap();
        let party = nda.fields.iter().find(|f| f.name == "party").unwrap();
        assert!(party.repeatable && party.kind == FieldType::Party);
    }

    #[test]
    fn user_template_errors_are_specific() {
        let ok = "name = \"loan\"\n[[fields]]\nname = \"lender\"\ntype = \"party\"\n";
        assert_eq!(
            Template::parse(ok).unwrap().fields[0].kind,
            FieldType::Party
        );
        let bad_type = "name = \"x\"\n[[fields]]\nname = \"a\"\ntype = \"colour\"\n";
        let e = Template::parse(bad_type).unwrap_err().to_string();
        assert!(e.contains("colour"), "{e}");
        let dup = "name = \"x\"\n[[fields]]\nname = \"a\"\ntype = \"text\"\n[[fields]]\nname = \"a\"\ntype = \"date\"\n";
        assert!(
            Template::parse(dup)
                .unwrap_err()
                .to_string()
                .contains("twice")
        );
        assert!(Template::resolve(Some("nope")).is_err());
    }
}

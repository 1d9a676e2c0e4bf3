//! Choosing a field's value from its candidates and scoring it: candidates with equal values
//! pool their evidence (noisy-OR of their sources' priors), competing values lower the margin,
//! failed checks lower the score, and the calibration maps the raw score to a probability.

use crate::fields::calibration::Platt;
use crate::fields::candidates::Candidate;
use crate::schema::{Evidence, Field, FieldStatus};
use std::collections::BTreeMap;

/// A chosen value before calibration.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub value: serde_json::Value,
    pub evidence: Vec<Evidence>,
    /// Raw score 0..1 before calibration.
    pub raw: f64,
}

/// Merges candidates into the best-supported value; `None` without candidates.
pub fn choose(candidates: &[Candidate]) -> Option<Scored> {
    let mut groups: BTreeMap<String, Vec<&Candidate>> = BTreeMap::new();
    for c in candidates.iter().filter(|c| !c.value.is_null()) {
        groups.entry(c.agreement_key()).or_default().push(c);
    }
    let support = |g: &[&Candidate]| {
        1.0 - g
            .iter()
            .map(|c| 1.0 - c.source.prior() * c.strength)
            .product::<f64>()
    };
    let scored: Vec<(f64, usize, &Vec<&Candidate>)> = groups
        .values()
        .map(|g| (support(g), g.iter().map(|c| c.at).min().unwrap_or(0), g))
        .collect();
    let total: f64 = scored.iter().map(|s| s.0).sum();
    let (best, _, group) = scored
        .iter()
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))?;
    let margin = if total > 0.0 { best / total } else { 0.0 };
    let mut members: Vec<&&Candidate> = group.iter().collect();
    members.sort_by(|a, b| {
        (b.source.prior() * b.strength)
            .total_cmp(&(a.source.prior() * a.strength))
            .then(a.at.cmp(&b.at))
    });
    let mut evidence: Vec<Evidence> = Vec::new();
    for c in members {
        if evidence.len() < 3 && !evidence.contains(&c.evidence) {
            evidence.push(c.evidence.clone());
        }
    }
    Some(Scored {
        value: members_value(group),
        evidence,
        raw: best * (0.4 + 0.6 * margin),
    })
}

/// The value of the strongest member of a group (members agree up to formatting).
fn members_value(group: &[&Candidate]) -> serde_json::Value {
    group
        .iter()
        .max_by(|a, b| {
            (a.source.prior() * a.strength)
                .total_cmp(&(b.source.prior() * b.strength))
                .then(b.at.cmp(&a.at))
        })
        .map(|c| c.value.clone())
        .unwrap_or(serde_json::Value::Null)
}

/// The output field: calibrated confidence, or the calibrated "absent" confidence for none.
pub fn to_field(scored: Option<Scored>, penalty: f64, platt: &Platt) -> Field {
    match scored {
        Some(s) => Field {
            value: s.value,
            confidence: round3(platt.apply(s.raw * penalty)),
            evidence: s.evidence,
            status: FieldStatus::Extracted,
        },
        None => Field::absent(round3(platt.absent)),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::candidates::Source;
    use serde_json::json;

    fn cand(v: &str, source: Source, at: usize) -> Candidate {
        Candidate::new(json!(v), Evidence::default(), source, 1.0, at)
    }

    #[test]
    fn agreement_beats_a_lone_stronger_source_and_raises_the_score() {
        let alone = choose(&[cand("2020-01-01", Source::Retrieval, 5)]).unwrap();
        let agreed = choose(&[
            cand("2020-01-01", Source::Retrieval, 5),
            cand("2020-01-01", Source::Clause, 9),
            cand("2021-01-01", Source::Retrieval, 1),
        ])
        .unwrap();
        assert_eq!(agreed.value, json!("2020-01-01"));
        let contested = choose(&[
            cand("2020-01-01", Source::Retrieval, 5),
            cand("2021-01-01", Source::Retrieval, 1),
        ])
        .unwrap();
        assert!(agreed.raw > alone.raw && contested.raw < alone.raw);
        assert_eq!(
            contested.value,
            json!("2021-01-01"),
            "ties go to the earlier mention"
        );
        assert!(choose(&[]).is_none());
    }
}

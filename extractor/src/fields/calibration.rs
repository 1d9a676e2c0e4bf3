//! Calibration: Platt scaling of the raw field score (fitted on out-of-fold predictions by
//! `leasegrid eval --fit-calibration`), and the reliability table and expected calibration
//! error the eval prints.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// `p = sigmoid(a * logit(raw) + b)`, plus the confidence given to a field left empty.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Platt {
    pub a: f64,
    pub b: f64,
    /// Observed rate at which an empty field was right to be empty.
    pub absent: f64,
}

/// One Platt fit per field (fields differ in how their raw scores relate to being right), and
/// a default for fields without one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    pub fields: BTreeMap<String, Platt>,
    pub default: Platt,
}

#[derive(Debug, Clone, Deserialize)]
struct CalibrationFile {
    templates: BTreeMap<String, Fitted>,
}

#[derive(Debug, Clone, Deserialize)]
struct Fitted {
    calibration: Calibration,
}

static FITTED: LazyLock<BTreeMap<String, Calibration>> = LazyLock::new(|| {
    serde_json::from_str::<CalibrationFile>(include_str!("calibration.json"))
        .map(|f| {
            f.templates
                .into_iter()
                .map(|(k, v)| (k, v.calibration))
                .collect()
        })
        .unwrap_or_default()
});

impl Calibration {
    /// Raw scores passed through unchanged.
    pub fn identity() -> Calibration {
        Calibration {
            fields: BTreeMap::new(),
            default: Platt::IDENTITY,
        }
    }

    /// The parameters shipped with the build for `template`; a user template, having no
    /// labelled data, gets the default fit of the `kleister-nda` template (the most documents).
    pub fn fitted(template: &str) -> Calibration {
        match FITTED.get(template) {
            Some(c) => c.clone(),
            None => Calibration {
                fields: BTreeMap::new(),
                default: FITTED
                    .get("kleister-nda")
                    .map_or(Platt::IDENTITY, |c| c.default),
            },
        }
    }

    pub fn for_field(&self, field: &str) -> &Platt {
        self.fields.get(field).unwrap_or(&self.default)
    }

    /// Fits a default Platt over all `(field, raw, right)` points and `(field, right)` outcomes
    /// of fields left empty, and one per field when `per_field` (enough documents for each).
    pub fn fit(
        points: &[(String, f64, bool)],
        absent: &[(String, bool)],
        per_field: bool,
    ) -> Calibration {
        Calibration::fit_grouped(points, absent, per_field, |f| f.to_string())
    }

    /// `fit` with the fields pooled by `group` (their value type, say): one Platt per group,
    /// shared by its fields, so a field with few or unrepresentative labels borrows the
    /// evidence of fields read the same way. Each field keeps its own empty-field rate.
    pub fn fit_grouped(
        points: &[(String, f64, bool)],
        absent: &[(String, bool)],
        per_group: bool,
        group: impl Fn(&str) -> String,
    ) -> Calibration {
        let rate = |outcomes: Vec<bool>| {
            let n = outcomes.len().max(1) as f64;
            (outcomes.iter().filter(|o| **o).count() as f64 / n).clamp(0.05, 0.95)
        };
        let mut names: Vec<&String> = points.iter().filter(|_| per_group).map(|p| &p.0).collect();
        names.sort();
        names.dedup();
        let mut fitted: BTreeMap<String, Platt> = BTreeMap::new();
        let fields = names
            .into_iter()
            .map(|name| {
                let key = group(name);
                let platt = *fitted.entry(key.clone()).or_insert_with(|| {
                    let mine: Vec<(f64, bool)> = points
                        .iter()
                        .filter(|p| group(&p.0) == key)
                        .map(|p| (p.1, p.2))
                        .collect();
                    Platt::fit(&mine, 0.5)
                });
                let empty = absent
                    .iter()
                    .filter(|a| &a.0 == name)
                    .map(|a| a.1)
                    .collect();
                (
                    name.clone(),
                    Platt {
                        absent: rate(empty),
                        ..platt
                    },
                )
            })
            .collect();
        let all: Vec<(f64, bool)> = points.iter().map(|p| (p.1, p.2)).collect();
        Calibration {
            fields,
            default: Platt::fit(&all, rate(absent.iter().map(|a| a.1).collect())),
        }
    }
}

impl Platt {
    pub const IDENTITY: Platt = Platt {
        a: 1.0,
        b: 0.0,
        absent: 0.5,
    };

    pub fn apply(&self, raw: f64) -> f64 {
        sigmoid(self.a * logit(raw) + self.b)
    }

    /// Fits `a` and `b` by Newton's method on the log loss of `(raw score, correct)` pairs,
    /// with Platt's target smoothing so a perfectly separated set stays finite.
    pub fn fit(points: &[(f64, bool)], absent: f64) -> Platt {
        let pos = points.iter().filter(|p| p.1).count() as f64;
        let neg = points.len() as f64 - pos;
        let hi = (pos + 1.0) / (pos + 2.0);
        let lo = 1.0 / (neg + 2.0);
        let (mut a, mut b) = (1.0f64, 0.0f64);
        for _ in 0..100 {
            // A small ridge toward the identity keeps the fit finite when the raw scores take
            // few distinct values and nearly separate the classes.
            let (mut ga, mut gb) = (RIDGE * (a - 1.0), RIDGE * b);
            let (mut haa, mut hab, mut hbb) = (RIDGE, 0.0, RIDGE);
            for &(raw, y) in points {
                let x = logit(raw);
                let t = if y { hi } else { lo };
                let p = sigmoid(a * x + b);
                let w = p * (1.0 - p);
                ga += (p - t) * x;
                gb += p - t;
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            let det = haa * hbb - hab * hab;
            if det.abs() < 1e-12 {
                break;
            }
            let da = ((hbb * ga - hab * gb) / det).clamp(-MAX_STEP, MAX_STEP);
            let db = ((haa * gb - hab * ga) / det).clamp(-MAX_STEP, MAX_STEP);
            a -= da;
            b -= db;
            if da.abs() + db.abs() < 1e-9 {
                break;
            }
        }
        Platt { a, b, absent }
    }
}

const RIDGE: f64 = 1.0;
const MAX_STEP: f64 = 2.0;

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

/// One bin of a reliability table.
#[derive(Debug, Clone, PartialEq)]
pub struct Bin {
    pub lo: f64,
    pub hi: f64,
    pub count: usize,
    pub mean_confidence: f64,
    pub accuracy: f64,
}

/// Ten equal-width confidence bins of `(confidence, correct)` pairs.
pub fn reliability(points: &[(f64, bool)]) -> Vec<Bin> {
    (0..10)
        .map(|i| {
            let lo = i as f64 / 10.0;
            let hi = lo + 0.1;
            let inside: Vec<&(f64, bool)> = points
                .iter()
                .filter(|(c, _)| *c >= lo && (*c < hi || (i == 9 && *c <= 1.0)))
                .collect();
            let n = inside.len();
            let mean = |f: &dyn Fn(&(f64, bool)) -> f64| {
                if n == 0 {
                    0.0
                } else {
                    inside.iter().map(|p| f(p)).sum::<f64>() / n as f64
                }
            };
            Bin {
                lo,
                hi,
                count: n,
                mean_confidence: mean(&|p| p.0),
                accuracy: mean(&|p| if p.1 { 1.0 } else { 0.0 }),
            }
        })
        .collect()
}

/// Expected calibration error: the count-weighted mean gap between confidence and accuracy.
pub fn ece(bins: &[Bin]) -> f64 {
    let total: usize = bins.iter().map(|b| b.count).sum();
    if total == 0 {
        return 0.0;
    }
    bins.iter()
        .map(|b| b.count as f64 * (b.mean_confidence - b.accuracy).abs())
        .sum::<f64>()
        / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_recovers_a_miscalibrated_score() {
        // Raw scores of 0.9 that are right half the time should map near 0.5.
        let mut pts = vec![];
        for i in 0..200 {
            pts.push((0.9, i % 2 == 0));
            pts.push((0.2, i % 10 == 0));
        }
        let p = Platt::fit(&pts, 0.5);
        assert!((p.apply(0.9) - 0.5).abs() < 0.05, "{}", p.apply(0.9));
        assert!((p.apply(0.2) - 0.1).abs() < 0.05, "{}", p.apply(0.2));
        let calibrated: Vec<(f64, bool)> = pts.iter().map(|&(r, y)| (p.apply(r), y)).collect();
        assert!(ece(&reliability(&calibrated)) < 0.03);
        assert!(ece(&reliability(&pts)) > 0.2);
    }
}

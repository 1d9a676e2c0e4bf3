//! Span metrics in the SQuAD 2.0 manner: exact match and token F1 against the best gold answer;
//! a question without an answer counts as right only when the model abstains. Articles and
//! punctuation are ignored, as in SQuAD's evaluation.

use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpanMetrics {
    pub examples: usize,
    pub answerable: usize,
    pub exact_match: f64,
    pub f1: f64,
    /// Share of unanswerable examples on which the model abstained.
    pub abstain_accuracy: f64,
}

/// Running sums for `SpanMetrics`.
#[derive(Default)]
pub struct Tally {
    examples: usize,
    answerable: usize,
    exact: f64,
    f1: f64,
    unanswerable: usize,
    abstained: usize,
}

impl Tally {
    /// Adds one prediction (`None` = abstained) against its gold answers (empty = none).
    pub fn add(&mut self, predicted: Option<&str>, gold: &[&str]) {
        self.examples += 1;
        if gold.is_empty() {
            self.unanswerable += 1;
            self.abstained += usize::from(predicted.is_none());
            return;
        }
        self.answerable += 1;
        if let Some(p) = predicted {
            let p = normalize(p);
            self.exact += f64::from(u8::from(gold.iter().any(|g| normalize(g) == p)));
            self.f1 += gold
                .iter()
                .map(|g| token_f1(&p, &normalize(g)))
                .fold(0.0, f64::max);
        }
    }

    pub fn finish(&self) -> SpanMetrics {
        let share = |n: f64, d: usize| if d == 0 { 0.0 } else { n / d as f64 };
        SpanMetrics {
            examples: self.examples,
            answerable: self.answerable,
            exact_match: share(self.exact, self.answerable),
            f1: share(self.f1, self.answerable),
            abstain_accuracy: share(self.abstained as f64, self.unanswerable),
        }
    }
}

fn normalize(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .filter(|w| !matches!(*w, "a" | "an" | "the"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn token_f1(predicted: &str, gold: &str) -> f64 {
    let p: Vec<&str> = predicted.split_whitespace().collect();
    let mut g: Vec<&str> = gold.split_whitespace().collect();
    let mut common = 0usize;
    for t in &p {
        if let Some(i) = g.iter().position(|x| x == t) {
            g.swap_remove(i);
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / p.len() as f64;
    let recall = common as f64 / gold.split_whitespace().count() as f64;
    2.0 * precision * recall / (precision + recall)
}

#[cfg(test)]
mod tests {
    use super::Tally;

    #[test]
    fn exact_partial_and_abstained() {
        let mut t = Tally::default();
        t.add(Some("The State of Nevada"), &["state of nevada"]);
        t.add(Some("Nevada"), &["State of Nevada"]);
        t.add(None, &[]);
        t.add(Some("x"), &[]);
        let m = t.finish();
        assert_eq!(m.answerable, 2);
        assert!((m.exact_match - 0.5).abs() < 1e-9);
        assert!((m.f1 - (1.0 + 0.5) / 2.0).abs() < 1e-9, "{}", m.f1);
        assert!((m.abstain_accuracy - 0.5).abs() < 1e-9);
    }
}

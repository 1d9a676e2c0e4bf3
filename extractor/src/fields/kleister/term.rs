//! The agreement's term: a stated duration that governs the agreement or its confidentiality
//! obligations ("this Agreement shall expire two (2) years from the date hereof"), told apart
//! from durations that run after it ends or bound a single covenant.

use crate::fields::candidates::{Candidate, Source};
use crate::fields::engine::{Context, floor};
use crate::fields::patterns::{self, TimeUnit};
use crate::fields::typed;
use regex::Regex;
use std::sync::LazyLock;

/// Where a sentence ends: a period, semicolon or colon before a capital, digit or bracket.
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.;:]\s+[A-Z(0-9]").expect("valid regex"));

/// The agreement (or its obligations) as the sentence's subject.
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)this\s+(?:letter\s+)?agreement|this\s+nda\b|the\s+term\b|obligations|this\s+letter|agreement\s+(?:shall|will)")
        .expect("valid regex")
});

/// A verb of duration or ending.
static ENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)expire|terminat|remain\s+in\s+(?:full\s+)?(?:force|effect)|continue[sd]?\s+in\s+(?:full\s+)?(?:force|effect)|in\s+effect|cease|have\s+a\s+term|term\s+of|be\s+in\s+force|remain\s+binding|be\s+binding")
        .expect("valid regex")
});

/// The term defined outright: "the term of this Agreement shall be", "shall have a term of".
static TERM_IS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)term\s+of\s+this\s+(?:letter\s+)?agreement\s+(?:shall|will)\s+be|(?:shall|will)\s+have\s+a\s+term\s+of|the\s+term\s+(?:shall|will)\s+be")
        .expect("valid regex")
});

/// The duration counted from the agreement's start: "from the date hereof", "after the
/// Effective Date", "following receipt".
static FROM_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W{0,3}(?:\S+\s+)?(?:from|after|following|commencing|beginning|starting)\s+(?:with\s+|on\s+)?(?:the\s+|its\s+|such\s+|this\s+)?(?:date\s+(?:hereof|of\s+this|first|(?:that|on\s+which)\s+this|of\s+(?:its\s+)?(?:execution|signing))|effective\s+date|execution|receipt|disclosure|signing|date\s+the\s+confidential)")
        .expect("valid regex")
});

/// The duration runs after something ends: how long obligations survive, not the term.
static AFTER_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W{0,3}(?:\S+\s+){0,2}?(?:thereafter|(?:following|after)\s+(?:the\s+|any\s+|such\s+)?(?:termination|expiration|cessation|end|conclusion|completion)|following\s+(?:your|the\s+employee|employee))")
        .expect("valid regex")
});

/// "for a period of", "until" just before the duration.
static PERIOD_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:for\s+a\s+period\s+of|period\s+of|for|until)\s*$").expect("valid regex")
});

/// A "Term" heading just before the sentence, or the sentence opening with one.
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bterm\b[^a-z]{0,3}$").expect("valid regex"));
static OPENS_WITH_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\W*(?:\d+\.?\s*)?term(?:ination)?\b").expect("valid regex"));

/// Term candidates, one per distinct duration at its strongest reading; readings weaker than
/// `min_strength` are left out so a document without a governing term gets none.
pub fn candidates(ctx: &Context, min_strength: f64) -> Vec<Candidate> {
    let text = ctx.str();
    let mut best: Vec<Candidate> = Vec::new();
    for (start, end) in sentences(text) {
        let sentence = &text[start..end];
        let before_sentence = &text[floor(text, start.saturating_sub(30))..start];
        for found in patterns::durations(sentence) {
            if found.value.unit == TimeUnit::Day {
                continue;
            }
            let before =
                &sentence[floor(sentence, found.span.start.saturating_sub(80))..found.span.start];
            let after = &sentence
                [found.span.end..floor(sentence, (found.span.end + 70).min(sentence.len()))];
            let reading = Reading {
                governs: SUBJECT.is_match(sentence) && ENDING.is_match(sentence),
                defines: TERM_IS.is_match(before),
                from_start: FROM_START.is_match(after),
                after_end: AFTER_END.is_match(after),
                headed: HEADING.is_match(before_sentence) || OPENS_WITH_HEADING.is_match(sentence),
                period_of: PERIOD_OF.is_match(before),
            };
            let strength = reading.strength();
            if strength < min_strength {
                continue;
            }
            let range = start + found.span.start..start + found.span.end;
            let c = ctx.candidate(
                typed::duration_value(found.value),
                range,
                Source::Clause,
                strength,
            );
            match best
                .iter_mut()
                .find(|b| b.agreement_key() == c.agreement_key())
            {
                Some(b) if b.strength < c.strength => *b = c,
                Some(_) => {}
                None => best.push(c),
            }
        }
    }
    best
}

/// What the sentence around a duration says about it.
struct Reading {
    /// The agreement or its obligations expire, terminate or remain in effect.
    governs: bool,
    /// The duration is what the term "shall be" or what the agreement "shall have a term of".
    defines: bool,
    /// Counted from the date of the agreement, its signing or the receipt of information.
    from_start: bool,
    /// Counted from the end of the agreement or of employment.
    after_end: bool,
    /// Under a "Term" heading.
    headed: bool,
    /// "for a period of", "until".
    period_of: bool,
}

impl Reading {
    /// Weights tuned on folds 1-4 of the Kleister NDA train split.
    fn strength(&self) -> f64 {
        let mut s = 0.15;
        if self.defines {
            s += 0.55;
        } else if self.governs {
            s += 0.4;
        }
        if self.from_start {
            s += 0.25;
        }
        if self.headed {
            s += 0.2;
        }
        if self.period_of {
            s += 0.1;
        }
        if self.after_end {
            s -= 0.35;
        }
        s
    }
}

/// Byte ranges of the sentences of `text`.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in SENTENCE_END.find_iter(text) {
        let end = m.start() + 1;
        out.push((start, end));
        start = m.end() - 1;
    }
    out.push((start, text.len()));
    out
}

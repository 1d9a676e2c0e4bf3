//! The `kleister-nda` template's finders (the agreement's term, its parties, its effective
//! date) and the benchmark's one-line `key=value` rendering of its extraction.

mod effective;
mod jurisdiction;
mod term;

use crate::fields::candidates::{Candidate, Source};
use crate::fields::engine::{self, Context};
use crate::fields::parties;
use crate::fields::template::TemplateField;
use crate::schema::{Extraction, FieldMap};
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// The template these finders serve.
pub const TEMPLATE: &str = "kleister-nda";

/// Weakest term reading emitted: below it a document is read as stating no term (most NDAs
/// state none, and the benchmark counts a term predicted for them as an error).
const TERM_MIN_STRENGTH: f64 = 0.7;

/// Candidates for a field of the `kleister-nda` template: the dedicated finders where there
/// are, the template engine's generic sources otherwise.
pub fn candidates(ctx: &Context, field: &TemplateField) -> Vec<Candidate> {
    match field.name.as_str() {
        "term" => term::candidates(ctx, TERM_MIN_STRENGTH),
        "party" => party_candidates(ctx, field),
        "jurisdiction" => or_else(jurisdiction::candidates(ctx), || {
            engine::generic_candidates(ctx, field)
        }),
        "effective_date" => or_else(effective::candidates(ctx), || {
            fallback(engine::generic_candidates(ctx, field))
        }),
        _ => engine::generic_candidates(ctx, field),
    }
}

/// `found`, or when a dedicated finder found nothing, what `otherwise` gives.
fn or_else(found: Vec<Candidate>, otherwise: impl FnOnce() -> Vec<Candidate>) -> Vec<Candidate> {
    if found.is_empty() { otherwise() } else { found }
}

/// Candidates of the generic sources where no dedicated finder proposed any, rescaled so the
/// best stands at `FALLBACK_STRENGTH`: retrieval scores rank passages within a document but say
/// little across documents, and a date no dating phrase introduces is right about half the time.
fn fallback(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    let best = candidates.iter().map(|c| c.strength).fold(0.0, f64::max);
    if best > 0.0 {
        for c in &mut candidates {
            c.strength = c.strength / best * FALLBACK_STRENGTH;
        }
    }
    candidates
}

const FALLBACK_STRENGTH: f64 = 0.6;

/// The preamble's parties; where it names fewer than two, also the names the opening gives a
/// defined role, a letter's addressee and, up to two parties, the signature blocks' companies
/// and signers, each once (a short form of a name already found, as "Acme" of "Acme Corp.", is
/// the same party).
fn party_candidates(ctx: &Context, field: &TemplateField) -> Vec<Candidate> {
    let mut out = engine::generic_candidates(ctx, field);
    out.retain(|c| c.value.as_str().is_some_and(parties::names_an_entity));
    if out.len() >= 2 {
        return out;
    }
    let text = ctx.str();
    let found = parties::defined_parties(text, OPENING)
        .into_iter()
        .map(|p| (p, DEFINED_STRENGTH))
        .chain(
            parties::letter_parties(text, OPENING)
                .into_iter()
                .map(|p| (p, LETTER_STRENGTH)),
        )
        .chain(
            parties::signature_parties(text, CLOSING)
                .into_iter()
                .map(|p| (p, SIGNATURE_STRENGTH)),
        );
    for (p, strength) in found {
        if out.len() >= 2 && strength <= SIGNATURE_STRENGTH {
            break;
        }
        let key = squash(&p.name);
        if out.iter().any(|c| {
            let other = c.agreement_key();
            other.contains(&key) || key.contains(&other)
        }) {
            continue;
        }
        out.push(ctx.candidate(Value::String(p.name), p.span, Source::DefinedTerm, strength));
    }
    for c in &mut out {
        if let Some(name) = c.value.as_str().map(tidy_party) {
            c.value = Value::String(name);
        }
    }
    out
}

/// A party's name without what trails it in the text but is no part of it: a possessive
/// ("Acme's"), academic degrees ("M.D., Ph.D."), a descriptor's dangling article.
fn tidy_party(name: &str) -> String {
    static TRAILER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:[\u{2019}']s|,?\s+an?|,?\s+(?:M\.\s?D|Ph\.\s?D|J\.\s?D|Esq)\.?)$")
            .expect("valid regex")
    });
    let mut name = name.trim();
    while let Some(m) = TRAILER.find(name) {
        name = name[..m.start()].trim_end_matches([',', ' ']);
    }
    name.to_string()
}

/// How far into the text the opening runs.
const OPENING: usize = 2500;
const DEFINED_STRENGTH: f64 = 0.8;
const LETTER_STRENGTH: f64 = 0.8;
/// How far from the end the signature blocks are looked for.
const CLOSING: usize = 5000;
/// Signature blocks fill in parties the opening did not name, up to two.
const SIGNATURE_STRENGTH: f64 = 0.6;

fn squash(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// `party=Nike_Inc. jurisdiction=Oregon effective_date=2001-04-18 term=2_years`: keys in the
/// benchmark's order, spaces and colons as underscores, commas dropped, "&" as "and".
pub fn kleister_line(extraction: &Extraction) -> String {
    extraction
        .custom
        .as_ref()
        .map(|c| kleister_pairs(&c.fields).join(" "))
        .unwrap_or_default()
}

/// The `key=value` pairs of a `kleister-nda` field map, in the benchmark's key order.
pub fn kleister_pairs(fields: &FieldMap) -> Vec<String> {
    let mut pairs = Vec::new();
    for key in ["effective_date", "jurisdiction", "party", "term"] {
        let Some(field) = fields.get(key) else {
            continue;
        };
        let values: Vec<&Value> = match &field.value {
            Value::Array(items) => items.iter().collect(),
            Value::Null => vec![],
            v => vec![v],
        };
        for v in values {
            if let Some(text) = render(key, v) {
                pairs.push(format!("{key}={}", escape(&text)));
            }
        }
    }
    pairs
}

fn render(key: &str, v: &Value) -> Option<String> {
    if key == "term" {
        let count = v.get("count")?.as_u64()?;
        let unit = v.get("unit")?.as_str()?;
        let unit = if count == 1 {
            unit.trim_end_matches('s')
        } else {
            unit
        };
        return Some(format!("{count} {unit}"));
    }
    v.as_str().map(str::to_string)
}

/// The benchmark's value escaping, with company suffixes in its abbreviated spelling
/// ("Incorporated" and "Inc" as "Inc.", "L.P." as "LP").
pub fn escape(value: &str) -> String {
    value
        .replace('&', " and ")
        .replace(',', "")
        .split_whitespace()
        .map(suffix)
        .collect::<Vec<_>>()
        .join("_")
        .replace(':', "_")
}

fn suffix(word: &str) -> &str {
    match word.to_lowercase().as_str() {
        "inc" | "inc." | "incorporated" => "Inc.",
        "corp" | "corp." => "Corp.",
        "ltd" | "ltd." | "limited" => "Ltd.",
        "co" | "co." => "Co.",
        "l.p." | "l.p" => "LP",
        "l.l.c." | "l.l.c" => "LLC",
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::abstract_document;
    use crate::fields::text::document_from_text;

    /// The benchmark pairs the template gives `text`.
    fn pairs(text: &str) -> Vec<String> {
        let doc = document_from_text("nda.txt", text);
        let result = abstract_document(&doc, Some(TEMPLATE)).unwrap();
        kleister_pairs(&result.fields)
    }

    fn values<'a>(pairs: &'a [String], key: &str) -> Vec<&'a str> {
        let prefix = format!("{key}=");
        pairs
            .iter()
            .filter_map(|p| p.strip_prefix(prefix.as_str()))
            .collect()
    }

    #[test]
    fn the_term_is_the_duration_that_governs_the_agreement() {
        let governed = "CONFIDENTIALITY AGREEMENT\nThis Agreement is made as of May 2, 2011 between Alder Tools, Inc. and Birch Labs LLC.\n\
            5. Non-Solicitation. For a period of one year following the termination of discussions, neither party shall solicit employees.\n\
            9. Term. This Agreement shall terminate two (2) years from the date hereof.\n";
        assert_eq!(values(&pairs(governed), "term"), vec!["2_years"]);
        let survival_only = "CONFIDENTIALITY AGREEMENT\nThis Agreement is made as of May 2, 2011 between Alder Tools, Inc. and Birch Labs LLC.\n\
            5. During employment and for eighteen (18) months thereafter, Employee shall not compete.\n";
        assert!(
            values(&pairs(survival_only), "term").is_empty(),
            "no governing term: abstain"
        );
    }

    #[test]
    fn the_effective_date_is_this_agreements_not_one_it_cites() {
        let text = "NON-COMPETITION AGREEMENT\nTHIS AGREEMENT is made as of April 13, 2006 between Cedar Holdings, Inc. and Dana Roe.\n\
            WHEREAS, pursuant to the Agreement and Plan of Merger dated as of January 18, 2006 (the \u{201c}Merger Agreement\u{201d}), the parties agree.\n";
        assert_eq!(values(&pairs(text), "effective_date"), vec!["2006-04-13"]);
    }

    #[test]
    fn a_letter_names_its_addressee_and_its_signer() {
        let letter = "CONFIDENTIALITY AGREEMENT\nMarch 3, 2012\nElm Street Partners LLC\n100 Main Street\nBoston, MA 02110\n\
            Ladies and Gentlemen:\nIn connection with your consideration of a possible transaction with Fir Systems, Inc. (the \u{201c}Company\u{201d}), you agree as follows.\n\
            1. This letter agreement shall be governed by the laws of the State of Delaware.\n\
            Very truly yours,\nFIR SYSTEMS, INC.\nBy: /s/ Jo Smith\nName: Jo Smith\n";
        let got = pairs(letter);
        assert_eq!(
            values(&got, "party"),
            vec!["Elm_Street_Partners_LLC", "Fir_Systems_Inc."]
        );
        assert_eq!(values(&got, "jurisdiction"), vec!["Delaware"]);
        assert_eq!(values(&got, "effective_date"), vec!["2012-03-03"]);
    }

    #[test]
    fn an_employee_signing_in_their_own_name_is_a_party() {
        let text = "CONFIDENTIALITY AGREEMENT\nAs an employee of Gum Tree Software, Inc. (the \u{201c}Company\u{201d}), you agree to keep its information secret.\n\
            The laws of the Commonwealth of Massachusetts govern this Agreement.\n\
            GUM TREE SOFTWARE, INC.\nBy: /s/ Al Brown\nEMPLOYEE\n/s/ Mary K. Lane\nMary K. Lane\n";
        assert_eq!(
            values(&pairs(text), "party"),
            vec!["Gum_Tree_Software_Inc.", "Mary_K._Lane"]
        );
    }

    #[test]
    fn trailing_possessives_degrees_and_articles_are_no_part_of_a_name() {
        assert_eq!(tidy_party("Lake Capital\u{2019}s"), "Lake Capital");
        assert_eq!(tidy_party("Jane Q. Roe, M.D., Ph.D."), "Jane Q. Roe");
        assert_eq!(tidy_party("Pine Systems, Inc., a"), "Pine Systems, Inc.");
        assert_eq!(tidy_party("Ana Banks"), "Ana Banks");
    }

    #[test]
    fn escapes_like_the_benchmark() {
        assert_eq!(escape("NIKE, Inc."), "NIKE_Inc.");
        assert_eq!(escape("W&L Enterprises, Ltd."), "W_and_L_Enterprises_Ltd.");
        assert_eq!(escape("Acme Incorporated"), "Acme_Inc.");
        assert_eq!(escape("Green Partners, L.P."), "Green_Partners_LP");
        assert_eq!(
            render("term", &serde_json::json!({"count": 1, "unit": "years"})).unwrap(),
            "1 year"
        );
    }
}

//! Field extraction: candidates from the layout, normalized, validated and scored, for the
//! built-in `lease` template and user templates.

pub mod amendment;
pub mod calibration;
pub mod candidates;
pub mod engine;
pub mod formula_date;
pub mod fuzzy;
pub mod gold;
pub mod kleister;
pub mod labels;
pub mod lease;
pub mod model_gate;
pub mod model_join;
pub mod parties;
pub mod patterns;
pub mod rent;
pub mod retrieve;
pub mod score;
pub mod template;
pub mod text;
pub mod typed;
pub mod validate;

use crate::field_model::FieldModel;
use crate::fields::calibration::Calibration;
use crate::fields::candidates::Candidate;
use crate::fields::engine::{Context, has_any};
use crate::fields::template::{FieldType, Template, TemplateField};
use crate::model::{Diagnostic, Document};
use crate::schema::{ExtractionKind, Field, FieldMap};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

pub use kleister::kleister_line;

/// What the abstraction of one document produced.
pub struct Abstract {
    pub kind: ExtractionKind,
    pub fields: FieldMap,
    /// Each field's score before calibration (`None` for a field left empty), for fitting and
    /// evaluating the calibration.
    pub raw_scores: BTreeMap<String, Option<f64>>,
    /// Failed cross-field checks.
    pub diagnostics: Vec<Diagnostic>,
}

/// Switches for abstraction.
#[derive(Clone, Default)]
pub struct AbstractOptions {
    /// A trained model proposing spans, one more candidate source; `None` runs without one.
    pub model: Option<Arc<dyn FieldModel>>,
    /// Calibration to apply; `None` uses the fitted parameters shipped with the build.
    pub calibration: Option<Calibration>,
}

/// Abstracts a lease (or a custom template given as a built-in name or TOML text).
pub fn abstract_document(
    doc: &Document,
    template: Option<&str>,
) -> Result<Abstract, crate::ExtractError> {
    abstract_document_with(doc, template, &AbstractOptions::default())
}

/// `abstract_document` with an optional model and calibration.
pub fn abstract_document_with(
    doc: &Document,
    template: Option<&str>,
    options: &AbstractOptions,
) -> Result<Abstract, crate::ExtractError> {
    let template = Template::resolve(template)?;
    let text = text::DocText::new(doc);
    let index = retrieve::Index::new(text.as_str());
    let ctx = Context::new(&text, &index, options.model.clone());
    let calibration = options
        .calibration
        .clone()
        .unwrap_or_else(|| Calibration::fitted(&template.name));
    if template.is_lease() {
        Ok(abstract_lease(&ctx, &template, &calibration))
    } else {
        Ok(abstract_custom(&ctx, &template, &calibration))
    }
}

fn abstract_lease(ctx: &Context, template: &Template, calibration: &Calibration) -> Abstract {
    let mut chosen: BTreeMap<String, Option<score::Scored>> = BTreeMap::new();
    let rows = rent::rows(ctx);
    for field in &template.fields {
        let mut cands: Vec<Candidate> = match field.kind {
            FieldType::RentSchedule | FieldType::CriticalDates => continue,
            FieldType::Rent => rent::base_rent(ctx, &rows),
            _ => lease::candidates(ctx, &field.name),
        };
        model_join::join(ctx, &template.name, field, &query(field), &mut cands);
        chosen.insert(field.name.clone(), score::choose(&cands));
    }
    let value_of = |name: &str| {
        chosen
            .get(name)
            .and_then(|s| s.as_ref())
            .map(|s| s.value.clone())
            .unwrap_or(Value::Null)
    };
    let (rent, start, end) = (
        value_of("base_rent"),
        value_of("commencement_date"),
        value_of("expiration_date"),
    );
    // A flat schedule is derived from the base rent, so it quotes the base rent's evidence.
    let rent_evidence = chosen
        .get("base_rent")
        .and_then(|s| s.as_ref())
        .and_then(|s| s.evidence.first().cloned())
        .unwrap_or_default();
    let flat =
        (!rent.is_null() && value_of("escalation_percent").is_null()).then_some(rent::FlatRent {
            rent: &rent,
            start: &start,
            end: &end,
            evidence: rent_evidence,
        });
    let schedule = rent::rent_schedule(ctx, &rows, flat);
    chosen.insert("rent_schedule".into(), score::choose(&schedule));
    let formula_checks = resolve_formulas(ctx, &mut chosen);
    rent_from_commencement(ctx, &mut chosen);
    let amended = apply_amendments(ctx, &mut chosen);

    let mut fields: FieldMap = chosen
        .iter()
        .map(|(k, s)| {
            (
                k.clone(),
                score::to_field(s.clone(), 1.0, calibration.for_field(k)),
            )
        })
        .collect();
    let mut checks = validate::check(&fields);
    checks.diagnostics.extend(formula_checks);
    checks
        .diagnostics
        .extend(amended.iter().map(|a| a.diagnostic.clone()));
    let mut raw_scores = BTreeMap::new();
    for (name, s) in &chosen {
        let factor = checks.factor(name);
        fields.insert(
            name.clone(),
            score::to_field(s.clone(), factor, calibration.for_field(name)),
        );
        raw_scores.insert(name.clone(), s.as_ref().map(|s| s.raw * factor));
    }
    let critical = with_amendments(rent::critical_dates(&fields), &amended);
    let absent = calibration.for_field("critical_dates").absent;
    let critical_field = if critical.is_null() {
        Field::absent(absent)
    } else {
        let conf = fields
            .get("expiration_date")
            .map_or(absent, |f| f.confidence);
        let evidence = fields
            .get("expiration_date")
            .map(|f| f.evidence.clone())
            .unwrap_or_default();
        Field {
            value: critical,
            confidence: conf,
            evidence,
            status: Default::default(),
        }
    };
    fields.insert("critical_dates".into(), critical_field);
    Abstract {
        kind: lease_kind(ctx),
        fields,
        raw_scores,
        diagnostics: checks.diagnostics,
    }
}

/// Words just before a formula that make it the definition of a field's date, and words in
/// its sentence that make it some other date (an option's effective date, a notice period).
const FORMULA_TARGETS: [(&str, &[&str], &[&str]); 3] = [
    (
        "commencement_date",
        &[
            "shall commence on",
            "commence on",
            "commencing on",
            "shall begin on",
            "beginning on",
        ],
        &["rent", "option", "notice"],
    ),
    (
        "expiration_date",
        &[
            "expire on",
            "expires on",
            "expiring on",
            "expiration date",
            "end on",
            "ends on",
            "ending on",
            "terminate on",
            "terminating on",
            "through",
        ],
        &[
            "right to terminate",
            "option",
            "notice",
            "prior to",
            "before",
        ],
    ),
    (
        "rent_commencement_date",
        &[
            "rent commencement date",
            "rent shall commence",
            "rent shall begin",
            "rent shall be payable",
            "payable beginning",
            "payable commencing",
        ],
        &["option", "notice"],
    ),
];

/// Formula dates ("the last day of the 60th full calendar month after the Commencement Date")
/// resolved where every input is a date the document states: a field with no stated date takes
/// the resolved one, a stated date that agrees gains the formula's support, and one that
/// disagrees is penalized with a diagnostic. Unresolvable formulas leave the field as it is.
fn resolve_formulas(
    ctx: &Context,
    chosen: &mut BTreeMap<String, Option<score::Scored>>,
) -> Vec<Diagnostic> {
    let s = ctx.str();
    let formulas = formula_date::find(s);
    let mut diagnostics = Vec::new();
    let stated = |name: &str, chosen: &BTreeMap<String, Option<score::Scored>>| {
        let field = match name {
            "commencement date" | "lease commencement date" | "term commencement date" => {
                "commencement_date"
            }
            "rent commencement date" => "rent_commencement_date",
            "lease date" | "effective date" => "lease_date",
            _ => return None,
        };
        let scored = chosen.get(field)?.as_ref()?;
        let date = chrono::NaiveDate::parse_from_str(scored.value.as_str()?, "%Y-%m-%d").ok()?;
        Some((date, scored.raw))
    };
    for (field, cues, others) in FORMULA_TARGETS {
        for f in &formulas {
            let from = engine::floor(s, f.span.start.saturating_sub(60));
            let before = &s[from..f.span.start];
            let before = before.rsplit_once(". ").map_or(before, |(_, b)| b);
            // A formula anchored on the field's own date does not define it, and one of
            // several alternatives ("the earlier of (i) ... or (ii) the date Tenant starts
            // construction") depends on events the document cannot date.
            let after = &s[f.span.end..engine::floor(s, (f.span.end + 12).min(s.len()))];
            let alternatives = has_any(
                before,
                &[
                    "earlier of",
                    "later of",
                    "sooner of",
                    "first to occur",
                    "whichever",
                ],
            ) || after.trim_start().starts_with("or ");
            if !has_any(before, cues)
                || has_any(before, others)
                || alternatives
                || f.anchor == field.replace('_', " ")
            {
                continue;
            }
            let Some((anchor, anchor_raw)) = stated(&f.anchor, chosen) else {
                continue;
            };
            let Some(date) = f.resolve(anchor) else {
                continue;
            };
            let value = typed::date_value(date);
            let evidence = ctx.text.evidence(f.span.clone());
            let entry = chosen.entry(field.to_string()).or_default();
            match entry {
                None => {
                    *entry = Some(score::Scored {
                        value,
                        evidence: vec![evidence],
                        raw: anchor_raw * 0.9,
                    });
                }
                Some(current) if current.value == value => {
                    current.raw = 1.0 - (1.0 - current.raw) * 0.5;
                    if !current.evidence.contains(&evidence) {
                        current.evidence.push(evidence);
                    }
                }
                Some(current) => {
                    current.raw *= 0.6;
                    diagnostics.push(Diagnostic::warning(
                        evidence.page,
                        format!(
                            "{field} reads {} but \"{}\" gives {date} from the {} {anchor}",
                            current.value.as_str().unwrap_or_default(),
                            &s[f.span.clone()],
                            f.anchor
                        ),
                    ));
                }
            }
            break;
        }
    }
    diagnostics
}

/// Rent commences with the term unless the lease defers it: with no rent commencement date
/// defined and no free-rent or abatement period, the rent commencement date is the commencement
/// date, on the commencement's evidence.
fn rent_from_commencement(ctx: &Context, chosen: &mut BTreeMap<String, Option<score::Scored>>) {
    let stated = |name: &str| chosen.get(name).is_some_and(Option::is_some);
    // A lease that defines a rent commencement date it cannot date (an event, a choice of
    // dates) has none to report.
    let defined = has_any(ctx.str(), &["rent commencement date"]);
    if stated("rent_commencement_date") || stated("free_rent") || defined {
        return;
    }
    let Some(Some(start)) = chosen.get("commencement_date").cloned() else {
        return;
    };
    chosen.insert(
        "rent_commencement_date".into(),
        Some(score::Scored {
            raw: start.raw * 0.9,
            ..start
        }),
    );
}

/// An amendment applied to the abstract.
struct Applied {
    diagnostic: Diagnostic,
    /// The critical date it adds: `{date, kind: "amendment", description}`.
    critical: Value,
}

/// Applies the last amendment that moves the expiration: the amended expiration (and the term
/// it gives, from the commencement or as the original term plus the extension) replace the
/// lease's own, with evidence on the amendment.
fn apply_amendments(
    ctx: &Context,
    chosen: &mut BTreeMap<String, Option<score::Scored>>,
) -> Vec<Applied> {
    let found = amendment::find(ctx.str());
    let Some((a, (new_end, span))) = found
        .iter()
        .rev()
        .find_map(|a| a.expiration.clone().map(|e| (a, e)))
    else {
        return vec![];
    };
    let date_of = |name: &str, chosen: &BTreeMap<String, Option<score::Scored>>| {
        chosen
            .get(name)
            .and_then(|s| s.as_ref())
            .and_then(|s| s.value.as_str())
            .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    };
    let old_end = date_of("expiration_date", chosen);
    if old_end == Some(new_end) {
        return vec![];
    }
    // The amendment naming the expiration it replaces, and that being the one the lease
    // states, confirms both readings.
    let confirmed = a.replaces.is_some() && a.replaces == old_end;
    let raw = if confirmed { 0.9 } else { 0.8 };
    let evidence = vec![ctx.text.evidence(span)];
    let old_term = chosen
        .get("term_months")
        .and_then(|s| s.as_ref())
        .and_then(|s| s.value.as_u64())
        .and_then(|t| u32::try_from(t).ok());
    let term = date_of("commencement_date", chosen)
        .and_then(|start| amendment::whole_months(start, new_end))
        .or_else(|| Some(old_term? + a.extension_months?));
    chosen.insert(
        "expiration_date".into(),
        Some(score::Scored {
            value: typed::date_value(new_end),
            evidence: evidence.clone(),
            raw,
        }),
    );
    if let Some(term) = term {
        chosen.insert(
            "term_months".into(),
            Some(score::Scored {
                value: Value::from(term),
                evidence,
                raw: raw * 0.95,
            }),
        );
    }
    let dated = a.date.map_or(String::new(), |d| format!(" dated {d}"));
    let from = old_end.map_or(String::new(), |d| format!(" from {d}"));
    let message = format!(
        "{}{dated} amends the expiration date{from} to {new_end}; expiration_date and term_months report the amended values",
        a.title
    );
    let page = ctx
        .text
        .evidence(a.range.start..a.range.start + a.title.len())
        .page;
    vec![Applied {
        critical: serde_json::json!({
            "date": typed::date_value(a.date.unwrap_or(new_end)),
            "kind": "amendment",
            "description": message.clone(),
        }),
        diagnostic: Diagnostic::info(page, message),
    }]
}

/// The critical dates with the amendments' added, in date order.
fn with_amendments(critical: Value, amended: &[Applied]) -> Value {
    if amended.is_empty() {
        return critical;
    }
    let mut all: Vec<Value> = match critical {
        Value::Array(v) => v,
        _ => vec![],
    };
    all.extend(amended.iter().map(|a| a.critical.clone()));
    all.sort_by(|a, b| {
        let day = |v: &Value| v.get("date").and_then(Value::as_str).map(str::to_string);
        day(a).cmp(&day(b))
    });
    Value::Array(all)
}

/// The retrieval query of a field: its name in words and its description.
fn query(field: &TemplateField) -> String {
    format!(
        "{} {}",
        field.name.replace(['_', '-'], " "),
        field.description
    )
}

/// Whether a document opens as a lease between named parties: a lease names itself, its
/// landlord and tenant and their agreement in its first pages, and never calls itself a rent
/// roll. A lease's rent schedule is a table of lease years, not a rent roll, so the pipeline
/// asks this before it tries rent-roll detection on a text document.
pub fn opens_as_lease(doc: &Document) -> bool {
    let head: String = doc
        .pages
        .iter()
        .take(3)
        .map(crate::model::Page::text)
        .collect::<Vec<_>>()
        .join("\n");
    let head = &head[..engine::floor(&head, 4000.min(head.len()))];
    let lower = head.to_lowercase();
    !lower.contains("rent roll")
        && lower.contains("lease")
        && has_any(head, &["landlord", "lessor"])
        && has_any(head, &["tenant", "lessee"])
        && has_any(
            head,
            &[
                "between",
                "agree",
                "hereby lease",
                "leases to",
                "leased to",
                "demise",
                "lets to",
            ],
        )
}

/// `amendment` when the opening says so, `lease` when it reads as a lease, else `unknown`.
fn lease_kind(ctx: &Context) -> ExtractionKind {
    let s = ctx.str();
    let head = &s[..engine::floor(s, 2500.min(s.len()))];
    let lower = head.to_lowercase();
    if lower.contains("amendment to") && lower.contains("lease") {
        ExtractionKind::Amendment
    } else if lower.contains("lease") && has_any(s, &["landlord", "lessor", "tenant", "lessee"]) {
        ExtractionKind::Lease
    } else {
        ExtractionKind::Unknown
    }
}

fn abstract_custom(ctx: &Context, template: &Template, calibration: &Calibration) -> Abstract {
    let mut fields = FieldMap::new();
    let mut raw_scores = BTreeMap::new();
    for field in &template.fields {
        let mut cands = if template.name == kleister::TEMPLATE {
            kleister::candidates(ctx, field)
        } else {
            engine::generic_candidates(ctx, field)
        };
        model_join::join(ctx, &template.name, field, &query(field), &mut cands);
        if field.repeatable {
            let (f, raw) = repeatable_field(&cands, calibration.for_field(&field.name));
            raw_scores.insert(field.name.clone(), raw);
            fields.insert(field.name.clone(), f);
        } else {
            let s = score::choose(&cands);
            raw_scores.insert(field.name.clone(), s.as_ref().map(|s| s.raw));
            let platt = calibration.for_field(&field.name);
            fields.insert(field.name.clone(), score::to_field(s, 1.0, platt));
        }
    }
    Abstract {
        kind: ExtractionKind::Custom,
        fields,
        raw_scores,
        diagnostics: vec![],
    }
}

/// Every distinct value in order of first mention, with evidence for each.
fn repeatable_field(cands: &[Candidate], platt: &calibration::Platt) -> (Field, Option<f64>) {
    let mut seen: Vec<(String, &Candidate)> = Vec::new();
    let mut sorted: Vec<&Candidate> = cands.iter().filter(|c| !c.value.is_null()).collect();
    sorted.sort_by_key(|c| c.at);
    for c in sorted {
        let key = c.agreement_key();
        if !seen.iter().any(|(k, _)| *k == key) {
            seen.push((key, c));
        }
    }
    if seen.is_empty() {
        return (Field::absent(platt.absent), None);
    }
    let raw = seen
        .iter()
        .map(|(_, c)| c.source.prior() * c.strength)
        .sum::<f64>()
        / seen.len() as f64;
    let field = Field {
        value: Value::Array(seen.iter().map(|(_, c)| c.value.clone()).collect()),
        confidence: platt.apply(raw),
        evidence: seen.iter().map(|(_, c)| c.evidence.clone()).collect(),
        status: Default::default(),
    };
    (field, Some(raw))
}

#[cfg(test)]
mod opening_tests {
    use super::*;

    #[test]
    fn a_lease_that_leased_the_premises_opens_as_a_lease() {
        let opening = "LABORATORY LEASE\nKNOW ALL MEN BY THESE PRESENTS that on May 2, 2022, Harbor Lane Owner, LLC (\"Landlord\"), leased to Quill Studio, Inc. (\"Tenant\") the premises described below.\n";
        assert!(opens_as_lease(&text::document_from_text("t", opening)));
        let roll = "RENT ROLL as of May 1, 2022\nUnit Tenant Lease Start Lease End Monthly Rent\n101 Quill Studio 2022-05-01 2027-04-30 5,000.00\n";
        assert!(!opens_as_lease(&text::document_from_text("t", roll)));
    }
}

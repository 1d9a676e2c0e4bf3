//! Role-aware finders for the lease abstract: parties by their defined roles, the term clause,
//! rent and its schedule, options, lease type and the text clauses, each adding candidates on
//! top of the generic template sources.

use crate::fields::candidates::{Candidate, Source};
use crate::fields::engine::{Context, has_any, line_around, sentence_before};
use crate::fields::labels;
use crate::fields::parties::{Party, lease_role};
use crate::fields::patterns::{self, TimeUnit};
use crate::fields::template::FieldType;
use crate::fields::typed::{self, clip, date_value, money_value};
use regex::Regex;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::ops::Range;
use std::sync::LazyLock;

/// Candidates for the lease field `name`.
pub fn candidates(ctx: &Context, name: &str) -> Vec<Candidate> {
    match name {
        "landlord" => party(
            ctx,
            "landlord",
            &[
                "landlord",
                "lessor",
                "owner",
                "landlord's name",
                "lessor's name",
                "name of landlord",
            ],
        ),
        "tenant" => party(
            ctx,
            "tenant",
            &[
                "tenant",
                "lessee",
                "tenant's name",
                "lessee's name",
                "name of tenant",
            ],
        ),
        "guarantor" => guarantor(ctx),
        "premises_address" => address(ctx),
        "suite" => suite(ctx),
        "rentable_square_feet" => area(ctx),
        "pro_rata_share" => clause_values(
            ctx,
            FieldType::Percent,
            &[
                "proportionate share",
                "pro rata share",
                "tenant's share",
                "pro-rata share",
            ],
            &["proportionate share", "pro rata share", "share"],
        ),
        "lease_date" => lease_date(ctx),
        "commencement_date" => term_date(
            ctx,
            &[
                "commencement date",
                "lease commencement date",
                "term commencement date",
            ],
            &["commence", "beginning on", "begin on", "starting on"],
        ),
        "rent_commencement_date" => rent_commencement(ctx),
        "expiration_date" => term_date(
            ctx,
            &[
                "expiration date",
                "termination date",
                "expiry date",
                "lease expiration date",
            ],
            &[
                "terminat",
                "expir",
                "ending on",
                "end on",
                "ends on",
                "end at",
                "through",
            ],
        ),
        "term_months" => term_months(ctx),
        "security_deposit" => deposit(ctx),
        "tenant_improvement_allowance" => clause_values(
            ctx,
            FieldType::Money,
            &[
                "tenant improvement allowance",
                "improvement allowance",
                "allowance",
            ],
            &["allowance"],
        ),
        "escalation_percent" => escalation(ctx, true),
        "rent_escalation" => escalation(ctx, false),
        "base_year" => clause_values(ctx, FieldType::Year, &["base year"], &["base year"]),
        "governing_law" => governing_law(ctx),
        "renewal_options" => renewal(ctx),
        "lease_type" => lease_type(ctx),
        "permitted_use" => text_clause(
            ctx,
            "permitted use of the premises used for the purposes of",
            &["use"],
            &["permitted use", "use"],
            &[],
        ),
        "termination_option" => termination_option(ctx),
        "expansion_rights" => text_clause(
            ctx,
            "right of first offer right of first refusal expansion option additional space",
            &["right of first", "expansion"],
            &[
                "expansion",
                "right of first offer",
                "right of first refusal",
            ],
            &[],
        ),
        "purchase_option" => text_clause(
            ctx,
            "option to purchase the property right to purchase",
            &["purchase"],
            &["purchase option", "option to purchase"],
            &[],
        ),
        "exclusive_use" => text_clause(
            ctx,
            "exclusive use landlord shall not lease competing",
            &["exclusive"],
            &["exclusive use"],
            &[],
        ),
        "assignment_subletting" => text_clause(
            ctx,
            "assignment subletting assign sublet consent",
            &["assign", "sublet"],
            &["assignment"],
            &[],
        ),
        "holdover" => text_clause(
            ctx,
            "holdover holding over after expiration of the term",
            &["hold"],
            &["holdover", "holding over"],
            &[],
        ),
        "parking" => text_clause(
            ctx,
            "parking spaces parking passes",
            &["parking"],
            &["parking"],
            &[],
        ),
        "free_rent" => text_clause(
            ctx,
            "free rent abatement abated rent",
            &["abate", "free rent"],
            &["free rent", "rent abatement", "abatement"],
            &["casualty", "condemn", "destr"],
        ),
        _ => vec![],
    }
}

fn label_candidates(ctx: &Context, keys: &[&str], kind: FieldType) -> Vec<Candidate> {
    labels::with_key(&ctx.labels, keys)
        .into_iter()
        .flat_map(|l| ctx.typed_in(kind, l.value.clone(), Source::KeyValue, 1.0))
        .collect()
}

fn party(ctx: &Context, role: &str, keys: &[&str]) -> Vec<Candidate> {
    let mut defined = ctx
        .parties
        .iter()
        .filter(|p| p.role.as_deref().and_then(lease_role) == Some(role))
        .peekable();
    // An opening the preamble readers do not take apart ("KNOW ALL MEN BY THESE PRESENTS that
    // X, a Delaware corporation ("Landlord"), leased to Y ...") still defines each party's
    // role right after its name.
    let fallback = if defined.peek().is_none() {
        opening_party(ctx.str(), role)
    } else {
        None
    };
    let preamble: Vec<Candidate> = defined
        .chain(fallback.as_ref())
        .map(|p| {
            ctx.candidate(
                Value::String(p.name.clone()),
                p.span.clone(),
                Source::Preamble,
                1.0,
            )
        })
        .collect();
    let labelled = label_candidates(ctx, keys, FieldType::Party)
        .into_iter()
        .filter(|c| c.value.as_str().is_some_and(is_name_like));
    let mut out = preamble.clone();
    out.extend(labelled.map(|c| reconcile_with_preamble(c, &preamble)));
    out
}

/// The first party of the opening defined by a bare role word ("Landlord", "Lessee") for
/// `role`; a defined term that merely mentions the role ("Landlord's Work") is not one.
fn opening_party(text: &str, role: &str) -> Option<Party> {
    crate::fields::parties::defined_parties(text, OPENING)
        .into_iter()
        .find(|p| {
            p.role
                .as_deref()
                .is_some_and(|r| r.split_whitespace().count() == 1 && lease_role(r) == Some(role))
        })
}

/// How far into the document the parties' opening may lie (past a summary page).
const OPENING: usize = 6000;

/// A cover or summary page's name for a party, reconciled with the preamble's: the preamble's
/// "between X ... ("Landlord")" clause is the operative statement of who the party is, so the
/// same name misspelt or in capitals elsewhere ("ACME HOLDNGS LLC") takes the preamble's
/// better-formed spelling and agrees with it, and a different name ranks below it.
fn reconcile_with_preamble(mut c: Candidate, preamble: &[Candidate]) -> Candidate {
    if preamble.is_empty() {
        return c;
    }
    let name = c.value.as_str().unwrap_or_default();
    let same = preamble.iter().find(|p| {
        p.value
            .as_str()
            .is_some_and(|p| crate::fields::fuzzy::same_name(p, name))
    });
    match same {
        Some(p) => c.value = p.value.clone(),
        None => c.strength *= 0.8,
    }
    c
}

/// A label's value that names an entity rather than an address line or a note.
fn is_name_like(s: &str) -> bool {
    let first = s.chars().next().unwrap_or(' ');
    // A signature block's "LANDLORD: TENANT:" header reads as a label whose value is a role.
    let role = matches!(
        s.trim().trim_end_matches(':').to_lowercase().as_str(),
        "landlord" | "tenant" | "lessor" | "lessee" | "owner" | "guarantor"
    );
    !role && !first.is_ascii_digit() && !has_any(s, &["see section", "attn", "none"]) && s.len() > 2
}

/// `("Guarantor")` or `(the "Guarantor")`, straight or curly quotes.
static GUARANTOR_DEFINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\(\s*(?:the\s+)?["\u{201c}]Guarantors?["\u{201d}]\s*\)"#).expect("valid regex")
});

/// The description between a name and its definition: ", a Delaware limited liability
/// company", ", an individual residing at ...".
static DESCRIPTION_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r",\s+(?:an?|the)\s+[^,]*(?:,[^,]*)?\s*,?\s*$").expect("valid regex")
});

/// The capitalized name that ends a text, with a company suffix.
static NAME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[A-Z][\w.'&-]*\s+(?:(?:of|and|&)\s+)?){0,5}[A-Z][\w.'&-]*(?:,?\s+(?:Inc|LLC|L\.L\.C|Ltd|L\.P|LP|Corp|Co|N\.A)\.?)?)\s*,?\s*$")
        .expect("valid regex")
});

fn guarantor(ctx: &Context) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = ctx
        .parties
        .iter()
        .filter(|p| p.role.as_deref().and_then(lease_role) == Some("guarantor"))
        .map(|p| {
            ctx.candidate(
                Value::String(p.name.clone()),
                p.span.clone(),
                Source::Preamble,
                1.0,
            )
        })
        .collect();
    // A guaranty signed with the lease (often an exhibit at its end) defines its guarantor.
    let s = ctx.str();
    for m in GUARANTOR_DEFINED.find_iter(s) {
        let from = crate::fields::engine::floor(s, m.start().saturating_sub(200));
        let line_start = line_around(s, m.start(), m.end()).start.max(from);
        let end = DESCRIPTION_TAIL
            .find(&s[line_start..m.start()])
            .map_or(m.start(), |d| line_start + d.start());
        let Some(name) = NAME_TAIL
            .captures(&s[line_start..end])
            .and_then(|c| c.get(1))
        else {
            continue;
        };
        let range = line_start + name.start()..line_start + name.end();
        if let Some(clean) = crate::fields::parties::clean_name(&s[range.clone()]) {
            out.push(ctx.candidate(Value::String(clean), range, Source::DefinedTerm, 0.9));
        }
    }
    for l in labels::with_key(&ctx.labels, &["guarantor", "guarantors", "guaranty"]) {
        let v = &ctx.str()[l.value.clone()];
        if has_any(v, &["none", "n/a", "not applicable"]) {
            continue;
        }
        out.extend(ctx.typed_in(FieldType::Party, l.value.clone(), Source::KeyValue, 1.0));
    }
    out
}

static STREET: LazyLock<Regex> = LazyLock::new(|| {
    let suffixes = [
        "Street",
        "St",
        "Avenue",
        "Ave",
        "Road",
        "Rd",
        "Drive",
        "Dr",
        "Boulevard",
        "Blvd",
        "Lane",
        "Ln",
        "Way",
        "Parkway",
        "Pkwy",
        "Highway",
        "Hwy",
        "Court",
        "Ct",
        "Place",
        "Pl",
        "Circle",
        "Plaza",
        "Square",
        "Terrace",
        "Trail",
        "Pike",
        "Freeway",
        "Expressway",
        "Row",
        "Crossing",
    ];
    // Title case or capitals: a street name is written as a name, which keeps "2,394 square
    // feet" from reading as an address.
    let alternatives: Vec<String> = suffixes
        .iter()
        .flat_map(|s| [s.to_string(), s.to_uppercase()])
        .collect();
    Regex::new(&format!(
        r"\b(\d{{1,6}}\s+(?:[NSEW]{{1,2}}\.?\s+)?(?:[A-Z0-9][\w.'-]*\s+){{0,4}}?(?:(?:{})\b\.?|(?:Loop|LOOP)\s+\d+))",
        alternatives.join("|")
    ))
    .expect("valid regex")
});

static LOCATED_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:located|situated|known\s+as|commonly\s+known\s+as|premises\s+at|property\s+at|street\s+address\s+(?:is|of)|having\s+an\s+address\s+of|(?:building|project|land|parcel|site)\s+at)\s+(?:at\s+|on\s+)?").expect("valid regex")
});

fn address(ctx: &Context) -> Vec<Candidate> {
    let s = ctx.str();
    let mut out = Vec::new();
    for m in LOCATED_AT.find_iter(s) {
        let window_end = crate::fields::engine::floor(s, (m.end() + 220).min(s.len()));
        let window = &s[m.end()..window_end];
        // The words just before "located at", within the same sentence.
        let from = crate::fields::engine::floor(s, m.start().saturating_sub(100));
        let before = &s[from..m.start()];
        let before = before.rsplit_once(". ").map_or(before, |(_, b)| b);
        // The premises, not a party's place of business or notice address.
        if has_any(
            before,
            &[
                "place of business",
                "notice",
                "residing",
                "principal office",
            ],
        ) {
            continue;
        }
        if let Some((value, len)) = normalize_address(window) {
            let strength = if has_any(
                before,
                &["premises", "property", "land", "building", "leases"],
            ) {
                1.0
            } else {
                0.6
            };
            out.push(ctx.candidate(
                Value::String(value),
                m.end()..m.end() + len,
                Source::Clause,
                strength,
            ));
        }
    }
    // A premises clause that gives the street address without a cue ("the premises described
    // as Suite 102, 61 Elm Plaza, Denver, Colorado").
    for (range, score) in ctx.retrieve("premises leases demises suite building address", 4) {
        let p = &s[range.clone()];
        if !has_any(p, &["premises", "leases to", "lease to"])
            || has_any(
                p,
                &[
                    "notice",
                    "attention",
                    "sent to",
                    "place of business",
                    "principal office",
                ],
            )
        {
            continue;
        }
        for street in STREET.find_iter(p) {
            let from = range.start + street.start();
            let tail_end = crate::fields::engine::floor(s, (from + 200).min(s.len()));
            if let Some((value, len)) = normalize_address(&s[from..tail_end]) {
                out.push(ctx.candidate(
                    Value::String(value),
                    from..from + len,
                    Source::Clause,
                    0.5 * score.max(0.5),
                ));
            }
        }
    }
    for l in labels::with_key(
        &ctx.labels,
        &[
            "premises",
            "property address",
            "premises address",
            "address of premises",
            "building address",
            "property",
        ],
    ) {
        let end = crate::fields::engine::floor(s, (l.value.start + 220).min(s.len()));
        if let Some(street) = STREET.find(&s[l.value.start..end]) {
            let from = l.value.start + street.start();
            let tail_end = crate::fields::engine::floor(s, (from + 200).min(s.len()));
            if let Some((value, len)) = normalize_address(&s[from..tail_end]) {
                out.push(ctx.candidate(
                    Value::String(value),
                    from..from + len,
                    Source::KeyValue,
                    0.9,
                ));
            }
        }
    }
    out
}

/// "1100 NE Loop 410, City of San Antonio, State of Texas ..." → "1100 NE Loop 410, San Antonio,
/// Texas": street, city (and county), state, with postal codes spelled out; `None` without a
/// state.
fn normalize_address(window: &str) -> Option<(String, usize)> {
    let cut = window
        .find(['(', ';', '\u{c}'])
        .unwrap_or(window.len())
        .min(window.find(". ").unwrap_or(window.len()))
        .min(window.find(" and ").unwrap_or(window.len()));
    let text = &window[..cut];
    let (state, state_end) = patterns::states(text)
        .into_iter()
        // "Kansas City, Missouri": a state's name opening a city's is the city.
        .filter(|f| !text[f.span.end..].starts_with(" City"))
        .map(|f| (f.value, f.span.end))
        .min_by_key(|(_, e)| *e)
        .or_else(|| {
            patterns::state_codes(text)
                .into_iter()
                .find(|f| {
                    // A postal code ends the address: a ZIP, punctuation or the sentence's
                    // own words ("Irvine, CA for the Term") follow it.
                    let rest = text[f.span.end..].trim_start();
                    rest.is_empty()
                        || rest.starts_with([',', '.', ';', ')'])
                        || rest.starts_with(|c: char| c.is_ascii_digit() || c.is_lowercase())
                })
                .map(|f| (f.value, f.span.end))
        })?;
    // The address starts at its street number: "the entire building, 12 Main Street" and
    // "Suite 1850 at 12 Main Street" describe the premises within it.
    let head = &text[..state_end];
    let head = STREET.find(head).map_or(head, |m| &head[m.start()..]);
    let mut parts: Vec<String> = Vec::new();
    for raw in head.split(',') {
        let p = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let p = p
            .trim_start_matches("City of ")
            .trim_start_matches("city of ")
            .trim_start_matches("State of ")
            .trim_start_matches("Commonwealth of ")
            .trim()
            .to_string();
        // Relative directions ("approximately 5 miles NNE of the city of X in Y County") keep
        // only the place named last.
        let p = match p.find(" in ") {
            Some(i) if has_any(&p, &["approximately", "miles", "about"]) => p[i + 4..].to_string(),
            _ if has_any(&p, &["approximately", "miles"]) => continue,
            _ => p,
        };
        if !p.is_empty() {
            parts.push(p);
        }
    }
    let last = parts.pop()?;
    // "Woodbury CT" → "Woodbury", "Connecticut".
    let last_words: Vec<&str> = last.split_whitespace().collect();
    if let Some(code) = last_words.last().and_then(|w| patterns::state_from_code(w)) {
        if last_words.len() > 1 {
            parts.push(last_words[..last_words.len() - 1].join(" "));
        }
        parts.push(code.to_string());
    } else {
        let lead = last
            .trim_end_matches(state)
            .trim()
            .trim_end_matches(',')
            .trim();
        let lead = lead
            .trim_end_matches("State of")
            .trim_end_matches("Commonwealth of")
            .trim();
        if !lead.is_empty() {
            parts.push(lead.to_string());
        }
        parts.push(state.to_string());
    }
    (parts.len() >= 2).then(|| (parts.join(", "), state_end))
}

static SUITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:suite|unit|space)\s+(?:no\.?\s*)?([A-Z]?\d{1,5}[A-Z]?)\b")
        .expect("valid regex")
});

/// The suite of the premises: in the value of a premises label, or in a sentence that
/// describes the premises. Every sentence is looked at, not only the best retrieved ones:
/// retrieval for "suite" favours the many sentences about areas and parking spaces, while the
/// suite is named once, in the sentence that leases the premises.
fn suite(ctx: &Context) -> Vec<Candidate> {
    let s = ctx.str();
    let mut out = Vec::new();
    let mut push = |range: Range<usize>, source: Source, strength: f64| {
        for c in SUITE.captures_iter(&s[range.clone()]) {
            let Some(m) = c.get(0) else { continue };
            let r = range.start + m.start()..range.start + m.end();
            let value = format!("Suite {}", c.get(1).map_or("", |g| g.as_str()));
            out.push(ctx.candidate(Value::String(value), r, source, strength));
        }
    };
    for l in labels::with_key(
        &ctx.labels,
        &[
            "premises",
            "address of premises",
            "premises address",
            "suite",
            "suite number",
        ],
    ) {
        push(l.value.clone(), Source::KeyValue, 0.9);
    }
    for passage in ctx.index.passages() {
        let p = &s[passage.range.clone()];
        // Notice addresses and a party's own offices name suites too.
        let describes_premises =
            has_any(p, &["premises", "space", "rentable", "leases to", "demise"])
                && !has_any(
                    p,
                    &["notice", "attn", "address:", "c/o", "copy to", "offices at"],
                );
        if describes_premises && SUITE.is_match(p) {
            push(passage.range.clone(), Source::Clause, 0.6);
        }
    }
    out
}

fn area(ctx: &Context) -> Vec<Candidate> {
    let s = ctx.str();
    let mut out = Vec::new();
    for l in labels::with_key(
        &ctx.labels,
        &[
            "rentable area",
            "rentable square feet",
            "premises",
            "square footage",
            "area of premises",
            "rentable square footage",
        ],
    ) {
        // "Building Rentable Area" ends like "Rentable Area" but is the building's.
        if has_any(&l.key, BUILDING_WORDS) && !has_any(&l.key, &["premises"]) {
            continue;
        }
        out.extend(ctx.typed_in(FieldType::Area, l.value.clone(), Source::KeyValue, 1.0));
    }
    // Parking ratios repeat "rentable square feet" through the boilerplate; the premises'
    // sentence often says only "RSF".
    for (range, score) in ctx.retrieve("premises contain rentable area square feet rsf", 12) {
        for f in patterns::areas(&s[range.clone()]) {
            let at = range.start + f.span.start;
            // Only this sentence says whose area it is: "The Premises contain 2,011 RSF. The
            // Building contains 26,143 rentable square feet."
            let before = sentence_before(s, at);
            // "three spaces per 1,000 rentable square feet" is a ratio, not an area.
            let last_word = before.split_whitespace().last().unwrap_or_default();
            if ["per", "each", "every"]
                .iter()
                .any(|w| last_word.eq_ignore_ascii_case(w))
            {
                continue;
            }
            // The building's or project's area is not the premises'.
            if has_any(before, BUILDING_WORDS) && !has_any(before, &["premises", "tenant"]) {
                continue;
            }
            let strength = if has_any(before, &["premises", "tenant", "space", "consisting"]) {
                1.0
            } else {
                0.5
            };
            out.push(ctx.candidate(
                typed::number_value(f.value),
                at..range.start + f.span.end,
                Source::Clause,
                score.max(0.5) * strength,
            ));
        }
    }
    out
}

/// Words naming what contains the premises.
const BUILDING_WORDS: &[&str] = &["building", "project", "center", "property", "land"];

fn clause_values(
    ctx: &Context,
    kind: FieldType,
    label_keys: &[&str],
    triggers: &[&str],
) -> Vec<Candidate> {
    let mut out = label_candidates(ctx, label_keys, kind);
    let query = triggers.join(" ");
    for (range, score) in ctx.retrieve(&query, 5) {
        if has_any(&ctx.str()[range.clone()], triggers) {
            out.extend(ctx.typed_in(kind, range, Source::Clause, score.max(0.5)));
        }
    }
    out
}

static PREAMBLE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // "entered into", "X and Y enter into this Lease as of", "dated for reference purposes only
    // as of" (the AIR forms' wording): the verb, its object and that qualifier before the date.
    Regex::new(r"(?im)(?:enter(?:s|ed)?\s+into|made|dated|executed|effective)\s+(?:and\s+entered\s+into\s+)?(?:this\s+(?:lease|agreement)\s+)?(?:for\s+reference\s+purposes\s+(?:only\s+)?)?(?:as\s+of\s+|on\s+|this\s+)?|^[ \t]*on\s+").expect("valid regex")
});

/// Whether `gap` holds only "the" and a number in words ("the fourteenth ").
fn ordinal_words_only(gap: &str) -> bool {
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= 3
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
        && words
            .iter()
            .filter(|w| !w.eq_ignore_ascii_case("the"))
            .all(|w| patterns::parse_number_words(w).is_some())
}

fn lease_date(ctx: &Context) -> Vec<Candidate> {
    let s = ctx.str();
    let head_end = crate::fields::engine::floor(s, 5000.min(s.len()));
    let mut out = Vec::new();
    for m in PREAMBLE_DATE.find_iter(&s[..head_end]) {
        let end = crate::fields::engine::floor(s, (m.end() + 60).min(s.len()));
        // "dated the fourteenth (14th) day of June": the day in words may come first.
        if let Some(d) = patterns::dates(&s[m.end()..end]).into_iter().next()
            && (d.span.start < 12 || ordinal_words_only(&s[m.end()..m.end() + d.span.start]))
        {
            let r = m.end() + d.span.start..m.end() + d.span.end;
            out.push(ctx.candidate(date_value(d.value), r, Source::Preamble, 1.0));
        }
    }
    // "that on December 19, 2016, Acme LLC ("Landlord") leased to ...": the date the opening
    // sentence gives just before the first party it defines.
    if let Some(first) = ctx
        .parties
        .first()
        .cloned()
        .or_else(|| opening_party(s, "landlord"))
    {
        let from = crate::fields::engine::floor(s, first.span.start.saturating_sub(80));
        let before = &s[from..first.span.start];
        if let Some(d) = patterns::dates(before).into_iter().last()
            && before[..d.span.start]
                .trim_end()
                .to_lowercase()
                .ends_with(" on")
            && before[d.span.end..].trim().trim_end_matches(',').is_empty()
        {
            let r = from + d.span.start..from + d.span.end;
            out.push(ctx.candidate(date_value(d.value), r, Source::Preamble, 0.9));
        }
    }
    out.extend(label_candidates(
        ctx,
        &[
            "date",
            "lease date",
            "date of lease",
            "effective date",
            "reference date",
        ],
        FieldType::Date,
    ));
    for d in ctx.definition(&["effective date", "lease date", "execution date"]) {
        out.extend(ctx.typed_in(FieldType::Date, d.body.clone(), Source::DefinedTerm, 0.8));
    }
    out
}

/// The sentence verbs that state a term date outright ("The Term shall end at midnight on ...",
/// "The Expiration Date of this Lease is ..."), and the words that make a sentence about some
/// other date (a renewal, an extension, a notice, a rent start).
const STATES_COMMENCEMENT: &[&str] = &[
    "commencement date",
    "shall commence",
    "commence on",
    "commencing on",
    "shall begin",
    "begin on",
    "beginning on",
];
const STATES_EXPIRATION: &[&str] = &[
    "expiration date",
    "shall expire",
    "shall end",
    "shall terminate",
    "expire on",
    "expires on",
    "expiring on",
    "end on",
    "ends on",
    "ending on",
    "terminate on",
    "terminating on",
];
const OTHER_DATES: &[&str] = &[
    "renew",
    "extension",
    "extended",
    "option",
    "notice",
    "prior to",
    "rent commencement",
    "survive",
    "amendment",
];

/// Dates a sentence states as the term's start or end: the cue within the sentence before the
/// date, and nothing in the sentence about another date. Amendments are read separately.
fn stated_term_dates(ctx: &Context, cues: &[&str]) -> Vec<Candidate> {
    let s = ctx.str();
    let amended = crate::fields::amendment::find(s)
        .first()
        .map_or(s.len(), |a| a.range.start);
    patterns::dates(&s[..amended])
        .into_iter()
        .filter_map(|d| {
            let from = crate::fields::engine::floor(s, d.span.start.saturating_sub(90));
            let before = &s[from..d.span.start];
            let before = before
                .rfind([';', '\n', '\u{c}'])
                .or_else(|| before.rfind(". "))
                .map_or(before, |i| &before[i + 1..]);
            let to = crate::fields::engine::floor(s, (d.span.end + 60).min(s.len()));
            let after = &s[d.span.end..to];
            let after = after.find(". ").map_or(after, |i| &after[..i]);
            // "shall end on June 30, 2030, unless renewed": a saving clause, not another date.
            let after = after.find("unless").map_or(after, |i| &after[..i]);
            (has_any(before, cues) && !has_any(before, OTHER_DATES) && !has_any(after, OTHER_DATES))
                .then(|| ctx.candidate(date_value(d.value), d.span, Source::Clause, 0.9))
        })
        .collect()
}

fn term_date(ctx: &Context, keys: &[&str], cues: &[&str]) -> Vec<Candidate> {
    let s = ctx.str();
    let mut out = label_candidates(ctx, keys, FieldType::Date);
    let stating = if keys.contains(&"expiration date") {
        STATES_EXPIRATION
    } else {
        STATES_COMMENCEMENT
    };
    out.extend(stated_term_dates(ctx, stating));
    for d in ctx.definition(keys) {
        out.extend(ctx.typed_in(FieldType::Date, d.body.clone(), Source::DefinedTerm, 0.9));
    }
    // Long boilerplate ("survive the expiration or termination of this Lease") outranks a short
    // term clause, so look further down the ranking; only passages with a cued date count.
    for (range, score) in ctx.retrieve(
        "term of this lease shall commence beginning on terminating expire",
        12,
    ) {
        let p = &s[range.clone()];
        if !has_any(p, &["term", "expir", "commence"]) {
            continue;
        }
        for d in patterns::dates(p) {
            let before =
                &p[crate::fields::engine::floor(p, d.span.start.saturating_sub(40))..d.span.start];
            if has_any(before, cues) {
                let r = range.start + d.span.start..range.start + d.span.end;
                out.push(ctx.candidate(date_value(d.value), r, Source::Clause, score.max(0.6)));
            }
        }
    }
    out
}

/// Text that ends by naming the Rent Commencement Date as the date that follows it.
static NAMED_RENT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)rent\s+commencement\s+date["\u{201d}]?\)?\s*,?\s*(?:which\s+)?(?:(?:shall|will)\s+(?:be|occur\s+on)|is|means|occurs\s+on|:)\s*(?:on\s+)?$"#)
        .expect("valid regex")
});

fn rent_commencement(ctx: &Context) -> Vec<Candidate> {
    let s = ctx.str();
    let mut out = label_candidates(ctx, &["rent commencement date"], FieldType::Date);
    for d in ctx.definition(&["rent commencement date"]) {
        out.extend(ctx.typed_in(FieldType::Date, d.body.clone(), Source::DefinedTerm, 0.9));
    }
    // "the Rent Commencement Date, which shall be March 1, 2020", "the Rent Commencement Date
    // is March 1, 2020": the date the sentence names it, not only where it is defined.
    for passage in ctx.index.passages() {
        let p = &s[passage.range.clone()];
        if !has_any(p, &["rent commencement date"]) {
            continue;
        }
        for d in patterns::dates(p) {
            let before =
                &p[crate::fields::engine::floor(p, d.span.start.saturating_sub(60))..d.span.start];
            if NAMED_RENT_START.is_match(before) {
                let r = passage.range.start + d.span.start..passage.range.start + d.span.end;
                out.push(ctx.candidate(date_value(d.value), r, Source::Clause, 0.8));
            }
        }
    }
    for (range, score) in ctx.retrieve(
        "rent installments payments beginning on first payment due",
        5,
    ) {
        let p = &s[range.clone()];
        if !has_any(p, &["rent", "installment", "payment"]) {
            continue;
        }
        for d in patterns::dates(p) {
            let before =
                &p[crate::fields::engine::floor(p, d.span.start.saturating_sub(30))..d.span.start];
            if has_any(
                before,
                &[
                    "beginning on",
                    "commencing on",
                    "first payment",
                    "due on",
                    "starting",
                ],
            ) {
                let r = range.start + d.span.start..range.start + d.span.end;
                out.push(ctx.candidate(date_value(d.value), r, Source::Clause, score.max(0.5)));
            }
        }
    }
    out
}

fn term_months(ctx: &Context) -> Vec<Candidate> {
    let s = ctx.str();
    let mut out = Vec::new();
    for l in labels::with_key(
        &ctx.labels,
        &[
            "term",
            "lease term",
            "initial term",
            "original term",
            "length of term",
            "term of lease",
        ],
    ) {
        out.extend(ctx.typed_in(FieldType::Months, l.value.clone(), Source::KeyValue, 1.0));
    }
    for (range, score) in ctx.retrieve(
        "the term period of this lease shall be initial term months years",
        6,
    ) {
        let p = &s[range.clone()];
        if !has_any(p, &["term", "period of this lease"]) {
            continue;
        }
        for f in patterns::durations(p) {
            // A renewal or extension named before the length in its sentence is what it
            // measures ("may be renewed for three additional terms of five years"); one named
            // after it ("three years, subject to extension") is not.
            let about_renewal = has_any(
                sentence_before(p, f.span.start),
                &["renew", "extend", "extension"],
            );
            let Some(months) = f.value.months() else {
                continue;
            };
            let before =
                &p[crate::fields::engine::floor(p, f.span.start.saturating_sub(60))..f.span.start];
            let just_before =
                &p[crate::fields::engine::floor(p, f.span.start.saturating_sub(12))..f.span.start];
            if about_renewal && !has_any(just_before, &["initial", "original", "primary"]) {
                continue;
            }
            let after =
                &p[f.span.end..crate::fields::engine::floor(p, (f.span.end + 14).min(p.len()))];
            // "21 years following the Operation Date" places a date; it is not a length, but
            // "The Term shall be 84 months from the Commencement Date" states one.
            let places = has_any(after, &["follow", "after", "prior", "before"])
                || (has_any(after, &["from the"]) && !has_any(before, &["term", "period of"]));
            if places {
                continue;
            }
            if has_any(before, &["term", "period of"]) || has_any(after, &["term"]) {
                let r = range.start + f.span.start..range.start + f.span.end;
                out.push(ctx.candidate(json!(months), r, Source::Clause, score.max(0.6)));
            }
        }
    }
    out
}

fn deposit(ctx: &Context) -> Vec<Candidate> {
    let s = ctx.str();
    let mut out = Vec::new();
    for l in labels::with_key(
        &ctx.labels,
        &[
            "security deposit",
            "deposit",
            "letter of credit",
            "security deposit amount",
            "deposit amount",
        ],
    ) {
        let v = &s[l.value.clone()];
        // A deposit is a sum: a value stated per month or per foot belongs to a rent label
        // the layout read out of order.
        if has_any(
            v,
            &[
                "per month",
                "per year",
                "per annum",
                "per rentable",
                "per square",
            ],
        ) {
            continue;
        }
        if has_any(v, &["none", "waived", "n/a"]) && patterns::money(v).is_empty() {
            out.push(ctx.candidate(
                money_value(Decimal::ZERO),
                l.value.clone(),
                Source::KeyValue,
                1.0,
            ));
        }
        out.extend(ctx.typed_in(FieldType::Money, l.value.clone(), Source::KeyValue, 1.0));
    }
    for (range, score) in ctx.retrieve("security deposit in the amount of letter of credit", 5) {
        let p = &s[range.clone()];
        if !has_any(p, &["security deposit", "letter of credit"]) {
            continue;
        }
        if has_any(
            p,
            &[
                "no security deposit",
                "security deposit is waived",
                "not required to pay a security deposit",
            ],
        ) {
            out.push(ctx.candidate(
                money_value(Decimal::ZERO),
                range.clone(),
                Source::Clause,
                0.8,
            ));
        }
        // A passage cut before its sentence ends ("a security deposit of Twenty Thousand" /
        // "Dollars ($20,000.00).") still states the amount.
        let range = if p.trim_end().ends_with(['.', ';']) {
            range
        } else {
            range.start..crate::fields::engine::sentence_end(s, range.end)
        };
        out.extend(ctx.typed_in(FieldType::Money, range, Source::Clause, score.max(0.6)));
    }
    out
}

/// Rent that rises by (or steps up to) a stated sum rather than a percentage:
/// "shall increase by fifty cents ($0.50) per rentable square foot".
static FIXED_INCREASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bincrease[sd]?\s+(?:by|to)\b[^.;$]{0,40}\$\s?\d").expect("valid regex")
});

fn escalation(ctx: &Context, percent: bool) -> Vec<Candidate> {
    let s = ctx.str();
    let mut out = Vec::new();
    for (range, score) in ctx.retrieve("rent shall increase annually each year over the rent for the prior year escalation percent", 5) {
        let p = &s[range.clone()];
        if !has_any(p, &["increase", "escalat", "adjust"]) || !has_any(p, &["rent"]) {
            continue;
        }
        let pcts = patterns::percents(p);
        if percent {
            for f in pcts {
                let r = range.start + f.span.start..range.start + f.span.end;
                out.push(ctx.candidate(typed::number_value(f.value), r, Source::Clause, score.max(0.5)));
            }
        } else if !pcts.is_empty()
            || has_any(p, &["cpi", "consumer price"])
            || FIXED_INCREASE.is_match(p)
        {
            out.push(ctx.candidate(Value::String(clip(p, 400)), range, Source::Clause, score.max(0.5)));
        }
    }
    out
}

fn governing_law(ctx: &Context) -> Vec<Candidate> {
    let s = ctx.str();
    let mut out = label_candidates(
        ctx,
        &["governing law", "applicable law", "choice of law"],
        FieldType::State,
    );
    for passage in ctx.index.passages() {
        let (range, score) = (passage.range.clone(), 1.0f64);
        let p = &s[range.clone()];
        // "the laws of the State of X", "whose laws shall govern", "governed by X law".
        let names_law = has_any(
            p,
            &[
                "laws of",
                "law of",
                "its laws",
                "laws thereof",
                "law thereof",
                "whose laws",
            ],
        ) || patterns::states(p)
            .iter()
            .any(|f| p[f.span.end..].starts_with(" law"));
        if !names_law || !has_any(p, &["govern", "constru", "enforce", "interpret"]) {
            continue;
        }
        let found = ctx.typed_in(
            FieldType::State,
            range.clone(),
            Source::Clause,
            score.max(0.6),
        );
        if found.is_empty()
            && has_any(
                p,
                &[
                    "in which the property",
                    "where the property",
                    "in which the premises",
                    "where the premises",
                ],
            )
        {
            // The law of the state the property lies in: read that state from the address.
            for c in address(ctx) {
                if let Some(state) = c.value.as_str().and_then(|a| a.rsplit(", ").next()) {
                    out.push(ctx.candidate(
                        Value::String(state.to_string()),
                        range.clone(),
                        Source::Derived,
                        0.8,
                    ));
                }
            }
        }
        out.extend(found);
    }
    out
}

static OPTION_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(one|two|three|four|five|six|an|a|\d)\s*(?:\(\d\)\s*)?(?:additional\s+|successive\s+|further\s+|consecutive\s+|renewal\s+|extension\s+|option\s+)*(?:\(\d\)\s*)?(?:(?:five|ten|one|two|three|\d+)\s*(?:\(\d+\)\s*)?[-\s]*years?\s*[-\s]*)?(?:term|period|option|extension|renewal)s?\b")
        .expect("valid regex")
});

fn renewal(ctx: &Context) -> Vec<Candidate> {
    let s = ctx.str();
    let mut out = Vec::new();
    let mut ranges: Vec<(Range<usize>, f64)> = labels::with_key(
        &ctx.labels,
        &[
            "renewal options",
            "renewal option",
            "option to renew",
            "extension options",
            "renewal",
        ],
    )
    .into_iter()
    .map(|l| (l.value.clone(), 1.0))
    .collect();
    ranges.extend(ctx.retrieve(
        "option to renew extend this lease for additional successive terms renewal extension",
        5,
    ));
    for (i, (range, score)) in ranges.into_iter().enumerate() {
        let p = &s[range.clone()];
        if !has_any(p, &["renew", "extend", "extension", "renewal"]) {
            continue;
        }
        if has_any(
            p,
            &[
                "no option to renew",
                "no right to renew",
                "no renewal",
                "no right to extend",
            ],
        ) {
            out.push(ctx.candidate(
                json!({"count": 0, "months": null, "text": clip(p, 300)}),
                range,
                Source::Clause,
                0.8,
            ));
            continue;
        }
        // A heading ("TWENTY-TWO OPTION TO RENEW") is written in capitals; a count is not.
        let counted = OPTION_COUNT.captures_iter(p).find_map(|c| {
            let word = c.get(1)?;
            if word.as_str().len() > 2 && word.as_str().chars().all(|ch| ch.is_uppercase()) {
                return None;
            }
            let w = word.as_str().to_lowercase();
            let n = match w.as_str() {
                "a" | "an" => Some(1),
                d if d.chars().all(|c| c.is_ascii_digit()) => d.parse().ok(),
                w => patterns::parse_number_words(w),
            }?;
            Some((n, word.start()))
        });
        let count = counted.map(|c| c.0);
        let after = counted.map_or(0, |c| c.1);
        let months = patterns::durations(p)
            .into_iter()
            .filter(|f| f.span.start >= after)
            .find_map(|f| match f.value.unit {
                TimeUnit::Day => None,
                _ => f.value.months().filter(|m| *m >= 6),
            });
        if let (Some(count), Some(months)) = (count, months) {
            let source = if i == 0 && score >= 1.0 {
                Source::KeyValue
            } else {
                Source::Clause
            };
            out.push(ctx.candidate(
                json!({"count": count, "months": months, "text": clip(p, 300)}),
                range,
                source,
                score.max(0.6),
            ));
        }
    }
    out
}

fn lease_type(ctx: &Context) -> Vec<Candidate> {
    let s = ctx.str();
    let head = &s[..crate::fields::engine::floor(s, 600.min(s.len()))];
    let mut out = Vec::new();
    let mut push = |value: &str, range: Range<usize>, strength: f64| {
        out.push(ctx.candidate(json!(value), range, Source::Clause, strength));
    };
    static TITLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(ground|land)\s+lease").expect("valid regex"));
    // The title opens the lease, or its first page after a summary of terms: a line of its own
    // in capitals.
    let title = TITLE.find(head).or_else(|| {
        let early = &s[..crate::fields::engine::floor(s, 5000.min(s.len()))];
        TITLE.find_iter(early).find(|m| {
            let line = &early[line_around(early, m.start(), m.end())];
            line.len() <= 80 && !line.chars().any(|c| c.is_lowercase())
        })
    });
    if let Some(m) = title {
        push("ground", m.range(), 1.0);
    }
    // "This is a ground lease", "This Lease is a triple net lease": the lease names its type.
    static SELF_TYPE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bthis\s+(?:lease\s+)?is\s+(?:intended\s+to\s+be\s+)?an?\s+((?:absolutely\s+|absolute\s+|triple[\s-]+|modified\s+|full[\s-]+service\s+)?(?:net|gross|ground|land)|full[\s-]+service)\s+lease")
            .expect("valid regex")
    });
    for c in SELF_TYPE.captures_iter(s) {
        let (Some(whole), Some(kind)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let kind = kind.as_str().to_lowercase();
        let value = if kind.contains("triple") || kind.contains("absolut") {
            "nnn"
        } else if kind.contains("service") {
            "full_service"
        } else if kind.contains("modified") {
            "modified_gross"
        } else if kind.contains("ground") || kind.contains("land") {
            "ground"
        } else if kind.contains("gross") {
            "gross"
        } else {
            "net"
        };
        push(value, whole.range(), 1.0);
    }
    // The more specific kind first; its words are not read again as a less specific one
    // ("triple net lease" is not also a "net lease").
    let kinds: [(&str, &[&str]); 5] = [
        ("nnn", &["triple net", "nnn lease", "absolute net"]),
        ("full_service", &["full service gross", "full service"]),
        ("modified_gross", &["modified gross"]),
        ("gross", &["gross lease"]),
        ("net", &["net lease"]),
    ];
    let lower = s.to_lowercase();
    let mut taken: Vec<Range<usize>> = Vec::new();
    for (kind, cues) in kinds {
        let found = cues.iter().find_map(|cue| {
            lower
                .match_indices(cue)
                .map(|(i, _)| i..i + cue.len())
                .find(|r| !taken.iter().any(|t| t.start < r.end && r.start < t.end))
        });
        if let Some(r) = found {
            // Every mention of the kind is taken, so a less specific kind skips them all.
            for cue in cues.iter() {
                taken.extend(lower.match_indices(cue).map(|(i, _)| i..i + cue.len()));
            }
            push(kind, r, 0.9);
        }
    }
    for (range, score) in ctx.retrieve("base year operating expenses excess tenant's share", 3) {
        let p = &s[range.clone()];
        if has_any(p, &["base year"]) && has_any(p, &["operating expense", "expenses"]) {
            push("modified_gross", range, score.max(0.5) * 0.8);
        }
    }
    // Rent that already covers the building's costs is gross.
    for (range, score) in ctx.retrieve(
        "base rent includes operating expenses taxes no additional rent",
        3,
    ) {
        let p = &s[range.clone()];
        if has_any(p, &["rent includes", "rent shall include", "inclusive of"])
            && has_any(p, &["operating expense", "taxes"])
            && !has_any(p, &["base year", "full service"])
        {
            push("gross", range, score.max(0.5) * 0.8);
        }
    }
    for (range, score) in ctx.retrieve("tenant shall pay all utilities taxes insurance repairs", 3)
    {
        let p = &s[range.clone()];
        if has_any(p, &["lessee shall", "tenant shall"])
            && has_any(p, &["utilities"])
            && has_any(p, &["all", "taxes"])
        {
            push("net", range, score.max(0.5) * 0.6);
        }
    }
    out
}

fn text_clause(
    ctx: &Context,
    query: &str,
    required: &[&str],
    label_keys: &[&str],
    forbidden: &[&str],
) -> Vec<Candidate> {
    let s = ctx.str();
    let mut out = Vec::new();
    for l in labels::with_key(&ctx.labels, label_keys) {
        let v = &s[l.value.clone()];
        if !has_any(v, &["none", "n/a", "not applicable"]) {
            out.push(ctx.candidate(
                Value::String(clip(v, 400)),
                l.value.clone(),
                Source::KeyValue,
                0.9,
            ));
        }
    }
    for (range, score) in ctx.retrieve(query, 3) {
        let p = &s[range.clone()];
        let headingish = p.len() < 60;
        if headingish || !required.iter().all(|w| has_any(p, &[w])) || has_any(p, forbidden) {
            continue;
        }
        out.push(ctx.candidate(Value::String(clip(p, 400)), range, Source::Clause, score));
    }
    out
}

/// A right to end the lease early is stated as a right, option or election to terminate, or
/// named as early termination; "termination" alone also names the end of the Term (indemnities
/// that survive it, a summary's termination date).
static TERMINATION_RIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:right|option|elect\w*|entitled|may)\b[^.;]{0,40}?\bterminat|\bearly\s+termination\b|\btermination\s+(?:option|right|fee)")
        .expect("valid regex")
});

/// A tenant's option to terminate early. A right to terminate after a casualty, a taking or a
/// default is the lease's remedy for that event, abstracted with it, not a termination option.
fn termination_option(ctx: &Context) -> Vec<Candidate> {
    text_clause(
        ctx,
        "tenant right to terminate this lease early termination option",
        &["terminat", "tenant"],
        &["termination option", "early termination"],
        &[
            "casualty", "condemn", "destr", "default", "eminent", "restor", "taken", "taking",
        ],
    )
    .into_iter()
    .filter(|c| {
        c.source == Source::KeyValue
            || c.value
                .as_str()
                .is_some_and(|v| TERMINATION_RIGHT.is_match(v))
    })
    .collect()
}

/// A row of a rent schedule: dates and the money amounts on one line.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleRow {
    pub start: Option<chrono::NaiveDate>,
    pub end: Option<chrono::NaiveDate>,
    pub amounts: Vec<Decimal>,
    pub range: Range<usize>,
}

/// Lines after a rent label or heading that hold a period and two or more amounts.
pub fn schedule_rows(ctx: &Context) -> Vec<ScheduleRow> {
    let s = ctx.str();
    let mut rows = Vec::new();
    let mut offset = 0;
    for line in s.split_inclusive('\n') {
        let range = offset..offset + line.trim_end().len();
        offset += line.len();
        let amounts: Vec<Decimal> = patterns::money(line).into_iter().map(|f| f.value).collect();
        if amounts.len() < 2 || line.len() > 160 {
            continue;
        }
        let first_money = line.find('$').unwrap_or(line.len());
        let head = &line[..first_money];
        let (start, end) = period(head);
        if start.is_none() && !has_any(head, &["year", "month", "lease"]) {
            continue;
        }
        rows.push(ScheduleRow {
            start,
            end,
            amounts,
            range,
        });
    }
    rows
}

/// The start and end dates of a schedule row's period ("December 9-31, 2019", "Jan. — Dec.
/// 2020", "1/1/2020 - 12/31/2020").
fn period(head: &str) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    let dates = patterns::dates(head);
    if dates.len() >= 2 {
        return (Some(dates[0].value), Some(dates[1].value));
    }
    static RANGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)([a-z]{3,9})\.?\s*(\d{1,2})?\s*[-—–~]+\s*(?:([a-z]{3,9})\.?\s*)?(\d{1,2})?\s*,?\s*(\d{4})").expect("valid regex")
    });
    let Some(c) = RANGE.captures(head) else {
        return (dates.first().map(|d| d.value), None);
    };
    let month = |m: Option<regex::Match>| {
        m.and_then(|m| {
            patterns::dates(&format!("{} 1, 2000", m.as_str()))
                .first()
                .map(|d| chrono::Datelike::month(&d.value))
        })
    };
    let year: Option<i32> = c.get(5).and_then(|m| m.as_str().parse().ok());
    let m1 = month(c.get(1));
    let m2 = month(c.get(3)).or(m1);
    let d1: u32 = c.get(2).and_then(|m| m.as_str().parse().ok()).unwrap_or(1);
    let (Some(y), Some(m1), Some(m2)) = (year, m1, m2) else {
        return (None, None);
    };
    let start = chrono::NaiveDate::from_ymd_opt(y, m1, d1);
    let end = match c.get(4).and_then(|m| m.as_str().parse::<u32>().ok()) {
        Some(d2) => chrono::NaiveDate::from_ymd_opt(y, m2, d2),
        None => last_day(y, m2),
    };
    (start, end)
}

pub fn last_day(y: i32, m: u32) -> Option<chrono::NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    chrono::NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::engine::with_context;

    /// The lease type the candidates of `text` settle on.
    fn chosen_lease_type(text: &str) -> Option<Value> {
        with_context(text, |ctx| {
            crate::fields::score::choose(&lease_type(ctx)).map(|s| s.value)
        })
    }

    /// The values `rule` proposes for a document of `text`, in the rule's order.
    fn rule_values(text: &str, rule: impl FnOnce(&Context) -> Vec<Candidate>) -> Vec<Value> {
        with_context(text, rule)
            .into_iter()
            .map(|c| c.value)
            .collect()
    }

    #[test]
    fn addresses_normalize_to_street_city_state() {
        let got = |w: &str| normalize_address(w).map(|x| x.0);
        assert_eq!(
            got("1100 NE Loop 410, City of San Antonio, State of Texas (the Building)").as_deref(),
            Some("1100 NE Loop 410, San Antonio, Texas")
        );
        assert_eq!(
            got("Elm Lane, Springfield CT, being a parcel").as_deref(),
            Some("Elm Lane, Springfield, Connecticut")
        );
        assert_eq!(got("Mill Road, approximately 3 miles north of the city of Foo in Bar County, Ohio, being").as_deref(), Some("Mill Road, Bar County, Ohio"));
        assert_eq!(got("the corner lot"), None);
        assert_eq!(
            got("12 Main Street, Kansas City, Missouri.").as_deref(),
            Some("12 Main Street, Kansas City, Missouri")
        );
        assert_eq!(
            got("12 Mill Row, Irvine, CA for the Term.").as_deref(),
            Some("12 Mill Row, Irvine, California")
        );
        assert_eq!(
            got("12 Elm Avenue, San Antonio, TX.").as_deref(),
            Some("12 Elm Avenue, San Antonio, Texas")
        );
        assert_eq!(
            got("the entire building, 9852 Corporate Center Drive, Little Rock, Arkansas.")
                .as_deref(),
            Some("9852 Corporate Center Drive, Little Rock, Arkansas")
        );
        assert_eq!(
            got("Suite 1850 at 9439 Gateway Boulevard, Charlotte, North Carolina").as_deref(),
            Some("9439 Gateway Boulevard, Charlotte, North Carolina")
        );
    }

    #[test]
    fn a_ground_leases_land_at_cues_the_address() {
        let cued = with_context(
            "1. Premises\nThe Premises consist of approximately 12.5 acres of unimproved land at 40 Mill Road, City of Boise, State\nof Idaho.\n",
            |ctx| address(ctx).into_iter().find(|c| c.strength >= 1.0),
        )
        .map(|c| c.value);
        assert_eq!(cued, Some(json!("40 Mill Road, Boise, Idaho")));
    }

    #[test]
    fn a_premises_clause_without_a_cue_gives_the_address() {
        let values = rule_values(
            "1. Premises\nLandlord hereby demises unto Tenant the premises described as Suite 4, 61 Elm\nPlaza, Denver, Colorado 80202.\n\nNotices to Landlord shall be sent to 9 Oak Street, Boise, Idaho 83702.\n",
            address,
        );
        assert_eq!(values, vec![json!("61 Elm Plaza, Denver, Colorado")]);
    }

    #[test]
    fn the_premises_area_not_the_buildings() {
        let values = rule_values(
            "Building Rentable Area: 88,000 rentable square feet\n1. Premises\nThe Premises contain approximately 2,011 RSF. The Building contains approximately 88,000 rentable square feet. Tenant may use three (3) parking spaces\nper 1,000 rentable square feet.\n",
            area,
        );
        assert_eq!(values, vec![json!(2011)]);
    }

    #[test]
    fn a_termination_option_is_a_stated_right_not_any_termination() {
        let option = |t: &str| rule_values(t, termination_option);
        assert_eq!(
            option(
                "30. Indemnity\nTenant's obligations under this Section shall survive the expiration or termination of this Lease for any reason whatsoever.\n"
            ),
            Vec::<Value>::new()
        );
        assert_eq!(
            option(
                "18. Fire\nIf the Premises cannot be rebuilt and restored within one hundred eighty days, Tenant shall have the right to terminate this Lease by notice to Landlord.\n"
            ),
            Vec::<Value>::new()
        );
        let stated = option(
            "31. Early Termination\nProvided no event has occurred, Tenant may elect to terminate this Lease effective as of the fortieth month by notice given nine months in advance and payment of the unamortized costs.\n",
        );
        assert_eq!(stated.len(), 1, "{stated:?}");
    }

    #[test]
    fn the_suite_of_the_premises_wherever_the_lease_names_it() {
        let suite = |t: &str| rule_values(t, suite);
        let filler = "The Building contains approximately 90,000 rentable square feet of space. Tenant may use three parking spaces per 1,000 rentable square feet of space. ".repeat(4);
        assert_eq!(
            suite(&format!(
                "1. Premises\n{filler}\nSubject to the terms of this Lease, Landlord leases to Tenant Suite 310 of the Elm Office Center, 12 Elm Road, Troy, New York.\n"
            )),
            vec![json!("Suite 310")]
        );
        assert_eq!(
            suite(&format!(
                "{filler}\nNotices to Landlord shall be sent to 9 Oak Street, Suite 100, Boise, Idaho, Attn: Legal.\n"
            )),
            Vec::<Value>::new()
        );
    }

    #[test]
    fn rent_that_rises_by_a_sum_escalates() {
        let escalation = |t: &str| rule_values(t, |ctx| escalation(ctx, false));
        assert_eq!(
            escalation("4. Base Rent\nThe Base Rent rate shall increase by one dollar ($1.00) per rentable square foot on each anniversary of the Commencement Date.\n").len(),
            1
        );
        assert_eq!(
            escalation(
                "5. Operating Expenses\nTenant shall pay as Additional Rent its share of any increase in Operating Expenses over the Base Year, estimated at $2.00 per rentable square foot.\n"
            ),
            Vec::<Value>::new()
        );
    }

    #[test]
    fn lease_type_from_a_title_after_the_summary_and_from_rent_that_covers_costs() {
        let summary = "SUMMARY OF BASIC TERMS\nDate of Lease: May 1, 2020\nLandlord: Acme Holdings, LLC\nTenant: Widget Works, Inc.\nPremises: 40 acres of land in Mill County, Ohio\n".repeat(6);
        assert_eq!(
            chosen_lease_type(&format!(
                "{summary}\nLAND LEASE AGREEMENT\nThis Lease is made as of May 1, 2020.\n"
            )),
            Some(json!("ground"))
        );
        assert_eq!(
            chosen_lease_type(
                "4. Rent\nThe Base Rent includes all Operating Expenses and Real Estate Taxes, and Tenant shall pay no additional rent for them.\n"
            ),
            Some(json!("gross"))
        );
    }

    #[test]
    fn a_guaranty_at_the_end_defines_the_guarantor() {
        let filler = "Tenant shall keep the Premises in good order and repair at its sole cost. "
            .repeat(100);
        let guarantor = |t: &str| rule_values(&format!("{filler}\n{t}\n"), guarantor);
        assert_eq!(
            guarantor(
                "GUARANTY OF LEASE\nMarta Quill (\"Guarantor\") unconditionally guarantees to Landlord the payment of all rent."
            ),
            vec![json!("Marta Quill")]
        );
        assert_eq!(
            guarantor(
                "THIS GUARANTY is made by Harbor Lane Holdings, LLC, a Maine limited liability company (the \u{201c}Guarantor\u{201d}), for the benefit of Landlord."
            ),
            vec![json!("Harbor Lane Holdings, LLC")]
        );
    }

    #[test]
    fn a_sentence_that_names_the_rent_commencement_date_gives_it() {
        let start = |t: &str| rule_values(t, rent_commencement);
        assert_eq!(
            start(
                "4. Rent\nBase Rent shall be abated for the period before the Rent Commencement Date, which shall be June 1, 2021.\n"
            ),
            vec![json!("2021-06-01")]
        );
        assert_eq!(
            start(
                "4. Rent\nThe Rent Commencement Date shall be extended by one day for each day of delay after May 3, 2021.\n"
            ),
            Vec::<Value>::new()
        );
    }

    #[test]
    fn a_lease_that_names_its_type_is_that_type() {
        assert_eq!(
            chosen_lease_type(
                "6. Taxes and Utilities\nThis is a ground lease. Tenant shall pay all taxes, assessments, utilities and other costs of the Land.\n"
            ),
            Some(json!("ground"))
        );
        assert_eq!(
            chosen_lease_type(
                "6. Additional Rent\nThis Lease is a triple net lease. Tenant shall pay all utilities, taxes and insurance premiums for the Premises.\n"
            ),
            Some(json!("nnn"))
        );
    }

    #[test]
    fn governing_law_in_short_phrasings() {
        let law = |t: &str| rule_values(t, governing_law);
        assert_eq!(
            law("20. Governing Law\nThis Lease is governed by Vermont law.\n"),
            vec![json!("Vermont")]
        );
        assert_eq!(
            law(
                "20. Governing Law\nEach party submits to the courts of the State of Vermont, whose laws shall govern this Lease.\n"
            ),
            vec![json!("Vermont")]
        );
        assert!(law("Tenant shall obey the law in Vermont.\n").is_empty());
    }

    #[test]
    fn a_deposit_label_takes_a_sum_not_a_rate() {
        let values = rule_values(
            "Security Deposit Amount: $9,000.00 per month for the first Lease Year\nDeposit Amount: Twelve Thousand Dollars ($12,000.00)\n",
            deposit,
        );
        assert!(
            values.contains(&json!({"amount": "12000.00", "currency": "USD"})),
            "{values:?}"
        );
        assert!(
            !values.iter().any(|v| v["amount"] == "9000.00"),
            "{values:?}"
        );
    }

    #[test]
    fn a_deposit_sentence_broken_by_a_page_still_gives_its_amount() {
        let values = rule_values(
            "5. Security Deposit\nTenant has paid a security deposit of Twenty Thousand\u{c}and 00/100 Dollars ($20,000.00). Landlord may apply it to cure a default.\n",
            deposit,
        );
        assert!(
            values.contains(&json!({"amount": "20000.00", "currency": "USD"})),
            "{values:?}"
        );
    }

    #[test]
    fn an_end_date_with_a_saving_clause_is_the_expiration() {
        let values = rule_values(
            "2. Term\nThis Lease shall end on June 30, 2030, unless renewed as provided herein.\nTenant may renew this Lease by notice given before June 30, 2029.\n",
            |ctx| stated_term_dates(ctx, STATES_EXPIRATION),
        );
        assert_eq!(values, vec![json!("2030-06-30")]);
    }

    #[test]
    fn the_date_an_opening_gives_before_its_first_party() {
        let values = rule_values(
            "LEASE\nKNOW ALL MEN BY THESE PRESENTS that on March 3, 2021, Harbor Lane Owner, LLC, a Maine limited liability company (\"Landlord\"), leased to Quill Studio, Inc. (\"Tenant\") the premises below.\nThe Term shall commence on June 1, 2021.\n",
            lease_date,
        );
        assert_eq!(values, vec![json!("2021-03-03")]);
    }

    #[test]
    fn the_date_an_opening_enters_into_the_lease_on() {
        let date = |t: &str| rule_values(t, lease_date).into_iter().next();
        assert_eq!(
            date(
                "OFFICE LEASE\nAcme Holdings, LLC (\"Landlord\") and Widget Works, Inc. (\"Tenant\") enter into this Lease as of the 2nd day of March, 2022.\n"
            ),
            Some(json!("2022-03-02"))
        );
        assert_eq!(
            date(
                "STANDARD LEASE\nThis Lease, dated for reference purposes only as of May 4, 2020, is made by and between Acme Holdings, LLC (\"Lessor\") and Widget Works, Inc. (\"Lessee\").\n"
            ),
            Some(json!("2020-05-04"))
        );
        // Entering into a sublease later is no lease date.
        assert_eq!(
            date(
                "LEASE\nTenant shall not enter into any sublease on or after June 1, 2024 without consent.\n"
            ),
            None
        );
    }

    #[test]
    fn term_lengths_in_several_phrasings() {
        let months = |t: &str| rule_values(t, term_months);
        assert_eq!(
            months(
                "2. Term\nThe Term of this Lease shall be sixty (60) months from the Commencement Date.\n"
            ),
            vec![json!(60)]
        );
        assert_eq!(
            months(
                "2. Term\nThe period of this Lease shall be five (5) years and two (2) months.\n"
            ),
            vec![json!(62)]
        );
        assert_eq!(
            months(
                "2. Term\nThe Term shall be three (3) years, subject to extension as provided herein.\n"
            ),
            vec![json!(36)]
        );
        assert_eq!(
            months(
                "7. Renewal\nThe Term may be renewed for two (2) additional terms of five (5) years each.\n"
            ),
            Vec::<Value>::new()
        );
        assert_eq!(
            months("Length of Term: eighty-four (84) months\n"),
            vec![json!(84)]
        );
    }

    #[test]
    fn parties_defined_in_an_unusual_opening() {
        let value = |name: &str| {
            rule_values(
                "LEASE AGREEMENT\nKNOW ALL MEN BY THESE PRESENTS that on May 2, 2022, Harbor Lane Owner, LLC, a Maine limited liability company (\"Landlord\"), leased to Quill Studio, Inc., an Oregon corporation (\"Tenant\"), the premises described below, together with the Landlord's Work (the \"Landlord's Work\").\n",
                |ctx| candidates(ctx, name),
            )
        };
        assert_eq!(value("landlord"), vec![json!("Harbor Lane Owner, LLC")]);
        assert_eq!(value("tenant"), vec![json!("Quill Studio, Inc.")]);
    }

    #[test]
    fn a_day_in_words_may_open_a_lease_date() {
        assert!(ordinal_words_only("the fourteenth "));
        assert!(ordinal_words_only("the twenty-seventh "));
        assert!(!ordinal_words_only("the Lease Date set forth in "));
    }

    #[test]
    fn schedule_periods() {
        let d = |y, m, dd| chrono::NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(
            period("December 9-31, 2019 "),
            (d(2019, 12, 9), d(2019, 12, 31))
        );
        assert_eq!(
            period("Jan. — Dec. 2020 "),
            (d(2020, 1, 1), d(2020, 12, 31))
        );
        assert_eq!(
            period("1/1/2021 - 12/31/2021 "),
            (d(2021, 1, 1), d(2021, 12, 31))
        );
    }
}

//! Base rent, the rent schedule and critical dates: the first rent stated (from the schedule's
//! first period or the rent clause), schedule rows with their monthly, annual and per-foot
//! amounts, and the dates an analyst diarizes.

use crate::fields::candidates::{Candidate, Source};
use crate::fields::engine::{Context, floor, has_any, sentence_before};
use crate::fields::lease::{ScheduleRow, schedule_rows};
use crate::fields::patterns;
use crate::fields::typed::{date_value, money_value};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::ops::Range;

/// A per-square-foot rate is small; a monthly or annual amount is not.
const PER_SF_MAX: i64 = 500;

fn rent_value(amount: Decimal, period: &str, per_sf: bool) -> Value {
    json!({"amount": amount.to_string(), "currency": "USD", "period": period, "per_sf": per_sf})
}

/// How a schedule row's amounts map to monthly, annual and per-foot columns.
pub struct RowAmounts {
    pub monthly: Option<Decimal>,
    pub annual: Option<Decimal>,
    pub per_sf: Option<Decimal>,
}

pub fn row_amounts(row: &ScheduleRow) -> RowAmounts {
    let small = Decimal::from(PER_SF_MAX);
    let per_sf = row.amounts.iter().rev().find(|a| **a < small).copied();
    let big: Vec<Decimal> = row
        .amounts
        .iter()
        .filter(|a| **a >= small)
        .copied()
        .collect();
    let (monthly, annual) = match big.as_slice() {
        [] => (None, None),
        [one] => (Some(*one), None),
        [a, b, ..] => {
            if a <= b {
                (Some(*a), Some(*b))
            } else {
                (Some(*b), Some(*a))
            }
        }
    };
    RowAmounts {
        monthly,
        annual,
        per_sf,
    }
}

pub fn base_rent(ctx: &Context, rows: &[ScheduleRow]) -> Vec<Candidate> {
    let mut out = clause_rents(ctx);
    out.extend(label_rents(ctx));
    if let Some(first) = rows.first() {
        let a = row_amounts(first);
        // The table corroborates the rent the text states first, in the form the text states
        // it (per foot, monthly or annual); alone it reports the rate, else the monthly amount.
        let stated = out
            .iter()
            .filter(|c| states_row_amount(&c.value, &a))
            .min_by_key(|c| c.at)
            .map(|c| c.value.clone());
        let value = stated.or(match (a.per_sf, a.monthly) {
            (Some(psf), _) => Some(rent_value(psf, "annual", true)),
            (None, Some(m)) => Some(rent_value(m, "monthly", false)),
            _ => None,
        });
        if let Some(v) = value {
            out.push(ctx.candidate(v, first.range.clone(), Source::Table, 1.0));
        }
    }
    out
}

/// Whether a stated rent is one of the first schedule row's amounts, in the same form.
fn states_row_amount(rent: &Value, row: &RowAmounts) -> bool {
    let amount = rent
        .get("amount")
        .and_then(Value::as_str)
        .and_then(|a| a.parse::<Decimal>().ok());
    let per_sf = rent.get("per_sf").and_then(Value::as_bool) == Some(true);
    let in_row = match (per_sf, rent.get("period").and_then(Value::as_str)) {
        (true, _) => row.per_sf,
        (false, Some("monthly")) => row.monthly,
        (false, _) => row.annual,
    };
    amount.is_some() && in_row.map(|d| d.normalize()) == amount.map(|d| d.normalize())
}

/// Rents stated in the rent clauses, with the period and per-foot basis their words give.
fn clause_rents(ctx: &Context) -> Vec<Candidate> {
    let s = ctx.str();
    let mut out = Vec::new();
    // A schedule row's amounts are the schedule's to read: its column headings ("Monthly
    // Installments  Annual Minimum") are not the words of a sentence about them.
    let table_rows: Vec<Range<usize>> = schedule_rows(ctx).into_iter().map(|r| r.range).collect();
    // Twelve, because the filter below drops many: late charges and holdover clauses hold
    // the same words as the rent sentence, and long ones hold more of them.
    for (range, score) in ctx.retrieve(
        "base rent minimum rent monthly installments per month annual rent per square foot",
        12,
    ) {
        let p = &s[range.clone()];
        if !has_any(p, &["rent", "installment"])
            || has_any(
                p,
                &[
                    "security deposit",
                    "late",
                    "holdover",
                    "holding over",
                    "renew",
                    "extension",
                    "option",
                ],
            )
        {
            continue;
        }
        for f in patterns::money(p) {
            let before = &p[floor(p, f.span.start.saturating_sub(60))..f.span.start];
            if has_any(before, &["total rent", "total of"]) {
                continue;
            }
            let r = range.start + f.span.start..range.start + f.span.end;
            if table_rows.iter().any(|row| row.contains(&r.start)) {
                continue;
            }
            let Some((period, per_sf)) = rent_basis(p, f.span.clone(), "") else {
                continue;
            };
            out.push(ctx.candidate(
                rent_value(f.value, period, per_sf),
                r,
                Source::Clause,
                score.max(0.5),
            ));
        }
    }
    out
}

const PER_SF: &[&str] = &[
    "per square foot",
    "per rentable square foot",
    "per sq",
    "/rsf",
    "psf",
    "per rsf",
    "/sf",
    "p.s.f",
];
const PER_MONTH: &[&str] = &["per month", "each month", "a month", "/month", "/mo"];
const PER_YEAR: &[&str] = &[
    "per annum",
    "per year",
    "annually",
    "a year",
    "/year",
    "/yr",
];

/// The period and per-foot basis of the amount at `span` of `text`: the words right after it
/// ("per month", "per rentable square foot per annum") first, then the words before it
/// ("annual Base Rent of"), then `hint` (a summary label's "Monthly Base Rent"). "Payable in
/// equal monthly installments" says how an amount is paid, not what period it covers.
fn rent_basis(text: &str, span: Range<usize>, hint: &str) -> Option<(&'static str, bool)> {
    let after = &text[span.end..floor(text, (span.end + 60).min(text.len()))];
    let near = &after[..floor(after, 40.min(after.len()))];
    let before = sentence_before(text, span.start);
    let per_sf = has_any(near, PER_SF);
    let installments = has_any(after, &["installment"]);
    let period = if has_any(near, PER_MONTH) {
        "monthly"
    } else if has_any(near, PER_YEAR) || per_sf {
        "annual"
    } else if let Some(period) = nearest_period_word(before) {
        period
    } else if has_any(after, &["monthly", "per month"]) && !installments {
        "monthly"
    } else if has_any(after, &["annual"]) {
        "annual"
    } else if has_any(hint, &["monthly"]) {
        "monthly"
    } else if has_any(hint, &["annual", "yearly"]) {
        "annual"
    } else {
        return None;
    };
    Some((period, per_sf))
}

/// The period named last before an amount ("monthly rent of", "annual Base Rent ... shall be"):
/// the word nearest the amount qualifies it.
fn nearest_period_word(before: &str) -> Option<&'static str> {
    let lower = before.to_lowercase();
    let last = |words: &[&str]| words.iter().filter_map(|w| lower.rfind(w)).max();
    match (
        last(&["monthly", "per month"]),
        last(&["annual", "yearly", "per annum"]),
    ) {
        (Some(m), Some(a)) => Some(if m > a { "monthly" } else { "annual" }),
        (Some(_), None) => Some("monthly"),
        (None, Some(_)) => Some("annual"),
        (None, None) => None,
    }
}

/// The rent a summary page states ("Annual Base Rent: $72,000 per year for the first Lease
/// Year"), in the form its value's words (or else its label) give.
fn label_rents(ctx: &Context) -> Vec<Candidate> {
    let s = ctx.str();
    let keys = [
        "base rent",
        "annual base rent",
        "monthly base rent",
        "initial base rent",
        "minimum rent",
        "annual minimum rent",
        "monthly minimum rent",
        "fixed rent",
        "annual rent",
        "monthly rent",
        "rent",
    ];
    let mut out = Vec::new();
    for l in crate::fields::labels::with_key(&ctx.labels, &keys) {
        let value = &s[l.value.clone()];
        let Some(f) = patterns::money(value).into_iter().next() else {
            continue;
        };
        let Some((period, per_sf)) = rent_basis(value, f.span.clone(), &l.key) else {
            continue;
        };
        let r = l.value.start + f.span.start..l.value.start + f.span.end;
        out.push(ctx.candidate(
            rent_value(f.value, period, per_sf),
            r,
            Source::KeyValue,
            1.0,
        ));
    }
    out
}

/// One rent for the whole term: the chosen base rent, term dates and the rent's evidence.
pub struct FlatRent<'a> {
    pub rent: &'a Value,
    pub start: &'a Value,
    pub end: &'a Value,
    pub evidence: crate::schema::Evidence,
}

/// Schedule rows as stated, or one row for the whole term when the lease states one flat rent.
pub fn rent_schedule(
    ctx: &Context,
    rows: &[ScheduleRow],
    flat: Option<FlatRent>,
) -> Vec<Candidate> {
    if !rows.is_empty() {
        let value: Vec<Value> = rows
            .iter()
            .map(|r| {
                let a = row_amounts(r);
                json!({
                    "start": r.start.map(date_value),
                    "end": r.end.map(date_value),
                    "monthly": a.monthly.map(|m| json!({"amount": m.to_string(), "currency": "USD"})),
                    "annual": a.annual.map(|m| json!({"amount": m.to_string(), "currency": "USD"})),
                    "annual_per_sf": a.per_sf.map(|m| json!({"amount": m.to_string(), "currency": "USD"})),
                })
            })
            .collect();
        let range = rows[0].range.start..rows[rows.len() - 1].range.end;
        return vec![ctx.candidate(Value::Array(value), range, Source::Table, 1.0)];
    }
    let Some(FlatRent {
        rent,
        start,
        end,
        evidence,
    }) = flat
    else {
        return vec![];
    };
    let (Some(amount), Some("monthly")) = (
        rent.get("amount")
            .and_then(Value::as_str)
            .and_then(|a| a.parse::<Decimal>().ok()),
        rent.get("period").and_then(Value::as_str),
    ) else {
        return vec![];
    };
    let row = json!([{
        "start": start,
        "end": end,
        "monthly": money_value(amount),
        "annual": money_value(amount * Decimal::from(12)),
        "annual_per_sf": null,
    }]);
    vec![Candidate::new(row, evidence, Source::Derived, 0.8, 0)]
}

/// Expiration, renewal notice deadlines and rent steps, from the chosen field values.
pub fn critical_dates(fields: &crate::schema::FieldMap) -> Value {
    let mut out = Vec::new();
    let date = |name: &str| {
        fields
            .get(name)
            .and_then(|f| f.value.as_str())
            .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    };
    if let Some(exp) = date("expiration_date") {
        out.push(json!({"date": date_value(exp), "kind": "expiration", "description": "Lease expiration"}));
        let notice = fields
            .get("renewal_options")
            .and_then(|f| f.value.get("text"))
            .and_then(Value::as_str)
            .and_then(notice_months);
        if let Some(months) = notice
            && let Some(deadline) = exp.checked_sub_months(chrono::Months::new(months))
        {
            out.push(json!({"date": date_value(deadline), "kind": "renewal_notice", "description": format!("Last day to give renewal notice ({months} months before expiration)")}));
        }
    }
    if let Some(rows) = fields.get("rent_schedule").and_then(|f| f.value.as_array()) {
        for row in rows.iter().skip(1) {
            if let Some(start) = row.get("start").and_then(Value::as_str) {
                out.push(
                    json!({"date": start, "kind": "rent_step", "description": "Base rent changes"}),
                );
            }
        }
    }
    if out.is_empty() {
        Value::Null
    } else {
        Value::Array(out)
    }
}

/// "at least six (6) months prior to the expiration" → 6.
fn notice_months(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    patterns::durations(&lower).into_iter().find_map(|f| {
        let after = &lower[f.span.end..floor(&lower, (f.span.end + 30).min(lower.len()))];
        if has_any(after, &["prior", "before", "in advance"]) {
            match f.value.unit {
                patterns::TimeUnit::Day => Some(f.value.count.div_ceil(30)),
                _ => f.value.months(),
            }
        } else {
            None
        }
    })
}

/// Schedule rows, each period once: a summary page and the rent article often print the same
/// table twice.
pub fn rows(ctx: &Context) -> Vec<ScheduleRow> {
    let mut seen = std::collections::BTreeSet::new();
    schedule_rows(ctx)
        .into_iter()
        .filter(|r| r.start.is_none() || seen.insert((r.start, r.end)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basis(text: &str, hint: &str) -> Option<(&'static str, bool)> {
        let at = text.find('$').unwrap();
        let end = at + text[at..].find([' ', ',']).unwrap();
        rent_basis(text, at..end, hint)
    }

    #[test]
    fn the_amounts_own_words_decide_its_period() {
        assert_eq!(
            basis(
                "annual Base Rent of $72,000.00, payable in equal monthly installments",
                ""
            ),
            Some(("annual", false))
        );
        assert_eq!(
            basis(
                "Base Rent of $6,000 per month, due on the first",
                "annual base rent"
            ),
            Some(("monthly", false))
        );
        assert_eq!(
            basis(
                "$10.50 per rentable square foot per annum",
                "monthly base rent"
            ),
            Some(("annual", true))
        );
        assert_eq!(
            basis("$72,000 for the first Lease Year", "annual base rent"),
            Some(("annual", false))
        );
        assert_eq!(basis("a fee of $500 upon signing", ""), None);
    }

    #[test]
    fn a_schedule_rows_amounts_are_not_read_as_a_sentence() {
        let best = crate::fields::engine::with_context(
            "4. Base Rent\nTenant shall pay Base Rent in the amounts set forth below:\nMonthly Rent Annual\nDates Installments Minimum Rate\nMarch 3 - 31, 2021 $2,100.00 $2,100.00 $21.00\nApr. - Dec. 2021 $2,400.00 $28,800.00 $21.00\n",
            |ctx| crate::fields::score::choose(&base_rent(ctx, &rows(ctx))).map(|s| s.value),
        );
        assert_eq!(
            best,
            Some(rent_value(Decimal::new(2100, 2), "annual", true)),
            "a partial first month states no annual rent; the rate is the rent"
        );
    }

    #[test]
    fn a_period_named_early_in_the_sentence_still_qualifies_the_amount() {
        assert_eq!(
            basis(
                "Yearly Base Rent for the first twelve months of the Term shall be $91,250.00.",
                ""
            ),
            Some(("annual", false))
        );
        assert_eq!(
            basis(
                "Lessee shall pay a monthly rent of Twelve Thousand Four Hundred and 50/100 Dollars ($12,400.50), payable in advance",
                ""
            ),
            Some(("monthly", false))
        );
        assert_eq!(
            basis(
                "Tenant shall pay an annual rent of Eighty Thousand Dollars ($80,000.00), payable in equal monthly installments.",
                ""
            ),
            Some(("annual", false))
        );
        assert_eq!(
            basis(
                "The monthly charge is fixed. A fee of $500 is due upon signing.",
                ""
            ),
            None,
            "a period named in an earlier sentence says nothing of this amount"
        );
    }
}

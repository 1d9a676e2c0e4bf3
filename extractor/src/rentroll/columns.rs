//! Column mapping: a header's wording to the schema key it holds, by a synonym table over
//! normalized tokens. Words that mark a figure as something other than the in-place rent
//! ("market", "budget", "future") keep a column out of the rent roles, so it lands in `extras`.

/// What a rent-roll column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Unit,
    Tenant,
    Status,
    Area,
    LeaseStart,
    LeaseEnd,
    MonthlyRent,
    AnnualRent,
    AnnualRentPerSf,
    MonthlyRentPerSf,
    /// Expense recoveries (CAM, tax, insurance); `annual` when the header says so.
    Recoveries {
        annual: bool,
    },
    Deposit,
    ChargeCode,
    /// The date a rent row takes effect, or the word "Current" on the in-place row.
    StepDate,
}

/// Tokens that mark a figure as not the in-place contract rent.
const NOT_IN_PLACE: &[&str] = &[
    "market",
    "budget",
    "budgeted",
    "asking",
    "proforma",
    "potential",
    "gpr",
    "future",
    "proposed",
    "prior",
    "previous",
    "last",
    "loss",
    "variance",
    "delinquent",
    "delinquency",
    "balance",
    "paid",
    "due",
    "ytd",
    "next",
    "new",
    "renewal",
    "deposits",
    "concession",
    "concessions",
    "escalation",
    "increase",
    "street",
];

/// A header as lower-case word tokens, with units folded: every spelling of square feet is
/// `sf`, of per square foot `psf`, of a year `annual`, of a month `monthly`.
pub fn normalize(header: &str) -> Vec<String> {
    let mut s = header.to_lowercase();
    for (from, to) in [
        ("square feet", " sf "),
        ("square foot", " sf "),
        ("sq. ft.", " sf "),
        ("sq ft", " sf "),
        ("sq.ft.", " sf "),
        ("sq. ft", " sf "),
        ("sq feet", " sf "),
        ("per sf", " psf "),
        ("per area", " psf "),
        ("per year", " annual "),
        ("per month", " monthly "),
        ("p.s.f.", " psf "),
        ("/sf", " psf "),
        ("/ sf", " psf "),
        ("/area", " psf "),
        ("/ area", " psf "),
        ("/rsf", " psf "),
        ("/yr", " annual "),
        ("/mo", " monthly "),
        ("move in", " movein "),
        ("move-in", " movein "),
        ("move out", " moveout "),
        ("move-out", " moveout "),
        ("pro forma", " proforma "),
        ("pro-forma", " proforma "),
        ("month to month", " mtm "),
        ("month-to-month", " mtm "),
        ("#", " no "),
    ] {
        s = s.replace(from, to);
    }
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| match t {
            "sqft" | "rsf" | "nra" | "gla" | "usf" | "sqf" | "footage" => "sf",
            "annually" | "yearly" | "annualized" | "year" | "yr" | "annum" | "pa" => "annual",
            "month" | "mo" | "mthly" | "mnthly" | "mon" => "monthly",
            "expiration" | "expiry" | "expires" | "expire" | "exp" | "expiring" | "maturity" => {
                "expiration"
            }
            "commencement" | "commence" | "commencing" | "beginning" | "begins" | "began" => {
                "begin"
            }
            other => other,
        })
        .map(str::to_string)
        .collect()
}

/// What the synonym table says of a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mapping {
    Role(Role),
    /// A wording the table knows as something else: market rent, unit type, notes.
    NotARole,
    /// A wording the table does not know; a header matcher may still place it.
    Unknown,
}

/// The role a header names, if the synonym table knows its wording.
pub fn role_of(header: &str) -> Option<Role> {
    match mapping(header) {
        Mapping::Role(role) => Some(role),
        Mapping::NotARole | Mapping::Unknown => None,
    }
}

/// The synonym table's verdict on a header.
pub fn mapping(header: &str) -> Mapping {
    let tokens = normalize(header);
    if tokens.is_empty() {
        return Mapping::Unknown;
    }
    match known_role(&tokens) {
        Some(Some(role)) => Mapping::Role(role),
        Some(None) => Mapping::NotARole,
        None => Mapping::Unknown,
    }
}

/// `Some(Some(role))` for a known role, `Some(None)` for a wording known to be no role, `None`
/// for an unknown one.
fn known_role(tokens: &[String]) -> Option<Option<Role>> {
    let has = |w: &str| tokens.iter().any(|t| t == w);
    let any = |ws: &[&str]| ws.iter().any(|w| has(w));
    let only = |w: &str| tokens.len() == 1 && tokens[0] == w;

    if any(&["deposit", "deposits"]) || (has("sec") && any(&["dep", "dpst"])) || has("loc") {
        return Some((!any(&["paid", "due", "balance"])).then_some(Role::Deposit));
    }
    if (has("charge") && any(&["code", "type", "description"])) || only("code") || only("charge") {
        return Some(Some(Role::ChargeCode));
    }
    if any(&[
        "type",
        "class",
        "use",
        "category",
        "denominator",
        "share",
        "percent",
        "pct",
        "term",
        "months",
        "years",
        "tenancy",
        "count",
        "beds",
        "baths",
        "bed",
        "bath",
        "floorplan",
        "plan",
        "notes",
        "comments",
        "comment",
        "note",
        "options",
        "option",
        "guarantor",
        "naics",
        "industry",
    ]) && !any(&["begin", "start", "end", "expiration", "from", "to"])
    {
        return Some(None);
    }
    if any(&["status", "occupancy", "occ"]) {
        return Some(Some(Role::Status));
    }
    if any(NOT_IN_PLACE) {
        return Some(None);
    }
    if has("date") && !any(&["psf", "amount"]) {
        if any(&[
            "expiration",
            "end",
            "to",
            "through",
            "thru",
            "ending",
            "termination",
        ]) {
            return Some(Some(Role::LeaseEnd));
        }
        if any(&["begin", "start", "from", "movein", "inception"]) {
            return Some(Some(Role::LeaseStart));
        }
        if !any(&["moveout", "notice", "signed", "birth", "paid"]) {
            return Some(Some(Role::StepDate));
        }
        return Some(None);
    }
    let rentish = any(&[
        "rent", "rate", "base", "amount", "contract", "charges", "rental", "income", "psf",
    ]);
    if has("psf")
        || (has("rate") && has("sf"))
        || (rentish && has("sf") && !has("monthly") && any(&["annual", "rate"]))
    {
        return Some(Some(if has("monthly") {
            Role::MonthlyRentPerSf
        } else {
            Role::AnnualRentPerSf
        }));
    }
    if any(&[
        "cam",
        "recovery",
        "recoveries",
        "reimbursement",
        "reimbursements",
        "recoverable",
        "nnn",
        "opex",
        "tax",
        "taxes",
        "insurance",
        "expenses",
        "expense",
        "reimb",
        "recov",
    ]) {
        return Some(Some(Role::Recoveries {
            annual: has("annual"),
        }));
    }
    if rentish || only("monthly") || only("annual") || any(&["current", "inplace"]) {
        return Some(Some(if has("annual") {
            Role::AnnualRent
        } else {
            Role::MonthlyRent
        }));
    }
    if any(&["sf", "area", "size", "sqm", "rentable", "square", "feet"]) {
        return Some(Some(Role::Area));
    }
    if any(&[
        "expiration",
        "end",
        "to",
        "through",
        "thru",
        "ends",
        "ending",
        "until",
        "terminates",
        "termination",
    ]) {
        return Some(Some(Role::LeaseEnd));
    }
    if any(&[
        "begin",
        "start",
        "from",
        "movein",
        "starts",
        "starting",
        "inception",
    ]) {
        return Some(Some(Role::LeaseStart));
    }
    if only("date") || (has("date") && any(&["effective", "step", "change", "rent"])) {
        return Some(Some(Role::StepDate));
    }
    if any(&[
        "unit",
        "suite",
        "space",
        "ste",
        "apt",
        "apartment",
        "premises",
        "bay",
        "store",
        "shop",
    ]) {
        return Some(Some(Role::Unit));
    }
    if any(&[
        "tenant",
        "occupant",
        "lessee",
        "resident",
        "residents",
        "name",
        "company",
        "dba",
        "customer",
        "lease",
        "tenants",
        "licensee",
        "party",
    ]) {
        return Some(Some(Role::Tenant));
    }
    None
}

/// How strongly a header claims its role, to pick one column when several claim the same:
/// words that mark the in-place figure win, a bare word comes after a qualified one.
pub fn claim_strength(header: &str) -> u8 {
    let tokens = normalize(header);
    let mut strength = 1;
    for t in &tokens {
        if [
            "current",
            "inplace",
            "contract",
            "actual",
            "base",
            "lease",
            "scheduled",
            "rentable",
            "leased",
        ]
        .contains(&t.as_str())
        {
            strength += 1;
        }
    }
    strength
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_wordings_map_to_their_keys() {
        let cases = [
            ("Tenant Name", Some(Role::Tenant)),
            ("Occupant Name", Some(Role::Tenant)),
            ("Lease", Some(Role::Tenant)),
            ("Resident", Some(Role::Tenant)),
            ("Suite", Some(Role::Unit)),
            ("Unit #", Some(Role::Unit)),
            ("Unit ID", Some(Role::Unit)),
            ("Bldg/Unit", Some(Role::Unit)),
            ("As-Leased RSF", Some(Role::Area)),
            ("GLA Sqft", Some(Role::Area)),
            ("Sq Ft", Some(Role::Area)),
            ("Unit Sq. Ft.", Some(Role::Area)),
            ("Lease Term Begin", Some(Role::LeaseStart)),
            ("Lease From", Some(Role::LeaseStart)),
            ("Commencement Date", Some(Role::LeaseStart)),
            ("Move-In", Some(Role::LeaseStart)),
            ("Lease To", Some(Role::LeaseEnd)),
            ("Lease Expiration", Some(Role::LeaseEnd)),
            ("Exp. Date", Some(Role::LeaseEnd)),
            ("End", Some(Role::LeaseEnd)),
            ("Monthly", Some(Role::MonthlyRent)),
            ("Current Monthly Rent", Some(Role::MonthlyRent)),
            ("Monthly Amount", Some(Role::MonthlyRent)),
            ("Rent", Some(Role::MonthlyRent)),
            ("Annually", Some(Role::AnnualRent)),
            ("Annual Base Rent", Some(Role::AnnualRent)),
            ("$PSF/YR", Some(Role::AnnualRentPerSf)),
            ("Annual Rate PSF", Some(Role::AnnualRentPerSf)),
            ("Annual Rent/Area", Some(Role::AnnualRentPerSf)),
            ("Rent / SF", Some(Role::AnnualRentPerSf)),
            ("Monthly Rent/SF", Some(Role::MonthlyRentPerSf)),
            ("Monthly CAM", Some(Role::Recoveries { annual: false })),
            ("Annual Recoveries", Some(Role::Recoveries { annual: true })),
            ("Security Deposit", Some(Role::Deposit)),
            ("Sec. Dep.", Some(Role::Deposit)),
            ("Charge Code", Some(Role::ChargeCode)),
            ("Unit Status", Some(Role::Status)),
            ("Date", Some(Role::StepDate)),
            ("Rent Date", Some(Role::StepDate)),
            ("Rent Commencement Date", Some(Role::LeaseStart)),
            ("Move-Out Date", None),
            ("Market Rent", None),
            ("Budgeted Rent", None),
            ("Unit Type", None),
            ("Lease Type", None),
            ("Pro-Rata Share", None),
            ("Balance Due", None),
            ("Notes", None),
        ];
        for (header, want) in cases {
            assert_eq!(role_of(header), want, "{header}");
        }
    }

    #[test]
    fn in_place_wording_claims_more_strongly() {
        assert!(claim_strength("Current Rent") > claim_strength("Rent"));
    }
}

//! The facts of one generated lease, drawn before any text is written: parties, property,
//! dates, rent steps, deposit, options and law. The text and the gold are both written from
//! these facts, so the gold never depends on reading the document back.

use super::names::{self, Party};
use chrono::{Datelike, Months, NaiveDate};
use rand::Rng;
use rust_decimal::Decimal;

/// The property types the generator writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Office,
    Retail,
    Industrial,
    Lab,
    Ground,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Office,
        Kind::Retail,
        Kind::Industrial,
        Kind::Lab,
        Kind::Ground,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Office => "office",
            Kind::Retail => "retail",
            Kind::Industrial => "industrial",
            Kind::Lab => "lab",
            Kind::Ground => "ground",
        }
    }
}

/// How the lease states its first base rent; the gold's `base_rent` follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RentForm {
    Annual,
    Monthly,
    PerSf,
}

/// One row of the base rent schedule.
#[derive(Debug, Clone)]
pub struct Step {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub annual: Decimal,
    pub monthly: Decimal,
    pub per_sf: Option<Decimal>,
}

/// A first amendment that extends the term.
#[derive(Debug, Clone)]
pub struct Amendment {
    pub date: NaiveDate,
    pub months: u32,
    pub new_expiration: NaiveDate,
    pub monthly: Decimal,
}

#[derive(Debug, Clone)]
pub struct Deal {
    pub kind: Kind,
    pub landlord: Party,
    pub tenant: Party,
    pub guarantor: Option<String>,
    /// "Landlord"/"Tenant" or "Lessor"/"Lessee".
    pub roles: (&'static str, &'static str),
    pub street: String,
    pub city: &'static str,
    pub state: &'static str,
    pub zip: String,
    pub county: String,
    pub project: String,
    pub suite: Option<String>,
    pub rsf: Option<u32>,
    pub building_rsf: Option<u32>,
    pub acres: Option<Decimal>,
    pub lease_date: NaiveDate,
    pub commencement: NaiveDate,
    pub rent_commencement: NaiveDate,
    pub expiration: NaiveDate,
    pub term_months: u32,
    pub steps: Vec<Step>,
    pub escalation_percent: Option<Decimal>,
    pub rent_form: RentForm,
    pub deposit: Option<Decimal>,
    pub renewal: Option<(u32, u32)>,
    pub governing_law: Option<&'static str>,
    pub lease_type: &'static str,
    pub permitted_use: &'static str,
    pub termination_month: Option<u32>,
    pub amendment: Option<Amendment>,
    pub summary_page: bool,
    pub pages: u32,
}

impl Deal {
    pub fn pro_rata_share(&self) -> Option<Decimal> {
        let (rsf, building) = (self.rsf?, self.building_rsf?);
        Some((Decimal::from(rsf) * Decimal::from(100) / Decimal::from(building)).round_dp(2))
    }

    /// The expiration after any amendment.
    pub fn final_expiration(&self) -> NaiveDate {
        self.amendment
            .as_ref()
            .map_or(self.expiration, |a| a.new_expiration)
    }

    pub fn final_term_months(&self) -> u32 {
        self.term_months + self.amendment.as_ref().map_or(0, |a| a.months)
    }
}

fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(Months::new(months)).unwrap_or(d)
}

/// The day before the date `months` after `start`: the last day of a term of `months`.
pub fn term_end(start: NaiveDate, months: u32) -> NaiveDate {
    add_months(start, months).pred_opt().unwrap_or(start)
}

fn permitted_use(rng: &mut impl Rng, kind: Kind) -> &'static str {
    let uses: &[&str] = match kind {
        Kind::Office => &[
            "general office purposes",
            "general office and administrative purposes",
            "professional offices for the practice of law",
            "executive and sales offices",
        ],
        Kind::Retail => &[
            "the retail sale of apparel and accessories",
            "a full-service restaurant",
            "a fitness studio",
            "a retail pharmacy",
            "a specialty coffee shop",
        ],
        Kind::Industrial => &[
            "warehousing and distribution of general merchandise",
            "light manufacturing, assembly and storage",
            "warehouse, distribution and ancillary office use",
        ],
        Kind::Lab => &[
            "research and development laboratory, vivarium and office purposes",
            "laboratory, research and development and general office use",
        ],
        Kind::Ground => &[
            "the construction and operation of a retail building and parking",
            "a solar photovoltaic energy generating facility",
            "the development of a multi-tenant industrial building",
        ],
    };
    names::one_of(rng, uses)
}

fn lease_type(rng: &mut impl Rng, kind: Kind) -> &'static str {
    match kind {
        Kind::Office => names::one_of(rng, &["full_service", "modified_gross", "gross"]),
        Kind::Retail | Kind::Lab => "nnn",
        Kind::Industrial => names::one_of(rng, &["nnn", "net"]),
        Kind::Ground => "ground",
    }
}

/// Rent per rentable square foot per year, in cents, for the property type.
fn rate_cents(rng: &mut impl Rng, kind: Kind) -> i64 {
    let (lo, hi) = match kind {
        Kind::Office => (1800, 6500),
        Kind::Retail => (1500, 4800),
        Kind::Industrial => (450, 1400),
        Kind::Lab => (4000, 9000),
        Kind::Ground => (0, 1),
    };
    // Quarter-dollar rates, the way brokers quote them.
    rng.random_range(lo / 25..hi / 25) * 25
}

fn steps(
    rng: &mut impl Rng,
    kind: Kind,
    rsf: Option<u32>,
    start: NaiveDate,
    months: u32,
) -> (Vec<Step>, Option<Decimal>) {
    let percent = [
        Decimal::new(25, 1),
        Decimal::new(3, 0),
        Decimal::new(35, 1),
        Decimal::new(2, 0),
    ][rng.random_range(0..4)];
    let fixed_bump = rng.random_bool(0.3).then(|| Decimal::new(50, 2));
    let mut annual = match (kind, rsf) {
        (Kind::Ground, _) | (_, None) => Decimal::from(rng.random_range(25..400) * 1000),
        (_, Some(rsf)) => Decimal::new(rate_cents(rng, kind), 2) * Decimal::from(rsf),
    };
    let mut per_sf = rsf
        .filter(|_| kind != Kind::Ground)
        .map(|rsf| (annual / Decimal::from(rsf)).round_dp(2));
    let mut out = Vec::new();
    let mut from = start;
    let mut left = months;
    // Ground leases step every five years, the others every lease year.
    let every = if kind == Kind::Ground { 60 } else { 12 };
    while left > 0 && out.len() < 20 {
        let span = left.min(every);
        let to = term_end(from, span);
        out.push(Step {
            start: from,
            end: to,
            annual: annual.round_dp(2),
            monthly: (annual / Decimal::from(12)).round_dp(2),
            per_sf,
        });
        from = add_months(from, span);
        left -= span;
        match (per_sf, fixed_bump) {
            (Some(rate), Some(bump)) => {
                let rate = rate + bump;
                per_sf = Some(rate);
                annual = rate * Decimal::from(rsf.unwrap_or(1));
            }
            (Some(rate), None) => {
                let rate = (rate * (Decimal::ONE + percent / Decimal::from(100))).round_dp(2);
                per_sf = Some(rate);
                annual = rate * Decimal::from(rsf.unwrap_or(1));
            }
            (None, _) => {
                annual = (annual * (Decimal::ONE + percent / Decimal::from(100))).round_dp(0)
            }
        }
    }
    let escalation = (fixed_bump.is_none() || per_sf.is_none()).then_some(percent);
    (out, escalation)
}

/// Draws every fact of one lease from `rng`.
pub fn draw(rng: &mut impl Rng, kind: Kind) -> Deal {
    let landlord = names::landlord(rng);
    let tenant = names::tenant(rng, &landlord);
    let (city, state) = names::city(rng);
    let roles = if rng.random_bool(0.75) {
        ("Landlord", "Tenant")
    } else {
        ("Lessor", "Lessee")
    };
    let (rsf, building_rsf, acres) = match kind {
        Kind::Office => {
            let rsf = rng.random_range(12..400) * 100 + rng.random_range(0..100);
            (Some(rsf), Some(rsf * rng.random_range(4..40)), None)
        }
        Kind::Retail => {
            let rsf = rng.random_range(8..120) * 100 + rng.random_range(0..100);
            (Some(rsf), Some(rsf * rng.random_range(6..30)), None)
        }
        Kind::Industrial => {
            let rsf = rng.random_range(100..2500) * 100;
            (Some(rsf), Some(rsf * rng.random_range(1..4)), None)
        }
        Kind::Lab => {
            let rsf = rng.random_range(50..900) * 100 + rng.random_range(0..100);
            (Some(rsf), Some(rsf * rng.random_range(2..8)), None)
        }
        Kind::Ground => (
            None,
            None,
            Some(Decimal::new(rng.random_range(150..9000), 2)),
        ),
    };
    let suite = match kind {
        Kind::Office | Kind::Lab => Some(format!(
            "Suite {}",
            rng.random_range(1..30) * 100 + 50 * rng.random_range(0..2)
        )),
        Kind::Retail => Some(format!("Suite {}", rng.random_range(100..140))),
        Kind::Industrial | Kind::Ground => None,
    };
    let project_word = match kind {
        Kind::Office => "Corporate Center",
        Kind::Retail => "Shopping Center",
        Kind::Industrial => "Logistics Park",
        Kind::Lab => "Science Park",
        Kind::Ground => "Commons",
    };
    let year = rng.random_range(2012..2026);
    let lease_date =
        NaiveDate::from_ymd_opt(year, rng.random_range(1..13), rng.random_range(1..29))
            .unwrap_or_default();
    let lag = rng.random_range(20..150);
    let mut commencement = lease_date + chrono::Duration::days(lag);
    if rng.random_bool(0.7) {
        commencement = NaiveDate::from_ymd_opt(commencement.year(), commencement.month(), 1)
            .map_or(commencement, |d| add_months(d, 1));
    }
    let years = match kind {
        Kind::Office => rng.random_range(3..11),
        Kind::Retail => rng.random_range(5..16),
        Kind::Industrial => rng.random_range(3..11),
        Kind::Lab => rng.random_range(5..13),
        Kind::Ground => [20, 25, 30, 40, 49, 50, 75, 99][rng.random_range(0..8)],
    };
    let extra = if kind != Kind::Ground && rng.random_bool(0.3) {
        [3, 4, 6][rng.random_range(0..3)]
    } else {
        0
    };
    let term_months = years * 12 + extra;
    let expiration = term_end(commencement, term_months);
    let free_months = if rng.random_bool(0.25) {
        extra.max(2)
    } else {
        0
    };
    let rent_commencement = add_months(commencement, free_months);
    let (steps, escalation_percent) = steps(rng, kind, rsf, commencement, term_months);
    let first_monthly = steps.first().map_or(Decimal::ZERO, |s| s.monthly);
    let rent_form = match (kind, rng.random_range(0..3)) {
        (Kind::Ground, 0) => RentForm::Monthly,
        (Kind::Ground, _) => RentForm::Annual,
        (_, 0) => RentForm::Annual,
        (_, 1) => RentForm::Monthly,
        _ => RentForm::PerSf,
    };
    let deposit = (kind != Kind::Ground && rng.random_bool(0.8))
        .then(|| (first_monthly * Decimal::from(rng.random_range(1..4))).round_dp(2));
    let renewal = rng.random_bool(0.85).then(|| {
        let months = match kind {
            Kind::Ground => [60, 120][rng.random_range(0..2)],
            _ => [36, 60, 60, 120][rng.random_range(0..4)],
        };
        (rng.random_range(1..4), months)
    });
    let amendment = rng.random_bool(0.15).then(|| {
        let months = [12, 24, 36, 60][rng.random_range(0..4)];
        let new_expiration = term_end(expiration.succ_opt().unwrap_or(expiration), months);
        Amendment {
            date: expiration - chrono::Duration::days(rng.random_range(120..400)),
            months,
            new_expiration,
            monthly: (first_monthly * Decimal::new(rng.random_range(110..135), 2)).round_dp(2),
        }
    });
    let pages = match kind {
        Kind::Ground => rng.random_range(10..30),
        _ => rng.random_range(10..46),
    };
    Deal {
        kind,
        guarantor: rng.random_bool(0.2).then(|| names::person(rng)),
        roles,
        street: names::street(rng),
        city,
        state,
        zip: names::zip(rng),
        county: format!("{} County", names::project(rng, "").trim()),
        project: names::project(rng, project_word),
        suite,
        rsf,
        building_rsf,
        acres,
        lease_date,
        commencement,
        rent_commencement,
        expiration,
        term_months,
        steps,
        escalation_percent,
        rent_form,
        deposit,
        renewal,
        governing_law: rng.random_bool(0.9).then_some(state),
        lease_type: lease_type(rng, kind),
        permitted_use: permitted_use(rng, kind),
        termination_month: rng
            .random_bool(0.2)
            .then(|| term_months / 2 + term_months % 2),
        amendment,
        summary_page: rng.random_bool(0.5),
        pages,
        landlord,
        tenant,
    }
}

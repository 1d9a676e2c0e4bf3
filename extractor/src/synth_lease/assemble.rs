//! Writes a `Deal` as a lease: title, an optional Basic Lease Information page, preamble,
//! numbered articles with the business terms in varied phrasings, boilerplate sized to the
//! page count, signatures, guaranty, exhibits and an optional first amendment. Records the
//! first quote of each term for the gold.

use super::boilerplate::{self, RULES};
use super::deal::{Deal, Kind, RentForm};
use super::doc::{Block, Doc};
use super::names;
use super::phrasing::*;
use super::words;
use crate::fields::patterns::US_STATES;
use chrono::{Datelike, NaiveDate};
use rand::Rng;
use std::collections::BTreeMap;

/// Words LibreOffice sets on one page in the generated style.
const WORDS_PER_PAGE: usize = 720;

/// The document and the first quote written for each gold field.
pub struct Written {
    pub doc: Doc,
    pub quotes: BTreeMap<&'static str, String>,
}

struct Writer<'a, R: Rng> {
    rng: &'a mut R,
    deal: &'a Deal,
    doc: Doc,
    quotes: BTreeMap<&'static str, String>,
    article: usize,
}

fn state_code(state: &str) -> &'static str {
    US_STATES
        .iter()
        .find(|(name, _)| *name == state)
        .map_or("", |(_, code)| code)
}

impl<R: Rng> Writer<'_, R> {
    fn roles(&self) -> [(&'static str, &'static str); 2] {
        [("LL", self.deal.roles.0), ("TT", self.deal.roles.1)]
    }

    /// A sentence from `list` with the document's slots and `extra` filled.
    fn say(&mut self, list: &[&str], extra: &[(&str, &str)]) -> String {
        let mut slots: Vec<(&str, &str)> = self.roles().to_vec();
        slots.extend_from_slice(extra);
        fill(pick(self.rng, list), &slots)
    }

    fn quote(&mut self, field: &'static str, text: &str) {
        self.quotes.entry(field).or_insert_with(|| text.to_string());
    }

    fn article(&mut self, title: &str) {
        self.article += 1;
        let heading = match self.article % 3 {
            0 => format!("ARTICLE {} - {}", self.article, title.to_uppercase()),
            1 => format!("{}. {}", self.article, title),
            _ => format!("Section {}. {}", self.article, title),
        };
        self.doc.heading(heading);
    }

    fn date(&mut self, d: NaiveDate) -> String {
        words::date(self.rng, d)
    }

    fn address(&mut self) -> String {
        let d = self.deal;
        match self.rng.random_range(0..5) {
            0 => format!("{}, {}, {} {}", d.street, d.city, d.state, d.zip),
            1 => format!(
                "{}, {}, {} {}",
                d.street,
                d.city,
                state_code(d.state),
                d.zip
            ),
            2 => format!("{}, {}, {}", d.street, d.city, d.state),
            3 => format!("{}, {}, {}", d.street, d.city, state_code(d.state)),
            _ => format!("{}, City of {}, State of {}", d.street, d.city, d.state),
        }
    }

    fn area(&mut self, n: u32) -> String {
        if self.rng.random_bool(0.2) {
            format!(
                "{} ({})",
                words::number(u64::from(n)),
                words::grouped(u64::from(n))
            )
        } else {
            words::grouped(u64::from(n))
        }
    }

    fn rent_text(&mut self) -> String {
        let first = &self.deal.steps[0];
        match self.deal.rent_form {
            RentForm::Annual => words::money(self.rng, first.annual),
            RentForm::Monthly => words::money(self.rng, first.monthly),
            RentForm::PerSf => words::dollars(first.per_sf.unwrap_or_default(), true),
        }
    }

    fn renewal_text(&mut self) -> Option<(String, String)> {
        let (count, months) = self.deal.renewal?;
        Some((
            words::count(u64::from(count)),
            words::duration(self.rng, months),
        ))
    }

    fn summary(&mut self) {
        let d = self.deal;
        self.doc.push(Block::Title(
            pick(
                self.rng,
                &[
                    "BASIC LEASE INFORMATION",
                    "SUMMARY OF BASIC LEASE TERMS",
                    "Summary of Terms",
                    "FUNDAMENTAL LEASE PROVISIONS",
                ],
            )
            .to_string(),
        ));
        let mut rows: Vec<(&'static str, String, String)> = Vec::new();
        let label = |rng: &mut R, list: &[&str]| pick(rng, list).trim_end_matches(':').to_string();
        let date = self.date(d.lease_date);
        rows.push(("lease_date", label(self.rng, LABEL_DATE), date));
        let (landlord_label, tenant_label) = if d.roles.0 == "Landlord" {
            (
                label(self.rng, LABEL_LANDLORD),
                label(self.rng, LABEL_TENANT),
            )
        } else {
            (d.roles.0.to_string(), d.roles.1.to_string())
        };
        rows.push((
            "landlord",
            landlord_label,
            format!("{}, {}", d.landlord.name, d.landlord.described),
        ));
        rows.push((
            "tenant",
            tenant_label,
            format!("{}, {}", d.tenant.name, d.tenant.described),
        ));
        let addr = self.address();
        let premises = match &d.suite {
            Some(s) => format!("{s}, {addr}"),
            None => addr,
        };
        rows.push((
            "premises_address",
            label(self.rng, LABEL_PREMISES),
            premises,
        ));
        if let Some(rsf) = d.rsf {
            let a = self.area(rsf);
            rows.push((
                "rentable_square_feet",
                label(self.rng, LABEL_AREA),
                format!("{a} rentable square feet"),
            ));
        }
        if let (Some(b), Some(share)) = (d.building_rsf, d.pro_rata_share()) {
            let b = self.area(b);
            rows.push((
                "",
                label(self.rng, LABEL_BUILDING),
                format!("{b} rentable square feet"),
            ));
            rows.push((
                "pro_rata_share",
                "Tenant's Proportionate Share".into(),
                format!("{share}%"),
            ));
        }
        if let Some(acres) = d.acres {
            rows.push((
                "land_area_acres",
                "Land".into(),
                format!("approximately {acres} acres"),
            ));
        }
        let term = words::duration(self.rng, d.term_months);
        rows.push(("term_months", label(self.rng, LABEL_TERM), term));
        let start = self.date(d.commencement);
        rows.push(("commencement_date", label(self.rng, LABEL_START), start));
        let end = self.date(d.expiration);
        rows.push(("expiration_date", label(self.rng, LABEL_END), end));
        let rent = self.rent_text();
        let (rent_label, rent) = match d.rent_form {
            RentForm::Annual => (
                "Annual Base Rent".to_string(),
                format!("{rent} per year for the first Lease Year"),
            ),
            RentForm::Monthly => (
                "Monthly Base Rent".to_string(),
                format!("{rent} per month for the first Lease Year"),
            ),
            RentForm::PerSf => (
                label(self.rng, LABEL_RENT),
                format!("{rent} per rentable square foot per annum"),
            ),
        };
        rows.push(("base_rent", rent_label, rent));
        if let Some(dep) = d.deposit {
            let dep = words::money(self.rng, dep);
            rows.push(("security_deposit", label(self.rng, LABEL_DEPOSIT), dep));
        }
        if let Some((count, period)) = self.renewal_text() {
            rows.push((
                "renewal_options",
                label(self.rng, LABEL_RENEWAL),
                format!("{count} options of {period} each"),
            ));
        }
        rows.push((
            "permitted_use",
            label(self.rng, LABEL_USE),
            d.permitted_use.to_string(),
        ));
        if let Some(state) = d.governing_law.filter(|_| self.rng.random_bool(0.4)) {
            rows.push((
                "governing_law",
                label(self.rng, LABEL_LAW),
                format!("State of {state}"),
            ));
        }
        if let Some(g) = &d.guarantor {
            rows.push(("guarantor", "Guarantor".into(), g.clone()));
        }
        let numbered = self.rng.random_bool(0.5);
        let mut table = Vec::new();
        for (i, (field, label, value)) in rows.into_iter().enumerate() {
            if !field.is_empty() {
                self.quote(field, &value);
            }
            let label = if numbered {
                format!("{}. {label}:", i + 1)
            } else {
                format!("{label}:")
            };
            table.push(vec![label, value]);
        }
        self.doc.push(Block::Table(vec![], table));
        self.doc.para(
            "The Basic Lease Information is incorporated into this Lease. If it conflicts with the other provisions of this Lease, the other provisions shall control.",
        );
        self.doc.push(Block::PageBreak);
    }

    /// Whether the body restates a term the summary page already gives.
    fn restate(&mut self) -> bool {
        !self.deal.summary_page || self.rng.random_bool(0.5)
    }

    fn preamble(&mut self, title: &str) {
        let d = self.deal;
        self.doc.push(Block::Title(title.to_string()));
        if d.summary_page && self.rng.random_bool(0.3) {
            let text = self.say(&["This Lease is made as of the Lease Date set forth in the Basic Lease Information by and between the {LL} and the {TT} named there, who agree as follows."], &[]);
            self.doc.para(text);
            return;
        }
        let date = self.date(d.lease_date);
        let (laddr, taddr) = (
            format!("{}, {}", names::street(self.rng), names::city(self.rng).0),
            format!("{}, {}", names::street(self.rng), names::city(self.rng).0),
        );
        let doc_word = if title.to_lowercase().contains("agreement") {
            "Lease Agreement"
        } else {
            "Lease"
        };
        let text = self.say(
            PREAMBLE,
            &[
                ("DOC", &title.to_uppercase()),
                ("doc", doc_word),
                ("date", &date),
                ("L", &d.landlord.name),
                ("Ld", &d.landlord.described),
                ("T", &d.tenant.name),
                ("Td", &d.tenant.described),
                ("Laddr", &laddr),
                ("Taddr", &taddr),
            ],
        );
        for f in ["landlord", "tenant", "lease_date"] {
            self.quote(f, &text);
        }
        self.doc.para(text);
        if self.rng.random_bool(0.5) {
            self.doc.heading("RECITALS");
            let text = self.say(&["{LL} is the owner of the real property and improvements described in this Lease, and {TT} desires to lease a portion of them on the terms set forth below. NOW, THEREFORE, in consideration of the mutual covenants herein, the parties agree as follows."], &[]);
            self.doc.para(text);
        }
    }

    fn premises(&mut self) {
        let d = self.deal;
        self.article("Premises");
        let addr = self.address();
        let text = if d.kind == Kind::Ground {
            let acres = d.acres.unwrap_or_default().to_string();
            self.say(
                &[
                    "{LL} hereby leases to {TT} that certain parcel of land containing approximately {acres} acres located at {addr} (the \"Land\"), as legally described on Exhibit A.",
                    "{LL} leases to {TT} the real property located at {addr}, consisting of approximately {acres} acres of land (the \"Premises\").",
                    "The Premises consist of approximately {acres} acres of unimproved land at {addr}.",
                    "{LL} demises to {TT} the land commonly known as {addr}, containing {acres} acres, more or less.",
                ],
                &[("addr", &addr), ("acres", &acres)],
            )
        } else {
            let suite = d
                .suite
                .clone()
                .unwrap_or_else(|| "the entire building".to_string());
            self.say(
                PREMISES,
                &[("addr", &addr), ("suite", &suite), ("project", &d.project)],
            )
        };
        self.quote("premises_address", &text);
        if d.acres.is_some() {
            self.quote("land_area_acres", &text);
        }
        if d.suite.is_some() {
            self.quote("suite", &text);
        }
        self.doc.para(text);
        if let Some(rsf) = d.rsf.filter(|_| self.restate()) {
            let a = self.area(rsf);
            let text = self.say(AREA, &[("rsf", &a)]);
            self.quote("rentable_square_feet", &text);
            self.doc.para(text);
        }
        if let (Some(b), Some(share)) = (d.building_rsf, d.pro_rata_share()) {
            let b = self.area(b);
            let text = self.say(
                BUILDING_AREA,
                &[("brsf", &b), ("share", &share.to_string())],
            );
            self.doc.para(text);
        }
    }

    fn term(&mut self) {
        let d = self.deal;
        self.article("Term");
        let mut sentences = Vec::new();
        if self.restate() {
            let start = self.date(d.commencement);
            sentences.push((
                "commencement_date",
                self.say(COMMENCEMENT, &[("start", &start)]),
            ));
        }
        if self.restate() {
            let end = self.date(d.expiration);
            sentences.push(("expiration_date", self.say(EXPIRATION, &[("end", &end)])));
        }
        if self.restate() {
            let term = words::duration(self.rng, d.term_months);
            sentences.push(("term_months", self.say(TERM, &[("term", &term)])));
        }
        if self.rng.random_bool(0.5) {
            sentences.reverse();
        }
        for (field, text) in sentences {
            self.quote(field, &text);
            self.doc.para(text);
        }
        if d.rent_commencement != d.commencement {
            let date = self.date(d.rent_commencement);
            let text = self.say(&["Base Rent shall be abated for the period before the Rent Commencement Date, which shall be {date}.", "The \"Rent Commencement Date\" shall be {date}; no Base Rent shall be payable before that date."], &[("date", &date)]);
            self.quote("rent_commencement_date", &text);
            self.doc.para(text);
        }
        let text = self.say(&["{LL} shall deliver the Premises to {TT} on or before the Commencement Date with the Landlord's Work substantially complete. Within thirty (30) days after the Commencement Date the parties shall confirm it in a memorandum in the form of Exhibit C."], &[]);
        self.doc.para(text);
    }

    fn rent(&mut self) {
        let d = self.deal;
        self.article(if d.roles.0 == "Lessor" {
            "Rent"
        } else {
            "Base Rent"
        });
        if self.restate() {
            let rent = self.rent_text();
            let list = match d.rent_form {
                RentForm::Annual => RENT_ANNUAL,
                RentForm::Monthly => RENT_MONTHLY,
                RentForm::PerSf => RENT_PER_SF,
            };
            let text = self.say(list, &[("rent", &rent), ("rate", &rent)]);
            self.quote("base_rent", &text);
            self.doc.para(text);
        }
        if let Some(p) = d.escalation_percent {
            let when = if d.kind == Kind::Ground {
                "on the first day of every fifth Lease Year"
            } else {
                "on each anniversary of the Commencement Date"
            };
            let text = self.say(&["Base Rent shall increase by {p} percent ({p}%) {when}.", "On {when_short}, Base Rent shall be increased by {p}% over the Base Rent payable immediately before the increase."], &[("p", &p.normalize().to_string()), ("when", when), ("when_short", when.trim_start_matches("on "))]);
            self.quote("escalation_percent", &text);
            self.quote("rent_escalation", &text);
            self.doc.para(text);
        } else {
            let text = self.say(&["The Base Rent rate shall increase by fifty cents ($0.50) per rentable square foot on each anniversary of the Commencement Date."], &[]);
            self.quote("rent_escalation", &text);
            self.doc.para(text);
        }
        self.doc
            .para("Base Rent shall be payable according to the following schedule:");
        let us = self.rng.random_bool(0.5);
        let fmt = |x: NaiveDate| {
            if us {
                x.format("%m/%d/%Y").to_string()
            } else {
                x.format("%B %-d, %Y").to_string()
            }
        };
        let mut head = vec![
            "Lease Year".to_string(),
            "Period".to_string(),
            "Annual Base Rent".to_string(),
            "Monthly Installment".to_string(),
        ];
        let per_sf = d.steps[0].per_sf.is_some();
        if per_sf {
            head.push("Rate per RSF".into());
        }
        let rows = d
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut r = vec![
                    (i + 1).to_string(),
                    format!("{} - {}", fmt(s.start), fmt(s.end)),
                    words::dollars(s.annual, true),
                    words::dollars(s.monthly, true),
                ];
                if let Some(p) = s.per_sf {
                    r.push(words::dollars(p, true));
                }
                r
            })
            .collect();
        self.doc.push(Block::Table(head, rows));
        let text = self.say(&["All rent shall be paid in lawful money of the United States, in advance and without demand, setoff or deduction, at the address {LL} designates."], &[]);
        self.doc.para(text);
    }

    fn expenses(&mut self) {
        let d = self.deal;
        self.article("Additional Rent");
        let year = d.commencement.year().to_string();
        let text = match d.lease_type {
            "full_service" => self.say(&["This is a full service lease: Base Rent includes {TT}'s share of Operating Expenses and Real Estate Taxes for the Building."], &[]),
            "modified_gross" => self.say(&["{TT} shall pay, as Additional Rent, its Proportionate Share of Operating Expenses for each calendar year that exceeds the Operating Expenses for the Base Year of {year}."], &[("year", &year)]),
            "gross" => self.say(&["Base Rent includes all Operating Expenses and Real Estate Taxes, and {TT} shall pay no additional rent for them, except for separately metered electricity."], &[]),
            "nnn" => self.say(&["This Lease is a triple net lease. {TT} shall pay, as Additional Rent, its Proportionate Share of Real Estate Taxes, insurance premiums and Common Area Maintenance charges."], &[]),
            "net" => self.say(&["{TT} shall arrange and pay for all utilities, taxes and insurance for the Premises in addition to Base Rent."], &[]),
            _ => self.say(&["This is a ground lease. {TT} shall pay all taxes, assessments, utilities and other costs of the Land and of any improvements it constructs."], &[]),
        };
        self.quote("lease_type", &text);
        self.doc.para(text);
    }

    fn deposit(&mut self) {
        let Some(dep) = self.deal.deposit else { return };
        self.article("Security Deposit");
        if self.restate() {
            let dep = words::money(self.rng, dep);
            let text = self.say(DEPOSIT, &[("deposit", &dep)]);
            self.quote("security_deposit", &text);
            self.doc.para(text);
        }
        let text = self.say(&["{LL} may apply the Security Deposit to cure any default and {TT} shall restore it within ten (10) days after demand. {LL} shall return the unapplied balance within thirty (30) days after the end of the Term."], &[]);
        self.doc.para(text);
    }

    fn use_clause(&mut self) {
        self.article("Use of Premises");
        let text = self.say(
            &[
                "The Premises shall be used for {use} and for no other purpose.",
                "{TT} shall use the Premises solely for {use}.",
                "Permitted Use: {use}.",
            ],
            &[("use", self.deal.permitted_use)],
        );
        self.quote("permitted_use", &text);
        self.doc.para(text);
    }

    fn renewal(&mut self) {
        let Some((count, period)) = self.renewal_text() else {
            return;
        };
        if !self.restate() {
            return;
        }
        self.article("Option to Extend");
        let text = self.say(RENEWAL, &[("count", &count), ("period", &period)]);
        self.quote("renewal_options", &text);
        self.doc.para(text);
        let text = self.say(&["The Base Rent for each renewal term shall be the fair market rent determined as provided in this Article, but not less than the Base Rent in effect at the end of the preceding term. The renewal options are personal to the original {TT}."], &[]);
        self.doc.para(text);
    }

    fn termination(&mut self) {
        let Some(month) = self.deal.termination_month else {
            return;
        };
        self.article("Early Termination");
        let text = self.say(&["{TT} shall have a one-time right to terminate this Lease effective as of the last day of the {m} full calendar month of the Term, by giving at least nine (9) months' prior written notice and paying a termination fee equal to the unamortized leasing costs."], &[("m", &words::ordinal_suffix(month))]);
        self.quote("termination_option", &text);
        self.doc.para(text);
    }

    fn boilerplate(&mut self, target_words: usize) {
        let count = self.rng.random_range(10..boilerplate::ARTICLES.len() + 1);
        let articles = boilerplate::articles(self.rng, count);
        // An obligation sentence runs about 24 words.
        let per = target_words.saturating_sub(self.doc.words()) / articles.len().max(1) / 24 + 2;
        let roles = self.roles();
        for (title, clauses) in articles {
            self.article(title);
            let sections = per.div_ceil(4);
            for s in 0..sections {
                let n = (per / sections).max(1);
                let text: Vec<String> = (0..n)
                    .map(|_| boilerplate::sentence(self.rng, clauses, &roles))
                    .collect();
                let label = if sections > 1 {
                    format!("({}) ", (b'a' + (s % 26) as u8) as char)
                } else {
                    String::new()
                };
                self.doc.para(format!("{label}{}", text.join(" ")));
            }
        }
    }

    fn notices(&mut self) {
        let d = self.deal;
        self.article("Notices");
        let (lc, ls) = names::city(self.rng);
        let ltext = format!(
            "All notices shall be in writing and delivered by hand, by nationally recognized overnight courier or by certified mail. Notices to {} shall be sent to {}, {}, {}, {} {}, Attention: {}.",
            d.roles.0,
            d.landlord.name,
            names::street(self.rng),
            lc,
            ls,
            names::zip(self.rng),
            names::person(self.rng)
        );
        self.doc.para(ltext);
        let ttext = format!(
            "Notices to {} shall be sent to the Premises, Attention: {}, with a copy to its counsel.",
            d.roles.1,
            names::person(self.rng)
        );
        self.doc.para(ttext);
    }

    fn law(&mut self) {
        let Some(state) = self.deal.governing_law else {
            return;
        };
        self.article("Governing Law");
        let text = self.say(LAW, &[("state", state)]);
        self.quote("governing_law", &text);
        self.doc.para(text);
    }

    fn signatures(&mut self) {
        let d = self.deal;
        let text = self.say(&["IN WITNESS WHEREOF, {LL} and {TT} have executed this Lease as of the date first written above."], &[]);
        self.doc.para(text);
        let rows = vec![
            vec![
                format!("{}:", d.roles.0.to_uppercase()),
                format!("{}:", d.roles.1.to_uppercase()),
            ],
            vec![d.landlord.name.clone(), d.tenant.name.clone()],
            vec![
                "By: ______________________".into(),
                "By: ______________________".into(),
            ],
            vec![
                format!("Name: {}", names::person(self.rng)),
                format!("Name: {}", names::person(self.rng)),
            ],
            vec![
                "Title: Authorized Signatory".into(),
                "Title: President".into(),
            ],
        ];
        self.doc.push(Block::Table(vec![], rows));
        if let Some(g) = &d.guarantor {
            self.doc.push(Block::PageBreak);
            self.doc.push(Block::Title("GUARANTY OF LEASE".into()));
            let text = self.say(&["{g} (\"Guarantor\") unconditionally guarantees to {LL} the full and punctual payment of all rent and the performance of every obligation of {TT} under the Lease."], &[("g", g)]);
            self.quote("guarantor", &text);
            self.doc.para(text);
        }
    }

    fn exhibits(&mut self) {
        self.doc.push(Block::PageBreak);
        self.doc.push(Block::Title(
            "EXHIBIT A - DESCRIPTION OF THE PREMISES".into(),
        ));
        let text = format!(
            "Lot {} of {}, according to the plat recorded in the real property records of {}, together with all easements appurtenant thereto.",
            self.rng.random_range(1..40),
            self.deal.project,
            self.deal.county
        );
        self.doc.para(text);
        self.doc.push(Block::PageBreak);
        self.doc
            .push(Block::Title("EXHIBIT B - RULES AND REGULATIONS".into()));
        let n = self.rng.random_range(8..RULES.len());
        for (i, rule) in RULES.iter().take(n).enumerate() {
            self.doc.para(format!("{}. {rule}", i + 1));
        }
    }

    fn amendment(&mut self) {
        let d = self.deal;
        let Some(a) = &d.amendment else { return };
        self.doc.push(Block::PageBreak);
        self.doc
            .push(Block::Title("FIRST AMENDMENT TO LEASE".into()));
        let date = self.date(a.date);
        let old = self.date(d.expiration);
        let text = self.say(&["This First Amendment to Lease (this \"Amendment\") is made as of {date} by and between {L} (\"{LL}\") and {T} (\"{TT}\"), who are the parties to the Lease described below."], &[("date", &date), ("L", &d.landlord.name), ("T", &d.tenant.name)]);
        self.doc.para(text);
        let new = self.date(a.new_expiration);
        let period = words::duration(self.rng, a.months);
        let text = self.say(
            &[
                "1. Extension of Term. The Term of the Lease is hereby extended for {period} (the \"Extension Term\"), so that the Expiration Date is amended to be {new}.",
                "1. Term. The Expiration Date of the Lease is hereby changed from {old} to {new}.",
                "1. Extension. The Term is extended for a period of {period} beyond the current expiration date of {old}, and shall expire on {new}.",
                "1. The Lease Term, currently scheduled to expire on {old}, is hereby extended through {new} (the \"Extended Expiration Date\").",
            ],
            &[("period", &period), ("new", &new), ("old", &old)],
        );
        self.quotes.insert("expiration_date", text.clone());
        self.doc.para(text);
        let rent = words::money(self.rng, a.monthly);
        let text = self.say(
            &["2. Base Rent. During the Extension Term, monthly Base Rent shall be {rent}."],
            &[("rent", &rent)],
        );
        self.doc.para(text);
        let text = self.say(&["3. Ratification. Except as modified by this Amendment, the Lease remains in full force and effect and is ratified by {LL} and {TT}."], &[]);
        self.doc.para(text);
    }
}

fn title(rng: &mut impl Rng, kind: Kind) -> &'static str {
    match kind {
        Kind::Office => pick(
            rng,
            &[
                "OFFICE LEASE",
                "LEASE AGREEMENT",
                "Office Lease Agreement",
                "LEASE",
            ],
        ),
        Kind::Retail => pick(
            rng,
            &["SHOPPING CENTER LEASE", "RETAIL LEASE", "LEASE AGREEMENT"],
        ),
        Kind::Industrial => pick(
            rng,
            &[
                "INDUSTRIAL LEASE",
                "STANDARD INDUSTRIAL LEASE",
                "LEASE AGREEMENT",
                "MULTI-TENANT INDUSTRIAL LEASE",
            ],
        ),
        Kind::Lab => pick(rng, &["LABORATORY LEASE", "LEASE", "LAB/OFFICE LEASE"]),
        Kind::Ground => pick(
            rng,
            &["GROUND LEASE", "GROUND LEASE AGREEMENT", "LAND LEASE"],
        ),
    }
}

/// Writes `deal` as a document with its quotes.
pub fn write(rng: &mut impl Rng, deal: &Deal) -> Written {
    let mut w = Writer {
        rng,
        deal,
        doc: Doc::default(),
        quotes: BTreeMap::new(),
        article: 0,
    };
    let title = title(w.rng, deal.kind);
    if deal.summary_page {
        w.summary();
    }
    w.preamble(title);
    w.premises();
    w.term();
    w.rent();
    w.expenses();
    w.deposit();
    w.use_clause();
    w.renewal();
    w.termination();
    // Rules, signatures and the other fixed parts take about two pages.
    let target = (deal.pages as usize).saturating_sub(2) * WORDS_PER_PAGE;
    w.boilerplate(target);
    w.notices();
    w.law();
    w.signatures();
    w.exhibits();
    w.amendment();
    Written {
        doc: w.doc,
        quotes: w.quotes,
    }
}

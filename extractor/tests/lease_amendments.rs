//! The lease engine's cross-field rules end to end on written leases: an amendment bound in
//! after the lease moves the expiration and term, a formula date resolves from a stated
//! commencement, rent commences with the term when nothing defers it, and a cover page's
//! misspelt party name yields to the preamble's.

use extractor::fields::{abstract_document, text::document_from_text};
use extractor::model::Severity;
use serde_json::{Value, json};

const COVER: &str = "OFFICE LEASE\nBETWEEN:\nHARBOR POINT HOLDNGS LLC, LANDLORD\nAND\nBLUE FISH ANALYTICS INC., TENANT\n\n";

fn lease(term_clause: &str, amendment: &str) -> String {
    format!(
        "{COVER}OFFICE LEASE\nThis Office Lease is made as of January 10, 2020, by and between Harbor Point Holdings, LLC, a Delaware limited liability company (\"Landlord\"), and Blue Fish Analytics Inc., a Texas corporation (\"Tenant\").\n\n1. Premises. Landlord leases to Tenant the premises located at 400 Main Street, Austin, Texas 78701.\n\n2. Term. The term of this Lease shall commence on March 1, 2020 (the \"Commencement Date\") and {term_clause}\n\n3. Rent. Tenant shall pay monthly Base Rent of $10,000.00 from the Commencement Date.\n\n4. Governing Law. This Lease shall be governed by the laws of the State of Texas.\n\n{amendment}"
    )
}

fn abstract_of(text: &str) -> extractor::fields::Abstract {
    abstract_document(&document_from_text("t", text), None).unwrap()
}

fn value(a: &extractor::fields::Abstract, name: &str) -> Value {
    a.fields[name].value.clone()
}

#[test]
fn an_extension_amendment_moves_expiration_and_term() {
    let text = lease(
        "shall expire on February 28, 2025 (the \"Expiration Date\"), a term of sixty (60) months.",
        "FIRST AMENDMENT TO LEASE\nThis First Amendment to Lease is made as of October 1, 2024 by and between Landlord and Tenant.\n1. Term. The Expiration Date of the Lease is hereby changed from February 28, 2025 to February 28, 2027.\n2. Ratification. The Lease remains in full force and effect.\n",
    );
    let a = abstract_of(&text);
    assert_eq!(value(&a, "expiration_date"), json!("2027-02-28"));
    assert_eq!(value(&a, "term_months"), json!(84));
    let evidence = &a.fields["expiration_date"].evidence;
    assert_eq!(evidence[0].text.as_deref(), Some("February 28, 2027"));
    assert!(
        a.diagnostics.iter().any(|d| d.severity == Severity::Info
            && d.message.contains("FIRST AMENDMENT TO LEASE")
            && d.message.contains("2027-02-28")),
        "{:?}",
        a.diagnostics
    );
    let critical = value(&a, "critical_dates");
    let kinds: Vec<&str> = critical
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"amendment") && kinds.contains(&"expiration"));
    assert_eq!(value(&a, "landlord"), json!("Harbor Point Holdings, LLC"));
}

#[test]
fn a_formula_expiration_resolves_from_the_stated_commencement() {
    let text = lease(
        "shall expire on the last day of the sixtieth (60th) full calendar month after the Commencement Date.",
        "",
    );
    let a = abstract_of(&text);
    assert_eq!(value(&a, "commencement_date"), json!("2020-03-01"));
    assert_eq!(value(&a, "expiration_date"), json!("2025-02-28"));
    assert!(
        a.fields["expiration_date"].evidence[0]
            .text
            .as_deref()
            .is_some_and(|t| t.contains("full calendar month")),
        "the evidence quotes the formula"
    );
    assert_eq!(
        value(&a, "rent_commencement_date"),
        json!("2020-03-01"),
        "no abatement: rent commences with the term"
    );
}

#[test]
fn a_formula_whose_anchor_is_not_stated_stays_unresolved() {
    let text = lease(
        "shall expire on the last day of the sixtieth (60th) full calendar month after the Delivery Date.",
        "",
    );
    let a = abstract_of(&text);
    assert_eq!(value(&a, "expiration_date"), Value::Null);
}

#[test]
fn a_term_starting_on_a_named_date_takes_its_date_but_alternatives_stay_unresolved() {
    let text = "GROUND LEASE\nThis Ground Lease is made as of the 28th day of August, 2019 (the \"Effective Date\"), by and between Acme Farms, LLC, a Kentucky limited liability company (\"Landlord\"), and Sun Fields Solar, LLC, a Delaware limited liability company (\"Tenant\").\n\n2. Term. The term of this Lease (including any renewals, the \"Term\") shall commence on the Effective Date.\n(a) The term \"Rent Commencement Date\" shall be the earlier of (i) the date that is forty-five (45) months after the Effective Date or (ii) the date that Tenant commences construction on the Premises.\n";
    let a = abstract_of(text);
    assert_eq!(value(&a, "lease_date"), json!("2019-08-28"));
    assert_eq!(value(&a, "commencement_date"), json!("2019-08-28"));
    assert_eq!(value(&a, "rent_commencement_date"), Value::Null);
}

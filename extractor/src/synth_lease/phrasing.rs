//! The ways leases state each core term, at least twenty per field. Templates name their slots
//! in braces; `fill` puts a document's written values in them.

use rand::Rng;
use rand::seq::IndexedRandom;

pub const PREAMBLE: &[&str] = &[
    "THIS {DOC} (this \"Lease\") is made and entered into as of {date}, by and between {L}, {Ld} (\"{LL}\"), and {T}, {Td} (\"{TT}\").",
    "This {doc} is dated {date} and is between {L}, {Ld} (\"{LL}\"), and {T}, {Td} (\"{TT}\").",
    "THIS {DOC} is entered into on {date}, by {L}, {Ld}, as landlord (\"{LL}\"), and {T}, {Td}, as tenant (\"{TT}\").",
    "This {doc} (\"Lease\") dated as of {date} (the \"Effective Date\") is made by and between {L}, {Ld} (hereinafter referred to as \"{LL}\"), and {T}, {Td} (hereinafter referred to as \"{TT}\").",
    "{L}, {Ld} (\"{LL}\"), and {T}, {Td} (\"{TT}\"), enter into this {doc} as of {date}.",
    "THIS {DOC} (\"Lease\") is executed on {date} between {L} (\"{LL}\"), {Ld}, and {T} (\"{TT}\"), {Td}.",
    "This {doc} is made as of {date} (the \"Lease Date\") between {L}, {Ld}, whose address is {Laddr} (\"{LL}\"), and {T}, {Td}, whose address is {Taddr} (\"{TT}\").",
    "THIS {DOC}, made this {date}, by and between {L}, {Ld}, hereinafter called \"{LL},\" and {T}, {Td}, hereinafter called \"{TT}.\"",
    "THIS AGREEMENT OF LEASE is made as of {date} by and between {L}, {Ld} (\"{LL}\"), and {T}, {Td} (\"{TT}\").",
    "This {doc} (the \"Lease\") is entered into effective as of {date} (the \"Effective Date\") by and between {L}, {Ld} (\"{LL}\"), and {T}, {Td} (\"{TT}\").",
    "KNOW ALL MEN BY THESE PRESENTS that on {date}, {L}, {Ld} (\"{LL}\"), leased to {T}, {Td} (\"{TT}\"), the premises described below on the following terms.",
    "This {doc} is made and entered into as of {date} by {L}, {Ld} (\"{LL}\"), and {T}, {Td} (\"{TT}\"), who agree as follows.",
    "THIS {DOC} (\"Lease\") is entered into as of {date}, between {L}, {Ld} (\"{LL}\") and {T}, {Td} (\"{TT}\"). {LL} and {TT} are sometimes referred to together as the \"Parties\".",
    "This {doc}, dated for reference purposes only as of {date}, is made by and between {L}, {Ld} (\"{LL}\"), and {T}, {Td} (\"{TT}\").",
    "THIS {DOC} is made on {date}, between {L}, {Ld}, as \"{LL}\", and {T}, {Td}, as \"{TT}\".",
    "On {date}, {L}, {Ld} (the \"{LL}\"), and {T}, {Td} (the \"{TT}\"), entered into this {doc}.",
    "THIS {DOC} (the \"Lease\") is dated as of {date} and is entered into by and between {L}, {Ld} (\"{LL}\"), and {T}, {Td} (\"{TT}\").",
    "THIS INDENTURE OF LEASE is made as of {date} by and between {L}, {Ld} (\"{LL}\"), and {T}, {Td} (\"{TT}\").",
    "This {doc} is entered into as of {date} by and between {L}, {Ld} (referred to in this Lease as \"{LL}\"), and {T}, {Td} (referred to in this Lease as \"{TT}\").",
    "FOR GOOD AND VALUABLE CONSIDERATION, this {doc} is made as of {date} between {L}, {Ld} (\"{LL}\"), and {T}, {Td} (\"{TT}\").",
    "This {doc} (this \"Lease\") is made as of {date}, by and between {L}, {Ld} (together with its successors and assigns, \"{LL}\"), and {T}, {Td} (\"{TT}\").",
];

pub const PREMISES: &[&str] = &[
    "{LL} hereby leases to {TT}, and {TT} hereby leases from {LL}, the premises known as {suite} (the \"Premises\") in the building located at {addr} (the \"Building\").",
    "{LL} leases to {TT} the premises located at {addr}, being {suite} of the building commonly known as {project}.",
    "The premises demised by this Lease are {suite} of the building located at {addr} (the \"Premises\").",
    "{LL} hereby demises and leases unto {TT} those certain premises described as {suite}, {addr}.",
    "Subject to the terms of this Lease, {LL} leases to {TT} {suite} of {project}, whose street address is {addr}.",
    "The Premises are located at {addr} and are known as {suite}.",
    "{LL} does hereby lease to {TT}, and {TT} does hereby take from {LL}, {suite} in the building at {addr}, together with the right to use the Common Areas.",
    "The Property is commonly known as {project} and has a street address of {addr}; the premises leased hereunder are {suite}.",
    "In consideration of the rent and covenants herein, {LL} leases to {TT} the space designated as {suite} in the project commonly known as {project}, located at {addr}.",
    "{LL} hereby leases to {TT} certain premises ({suite}) located at {addr} (the \"Premises\"), as shown on Exhibit A.",
    "The \"Premises\" means {suite} of the building located at {addr}.",
    "{LL} agrees to lease to {TT} and {TT} agrees to lease from {LL} the space known as {suite}, {addr} (the \"Premises\").",
    "Premises. The premises leased hereunder are situated at {addr} and designated as {suite}.",
    "{LL} leases to {TT}, upon the terms of this Lease, {suite} of the building having an address of {addr}.",
    "The premises that are the subject of this Lease are {suite} of {project}, {addr}.",
    "{TT} shall lease from {LL} {suite} of the building at {addr} for the Term.",
    "The leased premises (the \"Premises\") consist of {suite} in the building whose address is {addr}.",
    "{LL} hereby lets to {TT} the premises known and numbered as {suite}, {addr}.",
    "{LL} leases and {TT} hires the premises known as {suite} at {addr}, to have and to hold for the Term.",
    "The Premises are {suite} in {project}, located at {addr}, as more particularly depicted on Exhibit A.",
    "{LL} hereby leases to {TT} {suite} located within the building at {addr} (the \"Building\"), upon the covenants set forth herein.",
];

pub const AREA: &[&str] = &[
    "The Premises contain approximately {rsf} rentable square feet.",
    "The Premises consist of approximately {rsf} square feet of Rentable Area.",
    "The rentable area of the Premises is deemed to be {rsf} rentable square feet.",
    "For all purposes of this Lease, the Premises shall be deemed to contain {rsf} rentable square feet (\"RSF\").",
    "The Premises comprise approximately {rsf} rentable square feet of space.",
    "{LL} and {TT} stipulate that the Premises contain {rsf} rentable square feet, and no remeasurement shall change that figure.",
    "The Premises are agreed to contain {rsf} square feet of rentable area.",
    "Rentable Area of the Premises: {rsf} rentable square feet.",
    "The Premises contain approximately {rsf} RSF.",
    "The Premises contain {rsf} rentable square feet, measured in accordance with the applicable BOMA standard.",
    "The floor area of the Premises is approximately {rsf} rentable square feet.",
    "The Premises consist of {rsf} rentable square feet, more or less.",
    "Rentable Square Footage of the Premises is stipulated to be {rsf} square feet.",
    "The Premises shall be deemed to contain approximately {rsf} rentable square feet of floor area.",
    "The Premises contain an agreed {rsf} rentable square feet.",
    "The rentable square footage of the Premises is {rsf} rentable square feet.",
    "The parties agree that the Premises consist of {rsf} rentable square feet for all purposes of this Lease.",
    "The Premises measure approximately {rsf} rentable square feet.",
    "Approximately {rsf} rentable square feet are included in the Premises.",
    "The Premises, containing approximately {rsf} rentable square feet, are shown on Exhibit A.",
];

pub const BUILDING_AREA: &[&str] = &[
    "The Building contains approximately {brsf} rentable square feet.",
    "The rentable area of the Building is {brsf} square feet.",
    "The Project contains a total of approximately {brsf} rentable square feet of space.",
    "The Building is stipulated to contain {brsf} rentable square feet, and {TT}'s Proportionate Share is {share}%.",
];

pub const COMMENCEMENT: &[&str] = &[
    "The Term shall commence on {start} (the \"Commencement Date\").",
    "The Commencement Date shall be {start}.",
    "The term of this Lease shall begin on {start}.",
    "This Lease shall commence on {start} (the \"Commencement Date\").",
    "The term hereof shall commence on {start}.",
    "The \"Commencement Date\" means {start}.",
    "The Lease Term shall commence on {start}, which date is referred to herein as the Commencement Date.",
    "The Term of this Lease shall begin on {start} (the \"Commencement Date\").",
    "Commencement Date: {start}.",
    "The lease term commences on {start}.",
    "The Term shall begin on the Commencement Date, which is {start}.",
    "The term of this Lease begins on {start} (the \"Commencement Date\").",
    "The Commencement Date of this Lease is {start}.",
    "The original term shall commence on {start}.",
    "The Term commences on {start}.",
    "The Lease Term shall begin on {start}.",
    "The primary term of this Lease shall commence on {start} (the \"Commencement Date\").",
    "This Lease shall be effective and the Term shall commence on {start}.",
    "{TT}'s obligations under this Lease, and the Term, shall commence on {start} (the \"Commencement Date\").",
    "The Term shall commence on {start} and {TT} shall accept the Premises on that date.",
];

pub const EXPIRATION: &[&str] = &[
    "The Term shall expire on {end} (the \"Expiration Date\").",
    "The Expiration Date shall be {end}.",
    "This Lease shall terminate on {end}, unless sooner terminated as provided herein.",
    "The Term shall end at midnight on {end}.",
    "The \"Expiration Date\" means {end}.",
    "The term hereof shall expire on {end}.",
    "The Lease Term shall expire on {end} (the \"Expiration Date\").",
    "Unless sooner terminated, the Term shall end on {end}.",
    "Expiration Date: {end}.",
    "The lease term expires on {end}.",
    "The Term shall terminate on {end} (the \"Termination Date\").",
    "This Lease shall expire on {end} unless extended or earlier terminated in accordance with its terms.",
    "The Expiration Date of this Lease is {end}.",
    "The original term shall end on {end}.",
    "The Term ends on {end}.",
    "The Lease Term shall expire at 11:59 p.m. local time on {end}.",
    "The primary term of this Lease shall end on {end} (the \"Expiration Date\").",
    "The Term shall continue through and including {end} (the \"Expiration Date\").",
    "This Lease shall end on {end}, unless renewed as provided herein.",
    "The Term shall expire on {end}, subject to {TT}'s renewal options.",
];

pub const TERM: &[&str] = &[
    "The term of this Lease shall be {term} (the \"Term\").",
    "The Term of this Lease is {term}.",
    "This Lease shall be for a term of {term}.",
    "The Lease Term shall be {term}, commencing on the Commencement Date.",
    "The initial term of this Lease shall be {term}.",
    "The Term shall be for a period of {term}.",
    "{LL} leases the Premises to {TT} for a term of {term} (the \"Term\").",
    "Term: {term}.",
    "The primary term of this Lease is {term}.",
    "The Term shall be {term}, subject to extension as provided herein.",
    "The original term of this Lease shall be {term}.",
    "To have and to hold the Premises for a term of {term}.",
    "The duration of the Term is {term}.",
    "This Lease is for a term of {term}, beginning on the Commencement Date.",
    "{TT} shall have and hold the Premises for a term of {term}.",
    "The Term of this Lease shall be {term} from the Commencement Date.",
    "The lease term is {term}.",
    "The Lease Term is {term}.",
    "The period of this Lease shall be {term}.",
    "This Lease shall continue for a term of {term} (the \"Original Term\").",
];

pub const RENT_ANNUAL: &[&str] = &[
    "{TT} shall pay to {LL} annual Base Rent of {rent}, payable in equal monthly installments in advance on the first day of each month.",
    "Base Rent for the first Lease Year shall be {rent} per annum.",
    "The annual base rent for the first year of the Term is {rent}.",
    "{TT} shall pay {LL} an annual rent of {rent}, payable in monthly installments.",
    "Annual Base Rent during the first Lease Year shall be {rent}.",
    "Minimum annual rent for the first Lease Year is {rent}, payable monthly in advance.",
    "The Base Rent shall be {rent} per year for the first Lease Year, and shall increase thereafter as set forth below.",
    "{TT} agrees to pay as base rent the sum of {rent} per year.",
    "Rent for the first year of the Term shall be {rent} per annum.",
];

pub const RENT_MONTHLY: &[&str] = &[
    "{TT} shall pay monthly Base Rent of {rent}, in advance, on the first day of each calendar month.",
    "Monthly Base Rent for the first Lease Year shall be {rent}.",
    "{TT} shall pay {LL} the above-specified rent in installments of {rent} each month.",
    "The monthly installment of Base Rent for the first Lease Year is {rent}.",
    "Beginning on the Rent Commencement Date, {TT} shall pay Base Rent of {rent} per month.",
    "{TT} shall pay to {LL}, without demand, deduction or offset, monthly rent of {rent}.",
    "Base Rent shall be payable in monthly installments of {rent} during the first Lease Year.",
    "The rent for the first twelve (12) months shall be {rent} per month.",
    "{TT} covenants to pay Base Rent of {rent} per month for the first Lease Year.",
];

pub const RENT_PER_SF: &[&str] = &[
    "Annual Base Rent for the first Lease Year shall be {rate} per rentable square foot.",
    "{TT} shall pay Base Rent at the rate of {rate} per rentable square foot per annum during the first Lease Year.",
    "The Base Rent rate for the first Lease Year is {rate} per RSF per year.",
    "Base Rent shall be {rate} per rentable square foot per year, increasing annually as set forth below.",
    "The initial annual Base Rent rate shall be {rate} per square foot of Rentable Area.",
    "Base Rent for Lease Year 1 shall be {rate} per rentable square foot, per annum, payable in equal monthly installments.",
    "{TT} shall pay annual Base Rent at {rate} per rentable square foot for the first Lease Year.",
];

pub const DEPOSIT: &[&str] = &[
    "{TT} shall deposit with {LL} a Security Deposit in the amount of {deposit}.",
    "Upon execution of this Lease, {TT} shall deliver to {LL} a security deposit of {deposit}.",
    "The Security Deposit is {deposit}.",
    "{TT} has deposited with {LL} the sum of {deposit} as security for the performance of {TT}'s obligations.",
    "A security deposit in the sum of {deposit} shall be paid by {TT} upon signing this Lease.",
    "Security Deposit: {deposit}.",
    "{TT} shall pay {LL} a security deposit equal to {deposit}, to be held without interest.",
    "As security for its obligations, {TT} shall deposit {deposit} with {LL} (the \"Security Deposit\").",
    "The amount of the security deposit shall be {deposit}.",
    "{TT} shall provide a cash security deposit of {deposit} concurrently with its execution of this Lease.",
    "Concurrently with the execution hereof, {TT} has paid {LL} the sum of {deposit} as a security deposit.",
    "{LL} acknowledges receipt from {TT} of a security deposit of {deposit}.",
    "The Security Deposit required under this Lease is {deposit}.",
    "{TT} shall maintain with {LL} a security deposit of {deposit} throughout the Term.",
    "{TT} shall deposit the sum of {deposit} with {LL} as a security deposit upon execution of this Lease.",
    "A Security Deposit of {deposit} shall secure the faithful performance of this Lease by {TT}.",
    "{TT} shall deliver to {LL} the sum of {deposit} (the \"Security Deposit\"), which {LL} may commingle with its other funds.",
    "The security deposit for the Premises is {deposit}.",
    "On signing this Lease, {TT} shall pay a security deposit in the amount of {deposit}.",
    "{TT} has delivered a security deposit of {deposit} to be held by {LL} pursuant to this Article.",
];

pub const RENEWAL: &[&str] = &[
    "{TT} shall have the option to extend the Term for {count} additional periods of {period} each.",
    "{LL} grants to {TT} {count} option(s) to renew this Lease, each for a term of {period}.",
    "{TT} shall have the right to renew this Lease for {count} successive terms of {period} each, on written notice given at least nine (9) months before the expiration of the then-current Term.",
    "Provided {TT} is not in default, {TT} may extend the Term for {count} renewal terms of {period} each at the then fair market rent.",
    "{TT} is granted {count} options to extend the Term, each for {period}.",
    "{TT} shall have {count} successive options to renew the Term for {period} per option.",
    "Renewal Options: {count} options of {period} each.",
    "{TT} may renew this Lease for {count} additional terms of {period} each upon the same terms, except that Base Rent shall be ninety-five percent (95%) of the fair market rent.",
    "This Lease may be extended at {TT}'s option for {count} further periods of {period} each.",
    "{TT} shall have the right to extend this Lease for {count} successive terms of {period} each.",
    "{LL} hereby grants {TT} {count} option(s) to extend the Term of this Lease for a period of {period} each (each, an \"Extension Term\").",
    "{TT} shall have {count} renewal options, each for a renewal term of {period}.",
    "The Term may be renewed by {TT} for {count} additional terms of {period} each, by notice given not less than one hundred eighty (180) days before the Expiration Date.",
    "{TT} may elect to extend the Term for up to {count} extension periods of {period} each.",
    "{TT} has {count} options to renew for {period} each on the terms set forth in this Article.",
    "Subject to the conditions below, {TT} shall have {count} consecutive options to extend the Term, each for a period of {period}.",
    "{TT} shall be entitled to extend the Lease Term for {count} periods of {period} each by written notice to {LL}.",
    "{TT} shall have the option of renewing this Lease for {count} additional terms of {period} each at a rental to be agreed.",
    "{LL} grants {TT} the right to renew the Term for {count} renewal periods of {period} each (the \"Renewal Terms\").",
    "{TT} may renew the Lease for {count} terms of {period} each, provided {TT} then occupies the entire Premises.",
];

pub const LAW: &[&str] = &[
    "This Lease shall be governed by and construed in accordance with the laws of the State of {state}.",
    "This Lease shall be governed by the laws of the State of {state}.",
    "The laws of the State of {state} shall govern the validity, performance and enforcement of this Lease.",
    "This Lease shall be construed and enforced in accordance with the laws of the State of {state}, without regard to its conflict of laws principles.",
    "This Lease is governed by {state} law.",
    "This Lease shall be interpreted under the laws of the State of {state}.",
    "Governing Law. This Lease shall be governed by the laws of the state of {state}.",
    "The validity and construction of this Lease shall be governed by the laws of the State of {state}.",
    "This Lease has been made in and shall be construed under the laws of the State of {state}.",
    "This Lease and all claims arising from it shall be governed by the internal laws of the State of {state}.",
    "This Lease shall be governed by, construed and enforced in accordance with the laws of the State of {state}.",
    "The parties agree that the laws of the State of {state} govern this Lease.",
    "All matters arising under this Lease shall be governed by the laws of the State of {state}.",
    "This Lease shall be subject to and governed by the laws of the State of {state}.",
    "This Lease shall be deemed made in the State of {state} and governed by its laws.",
    "The law of the State of {state} shall apply to this Lease.",
    "This Lease shall be construed in accordance with the laws of the State of {state}, and venue shall lie in the county in which the Premises are located.",
    "The laws of {state} shall govern the interpretation of this Lease.",
    "This Lease is made under and shall be governed by the laws of the State of {state}.",
    "Each party submits to the jurisdiction of the courts of the State of {state}, whose laws shall govern this Lease.",
];

/// Labels of the Basic Lease Information page, several per term.
pub const LABEL_LANDLORD: &[&str] = &["Landlord", "LANDLORD", "Landlord's Name", "Owner"];
pub const LABEL_TENANT: &[&str] = &["Tenant", "TENANT", "Tenant's Name"];
pub const LABEL_DATE: &[&str] = &[
    "Date of Lease",
    "Lease Date",
    "Effective Date",
    "Reference Date",
];
pub const LABEL_PREMISES: &[&str] = &[
    "Premises",
    "Premises Address",
    "Property Address",
    "Address of Premises",
];
pub const LABEL_AREA: &[&str] = &[
    "Rentable Area of Premises",
    "Premises Rentable Square Feet",
    "Rentable Square Footage",
    "Area of Premises",
];
pub const LABEL_BUILDING: &[&str] = &[
    "Rentable Area of Building",
    "Building Rentable Area",
    "Project Area",
];
pub const LABEL_START: &[&str] = &[
    "Commencement Date",
    "Lease Commencement Date",
    "Term Commencement Date",
];
pub const LABEL_END: &[&str] = &[
    "Expiration Date",
    "Lease Expiration Date",
    "Termination Date",
];
pub const LABEL_TERM: &[&str] = &["Term", "Lease Term", "Initial Term", "Length of Term"];
pub const LABEL_RENT: &[&str] = &[
    "Base Rent",
    "Annual Base Rent",
    "Monthly Base Rent",
    "Minimum Rent",
];
pub const LABEL_DEPOSIT: &[&str] = &["Security Deposit", "Deposit", "Security Deposit Amount"];
pub const LABEL_RENEWAL: &[&str] = &["Renewal Option", "Extension Options", "Option to Renew"];
pub const LABEL_USE: &[&str] = &["Permitted Use", "Use", "Use of Premises"];
pub const LABEL_LAW: &[&str] = &["Governing Law", "Applicable Law"];

/// A template from `list`.
pub fn pick<'a>(rng: &mut impl Rng, list: &'a [&'a str]) -> &'a str {
    list.choose(rng).copied().unwrap_or_default()
}

/// `template` with each `{slot}` replaced by its value.
pub fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in slots {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_phrasings_per_core_field() {
        for (name, list) in [
            ("preamble", PREAMBLE),
            ("premises", PREMISES),
            ("area", AREA),
            ("commencement", COMMENCEMENT),
            ("expiration", EXPIRATION),
            ("term", TERM),
            ("deposit", DEPOSIT),
            ("renewal", RENEWAL),
            ("law", LAW),
        ] {
            assert!(list.len() >= 20, "{name}: {}", list.len());
        }
        assert!(RENT_ANNUAL.len() + RENT_MONTHLY.len() + RENT_PER_SF.len() >= 20);
    }
}

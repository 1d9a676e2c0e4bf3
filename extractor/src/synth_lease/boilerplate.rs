//! The articles every lease carries besides its business terms — maintenance, insurance,
//! assignment, default — written from clause pools with varied openings and qualifiers, so a
//! document can be sized to any length without repeating itself word for word. They also hold
//! the distractors real leases have: other dollar amounts, other dates, notice addresses.

use super::phrasing::{fill, pick};
use rand::Rng;
use rand::seq::SliceRandom;

/// Article titles with the obligations they hold.
pub const ARTICLES: &[(&str, &[&str])] = &[
    (
        "Use",
        &[
            "not use or permit the use of the Premises for any purpose that is unlawful or that creates a nuisance",
            "comply with all laws, ordinances and regulations applicable to its use of the Premises",
            "not cause or permit any Hazardous Materials to be brought upon, kept or used in or about the Premises",
            "not overload the floors of the Premises beyond their design load",
            "keep the Premises in a neat and orderly condition",
        ],
    ),
    (
        "Operating Expenses and Taxes",
        &[
            "pay its Proportionate Share of Operating Expenses in monthly installments based on the estimate furnished",
            "deliver within one hundred twenty (120) days after the end of each calendar year a statement of actual Operating Expenses",
            "pay any Real Estate Taxes allocable to the Premises within thirty (30) days after receipt of an invoice",
            "have the right to audit the books and records relating to Operating Expenses once in any calendar year",
            "exclude from Operating Expenses the costs of capital improvements except to the extent they reduce operating costs",
        ],
    ),
    (
        "Utilities and Services",
        &[
            "furnish heating, ventilation and air conditioning during Business Hours",
            "pay for all electricity consumed in the Premises as measured by a separate meter",
            "not be liable for any interruption of utilities caused by events beyond its reasonable control",
            "provide janitorial service five (5) days per week in accordance with the standards of comparable buildings",
            "pay for any after-hours HVAC service at the rate of Seventy-Five Dollars ($75.00) per hour",
        ],
    ),
    (
        "Repairs and Maintenance",
        &[
            "maintain the roof, foundation and structural elements of the Building in good repair",
            "keep the Premises, including all interior walls, floors and fixtures, in good condition and repair",
            "promptly notify the other party of any damage to the Premises or the Building systems",
            "repair any damage caused by the negligence or willful misconduct of its agents, employees or invitees",
            "maintain a service contract for the heating and air conditioning equipment serving the Premises",
        ],
    ),
    (
        "Alterations",
        &[
            "not make any alterations, additions or improvements to the Premises without prior written consent",
            "perform all permitted alterations in a good and workmanlike manner using licensed contractors",
            "remove at the end of the Term any alterations that were designated for removal when consent was given",
            "pay a supervision fee equal to three percent (3%) of the cost of any alterations",
            "deliver as-built drawings of any alterations within thirty (30) days after their completion",
        ],
    ),
    (
        "Assignment and Subletting",
        &[
            "not assign this Lease or sublet all or any part of the Premises without prior written consent, which shall not be unreasonably withheld",
            "pay to the other party fifty percent (50%) of any profit received from a sublease",
            "remain primarily liable for all obligations under this Lease notwithstanding any assignment",
            "respond to any request for consent to an assignment within fifteen (15) business days",
            "reimburse reasonable attorneys' fees not exceeding One Thousand Five Hundred Dollars ($1,500.00) incurred in reviewing a request for consent",
        ],
    ),
    (
        "Insurance",
        &[
            "maintain commercial general liability insurance with limits of not less than $1,000,000 per occurrence and $2,000,000 in the aggregate",
            "maintain property insurance covering its personal property and trade fixtures at full replacement cost",
            "name the other party and its property manager as additional insureds on its liability policies",
            "deliver certificates of insurance before entering the Premises and upon each renewal",
            "maintain workers' compensation insurance as required by law and employer's liability insurance of at least $500,000",
        ],
    ),
    (
        "Indemnification",
        &[
            "indemnify, defend and hold harmless the other party from all claims arising from its use of the Premises",
            "not be liable for any injury to persons or damage to property except to the extent caused by its gross negligence",
            "give prompt notice of any claim for which indemnity may be sought",
            "survive the expiration or termination of this Lease with respect to its indemnity obligations",
        ],
    ),
    (
        "Damage and Destruction",
        &[
            "restore the Premises within one hundred eighty (180) days after a casualty, subject to the availability of insurance proceeds",
            "have the right to terminate this Lease if the Premises cannot be restored within two hundred seventy (270) days",
            "receive an abatement of rent in proportion to the part of the Premises rendered untenantable",
            "not be required to restore any alterations or improvements made by the other party",
        ],
    ),
    (
        "Condemnation",
        &[
            "have the right to terminate this Lease if more than twenty-five percent (25%) of the Premises is taken by eminent domain",
            "be entitled to the entire award for any taking, except for a separate award for moving expenses",
            "receive a proportionate reduction of rent if a partial taking leaves the Premises usable",
        ],
    ),
    (
        "Default and Remedies",
        &[
            "be in default if any rent is not paid within five (5) days after written notice that it is due",
            "be in default if it fails to perform any other covenant within thirty (30) days after written notice",
            "have the right, upon an Event of Default, to terminate this Lease and recover possession of the Premises",
            "pay a late charge equal to five percent (5%) of any installment of rent not paid when due",
            "pay interest on past due amounts at the rate of twelve percent (12%) per annum",
            "use reasonable efforts to relet the Premises and mitigate damages after a default",
        ],
    ),
    (
        "Subordination and Estoppel",
        &[
            "subordinate this Lease to any mortgage now or hereafter placed on the Property, provided a non-disturbance agreement is delivered",
            "deliver an estoppel certificate within ten (10) business days after written request",
            "attorn to any purchaser at a foreclosure sale",
        ],
    ),
    (
        "Access",
        &[
            "have the right to enter the Premises upon twenty-four (24) hours' notice to inspect, repair or show them",
            "have access to the Premises twenty-four (24) hours per day, seven (7) days per week",
            "not unreasonably interfere with the business conducted in the Premises when exercising its right of entry",
        ],
    ),
    (
        "Surrender and Holdover",
        &[
            "surrender the Premises at the end of the Term broom clean and in good condition, ordinary wear and tear excepted",
            "pay rent during any holdover at one hundred fifty percent (150%) of the Base Rent in effect at expiration",
            "remove all of its personal property and trade fixtures before the end of the Term",
        ],
    ),
    (
        "Parking",
        &[
            "have the non-exclusive right to use three (3) parking spaces per 1,000 rentable square feet in the parking areas",
            "pay the prevailing monthly charge for any reserved parking spaces",
            "comply with the parking rules adopted for the Project from time to time",
        ],
    ),
    (
        "Signage",
        &[
            "have the right to install its name on the Building directory and on the entry door of the Premises",
            "obtain approval of all signage drawings before fabrication and installation",
            "remove its signage and repair any damage at the end of the Term",
        ],
    ),
    (
        "Quiet Enjoyment",
        &[
            "peaceably and quietly hold and enjoy the Premises for the Term without hindrance, subject to the terms of this Lease",
        ],
    ),
    (
        "Brokers",
        &[
            "represent that it has dealt with no broker in connection with this Lease other than the Brokers named herein",
            "pay any commission due to the Brokers under a separate written agreement",
        ],
    ),
    (
        "Hazardous Materials",
        &[
            "not generate, store or dispose of any hazardous substance in the Premises except ordinary office and cleaning supplies in compliance with law",
            "remediate at its cost any contamination it causes",
            "deliver copies of all environmental permits relating to its operations",
        ],
    ),
    (
        "Miscellaneous",
        &[
            "execute such further documents as may reasonably be required to carry out the intent of this Lease",
            "treat the terms of this Lease as confidential",
            "be bound by the provisions of this Lease, which shall inure to the benefit of the parties' successors and assigns",
            "waive trial by jury in any action arising out of this Lease",
            "pay the prevailing party's reasonable attorneys' fees in any action to enforce this Lease",
        ],
    ),
];

const SUBJECTS: &[&str] = &[
    "{TT} shall",
    "{LL} shall",
    "{TT} agrees to",
    "{LL} agrees to",
    "Each party shall",
];
const OPENINGS: &[&str] = &[
    "",
    "Except as otherwise provided in this Lease, ",
    "At all times during the Term, ",
    "Subject to the other provisions of this Article, ",
    "To the extent permitted by law, ",
    "Notwithstanding anything to the contrary in this Lease, ",
    "Without limiting the foregoing, ",
];
const QUALIFIERS: &[&str] = &[
    "",
    ", at its sole cost and expense",
    ", in accordance with all applicable laws",
    ", in a manner consistent with first-class buildings in the market",
    ", and the failure to do so shall be a default under this Lease",
    ", as reasonably determined by {LL}",
    ", except as expressly provided otherwise herein",
];

/// One obligation sentence from an article's clause pool.
pub fn sentence(rng: &mut impl Rng, clauses: &[&str], roles: &[(&str, &str)]) -> String {
    let opening = pick(rng, OPENINGS);
    let subject = fill(pick(rng, SUBJECTS), roles);
    let subject = if opening.is_empty() {
        subject
    } else {
        let mut chars = subject.chars();
        chars.next().map_or(subject.clone(), |c| {
            let lower = if c == 'E' { c.to_ascii_lowercase() } else { c };
            std::iter::once(lower).chain(chars).collect()
        })
    };
    let clause = pick(rng, clauses);
    let qualifier = fill(pick(rng, QUALIFIERS), roles);
    format!("{opening}{subject} {clause}{qualifier}.")
}

/// Articles in a document's own order, each with about `sentences` sentences.
pub fn articles(
    rng: &mut impl Rng,
    count: usize,
) -> Vec<&'static (&'static str, &'static [&'static str])> {
    let mut all: Vec<_> = ARTICLES.iter().collect();
    all.shuffle(rng);
    all.truncate(count.min(ARTICLES.len()));
    all
}

/// The rules and regulations exhibit: numbered rules, sized by `count`.
pub const RULES: &[&str] = &[
    "Sidewalks, halls, passages, exits, entrances, elevators and stairways shall not be obstructed by tenants or used for any purpose other than ingress and egress.",
    "No sign, placard, picture, name or notice shall be exhibited on any part of the outside of the Premises without the prior written consent of the landlord.",
    "No awnings or other projections shall be attached to the outside walls of the Building.",
    "The toilet rooms and other water apparatus shall not be used for any purpose other than that for which they were constructed.",
    "No tenant shall mark, paint, drill into or in any way deface any part of the Premises or the Building.",
    "No bicycles, vehicles or animals of any kind, other than service animals, shall be brought into the Building.",
    "No tenant shall make or permit any unseemly or disturbing noises or interfere with other occupants of the Building.",
    "No additional locks or bolts of any kind shall be placed upon any of the doors or windows.",
    "Freight, furniture and bulky matter shall be moved in or out of the Building only through the service entrance and freight elevator.",
    "The Building may be closed to the public outside Business Hours, and persons entering then may be required to sign a register.",
    "Tenants shall not use any method of heating or air conditioning other than that supplied by the landlord.",
    "Canvassing, soliciting and peddling in the Building are prohibited.",
    "All deliveries of food and beverages shall be made by means approved by the building manager.",
    "Smoking is prohibited in all enclosed areas of the Building and within twenty-five (25) feet of any entrance.",
    "Tenants shall keep all doors to corridors closed except when in use for ingress and egress.",
    "No tenant shall install any antenna, satellite dish or similar device on the roof or exterior walls.",
    "Trash shall be disposed of only in the receptacles provided and in accordance with the recycling program of the Building.",
    "Tenants shall observe the security procedures adopted for the Building from time to time.",
    "No space in the Building shall be used for the manufacture or storage of merchandise or for the sale of goods at auction.",
    "Tenants shall not permit cooking in the Premises other than in microwave ovens and coffee makers approved for office use.",
    "Bicycle storage shall be limited to the racks provided in the parking facility.",
    "The landlord may waive any rule for one tenant without waiving it for any other tenant.",
];

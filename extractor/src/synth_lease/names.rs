//! Invented names for parties and places: company stems and entity types, people, streets and
//! cities with their states. Combinations are drawn per document, so no name is tied to a template.

use rand::Rng;
use rand::seq::IndexedRandom;

const STEMS: &[&str] = &[
    "Harborview",
    "Ironwood",
    "Cedar Ridge",
    "Meridian",
    "Bluestone",
    "Northgate",
    "Summit Peak",
    "Lakeshore",
    "Granite Point",
    "Oakmont",
    "Riverbend",
    "Silverline",
    "Westfield Commons",
    "Pinecrest",
    "Copperleaf",
    "Fairhaven",
    "Stonebridge",
    "Highland Park",
    "Brightwater",
    "Redwood",
    "Eastlake",
    "Crescent",
    "Foxhall",
    "Maplewood",
    "Sterling",
    "Beacon Hill",
    "Windward",
    "Kingsley",
    "Arbor",
    "Prairie Wind",
    "Seaport",
    "Canyon Creek",
    "Hollister",
    "Larkspur",
    "Mariner",
    "Quarry Hill",
    "Tidewater",
    "Juniper",
    "Alder",
    "Whitmore",
];
const LANDLORD_SUFFIXES: &[&str] = &[
    "Office Partners",
    "Property Owner",
    "Realty Holdings",
    "Investors",
    "Owner",
    "Associates",
    "Properties",
    "Real Estate Fund IV",
    "Venture",
    "Development Company",
    "Industrial Owner",
    "Retail Center",
    "Land Company",
    "Holdings",
    "Commercial REIT",
];
const TENANT_SUFFIXES: &[&str] = &[
    "Software",
    "Logistics",
    "Biosciences",
    "Dental Group",
    "Foods",
    "Analytics",
    "Outfitters",
    "Engineering",
    "Health Partners",
    "Manufacturing",
    "Capital Advisors",
    "Therapeutics",
    "Coffee Company",
    "Fitness",
    "Legal Services",
    "Design Studio",
    "Robotics",
    "Energy",
    "Packaging",
    "Pharmacy",
    "Cabinetry",
    "Insurance Agency",
    "Labs",
    "Apparel",
];
/// Entity types and the designator the name carries.
const ENTITIES: &[(&str, &str)] = &[
    ("limited liability company", "LLC"),
    ("limited liability company", "L.L.C."),
    ("corporation", "Inc."),
    ("corporation", "Corporation"),
    ("limited partnership", "L.P."),
    ("limited partnership", "LP"),
    ("professional corporation", "P.C."),
    ("corporation", "Corp."),
    ("limited liability partnership", "LLP"),
    ("statutory trust", "Trust"),
];
const FIRST: &[&str] = &[
    "Margaret", "Daniel", "Priya", "Howard", "Elena", "Marcus", "Grace", "Tobias", "Nadia",
    "Raymond", "Sofia", "Wendell", "Ingrid", "Julian", "Beatrice", "Omar", "Clara", "Desmond",
];
const LAST: &[&str] = &[
    "Whitaker",
    "Okafor",
    "Lindqvist",
    "Marchetti",
    "Castellanos",
    "Brennan",
    "Yamamoto",
    "Delacroix",
    "Hargrove",
    "Pemberton",
    "Novak",
    "Ashworth",
    "Sandoval",
    "Kowalski",
    "Fairbanks",
];
const STREETS: &[&str] = &[
    "Main Street",
    "Commerce Drive",
    "Industrial Parkway",
    "Market Street",
    "Technology Way",
    "Corporate Center Drive",
    "Harbor Boulevard",
    "Elm Avenue",
    "Peachtree Road",
    "Innovation Drive",
    "Lakeview Terrace",
    "Research Boulevard",
    "Warehouse Row",
    "Pioneer Road",
    "Gateway Boulevard",
    "Executive Plaza",
    "Union Avenue",
    "Mission Street",
    "Broad Street",
    "Distribution Way",
    "Science Park Road",
    "Orchard Lane",
    "Summit Avenue",
    "Canal Street",
];
/// Cities with the full name of their state.
const CITIES: &[(&str, &str)] = &[
    ("Austin", "Texas"),
    ("Dallas", "Texas"),
    ("San Antonio", "Texas"),
    ("Denver", "Colorado"),
    ("Boulder", "Colorado"),
    ("Phoenix", "Arizona"),
    ("Tempe", "Arizona"),
    ("Atlanta", "Georgia"),
    ("Charlotte", "North Carolina"),
    ("Raleigh", "North Carolina"),
    ("Nashville", "Tennessee"),
    ("Columbus", "Ohio"),
    ("Cleveland", "Ohio"),
    ("Chicago", "Illinois"),
    ("Naperville", "Illinois"),
    ("Indianapolis", "Indiana"),
    ("Minneapolis", "Minnesota"),
    ("Kansas City", "Missouri"),
    ("Omaha", "Nebraska"),
    ("Salt Lake City", "Utah"),
    ("Boise", "Idaho"),
    ("Portland", "Oregon"),
    ("Seattle", "Washington"),
    ("Sacramento", "California"),
    ("San Diego", "California"),
    ("Irvine", "California"),
    ("Las Vegas", "Nevada"),
    ("Reno", "Nevada"),
    ("Tampa", "Florida"),
    ("Orlando", "Florida"),
    ("Miami", "Florida"),
    ("Richmond", "Virginia"),
    ("Baltimore", "Maryland"),
    ("Philadelphia", "Pennsylvania"),
    ("Pittsburgh", "Pennsylvania"),
    ("Newark", "New Jersey"),
    ("Hartford", "Connecticut"),
    ("Boston", "Massachusetts"),
    ("Cambridge", "Massachusetts"),
    ("Providence", "Rhode Island"),
    ("Albany", "New York"),
    ("Buffalo", "New York"),
    ("Louisville", "Kentucky"),
    ("Birmingham", "Alabama"),
    ("Little Rock", "Arkansas"),
    ("Madison", "Wisconsin"),
    ("Des Moines", "Iowa"),
    ("Albuquerque", "New Mexico"),
];
const ORGANIZED_IN: &[&str] = &[
    "Delaware",
    "Delaware",
    "Delaware",
    "Texas",
    "California",
    "New York",
    "Nevada",
    "Florida",
    "Illinois",
    "Georgia",
    "Colorado",
    "Ohio",
];

/// A business party: its full name and how the preamble describes it.
#[derive(Debug, Clone)]
pub struct Party {
    pub name: String,
    /// "a Delaware limited liability company".
    pub described: String,
}

fn pick<'a, T>(rng: &mut impl Rng, items: &'a [T]) -> &'a T {
    items.choose(rng).unwrap_or(&items[0])
}

fn company(rng: &mut impl Rng, suffixes: &[&str]) -> Party {
    let (kind, designator) = *pick(rng, ENTITIES);
    let state = *pick(rng, ORGANIZED_IN);
    let stem = *pick(rng, STEMS);
    let suffix = *pick(rng, suffixes);
    let comma = if matches!(designator, "Corporation" | "Trust") {
        ""
    } else {
        ","
    };
    let name = format!("{stem} {suffix}{comma} {designator}");
    let article = if state.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    Party {
        name,
        described: format!("{article} {state} {kind}"),
    }
}

pub fn landlord(rng: &mut impl Rng) -> Party {
    company(rng, LANDLORD_SUFFIXES)
}

/// A tenant whose name differs from the landlord's.
pub fn tenant(rng: &mut impl Rng, landlord: &Party) -> Party {
    loop {
        let t = company(rng, TENANT_SUFFIXES);
        if t.name.split(' ').next() != landlord.name.split(' ').next() {
            return t;
        }
    }
}

/// An individual (guarantors, signers, notice contacts).
pub fn person(rng: &mut impl Rng) -> String {
    format!("{} {}", pick(rng, FIRST), pick(rng, LAST))
}

/// A street address without the city: "1450 Commerce Drive".
pub fn street(rng: &mut impl Rng) -> String {
    format!("{} {}", rng.random_range(100..9900), pick(rng, STREETS))
}

pub fn city(rng: &mut impl Rng) -> (&'static str, &'static str) {
    *pick(rng, CITIES)
}

/// A project name for the building or center: "Copperleaf Corporate Center".
pub fn project(rng: &mut impl Rng, kind_word: &str) -> String {
    format!("{} {kind_word}", pick(rng, STEMS))
}

pub fn zip(rng: &mut impl Rng) -> String {
    format!("{:05}", rng.random_range(10_000..99_000))
}

pub fn one_of(rng: &mut impl Rng, items: &[&'static str]) -> &'static str {
    items.choose(rng).copied().unwrap_or_default()
}

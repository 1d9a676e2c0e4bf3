//! Party finders: the preamble ("between X, a Delaware limited liability company
//! ("Landlord"), and Y ("Tenant")"), and the normalization of an entity name as written
//! (descriptors such as ", a Delaware corporation" dropped, "Inc." kept).

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A party named in the document, with the role its defined name gives it (if any).
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub name: String,
    /// The defined name the document gives it ("Landlord", "Company", "EMPLOYEE").
    pub role: Option<String>,
    /// Byte range of the name in the searched text.
    pub span: Range<usize>,
}

/// Where a party's description stops and its name ends.
static DESCRIPTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(?:,?\s+(?:an?|the)\s+(?:[A-Z][a-z]+\s+){0,3}(?:limited|general|corporation|company|professional|individual|partnership|municipal|public|private|non-?profit|not-for-profit|business|political|state|national|banking|federal|statutory|joint|married|single|sole|trust|association|organized|existing|duly|delaware|nevada|california|new|texas|florida|resident|wholly|citizen|member)|,\s*(?:individuals?|husband|wife|as\s|having|with\s+(?:its|an)|whose|located|organized|existing|incorporated\s+(?:under|in)|formed|doing\s+business|its\s+successors|on\s+behalf|together\s+with|divisions|residing|an?\s+individual|M\.\s?D\.|Ph\.\s?D\.|Esq\.)|,?\s+(?:and(?:/or)?\s+its\s|including\s+its\s|d/?b/?a\s|dba\s|f/k/a\s|formerly\s)|\s+\(|\s*\[|\s+referred\s+to|\s+hereinafter|\s+\u{201c}|\s+"|,\s*$|\s+of\s+\d)"#,
    )
    .expect("valid regex")
});

/// A quoted defined name inside parentheses: `("Landlord")`, `(the "Company")`,
/// `(hereinafter referred to as "Tenant")`, a bare `referred to as "lessor,"`, or `as
/// "Lessor"` after the party's description.
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(?:\(([^()]{0,80}?)[\u{201c}\u{201d}"'`]{1,2}([A-Za-z][A-Za-z .&-]{0,40}?)[,.]?[\u{201c}\u{201d}"'`]{1,2}[^()]{0,40}\)|(?:referred\s+to\s+(?:herein\s+)?as|hereinafter\s+(?:called|designated))\s+(?:the\s+)?[\u{201c}\u{201d}"'`]{1,2}([A-Za-z][A-Za-z .&-]{0,40}?)[,.]?[\u{201c}\u{201d}"'`]{1,2}|\(\s*(?:the\s+)?([A-Z][A-Za-z]{2,30})\s*\)|,?\s+as\s+(?:the\s+)?[\u{201c}\u{201d}"]([A-Za-z][A-Za-z .&-]{0,40}?)[,.]?[\u{201c}\u{201d}"])"#)
        .expect("valid regex")
});

static BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:by\s+and\s+)?(?:between|among)\s*:?\s+|\bPARTIES\s*:\s*")
        .expect("valid regex")
});

/// The parties named by the first "between ... and ..." passage (or a "PARTIES:" block) within
/// the opening `window` bytes of `text`.
pub fn preamble_parties(text: &str, window: usize) -> Vec<Party> {
    let head_end = opening_end(text, window);
    let head = &text[..head_end];
    for m in BETWEEN.find_iter(head) {
        let start = m.end();
        let end = preamble_end(text, start);
        let parties = split_parties(text, start..end);
        if parties.len() >= 2 {
            return parties;
        }
    }
    // Openings without "between": "made as of June 1, 2020 by X ("Landlord") and Y ("Tenant")".
    for m in MADE_BY.find_iter(head) {
        let start = m.end();
        let parties = split_parties(text, start..preamble_end(text, start));
        if parties.len() >= 2 && parties.iter().all(|p| p.role.is_some()) {
            return parties;
        }
    }
    // Or a paragraph that opens with the first party: "X ("Landlord") and Y ("Tenant") enter
    // into this Lease".
    let mut start = 0;
    for line in head.split_inclusive('\n') {
        // The opening sentence wraps onto the next lines of a PDF's text; a title line in
        // capitals ("LEASE") or a summary line ("Owner: Acme LLC") opens no sentence.
        let range = start..preamble_end(text, start);
        start += line.len();
        if !line.chars().any(char::is_lowercase) || line.contains(':') {
            continue;
        }
        // "On 14 August 2019, X ("Lessor") and Y ("Lessee") entered into this Lease": a
        // date may open the paragraph before the first party.
        let opening = DATED_OPENING
            .find(&text[range.clone()])
            .map_or(range.start, |m| range.start + m.end());
        let parties = split_parties(text, opening..range.end);
        // The parties of one sentence: no summary label ("Share:", "Term:") between them.
        let prose = parties
            .last()
            .is_some_and(|last| !text[range.start..last.span.start].contains(':'));
        if parties.len() >= 2
            && parties.iter().all(|p| p.role.is_some())
            && parties[0].span.start <= opening + 2
            && prose
        {
            return parties;
        }
    }
    vec![]
}

/// Where the opening `window` bytes of prose end: a table of contents (lines with dot leaders
/// or ending in a page number after a run of dots) is skipped in the count, so a long contents
/// page does not push the preamble out of reach.
fn opening_end(text: &str, window: usize) -> usize {
    let mut prose = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if !line.contains("....") && !line.contains(". . . .") {
            prose += line.len();
        }
        at += line.len();
        if prose >= window {
            return floor_char_boundary(text, (at - (prose - window)).min(text.len()));
        }
    }
    text.len()
}

static DATED_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:on|as\s+of|effective(?:\s+as\s+of)?)\s+[^\n]{4,40}?\d{4}\s*,\s*")
        .expect("valid regex")
});

static MADE_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:entered\s+into|made|executed|dated)\b[^.\n]{0,120}?\bby\s+")
        .expect("valid regex")
});

/// The preamble runs to the recitals, "WITNESSETH", or the end of its sentence.
fn preamble_end(text: &str, start: usize) -> usize {
    static END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)W\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H|\bRECITALS\b|\bWHEREAS\b|\.[\u{201d}"']?\s*\n\s*\n|[a-z)\u{201d}"]{2}\.\s+(?:The|This|In|Now|For|Each)\s|\bagree\s+as\s+follows"#)
            .expect("valid regex")
    });
    let limit = floor_char_boundary(text, (start + 1500).min(text.len()));
    END.find(&text[start..limit]).map_or(limit, |m| {
        // End just past the sentence's period when the match has one, else where it starts.
        start
            + m.as_str()
                .find('.')
                .map_or(m.start(), |i| m.start() + i + 1)
    })
}

fn split_parties(text: &str, range: Range<usize>) -> Vec<Party> {
    let seg = &text[range.clone()];
    let roles: Vec<regex::Captures> = ROLE.captures_iter(seg).collect();
    let mut parties = Vec::new();
    let mut chunk_start = 0;
    for c in &roles {
        let Some(whole) = c.get(0) else { continue };
        let role = c
            .get(2)
            .or(c.get(3))
            .or(c.get(4))
            .or(c.get(5))
            .map(|m| m.as_str().trim().to_string());
        if role.as_deref().is_some_and(is_not_a_role) {
            continue;
        }
        if let Some(p) = party_from_chunk(
            text,
            range.start + chunk_start,
            range.start + whole.start(),
            role,
        ) {
            parties.push(p);
        }
        chunk_start = whole.end();
    }
    if parties.len() < 2 {
        // No defined names: "between X and Y".
        parties.clear();
        let cut = seg.find(" and ").or_else(|| seg.find("\nand\n"));
        if let Some(cut) = cut {
            let end_second = cut + 5 + clause_end(&seg[cut + 5..]);
            for (a, b) in [(0, cut), (cut + 5, end_second)] {
                if let Some(p) = party_from_chunk(text, range.start + a, range.start + b, None) {
                    parties.push(p);
                }
            }
        }
    }
    parties
}

/// Where the clause that opens `text` ends: at a semicolon, a line break or a period that is not
/// an initial's or an abbreviation's ("R. J. Smith", "Acme Co. Ltd."); a company suffix keeps
/// its period.
fn clause_end(text: &str) -> usize {
    for (i, c) in text.char_indices() {
        match c {
            ';' | '\n' => return i,
            '.' => {
                let word = text[..i]
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or("");
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                let abbreviation = [
                    "Co", "Inc", "Corp", "Ltd", "St", "Mr", "Ms", "Dr", "Jr", "Sr",
                ]
                .contains(&word.trim_start_matches(|c: char| !c.is_alphanumeric()));
                let followed = text[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_whitespace());
                if !initial && !followed {
                    return if abbreviation { i + 1 } else { i };
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// Defined names in a preamble that are not a party's role ("Effective Date", "Agreement").
fn is_not_a_role(role: &str) -> bool {
    let r = role.to_lowercase();
    [
        "agreement",
        "lease",
        "date",
        "effective",
        "contract",
        "amendment",
        "nda",
    ]
    .iter()
    .any(|w| r.contains(w))
}

static PREVIOUS_DESCRIPTOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^an?\s+[^()]{0,120}?,\s*and\s+").expect("valid regex"));

fn party_from_chunk(text: &str, start: usize, end: usize, role: Option<String>) -> Option<Party> {
    let chunk = &text[start..end];
    // Skip the joiner left from the previous party: ", and", "and", ";".
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s,;:.]*(?:and\s+|between\s+)?(?:the\s+undersigned\s*,?\s*)?")
            .expect("valid regex")
    });
    // A defined name the role pattern did not take ("... the “Company”) and") ends before
    // the next party; an aside without a quoted name ("(or assigns)") belongs to this one.
    static QUOTED_CLOSE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"[\u{201c}\u{201d}"'’]\s*\)"#).expect("valid regex"));
    let skip = QUOTED_CLOSE.find_iter(chunk).last().map_or(0, |m| m.end());
    let chunk = &chunk[skip..];
    let start = start + skip;
    let mut lead = LEAD.find(chunk).map_or(0, |m| m.end());
    // A role defined before the description ("X ("Landlord"), a Nevada corporation, and Y")
    // leaves that description at the head of the next party's chunk: Y starts after its "and".
    if let Some(descriptor) = PREVIOUS_DESCRIPTOR.find(&chunk[lead..]) {
        lead += descriptor.end();
    }
    let body = &chunk[lead..];
    let name_end = DESCRIPTOR.find(body).map_or(body.len(), |m| m.start());
    let raw = &body[..name_end];
    let name = clean_name(raw)?;
    let offset = start + lead + raw.find(|c: char| !c.is_whitespace()).unwrap_or(0);
    Some(Party {
        span: offset..offset + raw.trim().len(),
        name,
        role,
    })
}

/// An entity name as written with whitespace collapsed and surrounding punctuation removed;
/// `None` when nothing name-like is left.
pub fn clean_name(raw: &str) -> Option<String> {
    let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut name = collapsed
        .trim_matches(|c: char| {
            c == ','
                || c == ';'
                || c == ':'
                || c.is_whitespace()
                || c == '"'
                || c == '\u{201c}'
                || c == '\u{201d}'
        })
        .to_string();
    if name.ends_with('.') && !ends_with_abbreviation(&name) {
        name.pop();
    }
    // "on the one hand, and X" joins two parties; the name is X.
    for lead in ["on the one hand and ", "on the one hand, and ", "and "] {
        if name.to_lowercase().starts_with(lead) {
            name = name[lead.len()..].to_string();
        }
    }
    is_plausible_name(&name).then_some(name)
}

/// A name starts with a capital or digit, is a few words long, and does not read as a clause
/// ("relating to your separation") or as a bare role noun ("the Company", "Employee").
fn is_plausible_name(name: &str) -> bool {
    const CLAUSE_WORDS: [&str; 16] = [
        "to",
        "is",
        "are",
        "be",
        "you",
        "your",
        "we",
        "which",
        "shall",
        "will",
        "hereto",
        "hereinafter",
        "set",
        "that",
        "this",
        "any",
    ];
    const ROLE_NOUNS: [&str; 16] = [
        "company",
        "employee",
        "executive",
        "buyer",
        "seller",
        "you",
        "recipient",
        "consultant",
        "purchaser",
        "party",
        "parties",
        "me",
        "myself",
        "corporation",
        "discloser",
        "bank",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let starts_well = name
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let bare: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| w != "the")
        .collect();
    let role_only = bare.len() == 1 && ROLE_NOUNS.contains(&bare[0].as_str());
    let clause = bare.iter().any(|w| CLAUSE_WORDS.contains(&w.as_str()));
    letters >= 2 && starts_well && words.len() <= 9 && name.len() <= 100 && !role_only && !clause
}

fn ends_with_abbreviation(name: &str) -> bool {
    let last = name
        .trim_end_matches('.')
        .rsplit([' ', ','])
        .next()
        .unwrap_or("");
    last.len() <= 3 || last.contains('.') || matches!(last, "Inc" | "Corp" | "Ltd" | "Bros")
}

/// Parties introduced by a defined name in the opening rather than by a "between ... and ..."
/// preamble: `As an employee of Acme Corp. (the "Company")`, `Beta LLC ("Buyer") has requested`.
pub fn defined_parties(text: &str, window: usize) -> Vec<Party> {
    let head = &text[..floor_char_boundary(text, window.min(text.len()))];
    let mut out: Vec<Party> = Vec::new();
    let mut previous_end = 0;
    for c in ROLE.captures_iter(head) {
        let (Some(whole), Some(role)) = (c.get(0), c.get(2).or(c.get(3)).or(c.get(4))) else {
            continue;
        };
        // The name a definition names lies after the definition before it.
        let after_previous = std::mem::replace(&mut previous_end, whole.end());
        let role = role.as_str().trim();
        if is_not_a_role(role) || !is_party_role(role) {
            continue;
        }
        let from = floor_char_boundary(text, whole.start().saturating_sub(160)).max(after_previous);
        if let Some(p) = name_before(text, from..whole.start(), Some(role.to_string())) {
            out.push(p);
        }
    }
    out
}

/// Defined names that stand for a thing or a group rather than a party.
fn is_party_role(role: &str) -> bool {
    const NOT_PARTIES: [&str; 16] = [
        "party",
        "parties",
        "transaction",
        "information",
        "material",
        "representative",
        "board",
        "affiliate",
        "purpose",
        "proposal",
        "business",
        "securities",
        "shares",
        "plan",
        "period",
        "term",
    ];
    let r = role.to_lowercase();
    !NOT_PARTIES
        .iter()
        .any(|w| r == *w || r.ends_with(&format!(" {w}")) || r.ends_with(&format!("{w}s")))
}

/// The name that ends just before `range.end`: descriptors (", a Delaware corporation", "and its
/// subsidiaries") dropped, then the longest run of capitalized words, suffixes and connectors.
fn name_before(text: &str, range: Range<usize>, role: Option<String>) -> Option<Party> {
    static BOUNDARY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:,\s*|\s+)(?:an?\s|its\s|their\s|together\s|including\s|collectively\s|and\s+its\s|and\s+their\s|on\s+behalf|acting\s|whose\s|with\s+(?:its|an?)\s|having\s|located\s|residing\s|who\s|\(f/k/a|d/b/a|formerly\s)|,\s*$")
            .expect("valid regex")
    });
    let before = &text[range.clone()];
    let cut = BOUNDARY
        .find_iter(before)
        .map(|m| m.start())
        .find(|&i| trailing_name_start(&before[..i]).is_some())
        .unwrap_or(before.len());
    let head = &before[..cut];
    let start = trailing_name_start(head)?;
    let name = clean_name(&head[start..]).filter(|n| names_an_entity(n))?;
    let offset = range.start + start;
    Some(Party {
        span: offset..offset + head[start..].trim_end().len(),
        name,
        role,
    })
}

/// Where the run of name words that ends `text` starts: capitalized words, numbers, company
/// suffixes, and "&", "and", "of" between them.
fn trailing_name_start(text: &str) -> Option<usize> {
    const CONNECTORS: [&str; 7] = ["&", "and", "of", "de", "du", "la", "von"];
    const OPENERS: [&str; 14] = [
        "This",
        "THIS",
        "As",
        "In",
        "By",
        "Between",
        "BETWEEN",
        "Among",
        "AMONG",
        "Dear",
        "To",
        "Re",
        "Agreement",
        "AGREEMENT",
    ];
    let mut start = None;
    for (words, (at, word)) in words_at(text).into_iter().rev().enumerate() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        let capital = bare
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let joins = CONNECTORS.contains(&bare);
        // A word that closes an earlier sentence or clause is not part of the name.
        let unpunctuated = word.trim_end_matches(',');
        // A date's year ("on May 2, 2022, Acme LLC") ends the clause before the name.
        let year = bare.len() == 4 && bare.chars().all(|c| c.is_ascii_digit());
        let closes = words > 0
            && (unpunctuated.ends_with([')', ';', '"', '\u{201d}'])
                || (year && word.ends_with(','))
                || word.starts_with(['(', '"', '\u{201c}'])
                || (word.ends_with('.') && !ends_with_abbreviation(word)));
        if words >= 9
            || closes
            || OPENERS.contains(&bare)
            || word.ends_with(':')
            || !(capital || joins)
        {
            break;
        }
        if capital {
            start = Some(at);
        }
    }
    start
}

/// The whitespace-separated words of `text` with their byte offsets.
fn words_at(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// A letter agreement's addressee: the first line after the letter's date that an address line
/// follows ("Beta Holdings LLC" over "100 Main Street"), or that carries a company suffix.
pub fn letter_parties(text: &str, window: usize) -> Vec<Party> {
    static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\s*,\s*\d{4}\s*$")
            .expect("valid regex")
    });
    static SKIP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:via|by\s|attn|attention|private|confidential|strictly|personal|re:|to:|(?:mr|ms|mrs|dr)\.?\s|c/o|\[|\()")
            .expect("valid regex")
    });
    let head = &text[..floor_char_boundary(text, window.min(text.len()))];
    let Some(date) = DATE_LINE.find(head) else {
        return vec![];
    };
    let mut at = date.end();
    let lines: Vec<&str> = head[at..].split('\n').take(8).collect();
    for (i, line) in lines.iter().enumerate() {
        let start = at;
        at += line.len() + 1;
        let l = line.trim();
        if l.is_empty() || SKIP.is_match(l) {
            continue;
        }
        let next = lines.get(i + 1).map_or("", |n| n.trim());
        let addressed = next.starts_with(|c: char| c.is_ascii_digit())
            || next.to_lowercase().starts_with("c/o")
            || next.to_lowercase().starts_with("p.o.");
        if !(addressed || has_company_suffix(l)) {
            break;
        }
        return clean_name(l)
            .filter(|n| names_an_entity(n))
            .map(|name| Party {
                span: start + (line.len() - line.trim_start().len())..start + line.trim_end().len(),
                name,
                role: None,
            })
            .into_iter()
            .collect();
    }
    vec![]
}

/// The signature blocks' parties: a company named over a "By:" line, and a person who signs in
/// their own name ("/s/ Jane Roe" with no "By:").
pub fn signature_parties(text: &str, window: usize) -> Vec<Party> {
    static BY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^\s*by\b\s*:?").expect("valid regex"));
    static SIGNED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*/\s?s/\s*(\S.*?)\s*$").expect("valid regex"));
    let from = floor_char_boundary(text, text.len().saturating_sub(window));
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = from;
    for line in text[from..].split(['\n', '\u{c}']) {
        if !line.trim().is_empty() {
            lines.push((at, line));
        }
        at += line.len() + 1;
    }
    let mut out: Vec<Party> = Vec::new();
    for (i, &(start, line)) in lines.iter().enumerate() {
        let found: Vec<Party> = if BY.is_match(line) {
            lines[i.saturating_sub(2)..i]
                .iter()
                .rev()
                .find_map(|&(s, l)| {
                    let l = l.trim().trim_end_matches(':');
                    (has_company_suffix(l) && !BY.is_match(l)).then_some((s, l))
                })
                .map(|(s, l)| {
                    // Blocks side by side share a line: "ACME INC. BETA LLC".
                    split_companies(l)
                        .into_iter()
                        .filter_map(|name| signature_party(text, s, name))
                        .collect()
                })
                .unwrap_or_default()
        } else if let Some(c) = SIGNED.captures(line) {
            let by_above = i > 0 && BY.is_match(lines[i - 1].1) && lines[i - 1].1.trim().len() <= 4;
            c.get(1)
                .filter(|m| !by_above && is_person_name(m.as_str()))
                .and_then(|m| signature_party(text, start + m.start(), m.as_str()))
                .into_iter()
                .collect()
        } else {
            vec![]
        };
        for p in found {
            if !out.iter().any(|o| o.name.eq_ignore_ascii_case(&p.name)) {
                out.push(p);
            }
        }
    }
    out
}

/// The company names on one line, each ending at its company form.
fn split_companies(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let words = words_at(line);
    for (k, &(at, word)) in words.iter().enumerate() {
        let next_is_form = words
            .get(k + 1)
            .is_some_and(|&(_, w)| has_company_suffix(w));
        if has_company_suffix(word) && !next_is_form && k + 1 < words.len() {
            out.push(line[start..at + word.len()].trim());
            start = at + word.len();
        }
    }
    let rest = line[start..].trim();
    if !rest.is_empty() && (out.is_empty() || has_company_suffix(rest)) {
        out.push(rest);
    }
    out.retain(|n| !n.is_empty());
    out
}

fn signature_party(text: &str, start: usize, name: &str) -> Option<Party> {
    let at = text[start..].find(name).map_or(start, |i| start + i);
    let name = DESCRIPTOR.find(name).map_or(name, |m| &name[..m.start()]);
    clean_name(name)
        .filter(|n| names_an_entity(n))
        .map(|n| Party {
            span: at..at + name.len(),
            name: n,
            role: None,
        })
}

/// Two to four capitalized words without a company form: "Jane Q. Roe".
fn is_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && !has_company_suffix(name)
        && !name.contains([':', '/', '(', ')'])
}

/// Whether a name found outside a preamble reads as a company's or a person's: not an address,
/// a date, a state, or a generic noun ("Company Representatives", "Board of Directors").
pub fn names_an_entity(name: &str) -> bool {
    const GENERIC: [&str; 20] = [
        "representatives",
        "representative",
        "information",
        "personnel",
        "address",
        "undersigned",
        "board",
        "directors",
        "employer",
        "employee",
        "distributor",
        "party",
        "parties",
        "agreement",
        "exhibit",
        "schedule",
        "whereas",
        "record",
        "country",
        "company",
    ];
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let digits = name.chars().filter(char::is_ascii_digit).count();
    let starts_with_digit = name.starts_with(|c: char| c.is_ascii_digit());
    let dated = !crate::fields::patterns::dates(name).is_empty();
    let state = crate::fields::patterns::states(name)
        .first()
        .is_some_and(|f| f.span.len() + 2 >= name.len());
    let generic = words
        .iter()
        .any(|w| GENERIC.contains(&w.as_str()) && w != "company")
        || words
            .iter()
            .all(|w| GENERIC.contains(&w.as_str()) || w == "the" || w == "and");
    let placeholder = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c == 'X' || c == 'x');
    !(starts_with_digit || digits >= 4 || dated || state || generic || placeholder)
}

/// Whether a name ends in (or holds) a company form: "Inc.", "LLC", "Corporation", "plc".
pub fn has_company_suffix(name: &str) -> bool {
    const FORMS: [&str; 22] = [
        "inc",
        "incorporated",
        "llc",
        "l.l.c",
        "corporation",
        "corp",
        "company",
        "co",
        "ltd",
        "limited",
        "lp",
        "l.p",
        "llp",
        "plc",
        "ag",
        "n.a",
        "s.a",
        "gmbh",
        "bancorp",
        "bank",
        "trust",
        "partners",
    ];
    name.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .any(|w| FORMS.contains(&w.as_str()))
}

/// The role a defined name gives a lease party; a role word with one letter misread by OCR
/// ("Landiord", "Tenaut") still names its role.
pub fn lease_role(role: &str) -> Option<&'static str> {
    let r = role.to_lowercase();
    let names = |targets: &[&str]| {
        r.split(|c: char| !c.is_alphabetic()).any(|w| {
            targets
                .iter()
                .any(|t| crate::fields::fuzzy::is_misread(w, t))
        })
    };
    if r.contains("landlord") || r.contains("lessor") || r == "owner" {
        Some("landlord")
    } else if r.contains("tenant") || r.contains("lessee") {
        Some("tenant")
    } else if r.contains("guarant") {
        Some("guarantor")
    } else if names(&["landlord", "lessor"]) {
        Some("landlord")
    } else if names(&["tenant", "lessee"]) {
        Some("tenant")
    } else {
        None
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        preamble_parties(text, 4000)
            .into_iter()
            .map(|p| (p.name, p.role))
            .collect()
    }

    #[test]
    fn defined_roles_and_descriptors() {
        let t = "THIS LEASE is made as of May 1, 2020, by and between Acme Holdings, LLC, a Delaware limited liability company (\u{201c}Landlord\u{201d}), and Widget Works, Inc., a Texas corporation (\u{201c}Tenant\u{201d}). The parties agree.";
        assert_eq!(
            names(t),
            vec![
                ("Acme Holdings, LLC".into(), Some("Landlord".into())),
                ("Widget Works, Inc.".into(), Some("Tenant".into()))
            ]
        );
    }

    #[test]
    fn referred_to_as_and_individuals() {
        let t = "This lease agreement was entered into on January 1, 2008, between Jane Roe, an individual under the laws of the State of Ohio, referred to as \"lessor,\" and Blue Fish Corp., a corporation organized under the laws of Ohio, referred to as \"lessee.\"";
        let got = names(t);
        assert_eq!(got[0].0, "Jane Roe");
        assert_eq!(got[0].1.as_deref(), Some("lessor"));
        assert_eq!(got[1].0, "Blue Fish Corp.");
        let t2 = "is made by and between John Doe and Mary Doe, individuals (together, the \u{201c}Landlord\u{201d}) and Sun Power III, LLC, a North Carolina limited liability company (the \u{201c}Tenant\u{201d}).";
        let got = names(t2);
        assert_eq!(got[0].0, "John Doe and Mary Doe");
        assert_eq!(got[1].0, "Sun Power III, LLC");
    }

    #[test]
    fn a_contents_page_does_not_hide_the_preamble_and_a_misread_role_still_counts() {
        let contents: String = (1..=60)
            .map(|i| format!("{i}. Article {i} {}{i}\n", ".".repeat(90)))
            .collect();
        let t = format!(
            "LEASE AGREEMENT\nBETWEEN:\nACME HOLDNGS LLC, LANDLORD\nAND\nBLUE FISH LLC, TENANT\n{contents}This Lease is made by and between Acme Holdings, LLC, having an address of (Landiord), and Blue Fish LLC, a Delaware company (\u{201c}Tenant\u{201d}).\n"
        );
        assert!(t.find("by and between").is_some_and(|i| i > 6000));
        let got = preamble_parties(&t, 6000);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].name, "Acme Holdings, LLC");
        assert_eq!(
            got[0].role.as_deref().and_then(lease_role),
            Some("landlord")
        );
        assert_eq!(got[1].role.as_deref().and_then(lease_role), Some("tenant"));
    }

    #[test]
    fn an_aside_and_a_stray_period_do_not_hide_a_party() {
        let t = "made this 13th day of February, 2023, by and between Acme Farms, LLC, a Limited Liability Company, having an address of (Landlord). and Blue Sky Energy LLC (or assigns). a Delaware corporation, having a principal place of business at 12 Main Street (\u{201c}Tenant\u{201d}).\nLandlord and Tenant are referred to as the parties.";
        assert_eq!(
            names(t),
            vec![
                ("Acme Farms, LLC".into(), Some("Landlord".into())),
                ("Blue Sky Energy LLC".into(), Some("Tenant".into()))
            ]
        );
    }

    #[test]
    fn a_dated_opening_and_roles_named_with_as() {
        let t = "On 14 August 2019, Granite Point Associates, LLP, a California limited liability partnership (the \"Lessor\"), and Beacon Hill Labs, Inc., a Delaware corporation (the \"Lessee\"), entered into this Lease.\n";
        assert_eq!(
            names(t),
            vec![
                (
                    "Granite Point Associates, LLP".into(),
                    Some("Lessor".into())
                ),
                ("Beacon Hill Labs, Inc.".into(), Some("Lessee".into()))
            ]
        );
        let t = "THIS OFFICE LEASE is made on the 21st day of August, 2018, between Juniper Commercial REIT, P.C., a Delaware professional corporation, as \"Lessor\", and Copperleaf Design Studio, P.C., a Colorado professional corporation, as \"Lessee\".";
        assert_eq!(
            names(t),
            vec![
                (
                    "Juniper Commercial REIT, P.C.".into(),
                    Some("Lessor".into())
                ),
                (
                    "Copperleaf Design Studio, P.C.".into(),
                    Some("Lessee".into())
                )
            ]
        );
    }

    #[test]
    fn initials_do_not_end_a_plain_preamble() {
        let t = "This Agreement is made this 6th of May, 1999 by and between Quill Net Works and R. J. Stone Enterprises. Collectively the parties agree.";
        let got = names(t);
        assert_eq!(got[0].0, "Quill Net Works");
        assert_eq!(got[1].0, "R. J. Stone Enterprises");
    }

    #[test]
    fn side_by_side_signature_blocks_split_at_company_forms() {
        assert_eq!(
            split_companies("PINE THERAPEUTICS, INC. OAK SCIENCES, INC."),
            vec!["PINE THERAPEUTICS, INC.", "OAK SCIENCES, INC."]
        );
        assert_eq!(
            split_companies("Acme Holdings Co. Ltd."),
            vec!["Acme Holdings Co. Ltd."]
        );
        assert!(!names_an_entity("4690 Mill Road, Belcamp"));
        assert!(!names_an_entity("Company Representatives"));
        assert!(names_an_entity("Sterling Mining Company"));
    }

    #[test]
    fn openings_without_between() {
        let t = "THIS LEASE is entered into on May 1, 2020, by Acme Holdings, LLC, a Delaware limited liability company, as landlord (\"Landlord\"), and Widget Works, Inc., a Texas corporation, as tenant (\"Tenant\").";
        let got = names(t);
        assert_eq!(
            got[0],
            ("Acme Holdings, LLC".into(), Some("Landlord".into()))
        );
        assert_eq!(got[1].0, "Widget Works, Inc.");
        let t2 = "LEASE\nAcme Holdings, LLC, a Delaware limited liability company (\"Lessor\"), and Widget Works, Inc., a Texas corporation (\"Lessee\"), enter into this Lease as of May 1, 2020.";
        let got = names(t2);
        assert_eq!(got[0], ("Acme Holdings, LLC".into(), Some("Lessor".into())));
        assert_eq!(got[1].0, "Widget Works, Inc.");
    }

    #[test]
    fn a_wrapped_dated_opening_and_roles_before_descriptions() {
        let t = "OFFICE LEASE\nOn the 3rd day of March, 2021, Harbor Lane Owner, LLC, a Maine limited liability company (the \"Landlord\"), and\nQuill Studio, Inc., an Oregon corporation (the \"Tenant\"), entered into this Lease.\nRECITALS\n";
        assert_eq!(
            names(t),
            vec![
                ("Harbor Lane Owner, LLC".into(), Some("Landlord".into())),
                ("Quill Studio, Inc.".into(), Some("Tenant".into()))
            ]
        );
        let t = "Tenant's Proportionate\n50%\nShare:\nTerm: six (6) years\nOFFICE LEASE\nOn 2 May 2022, Harbor Lane Owner, LLC, a Maine limited liability company (the \"Landlord\"), and Quill Studio, Inc. (the \"Tenant\"), entered into this Lease.\n";
        assert_eq!(names(t)[0].0, "Harbor Lane Owner, LLC");
        let t = "SUMMARY\nOwner: Harbor Lane Owner, LLC, a Maine limited liability company\nTenant: Quill Studio, Inc.\nLEASE\nOn 2 May 2022, Harbor Lane Owner, LLC, a Maine limited liability company (the \"Landlord\"), and Quill\nStudio, Inc., an Oregon corporation (the \"Tenant\"), entered into this Lease.\n";
        assert_eq!(names(t)[0].0, "Harbor Lane Owner, LLC");
        let t = "THIS LEASE is signed on 2 May 2022 between Harbor Lane Owner, LLC (\"Lessor\"), a Maine limited liability\ncompany, and Quill Studio, Inc. (\"Lessee\"), an Oregon corporation.\n";
        assert_eq!(
            names(t),
            vec![
                ("Harbor Lane Owner, LLC".into(), Some("Lessor".into())),
                ("Quill Studio, Inc.".into(), Some("Lessee".into()))
            ]
        );
        let t = "THIS LEASE, made this 4 June 2025, by and between Harbor Lane Owner, LLC, a Maine limited\nliability company, hereinafter called \"Landlord,\" and Quill Studio, Inc., an Oregon corporation, hereinafter called \"Tenant.\"\n";
        assert_eq!(
            names(t),
            vec![
                ("Harbor Lane Owner, LLC".into(), Some("Landlord".into())),
                ("Quill Studio, Inc.".into(), Some("Tenant".into()))
            ]
        );
    }

    #[test]
    fn plain_between_and() {
        let t = "This Agreement is entered into between Alpha Corp. and Beta Partners LP.\n\nThe parties";
        let got = names(t);
        assert_eq!(got[0].0, "Alpha Corp.");
        assert_eq!(got[1].0, "Beta Partners LP");
    }
}

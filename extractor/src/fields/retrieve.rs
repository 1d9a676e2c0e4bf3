//! Lexical retrieval: the document cut into passages (sentences and label lines) and ranked by
//! how many of a query's words they hold, weighted by how rare each word is in the document.

use std::collections::HashMap;
use std::ops::Range;

/// A sentence-sized passage of the document text.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    pub range: Range<usize>,
}

/// Cuts text into passages at sentence ends, semicolons, blank lines, page breaks and
/// enumerations such as "(f)".
pub fn passages(text: &str) -> Vec<Passage> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let end_here = match b {
            b'.' | b';' => {
                let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                let prev_is_abbrev = i >= 2
                    && bytes[i - 1].is_ascii_alphabetic()
                    && (i < 3 || !bytes[i - 2].is_ascii_alphabetic() || is_abbreviation(text, i));
                (next == b' ' || next == b'\n') && !prev_is_abbrev && !next_is_lowercase(text, i)
            }
            b'\n' => bytes.get(i + 1) == Some(&b'\n') || line_is_label(text, start, i),
            0x0c => true,
            _ => false,
        };
        if end_here {
            push(&mut out, text, start, i + 1);
            start = i + 1;
        }
        i += 1;
    }
    push(&mut out, text, start, text.len());
    out
}

fn push(out: &mut Vec<Passage>, text: &str, start: usize, end: usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if end - start > lead + trail {
        out.push(Passage {
            range: start + lead..end - trail,
        });
    }
}

fn next_is_lowercase(text: &str, i: usize) -> bool {
    text[i + 1..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase())
}

fn is_abbreviation(text: &str, dot: usize) -> bool {
    let word_start = text[..dot]
        .char_indices()
        .rfind(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &text[word_start..dot];
    matches!(
        word,
        "Inc"
            | "Co"
            | "Corp"
            | "Ltd"
            | "No"
            | "St"
            | "Ave"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Sq"
            | "Ft"
            | "P"
            | "C"
            | "L"
            | "N"
            | "S"
            | "E"
            | "W"
            | "U"
            | "A"
    )
}

/// A line that reads like a summary label ("(f) Commencement Date — December 9, 2019") ends
/// its passage even without a period; a short enumerated line whose sentence goes on in
/// lower case on the next line is only wrapped.
fn line_is_label(text: &str, start: usize, nl: usize) -> bool {
    let line_start = text[start..nl].rfind('\n').map_or(start, |i| start + i + 1);
    let line = text[line_start..nl].trim_start();
    let next = text[nl + 1..].trim_start();
    let wrapped = next.chars().next().is_some_and(char::is_lowercase);
    starts_enumerated(next) || starts_enumerated(line) && line.len() < 120 && !wrapped
}

fn starts_enumerated(s: &str) -> bool {
    let b = s.as_bytes();
    b.first() == Some(&b'(')
        && b.get(1).is_some_and(|c| c.is_ascii_alphanumeric())
        && (b.get(2) == Some(&b')') || b.get(3) == Some(&b')'))
}

/// Lower-cased word stems of `text`, the unit of matching.
pub fn stems(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(|w| {
            let w = w.to_lowercase();
            let stem: String = w.chars().take(6).collect();
            stem
        })
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

const STOP: [&str; 24] = [
    "the", "of", "and", "or", "to", "in", "a", "an", "as", "by", "for", "on", "at", "is", "be",
    "shall", "this", "that", "with", "from", "any", "such", "its", "are",
];

/// Ranks passages by the query's words they contain, each word weighted by its inverse
/// document frequency over passages.
pub struct Index<'t> {
    text: &'t str,
    passages: Vec<Passage>,
    terms: Vec<Vec<String>>,
    df: HashMap<String, usize>,
}

impl<'t> Index<'t> {
    pub fn new(text: &'t str) -> Self {
        let passages = passages(text);
        let terms: Vec<Vec<String>> = passages
            .iter()
            .map(|p| {
                let mut t = stems(&text[p.range.clone()]);
                t.sort();
                t.dedup();
                t
            })
            .collect();
        let mut df = HashMap::new();
        for t in &terms {
            for w in t {
                *df.entry(w.clone()).or_insert(0) += 1;
            }
        }
        Index {
            text,
            passages,
            terms,
            df,
        }
    }

    pub fn passages(&self) -> &[Passage] {
        &self.passages
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    fn idf(&self, w: &str) -> f64 {
        let n = self.passages.len() as f64;
        let df = self.df.get(w).copied().unwrap_or(0) as f64;
        ((n + 1.0) / (df + 1.0)).ln()
    }

    /// The `k` best passages for `query` with their scores normalized to 0..1 (share of the
    /// query's weight they cover), best first; passages with no query word are left out.
    pub fn search(&self, query: &str, k: usize) -> Vec<(usize, f64)> {
        let mut q = stems(query);
        q.sort();
        q.dedup();
        let total: f64 = q.iter().map(|w| self.idf(w)).sum();
        if total <= 0.0 {
            return vec![];
        }
        let mut scored: Vec<(usize, f64)> = self
            .terms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let s: f64 = q
                    .iter()
                    .filter(|w| t.binary_search(w).is_ok())
                    .map(|w| self.idf(w))
                    .sum();
                (s > 0.0).then_some((i, s / total))
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.truncate(k);
        scored
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage_texts(text: &str) -> Vec<&str> {
        passages(text)
            .iter()
            .map(|p| &text[p.range.clone()])
            .collect()
    }

    #[test]
    fn passages_split_sentences_not_abbreviations() {
        let text =
            "Tenant is Acme Co. of Ohio. The rent is $5.00 per foot; Rent is due monthly.\n\nNext";
        assert_eq!(
            passage_texts(text),
            vec![
                "Tenant is Acme Co. of Ohio.",
                "The rent is $5.00 per foot;",
                "Rent is due monthly.",
                "Next"
            ]
        );
    }

    #[test]
    fn an_enumerated_label_line_ends_its_passage_but_a_wrapped_sentence_does_not() {
        let text = "(f) Commencement Date: May 1, 2021\nThe Term is five years.\n(d) Tenant shall have the right to terminate this Lease if the Premises cannot be\nrestored within 270 days.\n";
        assert_eq!(
            passage_texts(text),
            vec![
                "(f) Commencement Date: May 1, 2021",
                "The Term is five years.",
                "(d) Tenant shall have the right to terminate this Lease if the Premises cannot be\nrestored within 270 days."
            ]
        );
    }

    #[test]
    fn search_prefers_rare_query_words() {
        let text = "The Lease is good. The Lease is long. This Lease shall be governed by the laws of Ohio. The Lease ends.";
        let index = Index::new(text);
        let best = index.search("governing law governed by the laws of the state", 1);
        assert_eq!(
            &text[index.passages()[best[0].0].range.clone()],
            "This Lease shall be governed by the laws of Ohio."
        );
    }
}

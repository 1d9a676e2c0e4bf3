//! Writes the generic span-training examples (ml-models' JSONL format) from labelled documents:
//! Kleister NDA `key=value` lines and lease gold quotes, each value located in its text and
//! wrapped in a passage the size the model reads. Examples whose value cannot be found in the
//! text are left out rather than guessed.

use crate::ml::locate;
use ml_models::train::data::Answer;
pub use ml_models::train::data::{Example, fold_of};

/// Passage length in bytes: about 220 word-piece tokens of English prose, which leaves room for
/// the question inside the model's 256 tokens.
pub const PASSAGE_BYTES: usize = 900;

/// The question asked of each Kleister NDA key.
pub fn kleister_question(key: &str) -> Option<&'static str> {
    Some(match key {
        "party" => "Who is a party to the agreement?",
        "jurisdiction" => "Which state's law governs the agreement?",
        "effective_date" => "What is the effective date of the agreement?",
        "term" => "How long is the term of the agreement?",
        _ => return None,
    })
}

/// The question asked for a lease field, from its schema name.
pub fn lease_question(field: &str) -> String {
    match field {
        "landlord" => "Who is the landlord (lessor)?".into(),
        "tenant" => "Who is the tenant (lessee)?".into(),
        "governing_law" => "Which state's law governs the lease?".into(),
        "premises_address" => "What is the address of the premises?".into(),
        other => format!("What is the {} of the lease?", other.replace('_', " ")),
    }
}

/// Byte windows of about `PASSAGE_BYTES`, overlapping by half, cut at whitespace.
pub fn windows(text: &str) -> Vec<(usize, usize)> {
    let mut out = vec![];
    let mut start = 0;
    while start < text.len() {
        let end = cut_at_space(text, (start + PASSAGE_BYTES).min(text.len()));
        out.push((start, end));
        if end >= text.len() {
            break;
        }
        let next = cut_at_space(text, start + PASSAGE_BYTES / 2);
        start = if next > start { next } else { end };
    }
    out
}

/// The nearest whitespace at or after `at` (or the end), on a character boundary.
fn cut_at_space(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    text[i..]
        .find(char::is_whitespace)
        .map_or(text.len(), |off| i + off)
}

/// Examples for one key of one document: up to two passages holding located answers, and one
/// passage without any as the "no answer" case.
fn key_examples(
    group: &str,
    key: &str,
    question: &str,
    text: &str,
    found: &[(usize, usize)],
) -> Vec<Example> {
    let windows = windows(text);
    let mut out = vec![];
    let mut negatives = vec![];
    for (w, &(ws, we)) in windows.iter().enumerate() {
        let answers: Vec<Answer> = found
            .iter()
            .filter(|&&(s, e)| s >= ws && e <= we)
            .map(|&(s, e)| Answer {
                start: s - ws,
                end: e - ws,
                text: text[s..e].to_string(),
            })
            .collect();
        let touches = found.iter().any(|&(s, e)| s < we && e > ws);
        if !answers.is_empty() && out.len() < 2 {
            out.push(example(group, key, w, question, &text[ws..we], answers));
        } else if !touches {
            negatives.push(w);
        }
    }
    if !negatives.is_empty() {
        let w = negatives[fold_of(&format!("{group}/{key}"), negatives.len())];
        let (ws, we) = windows[w];
        out.push(example(group, key, w, question, &text[ws..we], vec![]));
    }
    out
}

fn example(
    group: &str,
    key: &str,
    window: usize,
    question: &str,
    context: &str,
    answers: Vec<Answer>,
) -> Example {
    Example {
        id: format!("{group}/{key}/{window}"),
        group: group.to_string(),
        question: question.to_string(),
        context: context.to_string(),
        answers,
    }
}

/// Examples from one Kleister NDA document: `text` is its `text_best` column (with `\n` escapes
/// already undone) and `expected` its line of `key=value` pairs.
pub fn kleister_examples(filename: &str, text: &str, expected: &str) -> Vec<Example> {
    let group = format!("kleister/{filename}");
    let mut out = vec![];
    for key in ["party", "jurisdiction", "effective_date", "term"] {
        let Some(question) = kleister_question(key) else {
            continue;
        };
        let values = expected
            .split_whitespace()
            .filter_map(|pair| pair.split_once('='))
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| v);
        let mut found: Vec<(usize, usize)> = values
            .flat_map(|v| match key {
                "effective_date" => locate::date(v, text),
                "term" => locate::duration(v, text),
                _ => locate::phrase(v, text),
            })
            .collect();
        found.sort();
        found.dedup();
        out.extend(key_examples(&group, key, question, text, &found));
    }
    out
}

/// Examples from one lease: `text` its text layer and `gold` its gold file. The answer is where
/// the gold value is written inside the gold quote; fields stated only as a formula are skipped,
/// and fields the lease does not state become "no answer" examples.
pub fn lease_examples(id: &str, text: &str, gold: &serde_json::Value) -> Vec<Example> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let group = format!("lease/{id}");
    let mut out = vec![];
    let Some(fields) = gold.get("fields").and_then(|f| f.as_object()) else {
        return out;
    };
    for (name, field) in fields {
        let question = lease_question(name);
        let value = field.get("value").unwrap_or(&serde_json::Value::Null);
        let quote = field.get("quote").and_then(|q| q.as_str());
        let found = match (value, quote) {
            (serde_json::Value::Null, None) => vec![],
            (serde_json::Value::Null, Some(_)) => continue,
            (value, Some(quote)) => match locate_in_quote(value, quote, &text) {
                Some(span) => vec![span],
                None => continue,
            },
            (_, None) => continue,
        };
        out.extend(key_examples(&group, name, &question, &text, &found));
    }
    out
}

/// Where `value` is written inside the first occurrence of `quote` in `text`.
fn locate_in_quote(value: &serde_json::Value, quote: &str, text: &str) -> Option<(usize, usize)> {
    let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = text.find(&quote)?;
    let inside = &text[at..at + quote.len()];
    let found = match value {
        serde_json::Value::String(s) if looks_like_iso_date(s) => locate::date(s, inside),
        serde_json::Value::String(s) => locate::phrase(s, inside),
        serde_json::Value::Number(n) => locate::phrase(&with_thousands(&n.to_string()), inside),
        serde_json::Value::Object(o) => {
            let amount = o.get("amount").and_then(|a| a.as_str())?;
            locate::phrase(&with_thousands(amount), inside)
        }
        _ => vec![],
    };
    found.first().map(|&(s, e)| (at + s, at + e))
}

fn looks_like_iso_date(s: &str) -> bool {
    s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-'
}

/// `12345.00` as `12,345.00` (how documents print amounts).
fn with_thousands(number: &str) -> String {
    let (int, frac) = number
        .split_once('.')
        .map_or((number, None), |(i, f)| (i, Some(f)));
    let digits: Vec<char> = int.chars().collect();
    let mut grouped = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(*c);
    }
    match frac {
        Some(f) => format!("{grouped}.{f}"),
        None => grouped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_the_text_at_spaces() {
        let text = "word ".repeat(600);
        let w = windows(&text);
        assert_eq!(w.first().map(|w| w.0), Some(0));
        assert_eq!(w.last().map(|w| w.1), Some(text.len()));
        assert!(w.iter().all(|&(s, e)| e - s <= PASSAGE_BYTES + 5 && s < e));
        assert!(w.windows(2).all(|p| p[1].0 < p[0].1), "windows overlap");
    }

    #[test]
    fn kleister_values_become_answer_spans_and_negatives() {
        let filler = "Nothing relevant is said here. ".repeat(60);
        let text = format!(
            "This Agreement between ACME Widgets, Inc. and Bob Smith is effective as of March 3, 2015. {filler} It is governed by the laws of the State of Delaware."
        );
        let expected = "effective_date=2015-03-03 jurisdiction=Delaware party=Acme_Widgets_Inc. party=Bob_Smith";
        let examples = kleister_examples("x.pdf", &text, expected);
        let party = examples
            .iter()
            .find(|e| e.question.contains("party") && !e.answers.is_empty())
            .unwrap();
        let answers: Vec<&str> = party.answers.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(answers, ["ACME Widgets, Inc.", "Bob Smith"]);
        for e in &examples {
            for a in &e.answers {
                assert_eq!(&e.context[a.start..a.end], a.text);
            }
        }
        assert!(
            examples
                .iter()
                .any(|e| e.id.contains("/term/") && e.answers.is_empty())
        );
        assert!(
            examples
                .iter()
                .any(|e| e.id.contains("jurisdiction") && e.answers[0].text == "Delaware")
        );
    }

    #[test]
    fn thousands() {
        assert_eq!(with_thousands("8000.00"), "8,000.00");
        assert_eq!(with_thousands("123"), "123");
        assert_eq!(with_thousands("1234567"), "1,234,567");
    }
}

//! Is a PDF text layer worth trusting? Scans often carry an invisible, badly recognized OCR
//! layer; such a page is better OCR'd again. Two checks: how many tokens look like words, and
//! how well the layer agrees with a quick OCR sample of the same page.

use crate::model::Word;
use std::collections::HashSet;

/// Below this share of word-like tokens a layer is garbage.
pub const MIN_WORDLIKE: f32 = 0.5;
/// Below this agreement with the OCR sample a layer is garbage.
pub const MIN_AGREEMENT: f32 = 0.5;

/// Share of tokens that look like words of a language or like numbers, dates and amounts.
/// There is no dictionary on the machine, so "dictionary-like" is judged by shape: letters
/// with vowels, sane capitalization and no symbol soup; numbers with their usual punctuation.
pub fn wordlike_share(words: &[Word]) -> f32 {
    let scored: Vec<bool> = words
        .iter()
        .map(|w| strip(&w.text))
        .filter(|t| !t.is_empty())
        .map(is_wordlike)
        .collect();
    if scored.is_empty() {
        return 0.0;
    }
    scored.iter().filter(|ok| **ok).count() as f32 / scored.len() as f32
}

fn strip(token: &str) -> &str {
    token.trim_matches(|c: char| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '(' | ')' | '[' | ']' | '"' | '\'' | '“' | '”' | '‘' | '’'
                | '!' | '?' | '*' | '-' | '—' | '–'
        )
    })
}

fn is_wordlike(token: &str) -> bool {
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    let digits = token.chars().filter(|c| c.is_ascii_digit()).count();
    let other = token.chars().count() - letters - digits;
    if letters == 0 {
        // Numbers, amounts, dates, section numbers: digits with a little punctuation.
        return digits > 0 && other <= digits + 1;
    }
    if digits > 0 {
        // Ordinals and unit numbers ("1st", "4B", "10th"), not "l0an" or "c1ty".
        let lower = token.to_lowercase();
        return ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| lower.ends_with(s) && lower[..lower.len() - 2].chars().all(|c| c.is_ascii_digit()))
            || (letters <= 2 && token.chars().next().is_some_and(|c| c.is_ascii_digit()));
    }
    if other > 1 || (other == 1 && !token.contains(['\'', '’', '-', '&', '/', '.'])) {
        return false;
    }
    let lower: Vec<char> = token.to_lowercase().chars().collect();
    if letters == 1 {
        return matches!(lower[0], 'a' | 'i' | 'o' | 's' | 'x') || token.chars().all(char::is_uppercase);
    }
    let vowel = |c: &char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    if !lower.iter().any(vowel) && letters > 3 {
        return false;
    }
    let mut run = 0;
    for c in lower.iter().filter(|c| c.is_alphabetic()) {
        run = if vowel(c) { 0 } else { run + 1 };
        if run > 4 {
            return false;
        }
    }
    // Capitals only at the start, or all capitals: "Lease", "LEASE", not "LeAsE".
    let chars: Vec<char> = token.chars().filter(|c| c.is_alphabetic()).collect();
    let upper_inside = chars[1..].iter().filter(|c| c.is_uppercase()).count();
    upper_inside == 0 || upper_inside == chars.len() - 1 || upper_inside <= 1
}

/// Share of the sample's distinct words (three letters or more) also found in the layer.
/// `None` when the sample holds too few words to judge.
pub fn agreement(layer: &[Word], sample: &[Word]) -> Option<f32> {
    let key = |w: &Word| {
        let t = strip(&w.text).to_lowercase();
        (t.chars().count() >= 3 && t.chars().all(char::is_alphanumeric)).then_some(t)
    };
    let layer: HashSet<String> = layer.iter().filter_map(key).collect();
    let sample: HashSet<String> = sample.iter().filter_map(key).collect();
    if sample.len() < 8 {
        return None;
    }
    let found = sample.iter().filter(|w| layer.contains(*w)).count();
    Some(found as f32 / sample.len() as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bbox::BBox;

    fn words(text: &str) -> Vec<Word> {
        text.split_whitespace()
            .map(|t| Word {
                text: t.into(),
                bbox: BBox::default(),
                confidence: 1.0,
            })
            .collect()
    }

    #[test]
    fn prose_is_wordlike_and_symbol_soup_is_not() {
        let good = words("THIS LEASE is made on March 1st, 2019 between Landlord and Tenant for $4,688.25 per month (Section 4.2).");
        assert!(wordlike_share(&good) > 0.9, "{}", wordlike_share(&good));
        let bad = words("Tl1is LcAsE i$ rn@de 0n Mqrch lst, 2O19 bctwccn Lnndlxrd ~nd Tcnnnt f0r $4,6B8.25");
        assert!(wordlike_share(&bad) < MIN_WORDLIKE, "{}", wordlike_share(&bad));
    }

    #[test]
    fn agreement_counts_sample_words_found_in_the_layer() {
        let layer = words("the tenant shall pay base rent monthly in advance to the landlord at its office");
        let sample = words("the tenant shall pay base rent monthly in advance to landlord office");
        assert!(agreement(&layer, &sample).unwrap() > 0.9);
        let other = words("completely different words appear here across this sample page today");
        assert!(agreement(&layer, &other).unwrap() < MIN_AGREEMENT);
        assert_eq!(agreement(&layer, &words("too few")), None);
    }
}

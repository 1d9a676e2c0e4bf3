//! OCR-tolerant comparison of words and names: a misread letter ("Landiord", "ENTERPSISES")
//! should not turn a role into no role or one entity into two.

/// The Levenshtein distance between `a` and `b` (in characters), or `None` once it exceeds
/// `limit`: callers only ask whether two strings are near, so the work stops early.
pub fn distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let swap = usize::from(ca != cb);
            row[j + 1] = (prev[j] + swap).min(prev[j + 1] + 1).min(row[j] + 1);
        }
        if row.iter().min().is_some_and(|&m| m > limit) {
            return None;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    let d = prev[b.len()];
    (d <= limit).then_some(d)
}

/// Whether `word` is `target` or `target` with one letter misread, dropped or added; short
/// targets must match exactly, where one letter changes the word.
pub fn is_misread(word: &str, target: &str) -> bool {
    let limit = usize::from(target.chars().count() >= 6);
    distance_within(word, target, limit).is_some()
}

/// The comparison key of an entity name: letters and digits, lower-cased.
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two entity names are the same name up to OCR or typing slips: one edit in eight
/// characters, and at least ten characters so short names never merge.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (name_key(a), name_key(b));
    let len = a.chars().count().min(b.chars().count());
    len >= 10 && distance_within(&a, &b, len / 8).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_stops_past_the_limit() {
        assert_eq!(distance_within("landlord", "landiord", 1), Some(1));
        assert_eq!(distance_within("kitten", "sitting", 3), Some(3));
        assert_eq!(distance_within("kitten", "sitting", 2), None);
        assert_eq!(distance_within("", "abc", 3), Some(3));
    }

    #[test]
    fn misread_roles_and_names() {
        assert!(is_misread("landiord", "landlord"));
        assert!(is_misread("tenaut", "tenant"));
        assert!(!is_misread("lessee", "lessor"));
        assert!(
            !is_misread("owned", "owner"),
            "short words must match exactly"
        );
        assert!(same_name("TROFA ENTERPSISES LLC", "Trofa Enterprises, LLC"));
        assert!(!same_name("Acme Holdings LLC", "Apex Holdings LLC"));
        assert!(!same_name("AB LLC", "AC LLC"));
    }
}

//! A1-style cell addresses ("B7", "A5:M5"), the provenance every spreadsheet value carries.

/// The column letters of a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA".
pub fn column_letters(col: usize) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The A1 address of a 0-based (row, col).
pub fn a1(row: usize, col: usize) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

/// The A1 range from one 0-based corner to the other ("A5:M5"); a single cell when they meet.
pub fn a1_range(first: (usize, usize), last: (usize, usize)) -> String {
    if first == last {
        a1(first.0, first.1)
    } else {
        format!("{}:{}", a1(first.0, first.1), a1(last.0, last.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_roll_over_like_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(12), "M");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(column_letters(16383), "XFD");
    }

    #[test]
    fn ranges_print_both_corners() {
        assert_eq!(a1(6, 1), "B7");
        assert_eq!(a1_range((4, 0), (4, 12)), "A5:M5");
        assert_eq!(a1_range((2, 2), (2, 2)), "C3");
    }
}

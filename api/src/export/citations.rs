//! Citations of a field's evidence as exports print them: "p. 12", "pp. 3, 7", or a sheet and
//! cell range for spreadsheets, plus the verbatim quote.

use extractor::schema::Evidence;

/// Distinct cited pages, in order.
pub fn pages(evidence: &[Evidence]) -> Vec<usize> {
    let mut pages: Vec<usize> = evidence.iter().filter_map(|e| e.page).collect();
    pages.sort_unstable();
    pages.dedup();
    pages
}

/// "p. 12", "pp. 3, 7", "'Rent Roll'!A5:M5", or "" when nothing is cited.
pub fn citation(evidence: &[Evidence]) -> String {
    let pages = pages(evidence);
    match pages.as_slice() {
        [] => evidence.iter().find_map(sheet_range).unwrap_or_default(),
        [one] => format!("p. {one}"),
        many => {
            let list: Vec<String> = many.iter().map(usize::to_string).collect();
            format!("pp. {}", list.join(", "))
        }
    }
}

/// `Sheet!A5:M5` for spreadsheet evidence.
pub fn sheet_range(evidence: &Evidence) -> Option<String> {
    match (&evidence.sheet, &evidence.cells) {
        (Some(sheet), Some(cells)) => Some(format!("{sheet}!{cells}")),
        (Some(sheet), None) => Some(sheet.clone()),
        (None, Some(cells)) => Some(cells.clone()),
        (None, None) => None,
    }
}

/// The first verbatim quote, whitespace collapsed.
pub fn quote(evidence: &[Evidence]) -> Option<String> {
    evidence
        .iter()
        .filter_map(|e| e.text.as_deref())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on_page(page: usize) -> Evidence {
        Evidence {
            page: Some(page),
            ..Evidence::default()
        }
    }

    #[test]
    fn citations_name_pages_or_cells() {
        assert_eq!(citation(&[on_page(12)]), "p. 12");
        assert_eq!(citation(&[on_page(7), on_page(3), on_page(7)]), "pp. 3, 7");
        let cells = Evidence {
            sheet: Some("Rent Roll".into()),
            cells: Some("A5:M5".into()),
            ..Evidence::default()
        };
        assert_eq!(citation(&[cells]), "Rent Roll!A5:M5");
        assert_eq!(citation(&[]), "");
    }
}

//! The title block above a rent roll's header: the property's name and the "As Of" date, from
//! the rows above a sheet's header or the lines above a page report's first table.

use super::grid::Grid;
use super::values::{DateOrder, cell_date, order_evidence, parse_date, parse_date_in};
use crate::model::{Cell, Document, Table};
use crate::schema::Evidence;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

static AS_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:as\s*of|as\s*at|effective|report\s*date|period\s*ending|month\s*ending|for\s*the\s*period)\b\s*(?:date)?\s*[:=\-]?\s*(.*)$").expect("static regex")
});
static DATE_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})\b").expect("static regex")
});
static PROPERTY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:property(?:\s*name)?|building|project|asset|site)\s*[:=\-]\s*(.*)$")
        .expect("static regex")
});
/// Title lines that name the report, not the property.
const REPORT_WORDS: &[&str] = &[
    "rent roll",
    "rentroll",
    "tenancy schedule",
    "tenant schedule",
    "lease charges",
    "report",
    "page ",
    "printed",
    "generated",
    "schedule",
    "summary",
    "database",
    "as of",
    "as at",
    "prepared",
    "confidential",
    "all amounts",
];

/// What the title block says, with the cell each value came from.
#[derive(Debug, Default)]
pub struct Title<'a> {
    pub property: Option<(String, &'a Cell)>,
    pub as_of: Option<(NaiveDate, &'a Cell)>,
}

pub fn read_title<'a>(grid: &Grid<'a>, header_first_row: usize) -> Title<'a> {
    let mut title = Title::default();
    let mut first_text: Option<(String, &Cell)> = None;
    for row in 0..header_first_row {
        let cells: Vec<&Cell> = grid.filled(row).collect();
        for (i, cell) in cells.iter().enumerate() {
            let text = cell.text.trim();
            if title.as_of.is_none()
                && let Some(m) = AS_OF.captures(text)
            {
                let rest = m.get(1).map_or("", |m| m.as_str()).trim();
                let date = date_in(rest).or_else(|| cells.get(i + 1).and_then(|c| cell_date(c)));
                if let Some(date) = date {
                    title.as_of = Some((date, cell));
                    continue;
                }
            }
            if title.property.is_none()
                && let Some(m) = PROPERTY_LABEL.captures(text)
            {
                let rest = m.get(1).map_or("", |m| m.as_str()).trim();
                let value = if rest.is_empty() {
                    cells.get(i + 1).map(|c| c.text.trim().to_string())
                } else {
                    Some(rest.to_string())
                };
                if let Some(value) = value.filter(|v| !v.is_empty()) {
                    title.property = Some((value, cell));
                    continue;
                }
            }
            let lower = text.to_lowercase();
            if first_text.is_none()
                && text.chars().any(char::is_alphabetic)
                && !REPORT_WORDS.iter().any(|w| lower.contains(w))
                && date_in(text).is_none()
                && text.len() <= 120
                && !is_column_banner(text)
            {
                first_text = Some((text.to_string(), cell));
            }
        }
    }
    if title.property.is_none() {
        title.property = first_text;
    }
    title
}

/// What a page report's title lines say, with the line each value came from.
#[derive(Debug, Default)]
pub struct PageTitle {
    pub property: Option<(String, Evidence)>,
    pub as_of: Option<(NaiveDate, Evidence)>,
}

/// The title block of a page report: the lines above `table` on its page.
pub fn read_page_title(doc: &Document, table: &Table) -> PageTitle {
    let (mut property, mut as_of) = (None, None);
    let Some(page) = doc.pages.iter().find(|p| p.number == table.page) else {
        return PageTitle::default();
    };
    let top = table.bbox.map_or(0.0, |b| b.y0);
    for line in page.lines.iter().filter(|l| l.bbox.y1 <= top) {
        let text = line.text.trim();
        let evidence = || Evidence {
            page: Some(page.number),
            bbox: Some(line.bbox),
            text: Some(text.to_string()),
            ..Evidence::default()
        };
        if as_of.is_none()
            && let Some(date) = AS_OF
                .captures(text)
                .and_then(|m| date_in(m.get(1).map_or("", |m| m.as_str())))
        {
            as_of = Some((date, evidence()));
        } else if property.is_none()
            && let Some(name) = PROPERTY_LABEL
                .captures(text)
                .and_then(|m| m.get(1))
                .map(|m| m.as_str().trim())
                .filter(|n| !n.is_empty())
        {
            property = Some((name.to_string(), evidence()));
        }
    }
    PageTitle { property, as_of }
}

/// The property named in the document's key-value pairs (PDF title pages), if any.
pub fn property_from_key_values(doc: &Document) -> Option<String> {
    doc.key_values.iter().find_map(|kv| {
        let key = kv.key.to_lowercase();
        (key.contains("property") || key == "building").then(|| kv.value.trim().to_string())
    })
}

/// Words of a banner grouping header columns ("Lease Term", "Current Rent", "Recoveries").
fn is_column_banner(text: &str) -> bool {
    const BANNER: &[&str] = &[
        "lease",
        "term",
        "rent",
        "rents",
        "current",
        "future",
        "charges",
        "amount",
        "amounts",
        "dates",
        "area",
        "options",
        "recoveries",
        "deposit",
        "deposits",
        "monthly",
        "annual",
        "psf",
        "sf",
        "tenant",
        "unit",
    ];
    super::columns::role_of(text).is_some()
        || super::columns::normalize(text)
            .iter()
            .any(|t| BANNER.contains(&t.as_str()))
}

fn date_in(text: &str) -> Option<NaiveDate> {
    let read = |t: &str| {
        // A title date is read US-style unless it can only be day-first ("30/09/2024").
        parse_date(t).or_else(|| {
            (order_evidence(t) == Some(DateOrder::DayFirst))
                .then(|| parse_date_in(t, DateOrder::DayFirst))
                .flatten()
        })
    };
    read(text).or_else(|| {
        DATE_IN_TEXT
            .find(text)
            .and_then(|m| read(m.as_str().replace("Sept", "Sep").as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_inside_title_lines() {
        assert_eq!(date_in("09/30/2024"), NaiveDate::from_ymd_opt(2024, 9, 30));
        assert_eq!(
            date_in("= 09/30/2024 (Month = 09/2024)"),
            NaiveDate::from_ymd_opt(2024, 9, 30)
        );
        assert_eq!(
            date_in("September 30, 2024"),
            NaiveDate::from_ymd_opt(2024, 9, 30)
        );
        assert_eq!(
            date_in("As at 30/09/2024"),
            NaiveDate::from_ymd_opt(2024, 9, 30)
        );
    }

    #[test]
    fn as_of_wordings() {
        for t in [
            "As Of = 09/30/2024",
            "Rent Roll as of September 30, 2024",
            "As of: 9/30/24",
            "Effective Date 2024-09-30",
        ] {
            let m = AS_OF.captures(t).unwrap_or_else(|| panic!("{t}"));
            assert!(date_in(m.get(1).unwrap().as_str()).is_some(), "{t}");
        }
    }
}

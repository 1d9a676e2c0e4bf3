//! Layout analysis: the words of each page ordered into lines, blocks and reading order (across
//! columns), then the structure the field engine reads: sections with their numbers, defined
//! terms, key-value pairs and tables.

mod blocks;
mod key_values;
mod lines;
mod order;
mod ruled;
mod sections;
mod tables;
mod terms;
mod text_index;

use crate::bbox::BBox;
use crate::model::{Document, Table};

/// Fills lines, blocks, sections, defined terms, key-values and tables of `doc` from its words.
pub fn analyze(doc: &mut Document) {
    analyze_with_rules(doc, &[]);
}

/// As `analyze`, with the vector rules drawn on each page (`rules[i]` for page `i + 1`, thin
/// boxes in page fractions): grids of rules become tables first, and tables found from word
/// alignment are kept only where they overlap none of those.
pub fn analyze_with_rules(doc: &mut Document, rules: &[Vec<BBox>]) {
    for page in &mut doc.pages {
        order::order_page(page);
        blocks::find_blocks(page);
    }
    let index = text_index::TextIndex::new(doc);
    doc.sections = sections::find_sections(doc, &index);
    doc.defined_terms = terms::find_defined_terms(doc, &index);
    doc.key_values = key_values::find_key_values(doc);
    let has_tables: Vec<usize> = doc.tables.iter().map(|t| t.page).collect();
    for (i, page) in doc.pages.iter().enumerate() {
        if has_tables.contains(&page.number) {
            continue;
        }
        let ruled = rules
            .get(i)
            .map(|r| ruled::find_ruled_tables(page, r))
            .unwrap_or_default();
        let overlaps_ruled = |t: &Table| {
            let b = t.bbox.unwrap_or_default();
            ruled
                .iter()
                .any(|r| r.bbox.is_some_and(|rb| rb.intersection(&b) > 0.0))
        };
        let aligned: Vec<Table> = tables::find_tables(page)
            .into_iter()
            .filter(|t| !overlaps_ruled(t))
            .collect();
        doc.tables.extend(ruled);
        doc.tables.extend(aligned);
    }
}

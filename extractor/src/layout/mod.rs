//! Layout analysis: the words of each page ordered into lines, blocks and reading order (across
//! columns), then the structure the field engine reads: sections with their numbers, defined
//! terms, key-value pairs and tables.

mod blocks;
mod key_values;
mod lines;
mod order;
mod sections;
mod tables;
mod terms;
mod text_index;

use crate::model::Document;

/// Fills lines, blocks, sections, defined terms, key-values and tables of `doc` from its words.
pub fn analyze(doc: &mut Document) {
    for page in &mut doc.pages {
        order::order_page(page);
        blocks::find_blocks(page);
    }
    let index = text_index::TextIndex::new(doc);
    doc.sections = sections::find_sections(doc, &index);
    doc.defined_terms = terms::find_defined_terms(doc, &index);
    doc.key_values = key_values::find_key_values(doc);
    let has_tables: Vec<usize> = doc.tables.iter().map(|t| t.page).collect();
    for page in &doc.pages {
        if !has_tables.contains(&page.number) {
            doc.tables.extend(tables::find_tables(page));
        }
    }
}

//! DOCX from its XML: paragraphs and tables of `word/document.xml`, laid out on synthetic Letter
//! pages (a DOCX has no fixed geometry) so every word still has a page and a box, explicit page
//! breaks kept. Tables also become `Table`s with rows, columns and spans.

use super::sniff::read_capped;
use crate::ExtractError;
use crate::bbox::BBox;
use crate::model::{Cell, Document, MediaKind, Page, Table, TextSource, Word};
use quick_xml::events::Event;
use std::io::Cursor;

/// The main part never legitimately reaches this size.
const MAX_DOCUMENT_XML: u64 = 64 << 20;
const PAGE_W: f32 = 612.0;
const PAGE_H: f32 = 792.0;
const MARGIN: f32 = 72.0;
const CHAR_W: f32 = 5.5;
const WORD_H: f32 = 11.0;
const LINE_PITCH: f32 = 13.0;
const PARAGRAPH_SPACE: f32 = 10.0;

#[derive(Debug, Default, Clone)]
struct XmlCell {
    text: String,
    span: usize,
    merged_into_above: bool,
}

enum Item {
    Paragraph(String),
    PageBreak,
    Table(Vec<Vec<XmlCell>>),
}

/// Reads a DOCX package into a document of synthetic pages.
pub fn read(bytes: &[u8]) -> Result<Document, ExtractError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ExtractError::Corrupt(format!("DOCX package: {e}")))?;
    let part = archive
        .by_name("word/document.xml")
        .map_err(|e| ExtractError::Corrupt(format!("DOCX without word/document.xml: {e}")))?;
    let xml = read_capped(part, MAX_DOCUMENT_XML, "word/document.xml")?;
    let xml = String::from_utf8(xml)
        .map_err(|_| ExtractError::Corrupt("word/document.xml is not UTF-8".into()))?;
    let items = parse(&xml)?;
    Ok(lay_out(&items))
}

fn parse(xml: &str) -> Result<Vec<Item>, ExtractError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut items = Vec::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut depth = 0usize;
    let mut rows: Vec<Vec<XmlCell>> = Vec::new();
    let bad = |e: &dyn std::fmt::Display| ExtractError::Corrupt(format!("word/document.xml: {e}"));
    loop {
        let event = reader.read_event().map_err(|e| bad(&e))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                let attr = |name: &str| {
                    e.try_get_attribute(name)
                        .ok()
                        .flatten()
                        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
                };
                match e.local_name().as_ref() {
                    b"t" if !empty => in_text = true,
                    b"tab" => paragraph.push(' '),
                    b"br" if attr("w:type").as_deref() == Some("page") && depth == 0 => {
                        flush(&mut paragraph, &mut items);
                        items.push(Item::PageBreak);
                    }
                    b"br" | b"cr" => paragraph.push(' '),
                    b"tbl" => {
                        flush(&mut paragraph, &mut items);
                        depth += 1;
                    }
                    b"tr" if depth == 1 => rows.push(Vec::new()),
                    b"tc" if depth == 1 => {
                        if let Some(row) = rows.last_mut() {
                            row.push(XmlCell {
                                span: 1,
                                ..XmlCell::default()
                            });
                        }
                    }
                    b"gridSpan" if depth == 1 => {
                        let span = attr("w:val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        if let Some(cell) = rows.last_mut().and_then(|r| r.last_mut()) {
                            cell.span = usize::max(span, 1).min(64);
                        }
                    }
                    b"vMerge" if depth == 1 => {
                        let restart = attr("w:val").as_deref() == Some("restart");
                        if let Some(cell) = rows.last_mut().and_then(|r| r.last_mut()) {
                            cell.merged_into_above = !restart;
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                paragraph.push_str(&t.decode().map_err(|e| bad(&e))?);
            }
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    paragraph.push(c);
                } else if let Ok(name) = r.decode()
                    && let Some(s) = quick_xml::escape::resolve_predefined_entity(&name)
                {
                    paragraph.push_str(s);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" if depth == 0 => flush(&mut paragraph, &mut items),
                b"p" => {
                    // Paragraphs inside a cell (or a nested table) join the cell's text.
                    if let Some(cell) = rows.last_mut().and_then(|r| r.last_mut()) {
                        if !cell.text.is_empty() && !paragraph.trim().is_empty() {
                            cell.text.push(' ');
                        }
                        cell.text.push_str(paragraph.trim());
                    }
                    paragraph.clear();
                }
                b"tbl" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 && !rows.is_empty() {
                        items.push(Item::Table(std::mem::take(&mut rows)));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    flush(&mut paragraph, &mut items);
    Ok(items)
}

fn flush(paragraph: &mut String, items: &mut Vec<Item>) {
    let text = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() {
        items.push(Item::Paragraph(text));
    }
    paragraph.clear();
}

/// A cursor writing words onto synthetic pages.
struct Layout {
    pages: Vec<Page>,
    y: f32,
}

impl Layout {
    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Page {
            number: self.pages.len() + 1,
            width_pt: PAGE_W,
            height_pt: PAGE_H,
            text_source: TextSource::PdfText,
            ..Page::default()
        });
        self.y = MARGIN;
    }

    fn ensure_room(&mut self, height: f32) {
        if self.pages.is_empty() || self.y + height > PAGE_H - MARGIN {
            self.new_page();
        }
    }

    /// Writes `text` wrapped between `left` and `right` from the current line; returns the
    /// number of lines used.
    fn write(&mut self, text: &str, left: f32, right: f32, y: f32) -> usize {
        let mut x = left;
        let mut line = 0;
        for word in text.split_whitespace() {
            let w = word.chars().count() as f32 * CHAR_W;
            if x > left && x + w > right {
                line += 1;
                x = left;
            }
            let top = y + line as f32 * LINE_PITCH;
            let bbox = BBox::from_page_units(x, top, (x + w).min(right), top + WORD_H, PAGE_W, PAGE_H);
            self.page().words.push(Word {
                text: word.to_string(),
                bbox,
                confidence: 1.0,
            });
            x += w + CHAR_W;
        }
        line + 1
    }
}

fn lay_out(items: &[Item]) -> Document {
    let mut layout = Layout {
        pages: Vec::new(),
        y: MARGIN,
    };
    let mut tables = Vec::new();
    for item in items {
        match item {
            Item::PageBreak => layout.new_page(),
            Item::Paragraph(text) => {
                let chars_per_line = ((PAGE_W - 2.0 * MARGIN) / CHAR_W) as usize;
                let lines = text.chars().count() / chars_per_line.max(1) + 1;
                layout.ensure_room(lines.min(40) as f32 * LINE_PITCH);
                let y = layout.y;
                let used = layout.write(text, MARGIN, PAGE_W - MARGIN, y);
                layout.y += used as f32 * LINE_PITCH + PARAGRAPH_SPACE;
            }
            Item::Table(rows) => tables.push(lay_out_table(&mut layout, rows)),
        }
    }
    if layout.pages.is_empty() {
        layout.new_page();
    }
    Document {
        filename: String::new(),
        sha256: String::new(),
        media_kind: MediaKind::Docx,
        pages: layout.pages,
        tables,
        sections: Vec::new(),
        key_values: Vec::new(),
        defined_terms: Vec::new(),
        diagnostics: Vec::new(),
    }
}

/// Columns of equal width across the text block; a row's cells written side by side.
fn lay_out_table(layout: &mut Layout, rows: &[Vec<XmlCell>]) -> Table {
    let n_cols = rows
        .iter()
        .map(|r| r.iter().map(|c| c.span).sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let col_w = (PAGE_W - 2.0 * MARGIN) / n_cols as f32;
    layout.ensure_room(LINE_PITCH);
    let page_number = layout.pages.len();
    let mut cells: Vec<Cell> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        layout.ensure_room(LINE_PITCH);
        let y = layout.y;
        let mut col = 0;
        let mut height = 1;
        for cell in row {
            if cell.merged_into_above {
                if let Some(above) = cells
                    .iter_mut()
                    .rev()
                    .find(|c| c.col == col && c.row + c.row_span == r)
                {
                    above.row_span += 1;
                }
                col += cell.span;
                continue;
            }
            let left = MARGIN + col as f32 * col_w;
            let right = left + cell.span as f32 * col_w - CHAR_W;
            let used = layout.write(&cell.text, left, right, y);
            height = height.max(used);
            let bbox = BBox::from_page_units(
                left,
                y,
                right,
                y + used as f32 * LINE_PITCH,
                PAGE_W,
                PAGE_H,
            );
            cells.push(Cell {
                row: r,
                col,
                row_span: 1,
                col_span: cell.span,
                text: cell.text.clone(),
                value: None,
                bbox: Some(bbox),
                address: None,
            });
            col += cell.span;
        }
        layout.y += height as f32 * LINE_PITCH + PARAGRAPH_SPACE;
    }
    Table {
        page: page_number,
        sheet: None,
        bbox: BBox::union(cells.iter().filter_map(|c| c.bbox.as_ref())),
        n_rows: rows.len(),
        n_cols,
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tables_and_breaks_are_parsed() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>OFFICE LEASE</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Tenant: Acme &amp; Sons</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Term</w:t></w:r></w:p></w:tc>
                         <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>60 months</w:t></w:r></w:p></w:tc></w:tr>
                   <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Rent</w:t></w:r></w:p></w:tc>
                         <w:tc><w:p><w:r><w:t>$1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>$2</w:t></w:r></w:p></w:tc></w:tr>
                   <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
                         <w:tc><w:p><w:r><w:t>$3</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>$4</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:br w:type="page"/><w:t>Page two</w:t></w:r></w:p>
            </w:body></w:document>"#;
        let doc = lay_out(&parse(xml).unwrap());
        assert_eq!(doc.pages.len(), 2);
        let words: Vec<&str> = doc.pages[0].words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(&words[..5], ["OFFICE", "LEASE", "Tenant:", "Acme", "&"]);
        assert_eq!(doc.pages[1].words[0].text, "Page");
        let t = &doc.tables[0];
        assert_eq!((t.n_rows, t.n_cols), (3, 3));
        assert_eq!(t.cell(0, 1).unwrap().col_span, 2);
        assert_eq!(t.cell(1, 0).unwrap().row_span, 2);
        assert_eq!(t.rows_text()[2], ["", "$3", "$4"]);
    }
}

//! The generated document as blocks, written out as HTML for LibreOffice and as plain text for
//! the gold quotes and training data.

use std::fmt::Write as _;

#[derive(Debug, Clone)]
pub enum Block {
    Title(String),
    Heading(String),
    Para(String),
    /// A table: header row then body rows.
    Table(Vec<String>, Vec<Vec<String>>),
    PageBreak,
}

#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl Doc {
    pub fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }

    pub fn para(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Para(s.into()));
    }

    pub fn heading(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Heading(s.into()));
    }

    /// Words in the document, to size it to a page count.
    pub fn words(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| match b {
                Block::Title(s) | Block::Heading(s) | Block::Para(s) => {
                    s.split_whitespace().count()
                }
                Block::Table(h, rows) => h.len() + rows.iter().map(|r| r.len() * 2).sum::<usize>(),
                Block::PageBreak => 0,
            })
            .sum()
    }

    pub fn html(&self) -> String {
        let mut out = String::from(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>\
             body{font-family:'Liberation Serif';font-size:11pt}\
             p{text-align:justify;margin:0 0 8pt 0}\
             h1{text-align:center;font-size:14pt}h2{font-size:11pt;margin:10pt 0 4pt 0}\
             td,th{border:1px solid #000;padding:2pt 4pt;font-size:10pt}\
             </style></head><body>\n",
        );
        for b in &self.blocks {
            match b {
                Block::Title(s) => _ = writeln!(out, "<h1>{}</h1>", escape(s)),
                Block::Heading(s) => _ = writeln!(out, "<h2>{}</h2>", escape(s)),
                Block::Para(s) => _ = writeln!(out, "<p>{}</p>", escape(s)),
                Block::Table(head, rows) => {
                    out.push_str("<table cellspacing=\"0\" border=\"1\">");
                    if !head.is_empty() {
                        out.push_str("<tr>");
                        for h in head {
                            _ = write!(out, "<th>{}</th>", escape(h));
                        }
                        out.push_str("</tr>");
                    }
                    for r in rows {
                        out.push_str("<tr>");
                        for c in r {
                            _ = write!(out, "<td>{}</td>", escape(c));
                        }
                        out.push_str("</tr>");
                    }
                    out.push_str("</table>\n");
                }
                Block::PageBreak => out.push_str("<p style=\"page-break-before: always\"></p>\n"),
            }
        }
        out.push_str("</body></html>\n");
        out
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            match b {
                Block::Title(s) | Block::Heading(s) | Block::Para(s) => {
                    out.push_str(s);
                    out.push_str("\n\n");
                }
                Block::Table(head, rows) => {
                    for r in std::iter::once(head).chain(rows).filter(|r| !r.is_empty()) {
                        out.push_str(&r.join("  "));
                        out.push('\n');
                    }
                    out.push('\n');
                }
                Block::PageBreak => out.push('\u{c}'),
            }
        }
        out
    }
}

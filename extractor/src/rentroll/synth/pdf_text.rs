//! A minimal PDF writer for generated reports: pages of positioned text in the standard
//! Helvetica fonts (WinAnsi encoding, not embedded, as many report writers emit them), with the
//! font's advance widths so figures can be right-aligned the way exports print them.

use std::fmt::Write as _;

/// One run of text placed on a page, in points from the page's top-left corner.
#[derive(Debug, Clone)]
pub struct Run {
    pub x: f32,
    /// The top of the text's em box.
    pub top: f32,
    pub size: f32,
    pub bold: bool,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct PdfPage {
    pub width: f32,
    pub height: f32,
    pub runs: Vec<Run>,
}

impl PdfPage {
    pub fn new(width: f32, height: f32) -> Self {
        PdfPage {
            width,
            height,
            runs: Vec::new(),
        }
    }

    pub fn left(&mut self, x: f32, top: f32, size: f32, text: &str) {
        self.push(x, top, size, false, text);
    }

    /// Text whose right edge is at `right`.
    pub fn right(&mut self, right: f32, top: f32, size: f32, text: &str) {
        self.push(right - text_width(text, size), top, size, false, text);
    }

    pub fn bold(&mut self, x: f32, top: f32, size: f32, text: &str) {
        self.push(x, top, size, true, text);
    }

    fn push(&mut self, x: f32, top: f32, size: f32, bold: bool, text: &str) {
        if !text.is_empty() {
            self.runs.push(Run {
                x,
                top,
                size,
                bold,
                text: text.to_string(),
            });
        }
    }
}

/// Helvetica's advance widths (thousandths of an em) for the printable ASCII characters.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // ' '..'/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
    556, // '0'..'?'
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
    778, // '@'..'O'
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
    556, // 'P'..'_'
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556,
    556, // '`'..'o'
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // 'p'..'~'
];

/// The width of `text` in Helvetica at `size` points (other characters count as a digit).
pub fn text_width(text: &str, size: f32) -> f32 {
    let units: u32 = text
        .chars()
        .map(|c| {
            let i = c as usize;
            u32::from(if (32..127).contains(&i) {
                HELVETICA[i - 32]
            } else {
                556
            })
        })
        .sum();
    units as f32 * size / 1000.0
}

/// A PDF string literal in WinAnsi bytes, with delimiters and non-ASCII bytes escaped.
fn literal(text: &str) -> String {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('(');
    for &b in bytes.iter() {
        match b {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(b as char);
            }
            32..=126 => out.push(b as char),
            _ => {
                let _ = write!(out, "\\{b:03o}");
            }
        }
    }
    out.push(')');
    out
}

/// The PDF file holding `pages`.
pub fn write(pages: &[PdfPage]) -> Vec<u8> {
    // Objects: 1 catalog, 2 page tree, 3 and 4 the fonts, then a page and its content per page.
    let mut objects: Vec<String> = Vec::with_capacity(4 + 2 * pages.len());
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", 5 + 2 * i))
        .collect();
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    ));
    for name in ["Helvetica", "Helvetica-Bold"] {
        objects.push(format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>"
        ));
    }
    for (i, page) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
            page.width,
            page.height,
            6 + 2 * i
        ));
        let mut content = String::new();
        for run in &page.runs {
            // PDF places text by its baseline from the bottom; Helvetica's ascent is 0.718 em.
            let baseline = page.height - run.top - 0.718 * run.size;
            let _ = writeln!(
                content,
                "BT /{} {} Tf 1 0 0 1 {:.2} {:.2} Tm {} Tj ET",
                if run.bold { "F2" } else { "F1" },
                run.size,
                run.x,
                baseline,
                literal(&run.text)
            );
        }
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(table, "{offset:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend_from_slice(table.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_and_escapes() {
        assert!((text_width("10", 10.0) - 11.12).abs() < 1e-4);
        assert_eq!(literal("a(b)\\"), "(a\\(b\\)\\\\)");
        assert_eq!(literal("Zoë"), "(Zo\\353)");
    }

    #[test]
    fn a_file_with_a_cross_reference_table() {
        let mut page = PdfPage::new(612.0, 792.0);
        page.left(72.0, 72.0, 10.0, "Hello");
        let pdf = write(&[page]);
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.starts_with("%PDF-1.4"));
        assert!(text.contains("(Hello) Tj"));
        let start: usize = text
            .split("startxref\n")
            .nth(1)
            .and_then(|s| s.lines().next())
            .and_then(|s| s.parse().ok())
            .unwrap();
        assert_eq!(&pdf[start..start + 4], b"xref");
    }
}

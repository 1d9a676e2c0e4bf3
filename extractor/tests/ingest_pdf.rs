//! Native PDFs through pdfium against the development leases: text, boxes, page sizes, reading
//! order and structure.

mod ingest_support;

use extractor::model::TextSource;
use ingest_support::*;

#[test]
fn dl03_text_layer_matches_pdftotext_with_sane_boxes() {
    let path = lease("DL03", "pdf");
    let doc = read_file(&path);
    assert_eq!(doc.pages.len(), 16);
    let p = &doc.pages[0];
    assert!((p.width_pt - 595.3).abs() < 1.0 && (p.height_pt - 841.9).abs() < 1.0);
    assert!(
        doc.pages
            .iter()
            .all(|p| p.text_source == TextSource::PdfText)
    );
    let reference = std::fs::read_to_string(lease("DL03", "txt")).unwrap();
    let r = recall(&reference, &doc.text());
    eprintln!("DL03 recall against pdftotext: {r:.4}");
    assert!(r > 0.99, "{r}");
    for page in &doc.pages {
        for w in &page.words {
            let b = w.bbox;
            assert!(
                b.x0 < b.x1 && b.y0 < b.y1 && b.x1 <= 1.0 && b.y1 <= 1.0,
                "{w:?}"
            );
        }
        for l in &page.lines {
            assert!(!l.words.is_empty());
        }
    }
    assert_eq!(doc.text().matches('\u{c}').count(), 15);
}

#[test]
fn development_leases_with_text_layers_read_and_give_structure() {
    for (id, pages) in [("DL01", 15), ("DL02", 31)] {
        let doc = read_file(&lease(id, "pdf"));
        assert_eq!(doc.pages.len(), pages, "{id}");
        let reference = std::fs::read_to_string(lease(id, "txt")).unwrap();
        let r = recall(&reference, &doc.text());
        eprintln!("{id} recall against pdftotext: {r:.4}");
        assert!(r > 0.97, "{id}: {r}");
        // A page OCR'd a quarter turned (DL01's sideways-labelled site map) reports its upright
        // size; turned back it is the page pdfinfo sees.
        assert_eq!(
            doc.pages
                .iter()
                .map(|p| match p.rotation % 180 {
                    90 => (p.height_pt.round(), p.width_pt.round()),
                    _ => (p.width_pt.round(), p.height_pt.round()),
                })
                .collect::<Vec<_>>(),
            pdfinfo_sizes(&lease(id, "pdf"), pages),
            "{id} page sizes"
        );
        assert!(doc.sections.len() >= 5, "{id}: {:?}", doc.sections);
        assert!(
            doc.defined_terms.len() >= 5,
            "{id}: {:?}",
            doc.defined_terms
        );
        // Sections point into the document text at their own heading.
        let text = doc.text();
        for s in &doc.sections {
            let body = &text[s.text_range.clone()];
            assert!(
                body.contains(s.title.split_whitespace().next().unwrap_or("")),
                "{s:?}"
            );
        }
    }
}

#[test]
fn dl03_spelled_out_sections_and_reading_order() {
    let doc = read_file(&lease("DL03", "pdf"));
    let titles: Vec<(Option<&str>, &str)> = doc
        .sections
        .iter()
        .map(|s| (s.number.as_deref(), s.title.as_str()))
        .collect();
    assert!(titles.contains(&(Some("THREE"), "RENT")), "{titles:?}");
    assert!(
        titles.contains(&(Some("TWENTY-FOUR"), "GOVERNING LAW")),
        "{titles:?}"
    );
    let text = doc.text();
    let rent = text
        .find("The total rent under this lease agreement")
        .unwrap();
    let use_of = text.find("USE OF PREMISES").unwrap();
    assert!(rent < use_of);
    assert!(
        doc.defined_terms.iter().any(|t| t.term == "lessor"),
        "{:?}",
        doc.defined_terms
    );
}

#[test]
fn truncated_and_broken_pdfs_fail_clearly_or_read_what_is_left() {
    let bytes = std::fs::read(lease("DL03", "pdf")).unwrap();
    // Cut in half: pdfium may rebuild what it can; either way no panic, and an error is typed.
    for cut in [bytes.len() / 2, 200, 20] {
        match reader().read(&bytes[..cut], "cut.pdf", &|_| {}) {
            Ok(doc) => assert!(doc.pages.len() <= 16),
            Err(e) => assert!(e.is_input_error(), "{e}"),
        }
    }
    // A broken cross-reference table: every offset wrong.
    let mut broken = blank_pdf(3, &[], "");
    let xref = broken.windows(4).position(|w| w == b"xref").unwrap();
    for b in &mut broken[xref + 30..] {
        if b.is_ascii_digit() {
            *b = b'9';
        }
    }
    match reader().read(&broken, "xref.pdf", &|_| {}) {
        Ok(doc) => assert!(doc.pages.len() <= 3),
        Err(e) => assert!(e.is_input_error(), "{e}"),
    }
    let garbage = b"%PDF-1.7\nthis is not a pdf at all".to_vec();
    let e = reader().read(&garbage, "bad.pdf", &|_| {}).unwrap_err();
    assert!(matches!(e, extractor::ExtractError::Corrupt(_)), "{e}");
}

#[test]
fn password_protected_pdf_is_refused_as_encrypted() {
    let e = reader()
        .read(&encrypted_pdf(), "locked.pdf", &|_| {})
        .unwrap_err();
    assert!(matches!(e, extractor::ExtractError::Encrypted), "{e}");
    assert!(e.to_string().contains("encrypted"));
}

#[test]
fn page_limit_is_checked_before_reading_and_blank_pages_skip_ocr() {
    let e = reader()
        .read(&blank_pdf(5000, &[], ""), "huge.pdf", &|_| {})
        .unwrap_err();
    assert!(
        matches!(
            e,
            extractor::ExtractError::TooManyPages {
                pages: 5000,
                limit: 2000
            }
        ),
        "{e}"
    );
    let doc = reader()
        .read(&blank_pdf(300, &[], ""), "blank.pdf", &|_| {})
        .unwrap();
    assert_eq!(doc.pages.len(), 300);
    assert!(
        doc.pages
            .iter()
            .all(|p| p.text_source == TextSource::None && p.words.is_empty())
    );
}

#[test]
fn pages_render_as_png() {
    let bytes = std::fs::read(lease("DL03", "pdf")).unwrap();
    let png = reader().render_page_png(&bytes, 2, 50.0).unwrap();
    let img = image::load_from_memory(&png).unwrap();
    assert_eq!(img.width(), (595.3f32 * 50.0 / 72.0).round() as u32);
    assert!(reader().render_page_png(&bytes, 17, 50.0).is_err());
}

/// Page sizes in points as poppler's `pdfinfo` reports them.
fn pdfinfo_sizes(path: &std::path::Path, pages: usize) -> Vec<(f32, f32)> {
    let out = std::process::Command::new("pdfinfo")
        .args(["-f", "1", "-l", &pages.to_string()])
        .arg(path)
        .output()
        .expect("pdfinfo");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let dims: Vec<f32> = l
                .split("size:")
                .nth(1)
                .unwrap()
                .split_whitespace()
                .filter_map(|t| t.parse().ok())
                .collect();
            (dims[0].round(), dims[1].round())
        })
        .collect()
}

#[test]
fn rotated_pages_give_boxes_in_the_displayed_frame() {
    // One line of Helvetica near the unrotated page's top-left corner, on a page shown turned a
    // quarter clockwise: the line ends up near the displayed top-right, running downwards.
    let content = "BT /F1 24 Tf 72 720 Td (Rent due monthly) Tj ET";
    let objects = [
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let bytes = pdf_with_pages(
        1,
        "/Rotate 90 /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>",
        &objects,
        "",
    );
    let doc = reader().read(&bytes, "rotated.pdf", &|_| {}).unwrap();
    let page = &doc.pages[0];
    assert_eq!((page.width_pt, page.height_pt), (792.0, 612.0));
    let texts: Vec<&str> = page.words.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    let rent = page.words.iter().find(|w| w.text == "Rent").unwrap();
    let monthly = page.words.iter().find(|w| w.text == "monthly").unwrap();
    assert!(rent.bbox.x0 > 0.8 && rent.bbox.y0 < 0.2, "{rent:?}");
    assert!(monthly.bbox.y0 > rent.bbox.y1, "{rent:?} {monthly:?}");
    assert!(
        rent.bbox.height() > rent.bbox.width(),
        "vertical word {rent:?}"
    );
}

#[test]
fn a_pdf_of_text_pages_and_scanned_pages_is_mixed() {
    let dir = temp_dir();
    let (text_page, scan_page) = (dir.path().join("text.pdf"), dir.path().join("scan.pdf"));
    let (text_arg, scan_arg) = (
        text_page.to_string_lossy().into_owned(),
        scan_page.to_string_lossy().into_owned(),
    );
    let dl03 = lease("DL03", "pdf").to_string_lossy().into_owned();
    let dl04 = lease("DL04", "pdf").to_string_lossy().into_owned();
    run("pdfseparate", &["-f", "1", "-l", "1", &dl03, &text_arg]);
    run("pdfseparate", &["-f", "4", "-l", "4", &dl04, &scan_arg]);
    let both = dir.path().join("both.pdf");
    run("pdfunite", &[&text_arg, &scan_arg, &both.to_string_lossy()]);
    let doc = read_file(&both);
    let sources: Vec<TextSource> = doc.pages.iter().map(|p| p.text_source).collect();
    assert_eq!(sources, [TextSource::PdfText, TextSource::Ocr]);
    assert_eq!(doc.text_source(), TextSource::Mixed);
    assert!(doc.pages.iter().all(|p| p.words.len() > 50));
    assert_eq!(read_file(&text_page).text_source(), TextSource::PdfText);
}

#[test]
fn a_ruled_table_with_tight_columns_is_found_from_its_vector_rules() {
    let dir = temp_dir();
    // Cells padded so little that word gaps alone cannot split the columns, and only two rows.
    let html = dir.path().join("ruled.html");
    std::fs::write(
        &html,
        "<html><body><p>The premises and the rent are as follows.</p>\
         <table border=\"1\" cellspacing=\"0\" cellpadding=\"2\" style=\"border-collapse:collapse\">\
         <tr><td>Suite</td><td>Area</td><td>Monthly rent</td></tr>\
         <tr><td>550</td><td>2,394</td><td>$4,189.50</td></tr>\
         <tr><td colspan=\"2\">Total</td><td>$4,189.50</td></tr>\
         </table><p>Rent is due on the first day of each month.</p></body></html>",
    )
    .unwrap();
    let outdir = dir.path().to_string_lossy().into_owned();
    run(
        "soffice",
        &[
            "--headless",
            "--infilter=HTML (StarWriter)",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            &outdir,
            &html.to_string_lossy(),
        ],
    );
    let doc = read_file(&dir.path().join("ruled.pdf"));
    assert_eq!(doc.tables.len(), 1, "{:?}", doc.tables);
    let t = &doc.tables[0];
    assert_eq!((t.n_rows, t.n_cols), (3, 3), "{:?}", t.rows_text());
    assert_eq!(t.rows_text()[0], ["Suite", "Area", "Monthly rent"]);
    assert_eq!(t.rows_text()[1], ["550", "2,394", "$4,189.50"]);
    let total = t.cell(2, 0).unwrap();
    assert_eq!((total.text.as_str(), total.col_span), ("Total", 2));
    // The sentences around the table stay outside it.
    let all_text: String = t.cells.iter().map(|c| c.text.as_str()).collect();
    assert!(!all_text.contains("premises") && !all_text.contains("first"));
}

#[test]
fn a_table_drawn_as_one_rectangle_per_cell_is_split_into_rows_and_columns() {
    // Each cell is its own stroked rectangle (`re S`), the way many report writers draw grids:
    // no path is a thin rule, so the grid has to come from the rectangles' edges. The columns
    // sit a word space apart and the last row's first cell spans two columns.
    let (xs, top, row_h) = ([72.0, 102.0, 132.0, 172.0], 700.0, 16.0);
    let rows: [&[(&str, usize)]; 3] = [
        &[("Suite", 1), ("Area", 1), ("Rent", 1)],
        &[("550", 1), ("2,394", 1), ("$4,189", 1)],
        &[("Total", 2), ("$4,189", 1)],
    ];
    let mut content = String::from(
        "BT /F1 10 Tf 72 740 Td (The premises and the rent are as follows.) Tj ET\n\
         BT /F1 10 Tf 72 620 Td (Rent is due on the first day of each month.) Tj ET\n0.5 w\n",
    );
    for (r, cells) in rows.iter().enumerate() {
        let y = top - row_h * (r + 1) as f32;
        let mut col = 0;
        for (text, span) in cells.iter() {
            let (x0, x1) = (xs[col], xs[col + span]);
            content += &format!("{x0} {y} {} {row_h} re S\n", x1 - x0);
            content += &format!("BT /F1 10 Tf {} {} Td ({text}) Tj ET\n", x0 + 2.0, y + 4.0);
            col += span;
        }
    }
    let objects = [
        format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let pdf = pdf_with_pages(
        1,
        "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>",
        &objects,
        "",
    );
    let doc = reader().read(&pdf, "cells.pdf", &|_| {}).unwrap();
    assert_eq!(doc.pages[0].text_source, TextSource::PdfText);
    assert_eq!(doc.tables.len(), 1, "{:?}", doc.tables);
    let t = &doc.tables[0];
    assert_eq!((t.n_rows, t.n_cols), (3, 3), "{:?}", t.rows_text());
    assert_eq!(t.rows_text()[0], ["Suite", "Area", "Rent"]);
    assert_eq!(t.rows_text()[1], ["550", "2,394", "$4,189"]);
    let total = t.cell(2, 0).unwrap();
    assert_eq!((total.text.as_str(), total.col_span), ("Total", 2));
    let all_text: String = t.cells.iter().map(|c| c.text.as_str()).collect();
    assert!(!all_text.contains("premises") && !all_text.contains("first"));
}

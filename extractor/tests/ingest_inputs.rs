//! Inputs other than native PDFs, and the bad inputs: each gives a specific error or a
//! diagnostic, never a panic or a hang.

mod ingest_support;

use extractor::ExtractError;
use extractor::model::{MediaKind, TextSource};
use ingest_support::*;
use std::io::Write;

fn read_bytes(bytes: &[u8], name: &str) -> Result<extractor::Document, ExtractError> {
    reader().read(bytes, name, &|_| {})
}

#[test]
fn empty_and_unknown_files_are_refused_by_kind() {
    assert!(matches!(
        read_bytes(b"", "empty.pdf"),
        Err(ExtractError::Empty)
    ));
    let e = read_bytes(b"GIF89a\x01\x00\x01\x00", "lease.pdf").unwrap_err();
    assert!(
        matches!(&e, ExtractError::Unsupported { detected } if detected == "GIF image"),
        "{e}"
    );
    let e = read_bytes(b"Dear Tenant,\nthe rent is due.\n", "notes.csv").unwrap_err();
    assert!(e.to_string().contains("plain text"), "{e}");
}

/// A PNG whose header claims `width` x `height` (the pixel data is a tiny valid image).
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut png = Vec::new();
    image::GrayImage::from_pixel(4, 4, image::Luma([255]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    // IHDR data starts after the 8-byte signature, the chunk length and type.
    png[16..20].copy_from_slice(&width.to_be_bytes());
    png[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn decompression_bomb_images_are_refused_before_decoding() {
    let e = read_bytes(&png_claiming(30_000, 30_000), "bomb.png").unwrap_err();
    assert!(
        matches!(
            e,
            ExtractError::ImageTooLarge {
                width: 30_000,
                height: 30_000,
                ..
            }
        ),
        "{e}"
    );
    // A blank image of ordinary size is read as one blank page, without OCR.
    let doc = read_bytes(&png_claiming(4, 4), "blank.png").unwrap();
    assert_eq!(doc.pages.len(), 1);
    assert_eq!(doc.pages[0].text_source, TextSource::None);
}

fn zip_with(parts: &[(&str, &[u8])], repeat_last: usize) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (i, (name, body)) in parts.iter().enumerate() {
        zip.start_file(*name, options).unwrap();
        let times = if i + 1 == parts.len() { repeat_last } else { 1 };
        for _ in 0..times {
            zip.write_all(body).unwrap();
        }
    }
    zip.finish().unwrap();
    out.into_inner()
}

#[test]
fn zip_bombs_disguised_as_office_files_are_refused() {
    let zeros = vec![0u8; 1 << 20];
    let xlsx = zip_with(
        &[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/workbook.xml", b"<workbook/>"),
            ("xl/worksheets/sheet1.xml", &zeros),
        ],
        256,
    );
    assert!(xlsx.len() < 2 << 20, "the bomb is small: {}", xlsx.len());
    let e = read_bytes(&xlsx, "rentroll.xlsx").unwrap_err();
    assert!(e.to_string().contains("decompression bomb"), "{e}");
    let docx = zip_with(&[("word/document.xml", &zeros)], 256);
    let e = read_bytes(&docx, "lease.docx").unwrap_err();
    assert!(e.to_string().contains("decompression bomb"), "{e}");
}

/// Spreadsheets are read by `crate::sheets`; whatever it answers, bad ones end in bounded time
/// with a typed input error or a small document.
fn assert_bounded_sheet(bytes: &[u8], name: &str) {
    match read_bytes(bytes, name) {
        Ok(doc) => {
            assert!(doc.media_kind.is_spreadsheet());
            let cells: usize = doc.tables.iter().map(|t| t.cells.len()).sum();
            assert!(cells < 10_000, "{name}: {cells} cells");
        }
        Err(e) => assert!(e.is_input_error(), "{name}: {e}"),
    }
}

#[test]
fn million_empty_rows_and_non_utf8_csv_are_handled() {
    let mut csv = b"Unit,Tenant,SF\n101,Acme,1200\n".to_vec();
    csv.extend(b",,\n".repeat(1_000_000));
    assert_eq!(extractor::ingest::sniff(&csv).unwrap(), MediaKind::Csv);
    assert_bounded_sheet(&csv, "million.csv");

    let latin1 = b"Unit,Tenant\n101,Caf\xe9 Ren\xe9\n".to_vec();
    assert_eq!(extractor::ingest::sniff(&latin1).unwrap(), MediaKind::Csv);
    assert_bounded_sheet(&latin1, "latin1.csv");

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Unit,Tenant\n101,Café\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    assert_eq!(extractor::ingest::sniff(&utf16).unwrap(), MediaKind::Csv);
    assert_bounded_sheet(&utf16, "utf16.csv");
}

#[test]
fn docx_made_by_libreoffice_reads_paragraphs_and_tables() {
    let dir = temp_dir();
    let html = dir.path().join("lease.html");
    std::fs::write(
        &html,
        "<html><body><h1>OFFICE LEASE</h1>\
         <p>1. Premises. Landlord leases to Tenant the premises known as Suite 100 (the \"Premises\").</p>\
         <table border=1><tr><td>Rentable Area:</td><td>2,394 RSF</td></tr>\
         <tr><td>Term</td><td>60 months</td></tr></table>\
         <p>2. Rent. Tenant shall pay Base Rent monthly.</p></body></html>",
    )
    .unwrap();
    run(
        "soffice",
        &[
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            &dir.path().to_string_lossy(),
            &html.to_string_lossy(),
        ],
    );
    let doc = read_file(&dir.path().join("lease.docx"));
    assert_eq!(doc.media_kind, MediaKind::Docx);
    let text = doc.text();
    assert!(
        text.contains("OFFICE LEASE") && text.contains("60 months"),
        "{text}"
    );
    let table = doc.tables.first().expect("a table");
    assert_eq!((table.n_rows, table.n_cols), (2, 2));
    assert_eq!(table.rows_text()[0], ["Rentable Area:", "2,394 RSF"]);
    assert!(
        doc.defined_terms.iter().any(|t| t.term == "Premises"),
        "{:?}",
        doc.defined_terms
    );
    assert!(
        doc.sections
            .iter()
            .any(|s| s.number.as_deref() == Some("2") && s.title == "Rent"),
        "{:?}",
        doc.sections
    );
    for w in &doc.pages[0].words {
        assert!(w.bbox.x1 > w.bbox.x0 && w.bbox.y1 > w.bbox.y0, "{w:?}");
    }
}

#[test]
fn truncated_images_and_tiffs_fail_as_corrupt() {
    let mut png = Vec::new();
    image::GrayImage::from_pixel(64, 64, image::Luma([0]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let e = read_bytes(&png[..png.len() / 2], "cut.png").unwrap_err();
    assert!(matches!(e, ExtractError::Corrupt(_)), "{e}");
    let e = read_bytes(b"II*\0\x08\0\0\0\xff\xff", "cut.tif").unwrap_err();
    assert!(matches!(e, ExtractError::Corrupt(_)), "{e}");
}

#[test]
fn png_and_jpeg_resolution_tags_size_the_page_without_resampling() {
    let dir = temp_dir();
    // 1000 x 1300 pixels: 10 x 13 inches at 100 dpi, but a letter-sized guess would say 118 dpi.
    let blank = dir.path().join("blank.png");
    image::GrayImage::from_pixel(1000, 1300, image::Luma([255]))
        .save(&blank)
        .unwrap();
    let blank = blank.to_string_lossy().into_owned();
    let tagged = |name: &str, density: &str, units: &str| {
        let out = dir.path().join(name);
        let out_arg = out.to_string_lossy().into_owned();
        run(
            "convert",
            &[&blank, "-units", units, "-density", density, &out_arg],
        );
        read_file(&out)
    };
    let size = |doc: &extractor::Document| (doc.pages[0].width_pt, doc.pages[0].height_pt);
    let close =
        |(w, h): (f32, f32), (ew, eh): (f32, f32)| (w - ew).abs() < 1.0 && (h - eh).abs() < 1.0;
    for (name, density, units) in [
        ("inch.png", "100", "PixelsPerInch"),
        ("metric.png", "39.37", "PixelsPerCentimeter"),
        ("jfif.jpg", "100", "PixelsPerInch"),
    ] {
        let doc = tagged(name, density, units);
        assert!(
            close(size(&doc), (720.0, 936.0)),
            "{name}: {:?}",
            size(&doc)
        );
    }
    // A 72-dpi tag (a placeholder) and no tag at all fall back to the same letter-sized guess.
    let placeholder = tagged("seventy-two.png", "72", "PixelsPerInch");
    let untagged = read_file(std::path::Path::new(&blank));
    assert_eq!(size(&placeholder), size(&untagged));
    let guess = 72.0 * 1300.0 / (1300 / 11) as f32;
    assert!(
        (untagged.pages[0].height_pt - guess).abs() < 1.0,
        "{:?}",
        size(&untagged)
    );
    // Pixels are never resampled: a render at the page's own resolution is the original size.
    let bytes = std::fs::read(dir.path().join("inch.png")).unwrap();
    let png = reader().render_page_png(&bytes, 1, 100.0).unwrap();
    let img = image::load_from_memory(&png).unwrap();
    assert_eq!((img.width(), img.height()), (1000, 1300));
}

//! OCR through the tesseract pool: pages of the image-only scan DL04 (the whole of it is read by
//! `make bench`; PDF pages without text are OCR'd in `ingest_pdf`), a rotated and noised copy of a
//! text-layer page against its own text, a page turned a quarter, and a multi-page JPEG TIFF.
//! Pages are few on purpose: each costs about a second of tesseract.

mod ingest_support;

use extractor::ingest::raster;
use extractor::model::{MediaKind, TextSource};
use image::GrayImage;
use ingest_support::*;

fn render(path: &std::path::Path, page: usize, dpi: f32) -> GrayImage {
    let bytes = std::fs::read(path).unwrap();
    let png = reader().render_page_png(&bytes, page, dpi).unwrap();
    image::load_from_memory(&png).unwrap().into_luma8()
}

fn png_bytes(img: &GrayImage) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

#[test]
fn dl04_scan_pages_in_a_jpeg_tiff_come_out_as_ocr_words_with_boxes() {
    let scan = lease("DL04", "pdf");
    let dir = temp_dir();
    let mut pngs = Vec::new();
    for page in [4, 5] {
        let p = dir.path().join(format!("p{page}.png"));
        std::fs::write(&p, png_bytes(&render(&scan, page, 300.0))).unwrap();
        pngs.push(p.to_string_lossy().into_owned());
    }
    let tiff = dir.path().join("scan.tif");
    let mut args: Vec<&str> = pngs.iter().map(String::as_str).collect();
    let tiff_arg = tiff.to_string_lossy().into_owned();
    args.extend(["-compress", "jpeg", "-quality", "85", &tiff_arg]);
    run("convert", &args);
    let doc = read_file(&tiff);
    assert_eq!(doc.media_kind, MediaKind::Tiff);
    assert_eq!(doc.pages.len(), 2);
    let reference = std::fs::read_to_string(lease("DL04", "txt")).unwrap();
    let ref_pages: Vec<&str> = reference.split('\u{c}').collect();
    for (page, number) in doc.pages.iter().zip([4, 5]) {
        assert_eq!(page.text_source, TextSource::Ocr);
        assert!(
            page.ocr_confidence.unwrap() > 0.8,
            "{:?}",
            page.ocr_confidence
        );
        assert!((page.width_pt - 612.0).abs() < 2.0, "{}", page.width_pt);
        assert!(
            page.words
                .iter()
                .all(|w| w.bbox.area() > 0.0 && w.confidence <= 1.0)
        );
        let r = recall(ref_pages[number - 1], &page.text());
        eprintln!("DL04 page {number}: recall {r:.4} against the reference OCR");
        assert!(r > 0.9, "page {number}: {r}");
    }
}

#[test]
fn skewed_noisy_scan_of_a_text_page_recalls_its_text_layer() {
    let source = lease("DL03", "pdf");
    let truth = read_file(&source);
    let img = render(&source, 2, 300.0);
    let scan = raster::simulate_scan(&img, 0.7, 3);
    let doc = reader()
        .read(&png_bytes(&scan), "scan.png", &|_| {})
        .unwrap();
    let page = &doc.pages[0];
    assert_eq!(page.text_source, TextSource::Ocr);
    let r = recall(&truth.pages[1].text(), &page.text());
    eprintln!("rotated 0.7° + noise: word recall {r:.4}");
    assert!(r >= 0.97, "{r}");
    // Boxes land on the page as scanned: the first word sits where the text layer has it.
    let (ocr_first, layer_first) = (&page.words[0], &truth.pages[1].words[0]);
    assert!(
        (ocr_first.bbox.center_y() - layer_first.bbox.center_y()).abs() < 0.02,
        "{ocr_first:?} vs {layer_first:?}"
    );
}

#[test]
fn a_page_turned_a_quarter_is_read_upright() {
    let source = lease("DL03", "pdf");
    let truth = read_file(&source);
    let img = raster::rotate_quarter(&render(&source, 3, 300.0), 90);
    let doc = reader()
        .read(&png_bytes(&img), "turned.png", &|_| {})
        .unwrap();
    let page = &doc.pages[0];
    assert!(
        page.rotation == 90 || page.rotation == 270,
        "{}",
        page.rotation
    );
    assert!(page.height_pt > page.width_pt, "upright page is portrait");
    let r = recall(&truth.pages[2].text(), &page.text());
    eprintln!(
        "quarter-turned page: rotation {} recall {r:.4}",
        page.rotation
    );
    assert!(r > 0.95, "{r}");
}

#[test]
fn a_scanned_table_of_contents_keeps_its_numbers_and_headings() {
    // DL02's contents page: dot leaders and columns of numbers, which tesseract's automatic
    // segmentation garbled (recall 0.59 before leaders were painted out and the page was read
    // again as one block).
    let dir = temp_dir();
    let source = dir.path().join("contents.pdf");
    let dl02 = lease("DL02", "pdf").to_string_lossy().into_owned();
    run(
        "pdfseparate",
        &["-f", "2", "-l", "2", &dl02, &source.to_string_lossy()],
    );
    let truth = read_file(&source);
    let scan = raster::simulate_scan(&render(&source, 1, 300.0), 0.7, 2);
    let doc = reader()
        .read(&png_bytes(&scan), "contents.png", &|_| {})
        .unwrap();
    let r = recall(&truth.pages[0].text(), &doc.pages[0].text());
    eprintln!("scanned contents page: word recall {r:.4}");
    assert!(r >= 0.9, "{r}");
    let text = doc.pages[0].text();
    assert!(
        text.contains("Leased Premises") && text.contains("31."),
        "{text}"
    );
}

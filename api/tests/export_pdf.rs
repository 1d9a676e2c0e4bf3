//! PDF abstracts rendered back through pdfium: text (tenant, rent, citations, hostile text kept
//! literal), page count against the printed page numbers, and a golden image of page 1.
//!
//! The golden image is `tests/golden/abstract-page1.png`. After an intended layout change,
//! regenerate it with `LEASEGRID_UPDATE_GOLDEN=1 cargo test -p api --test export_pdf` and look
//! at the new file before committing it.

mod export_fixtures;

use api::export::{self, ExportOptions};
use chrono::NaiveDate;
use export_fixtures as fx;
use image::{DynamicImage, GrayImage};
use pdfium_render::prelude::*;
use std::path::{Path, PathBuf};

const GOLDEN: &str = "tests/golden/abstract-page1.png";
/// Page 1 is compared at this width: small enough to ignore anti-aliasing, big enough to see a
/// moved table or a missing line.
const GOLDEN_WIDTH: i32 = 459;

fn options() -> ExportOptions {
    ExportOptions {
        generated_on: NaiveDate::from_ymd_opt(2026, 11, 26),
        ..ExportOptions::default()
    }
}

fn pdfium() -> Pdfium {
    let library = functions::resources::locate().pdfium_library();
    let bindings = Pdfium::bind_to_library(&library).unwrap_or_else(|e| {
        panic!(
            "libpdfium at {} ({e:?}); run `make setup`",
            library.display()
        )
    });
    Pdfium::new(bindings)
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data")
}

/// Each page's text, whitespace collapsed.
fn page_texts(pdfium: &Pdfium, pdf: &[u8]) -> Vec<String> {
    let doc = pdfium
        .load_pdf_from_byte_slice(pdf, None)
        .expect("pdfium opens the abstract");
    doc.pages()
        .iter()
        .map(|p| {
            let text = p.text().expect("text layer").all();
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// PNG images of a real lease's pages, rendered by pdfium as the CLI does for thumbnails.
fn real_page_images(pdfium: &Pdfium) -> Vec<Vec<u8>> {
    let path = data_dir().join("leases/DL03-post-tension-nevada-henderson-lease.pdf");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = pdfium.load_pdf_from_byte_slice(&bytes, None).unwrap();
    doc.pages()
        .iter()
        .take(3)
        .map(|page| {
            let config = PdfRenderConfig::new().scale_page_by_factor(60.0 / 72.0);
            let image = page
                .render_with_config(&config)
                .unwrap()
                .as_image()
                .unwrap();
            let mut png = Vec::new();
            image
                .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
                .unwrap();
            png
        })
        .collect()
}

fn first_page_gray(pdfium: &Pdfium, pdf: &[u8]) -> GrayImage {
    let doc = pdfium.load_pdf_from_byte_slice(pdf, None).unwrap();
    let page = doc.pages().get(0).unwrap();
    let config = PdfRenderConfig::new().set_target_width(GOLDEN_WIDTH);
    page.render_with_config(&config)
        .unwrap()
        .as_image()
        .unwrap()
        .to_luma8()
}

/// Mean absolute difference (0..255) and the number of pixels that differ by more than a
/// quarter of the range: anti-aliasing moves many pixels a little, a real change moves some a lot.
fn difference(a: &GrayImage, b: &GrayImage) -> (f64, usize) {
    assert_eq!(a.dimensions(), b.dimensions(), "page 1 changed size");
    let n = f64::from(a.width() * a.height());
    let (mut sum, mut big) = (0.0, 0);
    for (p, q) in a.pixels().zip(b.pixels()) {
        let d = (f64::from(p.0[0]) - f64::from(q.0[0])).abs();
        sum += d;
        if d > 64.0 {
            big += 1;
        }
    }
    (sum / n, big)
}

// pdfium binds once per process and is not thread-safe, so every check that reads a PDF back
// runs in this one test, in order.
#[test]
fn abstracts_read_back_through_pdfium() {
    let pdfium = pdfium();
    let images = real_page_images(&pdfium);
    let pages = |n: usize| images.get(n.wrapping_sub(1)).cloned();
    let lease = fx::lease();
    let pdf = export::pdf_abstract(&lease, &pages, &options()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let texts = page_texts(&pdfium, &pdf);
    let all = texts.join(" ");

    for needle in [
        fx::TENANT,
        fx::FORMULA_LANDLORD,
        fx::MARKUP_USE,
        "$32.50 per SF per year",
        "12,450 SF",
        "March 1, 2024 to February 28, 2031",
        "$33,718.75",
        "Lease expires",
        "Generated November 26, 2026",
        "Corrected",
        "Cited pages",
        "Full service",
        "p. 2: Expiration date",
    ] {
        assert!(all.contains(needle), "missing {needle:?} in:\n{all}");
    }
    // Each value carries its citation: the tenant's row reads "… p. 1 97%".
    assert!(all.contains("p. 1 97%"), "{all}");
    assert!(all.contains("p. 2 92%"), "{all}");
    // One extracted value is below the threshold; the corrected one is not flagged.
    assert!(
        all.contains("1 value is below the review threshold of 80% confidence"),
        "{all}"
    );

    // The footer's page count agrees with the document's.
    let n = texts.len();
    assert!(
        n >= 2,
        "a lease abstract with thumbnails spans pages, got {n}"
    );
    for (i, text) in texts.iter().enumerate() {
        assert!(
            text.contains(&format!("Page {} of {n}", i + 1)),
            "page {}: {text}",
            i + 1
        );
    }

    // Without page images the abstract still renders, without the strip.
    let none = |_: usize| None;
    let plain = export::pdf_abstract(&lease, &none, &options()).unwrap();
    let plain_text = page_texts(&pdfium, &plain).join(" ");
    assert!(plain_text.contains(fx::TENANT) && !plain_text.contains("Cited pages"));

    // A rent roll abstract lists its rows and totals.
    let roll = export::pdf_abstract(&fx::rent_roll(12), &none, &options()).unwrap();
    let roll_text = page_texts(&pdfium, &roll).join(" ");
    for needle in [
        "Harbor Point Office Center",
        "+1 Dental Group",
        "12 units",
        "A5:M5",
    ] {
        assert!(
            roll_text.contains(needle),
            "missing {needle:?} in:\n{roll_text}"
        );
    }

    golden_page_one(&pdfium, &pdf);

    // The comparison notices a changed value, not only a changed layout.
    let mut other = fx::lease();
    let tenant = other.lease.as_mut().unwrap().get_mut("tenant").unwrap();
    tenant.value = serde_json::json!("Southwind Analytics, LLC");
    let changed = export::pdf_abstract(&other, &pages, &options()).unwrap();
    let (mean, big) = difference(
        &first_page_gray(&pdfium, &changed),
        &first_page_gray(&pdfium, &pdf),
    );
    eprintln!("changed tenant: mean {mean:.3}, {big} pixels");
    assert!(
        !within_tolerance(mean, big),
        "a changed tenant went unnoticed"
    );
}

/// Anti-aliasing noise passes; a moved block or a changed word does not.
fn within_tolerance(mean: f64, big: usize) -> bool {
    mean < 0.5 && big < 8
}

fn golden_page_one(pdfium: &Pdfium, pdf: &[u8]) {
    let actual = first_page_gray(pdfium, pdf);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN);
    if std::env::var_os("LEASEGRID_UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        DynamicImage::ImageLuma8(actual).save(&path).unwrap();
        return;
    }
    let golden = image::open(&path)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e}; see this file's header to regenerate",
                path.display()
            )
        })
        .to_luma8();
    let (mean, big) = difference(&actual, &golden);
    assert!(
        within_tolerance(mean, big),
        "page 1 differs from {GOLDEN}: mean {mean:.2}, {big} pixels changed a lot"
    );
}

#[test]
fn hostile_and_empty_extractions_typeset() {
    let none = |_: usize| None;
    let mut empty = fx::lease();
    empty.lease = Some(Default::default());
    let pdf = export::pdf_abstract(&empty, &none, &options()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));

    // Page images that are not images are skipped rather than failing the export.
    let junk = |_: usize| Some(b"not a png".to_vec());
    assert!(export::pdf_abstract(&fx::lease(), &junk, &options()).is_ok());
}

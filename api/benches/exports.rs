//! Export timings: a 200-row rent roll workbook, a lease workbook, a 100-lease portfolio and a
//! lease PDF abstract with its page-thumbnail strip. Prints a table; `--out DIR` also writes the
//! exported files for a look.

#[path = "../tests/export_fixtures/mod.rs"]
mod export_fixtures;

use api::export::{self, ExportOptions};
use export_fixtures as fx;
use pdfium_render::prelude::Pdfium;
use std::time::{Duration, Instant};

const RUNS: usize = 15;

/// A Letter page at 60 dpi with grey text lines, standing in for a rendered source page.
fn page_png(n: usize) -> Vec<u8> {
    let mut img = image::GrayImage::from_pixel(510, 660, image::Luma([255]));
    for line in 0..40 {
        let y = 60 + line * 14;
        let len = 300 + (line * 37 + n * 11) % 110;
        for x in 60..60 + len as u32 {
            for dy in 0..4 {
                img.put_pixel(x, y as u32 + dy, image::Luma([90]));
            }
        }
    }
    let mut out = Vec::new();
    image::DynamicImage::ImageLuma8(img)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("encoding an in-memory PNG");
    out
}

fn measure(
    name: &str,
    mut run: impl FnMut() -> anyhow::Result<Vec<u8>>,
    note: String,
) -> anyhow::Result<()> {
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    let mut size = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        size = run()?.len();
        times.push(start.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "| {name:<34} | {:>9.1} | {:>9.1} | {:>9.1} | {:>9} | {note}",
        ms(times[0]),
        ms(times[RUNS / 2]),
        ms(times[RUNS * 9 / 10]),
        size
    );
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let out = std::env::args()
        .skip_while(|a| a != "--out")
        .nth(1)
        .map(std::path::PathBuf::from);
    let options = ExportOptions {
        review_base_url: Some("https://app.leasegrid.example".into()),
        ..ExportOptions::default()
    };
    let roll = fx::rent_roll(200);
    let lease = fx::long_lease(15);
    let leases: Vec<_> = (0..100).map(|_| fx::lease()).collect();
    let images: Vec<Vec<u8>> = (1..=3).map(page_png).collect();
    let pages = |n: usize| images.get(n.wrapping_sub(1)).cloned();
    let no_pages = |_: usize| None;

    let start = Instant::now();
    let pdf = export::pdf_abstract(&lease, &pages, &options)?;
    let cold = start.elapsed();
    let roll_pdf = export::pdf_abstract(&roll, &no_pages, &options)?;
    let pdfium = pdfium()?;
    let (lease_pages, roll_pages) = (page_count(&pdfium, &pdf)?, page_count(&pdfium, &roll_pdf)?);

    println!(
        "| {:<34} | {:>9} | {:>9} | {:>9} | {:>9} | note",
        "export", "min ms", "median ms", "p90 ms", "bytes"
    );
    println!(
        "|{:-<36}|{:-<11}|{:-<11}|{:-<11}|{:-<11}|------",
        "", "", "", "", ""
    );
    measure(
        "rent roll workbook, 200 rows",
        || export::document_workbook(&roll, &options),
        "goal < 300 ms".into(),
    )?;
    measure(
        "lease workbook",
        || export::document_workbook(&lease, &options),
        String::new(),
    )?;
    measure(
        "portfolio workbook, 100 leases",
        || export::portfolio_workbook(&leases, &options),
        String::new(),
    )?;
    measure(
        &format!("lease PDF abstract, {lease_pages} pages"),
        || export::pdf_abstract(&lease, &pages, &options),
        format!(
            "goal < 300 ms; first call {:.0} ms (font index, template parse)",
            cold.as_secs_f64() * 1000.0
        ),
    )?;
    measure(
        &format!("rent roll PDF abstract, {roll_pages} pages"),
        || export::pdf_abstract(&roll, &no_pages, &options),
        String::new(),
    )?;

    if let Some(dir) = out {
        std::fs::create_dir_all(&dir)?;
        std::fs::write(
            dir.join("lease.xlsx"),
            export::document_workbook(&lease, &options)?,
        )?;
        std::fs::write(
            dir.join("rent-roll.xlsx"),
            export::document_workbook(&roll, &options)?,
        )?;
        std::fs::write(
            dir.join("portfolio.xlsx"),
            export::portfolio_workbook(&leases, &options)?,
        )?;
        std::fs::write(dir.join("lease.pdf"), &pdf)?;
        std::fs::write(dir.join("rent-roll.pdf"), &roll_pdf)?;
        eprintln!("wrote the exports to {}", dir.display());
    }
    Ok(())
}

fn pdfium() -> anyhow::Result<Pdfium> {
    let library = functions::resources::locate().pdfium_library();
    let bindings = Pdfium::bind_to_library(&library)
        .map_err(|e| anyhow::anyhow!("libpdfium at {}: {e:?}", library.display()))?;
    Ok(Pdfium::new(bindings))
}

/// Pages of a PDF as pdfium counts them.
fn page_count(pdfium: &Pdfium, pdf: &[u8]) -> anyhow::Result<usize> {
    let doc = pdfium
        .load_pdf_from_byte_slice(pdf, None)
        .map_err(|e| anyhow::anyhow!("pdfium cannot open the abstract: {e:?}"))?;
    Ok(usize::try_from(doc.pages().len())?)
}

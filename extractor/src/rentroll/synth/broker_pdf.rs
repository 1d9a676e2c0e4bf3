//! A broker's tenancy schedule as a PDF, as an offering memorandum's appendix prints it:
//! landscape pages of an unruled table whose two-row header repeats on every page, suites
//! grouped by floor with a subtotal row after each floor, vacant suites with dashes for rent,
//! month-to-month leases, recovery credits in parentheses, a property total and an occupancy
//! summary block kept on the total's page, page footers, and dates written day-first when the
//! broker is asked to (as UK and Australian brokers do).

use super::{Lease, group_thousands, print_money};
use crate::rentroll::values::cents;
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::pdf_text::{PdfPage, write};

const WIDTH: f32 = 792.0;
const HEIGHT: f32 = 612.0;
const SIZE: f32 = 8.0;
const PITCH: f32 = 11.0;
/// The lowest top a table line may have; the footer sits well below it.
const LAST_LINE: f32 = HEIGHT - 72.0;
const SUITES_PER_FLOOR: usize = 10;

const SUITE_X: f32 = 36.0;
const TENANT_X: f32 = 84.0;
const AREA_R: f32 = 330.0;
const START_X: f32 = 350.0;
const END_X: f32 = 412.0;
const MONTHLY_R: f32 = 540.0;
const ANNUAL_R: f32 = 625.0;
const PSF_R: f32 = 680.0;
const RECOVERIES_R: f32 = 752.0;

/// Where a unit's row was printed, with the dates it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub unit: String,
    /// 1-based page number.
    pub page: usize,
    /// The row's top and bottom as fractions of the page height.
    pub top: f32,
    pub bottom: f32,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

struct Writer {
    pages: Vec<PdfPage>,
    top: f32,
    placed: Vec<Placed>,
}

impl Writer {
    fn page(&mut self) -> &mut PdfPage {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(PdfPage::new(WIDTH, HEIGHT));
        self.top = 40.0;
        self.header();
    }

    /// The header split over two lines, as the export's column titles wrap.
    fn header(&mut self) {
        let top = self.top;
        let page = self.page();
        page.right(AREA_R, top, SIZE, "Rentable");
        page.left(START_X, top, SIZE, "Lease");
        page.left(END_X, top, SIZE, "Lease");
        page.right(MONTHLY_R, top, SIZE, "Monthly");
        page.right(ANNUAL_R, top, SIZE, "Annual");
        page.right(PSF_R, top, SIZE, "Rent");
        page.right(RECOVERIES_R, top, SIZE, "Recoveries");
        let lower = top + 10.0;
        page.left(SUITE_X, lower, SIZE, "Suite");
        page.left(TENANT_X, lower, SIZE, "Tenant");
        page.right(AREA_R, lower, SIZE, "Area (SF)");
        page.left(START_X, lower, SIZE, "Start");
        page.left(END_X, lower, SIZE, "Expiry");
        page.right(MONTHLY_R, lower, SIZE, "Rent");
        page.right(ANNUAL_R, lower, SIZE, "Rent");
        page.right(PSF_R, lower, SIZE, "PSF");
        page.right(RECOVERIES_R, lower, SIZE, "/ Month");
        self.top = lower + 14.0;
    }

    /// Room for `lines` more lines on this page, or a new page.
    fn keep(&mut self, lines: usize) {
        if self.top + PITCH * (lines as f32 - 1.0) > LAST_LINE {
            self.new_page();
        }
    }

    fn line(&mut self, cells: &[(Align, &str)]) -> (usize, f32) {
        self.keep(1);
        let top = self.top;
        let page = self.page();
        for (align, text) in cells {
            match align {
                Align::Left(x) => page.left(*x, top, SIZE, text),
                Align::Right(x) => page.right(*x, top, SIZE, text),
            }
        }
        self.top += PITCH;
        (self.pages.len(), top)
    }
}

enum Align {
    Left(f32),
    Right(f32),
}

fn area_text(area: u32) -> String {
    group_thousands(&area.to_string())
}

/// The schedule's PDF bytes, whether its stated totals are right (always), and where each
/// unit's row went.
pub(crate) fn write_pdf(
    leases: &[Lease],
    property: &str,
    as_of: NaiveDate,
    day_first: bool,
) -> (Vec<u8>, Option<bool>, Vec<Placed>) {
    let date = |d: NaiveDate| {
        d.format(if day_first { "%d/%m/%Y" } else { "%m/%d/%Y" })
            .to_string()
    };
    let mut w = Writer {
        pages: vec![PdfPage::new(WIDTH, HEIGHT)],
        top: 0.0,
        placed: Vec::with_capacity(leases.len()),
    };
    let first = w.page();
    first.bold(SUITE_X, 36.0, 14.0, "Tenancy Schedule");
    first.left(SUITE_X, 60.0, 9.0, &format!("Property: {property}"));
    first.left(
        SUITE_X,
        73.0,
        9.0,
        &format!(
            "{} {}",
            if day_first { "As at" } else { "As of" },
            date(as_of)
        ),
    );
    w.top = 110.0;
    w.header();
    let twelve = Decimal::from(12);
    let (mut all_area, mut all_monthly) = (0u32, Decimal::ZERO);
    for (f, floor) in leases.chunks(SUITES_PER_FLOOR).enumerate() {
        let (mut area, mut monthly) = (0u32, Decimal::ZERO);
        for lease in floor {
            let area_s = area_text(lease.area);
            area += lease.area;
            let (page, top, start, end) = match &lease.tenant {
                None => {
                    let (page, top) = w.line(&[
                        (Align::Left(SUITE_X), &lease.unit),
                        (Align::Left(TENANT_X), "VACANT"),
                        (Align::Right(AREA_R), &area_s),
                        (Align::Right(MONTHLY_R), "-"),
                        (Align::Right(ANNUAL_R), "-"),
                    ]);
                    (page, top, None, None)
                }
                Some(tenant) => {
                    monthly += lease.monthly;
                    let start = date(lease.start);
                    let end = lease.end.map_or_else(|| "MTM".to_string(), date);
                    let rent = print_money(lease.monthly);
                    let annual = print_money(cents(lease.monthly * twelve));
                    let psf = print_money(lease.psf);
                    // Some recoveries are credits back to the tenant after a reconciliation.
                    let recoveries = if lease.area % 7 == 3 {
                        -lease.cam
                    } else {
                        lease.cam
                    };
                    let recoveries = print_money(recoveries);
                    let (page, top) = w.line(&[
                        (Align::Left(SUITE_X), &lease.unit),
                        (Align::Left(TENANT_X), tenant),
                        (Align::Right(AREA_R), &area_s),
                        (Align::Left(START_X), &start),
                        (Align::Left(END_X), &end),
                        (Align::Right(MONTHLY_R), &rent),
                        (Align::Right(ANNUAL_R), &annual),
                        (Align::Right(PSF_R), &psf),
                        (Align::Right(RECOVERIES_R), &recoveries),
                    ]);
                    (page, top, Some(lease.start), lease.end)
                }
            };
            w.placed.push(Placed {
                unit: lease.unit.clone(),
                page,
                top: top / HEIGHT,
                bottom: (top + SIZE) / HEIGHT,
                start,
                end,
            });
        }
        w.line(&[
            (Align::Left(TENANT_X), &format!("Subtotal Floor {}", f + 1)),
            (Align::Right(AREA_R), &area_text(area)),
            (Align::Right(MONTHLY_R), &print_money(monthly)),
            (Align::Right(ANNUAL_R), &print_money(monthly * twelve)),
        ]);
        all_area += area;
        all_monthly += monthly;
    }
    // The total and the summary below it stay together on one page.
    w.keep(6);
    w.line(&[
        (Align::Left(TENANT_X), "Total Property"),
        (Align::Right(AREA_R), &area_text(all_area)),
        (Align::Right(MONTHLY_R), &print_money(all_monthly)),
        (Align::Right(ANNUAL_R), &print_money(all_monthly * twelve)),
    ]);
    let vacant: Vec<&Lease> = leases.iter().filter(|l| l.vacant()).collect();
    let vacant_area: u32 = vacant.iter().map(|l| l.area).sum();
    w.line(&[
        (Align::Left(TENANT_X), "Occupancy Summary"),
        (Align::Right(AREA_R), "Area (SF)"),
        (Align::Left(START_X), "Suites"),
        (Align::Left(END_X), "% of Area"),
    ]);
    let percent = |part: u32| {
        format!(
            "{:.1}%",
            f64::from(part) * 100.0 / f64::from(all_area.max(1))
        )
    };
    let occupied_s = (leases.len() - vacant.len()).to_string();
    let vacant_s = vacant.len().to_string();
    for (label, area, count) in [
        ("Occupied", all_area - vacant_area, occupied_s.as_str()),
        ("Vacant", vacant_area, vacant_s.as_str()),
    ] {
        w.line(&[
            (Align::Left(TENANT_X), label),
            (Align::Right(AREA_R), &area_text(area)),
            (Align::Left(START_X), count),
            (Align::Left(END_X), &percent(area)),
        ]);
    }
    let total_pages = w.pages.len();
    for (i, page) in w.pages.iter_mut().enumerate() {
        page.left(
            SUITE_X,
            HEIGHT - 28.0,
            7.0,
            "Confidential - for discussion only",
        );
        page.right(
            WIDTH - 36.0,
            HEIGHT - 28.0,
            7.0,
            &format!("Page {} of {total_pages}", i + 1),
        );
    }
    (write(&w.pages), Some(true), w.placed)
}

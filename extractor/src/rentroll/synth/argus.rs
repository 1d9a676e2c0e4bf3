//! An Argus-style tenancy schedule: a two-row header with a merged "Lease" banner, one block per
//! lease whose first line is marked "Current" and whose following lines are future rent steps,
//! rents given only per square foot per year, vacant suites, and notes at the foot.

use super::{Lease, excel_date, f64_of};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};

pub fn write(
    leases: &[Lease],
    property: &str,
    as_of: NaiveDate,
) -> Result<(Vec<u8>, Option<bool>), String> {
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("mmm dd, yyyy");
    let plain = Format::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Tenancy Schedule").map_err(e)?;
    sheet.write_string(0, 0, "Tenancy Schedule").map_err(e)?;
    sheet.write_string(1, 0, property).map_err(e)?;
    sheet
        .write_string(2, 0, format!("As of {}", super::us_date(as_of)))
        .map_err(e)?;
    for (c, h) in ["Tenant", "Suite", "Area", "", "", "Rent", "Rate"]
        .iter()
        .enumerate()
    {
        if !h.is_empty() {
            sheet.write_string(4, c as u16, *h).map_err(e)?;
        }
    }
    sheet.merge_range(4, 3, 4, 4, "Lease", &plain).map_err(e)?;
    for (c, h) in ["Name", "", "(SF)", "Start", "End", "Date", "$/SF/Yr"]
        .iter()
        .enumerate()
    {
        if !h.is_empty() {
            sheet.write_string(5, c as u16, *h).map_err(e)?;
        }
    }
    let mut row = 6u32;
    for lease in leases {
        sheet.write_string(row, 1, &lease.unit).map_err(e)?;
        sheet
            .write_number(row, 2, f64::from(lease.area))
            .map_err(e)?;
        let Some(tenant) = &lease.tenant else {
            sheet.write_string(row, 0, "Vacant").map_err(e)?;
            row += 2;
            continue;
        };
        sheet.write_string(row, 0, tenant).map_err(e)?;
        sheet
            .write_datetime_with_format(row, 3, excel_date(lease.start)?, &date)
            .map_err(e)?;
        if let Some(end) = lease.end {
            sheet
                .write_datetime_with_format(row, 4, excel_date(end)?, &date)
                .map_err(e)?;
        }
        sheet.write_string(row, 5, "Current").map_err(e)?;
        sheet.write_number(row, 6, f64_of(lease.psf)).map_err(e)?;
        for (k, (step_date, _)) in lease.steps.iter().enumerate() {
            row += 1;
            sheet
                .write_datetime_with_format(row, 5, excel_date(*step_date)?, &date)
                .map_err(e)?;
            let step_psf = lease.psf * (Decimal::ONE + Decimal::new(3 * (k as i64 + 1), 2));
            sheet
                .write_number(row, 6, f64_of(step_psf.round_dp(2)))
                .map_err(e)?;
        }
        row += 2;
    }
    sheet.write_string(row, 0, "Notes:").map_err(e)?;
    sheet
        .write_string(
            row + 1,
            0,
            "Rents are contractual base rents per square foot per year.",
        )
        .map_err(e)?;
    Ok((book.save_to_buffer().map_err(e)?, None))
}

//! Yardi Voyager's "Rent Roll with Lease Charges": a header split over two rows, one line per
//! unit carrying its rent charge, charge sub-rows (CAM, tax, an occasional negative free-rent
//! credit) below it, a total of all charges, and a "Summary Groups" block that is not units.

use super::{Lease, excel_date, f64_of};
use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};

pub fn write(
    leases: &[Lease],
    property: &str,
    as_of: NaiveDate,
    rng: &mut ChaCha8Rng,
) -> Result<(Vec<u8>, Option<bool>), String> {
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("mm/dd/yyyy");
    let money = Format::new().set_num_format("#,##0.00;(#,##0.00)");
    let sheet = book.add_worksheet();
    sheet.set_name("Report1").map_err(e)?;
    sheet
        .write_string(
            0,
            0,
            format!("{property} (prop{})", rng.random_range(10..99)),
        )
        .map_err(e)?;
    sheet
        .write_string(1, 0, "Rent Roll with Lease Charges")
        .map_err(e)?;
    sheet
        .write_string(2, 0, format!("As Of = {}", super::us_date(as_of)))
        .map_err(e)?;
    sheet
        .write_string(3, 0, "Sq Ft Basis: Rentable")
        .map_err(e)?;
    let upper = [
        "Unit", "Lease", "Lease", "Lease", "Sq", "Charge", "Monthly", "Annual", "Annual",
        "Security",
    ];
    let lower = [
        "",
        "",
        "From",
        "To",
        "Ft",
        "Code",
        "Amount",
        "Amount",
        "Amt/Sq Ft",
        "Deposit",
    ];
    for (c, (u, l)) in upper.iter().zip(lower).enumerate() {
        sheet.write_string(5, c as u16, *u).map_err(e)?;
        if !l.is_empty() {
            sheet.write_string(6, c as u16, l).map_err(e)?;
        }
    }
    let mut row = 7u32;
    let (mut area, mut charges, mut deposits) = (0u32, Decimal::ZERO, Decimal::ZERO);
    for lease in leases {
        sheet.write_string(row, 0, &lease.unit).map_err(e)?;
        sheet
            .write_number(row, 4, f64::from(lease.area))
            .map_err(e)?;
        area += lease.area;
        let Some(tenant) = &lease.tenant else {
            sheet.write_string(row, 1, "VACANT").map_err(e)?;
            row += 2;
            continue;
        };
        sheet.write_string(row, 1, tenant).map_err(e)?;
        sheet
            .write_datetime_with_format(row, 2, excel_date(lease.start)?, &date)
            .map_err(e)?;
        if let Some(end) = lease.end {
            sheet
                .write_datetime_with_format(row, 3, excel_date(end)?, &date)
                .map_err(e)?;
        }
        sheet
            .write_number_with_format(row, 9, f64_of(lease.deposit), &money)
            .map_err(e)?;
        deposits += lease.deposit;
        let mut lines = vec![
            ("rnt", lease.monthly),
            ("cam", lease.cam),
            ("tax", lease.tax),
        ];
        if rng.random_bool(0.2) {
            lines.push(("freernt", -lease.monthly));
        }
        for (code, amount) in lines {
            sheet.write_string(row, 5, code).map_err(e)?;
            sheet
                .write_number_with_format(row, 6, f64_of(amount), &money)
                .map_err(e)?;
            sheet
                .write_number_with_format(row, 7, f64_of(amount * Decimal::from(12)), &money)
                .map_err(e)?;
            let psf = amount * Decimal::from(12) / Decimal::from(lease.area);
            sheet
                .write_number_with_format(row, 8, f64_of(psf.round_dp(2)), &money)
                .map_err(e)?;
            charges += amount;
            row += 1;
        }
        row += 1;
    }
    sheet.write_string(row, 0, "Total").map_err(e)?;
    sheet.write_number(row, 4, f64::from(area)).map_err(e)?;
    sheet
        .write_number_with_format(row, 6, f64_of(charges), &money)
        .map_err(e)?;
    sheet
        .write_number_with_format(row, 9, f64_of(deposits), &money)
        .map_err(e)?;
    row += 3;
    sheet.write_string(row, 0, "Summary Groups").map_err(e)?;
    row += 1;
    for (c, h) in ["", "", "", "", "Sq Ft", "Charge Code", "Monthly Amount"]
        .iter()
        .enumerate()
    {
        sheet.write_string(row, c as u16, *h).map_err(e)?;
    }
    for (label, value) in [
        ("Current/Notice/Vacant Leases", area),
        ("Occupied", area),
        ("Totals:", area),
    ] {
        row += 1;
        sheet.write_string(row, 0, label).map_err(e)?;
        sheet.write_number(row, 4, f64::from(value)).map_err(e)?;
        sheet.write_string(row, 5, "rnt").map_err(e)?;
        sheet.write_number(row, 6, f64_of(charges)).map_err(e)?;
    }
    Ok((book.save_to_buffer().map_err(e)?, Some(true)))
}

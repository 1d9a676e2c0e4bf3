//! An MRI-style commercial rent roll: units grouped by building under a merged banner row,
//! each building closed by a subtotal row and the property by a total row; some rents printed
//! as text ("$12,345.67"), CAM credits as negatives, a market-rent column that is not rent,
//! and notes at the foot. With `wrong_total` the property total is misstated by $100.

use super::{Lease, excel_date, f64_of, print_money};
use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};

pub fn write(
    leases: &[Lease],
    property: &str,
    as_of: NaiveDate,
    wrong_total: bool,
    rng: &mut ChaCha8Rng,
) -> Result<(Vec<u8>, Option<bool>), String> {
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("m/d/yy");
    let money = Format::new().set_num_format("$#,##0.00");
    let banner = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("Rent Roll").map_err(e)?;
    sheet
        .write_string(0, 0, "Commercial Rent Roll")
        .map_err(e)?;
    sheet
        .write_string(1, 0, format!("Property: {property}"))
        .map_err(e)?;
    sheet
        .write_string(2, 0, format!("As of {}", as_of.format("%B %-d, %Y")))
        .map_err(e)?;
    let header = [
        "Bldg",
        "Suite",
        "Tenant Name",
        "Lease Start",
        "Lease Expiration",
        "GLA Sqft",
        "Monthly Base Rent",
        "Annual Rate PSF",
        "Monthly CAM",
        "Security Deposit",
        "Lease Type",
        "Market Rent",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(4, c as u16, *h).map_err(e)?;
    }
    let mut row = 5u32;
    let (mut all_area, mut all_rent) = (0u32, Decimal::ZERO);
    for (b, building) in leases.chunks(12).enumerate() {
        let name = format!("Building {}", 100 * (b + 1));
        sheet
            .merge_range(row, 0, row, 11, &name, &banner)
            .map_err(e)?;
        row += 1;
        let (mut area, mut rent) = (0u32, Decimal::ZERO);
        for lease in building {
            sheet
                .write_string(row, 0, format!("B{}", b + 1))
                .map_err(e)?;
            sheet.write_string(row, 1, &lease.unit).map_err(e)?;
            sheet
                .write_number(row, 5, f64::from(lease.area))
                .map_err(e)?;
            sheet
                .write_number_with_format(row, 11, f64_of(lease.psf + Decimal::from(3)), &money)
                .map_err(e)?;
            area += lease.area;
            match &lease.tenant {
                None => {
                    sheet.write_string(row, 2, "VACANT").map_err(e)?;
                }
                Some(tenant) => {
                    sheet.write_string(row, 2, tenant).map_err(e)?;
                    sheet
                        .write_datetime_with_format(row, 3, excel_date(lease.start)?, &date)
                        .map_err(e)?;
                    if let Some(end) = lease.end {
                        sheet
                            .write_datetime_with_format(row, 4, excel_date(end)?, &date)
                            .map_err(e)?;
                    }
                    if rng.random_bool(0.3) {
                        sheet
                            .write_string(row, 6, print_money(lease.monthly))
                            .map_err(e)?;
                    } else {
                        sheet
                            .write_number_with_format(row, 6, f64_of(lease.monthly), &money)
                            .map_err(e)?;
                    }
                    sheet.write_number(row, 7, f64_of(lease.psf)).map_err(e)?;
                    let cam = if rng.random_bool(0.15) {
                        -lease.cam
                    } else {
                        lease.cam
                    };
                    sheet.write_string(row, 8, print_money(cam)).map_err(e)?;
                    sheet
                        .write_number_with_format(row, 9, f64_of(lease.deposit), &money)
                        .map_err(e)?;
                    sheet.write_string(row, 10, "NNN").map_err(e)?;
                    rent += lease.monthly;
                }
            }
            row += 1;
        }
        sheet
            .write_string(row, 2, format!("Subtotal {name}"))
            .map_err(e)?;
        sheet.write_number(row, 5, f64::from(area)).map_err(e)?;
        sheet
            .write_number_with_format(row, 6, f64_of(rent), &money)
            .map_err(e)?;
        row += 2;
        all_area += area;
        all_rent += rent;
    }
    let stated = if wrong_total {
        all_rent + Decimal::from(100)
    } else {
        all_rent
    };
    sheet.write_string(row, 2, "Property Total").map_err(e)?;
    sheet.write_number(row, 5, f64::from(all_area)).map_err(e)?;
    sheet
        .write_number_with_format(row, 6, f64_of(stated), &money)
        .map_err(e)?;
    sheet.write_string(row + 2, 0, "Notes:").map_err(e)?;
    sheet
        .write_string(
            row + 3,
            0,
            "Market rents are asking rents and are not in-place rents.",
        )
        .map_err(e)?;
    Ok((book.save_to_buffer().map_err(e)?, Some(!wrong_total)))
}

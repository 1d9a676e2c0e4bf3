//! A RealPage/AppFolio-style residential rent roll exported as CSV in Windows-1252: a title
//! block, statuses (occupied, notice, vacant), market rent beside actual rent, money printed as
//! "$1,595.00" with negative balances in parentheses, a total row and a summary block.

use super::{Lease, print_money, us_date};
use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;

pub fn write(
    leases: &[Lease],
    property: &str,
    as_of: NaiveDate,
    rng: &mut ChaCha8Rng,
) -> (Vec<u8>, Option<bool>) {
    let mut lines = vec![
        format!("{property} Apartments"),
        "Rent Roll".to_string(),
        format!("As of: {}", us_date(as_of)),
        String::new(),
        "Unit,Unit Type,Sq Ft,Resident,Status,Market Rent,Actual Rent,Deposit,Move-In,Lease Expiration,Move-Out,Balance".to_string(),
    ];
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let (mut area, mut market, mut actual) = (0u32, Decimal::ZERO, Decimal::ZERO);
    let mut occupied = 0;
    for lease in leases {
        let kind = ["1x1", "2x1", "2x2", "3x2"][(lease.area as usize / 350).min(3)];
        let market_rent = lease.monthly + Decimal::from(rng.random_range(0..120));
        area += lease.area;
        market += market_rent;
        let line = match &lease.tenant {
            None => format!(
                "{},{kind},{},VACANT,Vacant-Unrented,{},{},,,,,",
                lease.unit,
                lease.area,
                quote(&print_money(market_rent)),
                quote("$0.00")
            ),
            Some(name) => {
                occupied += 1;
                actual += lease.monthly;
                let status = if rng.random_bool(0.1) {
                    "Notice-Rented"
                } else {
                    "Occupied"
                };
                let balance = if rng.random_bool(0.3) {
                    -Decimal::new(rng.random_range(100..9000), 2)
                } else {
                    Decimal::ZERO
                };
                format!(
                    "{},{kind},{},{},{status},{},{},{},{},{},,{}",
                    lease.unit,
                    lease.area,
                    quote(name),
                    quote(&print_money(market_rent)),
                    quote(&print_money(lease.monthly)),
                    quote(&print_money(lease.deposit)),
                    us_date(lease.start),
                    lease.end.map(us_date).unwrap_or_default(),
                    quote(&print_money(balance)),
                )
            }
        };
        lines.push(line);
    }
    lines.push(format!(
        "Total,,{area},,,{},{},,,,,",
        quote(&print_money(market)),
        quote(&print_money(actual))
    ));
    lines.push(String::new());
    lines.push("Summary".to_string());
    lines.push(format!("Occupied Units,{occupied}"));
    lines.push(format!("Total Units,{}", leases.len()));
    let text = lines.join("\r\n") + "\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    (bytes.into_owned(), Some(true))
}

//! Portfolio figures over one or many rent rolls, as the exports and the web app show them:
//! occupancy, weighted average lease term remaining (WALT), the lease expiration schedule by
//! year, and in-place rent per square foot.

use super::values::{cents, decimal_of_f64};
use crate::schema::{Money, RentRoll, UnitStatus};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortfolioFigures {
    /// The date lease terms are measured from.
    pub as_of: String,
    pub units: usize,
    pub vacant_units: usize,
    pub rentable_square_feet: f64,
    pub occupied_square_feet: f64,
    /// Occupied share of the rentable area, 0..100 (of units when no area is stated).
    pub occupancy_percent: f64,
    /// Remaining lease term in years, weighted by monthly base rent; month-to-month leases count
    /// as zero. `None` when no occupied lease states an end date.
    pub walt_years_by_rent: Option<f64>,
    /// The same, weighted by rentable area.
    pub walt_years_by_area: Option<f64>,
    pub expirations: Vec<ExpirationYear>,
    /// Annual base rent of the occupied units over their area.
    pub in_place_rent_per_sf: Option<Money>,
    pub monthly_base_rent: Money,
}

/// Leases ending in one calendar year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpirationYear {
    pub year: i32,
    pub leases: usize,
    pub square_feet: f64,
    pub annual_base_rent: Money,
    /// Share of the occupied area expiring this year, 0..100.
    pub percent_of_occupied_sf: f64,
}

/// Figures over `rolls`, with terms measured from `as_of`.
pub fn portfolio(rolls: &[RentRoll], as_of: NaiveDate) -> PortfolioFigures {
    let rows: Vec<_> = rolls.iter().flat_map(|r| &r.rows).collect();
    let vacant = |s: UnitStatus| s == UnitStatus::Vacant;
    let rsf: f64 = rows.iter().filter_map(|r| r.rentable_square_feet).sum();
    let occupied_sf: f64 = rows
        .iter()
        .filter(|r| !vacant(r.status))
        .filter_map(|r| r.rentable_square_feet)
        .sum();
    let vacant_units = rows.iter().filter(|r| vacant(r.status)).count();
    let occupancy_percent = if rsf > 0.0 {
        occupied_sf / rsf * 100.0
    } else if rows.is_empty() {
        0.0
    } else {
        (rows.len() - vacant_units) as f64 / rows.len() as f64 * 100.0
    };

    let (mut rent_weight, mut rent_years, mut area_weight, mut area_years) = (0.0, 0.0, 0.0, 0.0);
    let mut expirations: BTreeMap<i32, (usize, f64, Decimal)> = BTreeMap::new();
    let mut occupied_annual = Decimal::ZERO;
    let mut occupied_area_with_rent = 0.0;
    let mut monthly_total = Decimal::ZERO;
    for row in rows.iter().filter(|r| !vacant(r.status)) {
        let monthly = row
            .monthly_base_rent
            .as_ref()
            .map_or(Decimal::ZERO, |m| m.amount);
        monthly_total += monthly;
        let annual = row
            .annual_base_rent
            .as_ref()
            .map_or(monthly * Decimal::from(12), |m| m.amount);
        let area = row.rentable_square_feet.unwrap_or(0.0);
        if area > 0.0 && !annual.is_zero() {
            occupied_annual += annual;
            occupied_area_with_rent += area;
        }
        let end = row
            .lease_end
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let years = match (end, row.status) {
            (_, UnitStatus::MonthToMonth) => Some(0.0),
            (Some(end), _) => Some(((end - as_of).num_days().max(0)) as f64 / 365.25),
            (None, _) => None,
        };
        if let Some(years) = years {
            let weight = decimal_to_f64(monthly);
            rent_weight += weight;
            rent_years += weight * years;
            area_weight += area;
            area_years += area * years;
        }
        if let Some(end) = end {
            use chrono::Datelike;
            let entry = expirations
                .entry(end.year())
                .or_insert((0, 0.0, Decimal::ZERO));
            entry.0 += 1;
            entry.1 += area;
            entry.2 += annual;
        }
    }
    let round2 = |v: f64| (v * 100.0).round() / 100.0;
    PortfolioFigures {
        as_of: as_of.format("%Y-%m-%d").to_string(),
        units: rows.len(),
        vacant_units,
        rentable_square_feet: rsf,
        occupied_square_feet: occupied_sf,
        occupancy_percent: round2(occupancy_percent),
        walt_years_by_rent: (rent_weight > 0.0).then(|| round2(rent_years / rent_weight)),
        walt_years_by_area: (area_weight > 0.0).then(|| round2(area_years / area_weight)),
        expirations: expirations
            .into_iter()
            .map(|(year, (leases, square_feet, annual))| ExpirationYear {
                year,
                leases,
                square_feet,
                annual_base_rent: Money::usd(cents(annual)),
                percent_of_occupied_sf: if occupied_sf > 0.0 {
                    round2(square_feet / occupied_sf * 100.0)
                } else {
                    0.0
                },
            })
            .collect(),
        in_place_rent_per_sf: decimal_of_f64(occupied_area_with_rent)
            .filter(|a| !a.is_zero())
            .map(|area| Money::usd(cents(occupied_annual / area))),
        monthly_base_rent: Money::usd(cents(monthly_total)),
    }
}

fn decimal_to_f64(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::RentRollRow;

    fn row(area: f64, monthly: i64, end: Option<&str>, status: UnitStatus) -> RentRollRow {
        RentRollRow {
            status,
            rentable_square_feet: Some(area),
            monthly_base_rent: Some(Money::usd(Decimal::from(monthly))),
            lease_end: end.map(String::from),
            ..RentRollRow::default()
        }
    }

    #[test]
    fn figures_over_two_rolls() {
        let a = RentRoll {
            rows: vec![
                row(1000.0, 1000, Some("2026-01-01"), UnitStatus::Occupied),
                row(1000.0, 0, None, UnitStatus::Vacant),
            ],
            ..RentRoll::default()
        };
        let b = RentRoll {
            rows: vec![row(2000.0, 3000, Some("2028-01-01"), UnitStatus::Occupied)],
            ..RentRoll::default()
        };
        let as_of = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let p = portfolio(&[a, b], as_of);
        assert_eq!((p.units, p.vacant_units), (3, 1));
        assert_eq!(p.occupancy_percent, 75.0);
        // One year at rent 1,000 and three years at rent 3,000: (1 + 9) / 4 = 2.5 years.
        let walt = p.walt_years_by_rent.unwrap();
        assert!((walt - 2.5).abs() < 0.01, "{walt}");
        assert_eq!(
            p.expirations.iter().map(|e| e.year).collect::<Vec<_>>(),
            vec![2026, 2028]
        );
        // 48,000 a year over 3,000 SF.
        assert_eq!(p.in_place_rent_per_sf.unwrap().amount.to_string(), "16.00");
    }
}

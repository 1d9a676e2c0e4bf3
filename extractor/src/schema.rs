//! The extraction output contract (`shared/schema/extraction.schema.json`): what the CLI prints,
//! the API serves and the exports read. Field names and encodings here are a public contract.

use crate::bbox::BBox;
use crate::model::Diagnostic;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub schema_version: u32,
    pub document: DocumentInfo,
    pub kind: ExtractionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lease: Option<FieldMap>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rent_roll: Option<RentRoll>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom: Option<CustomResult>,
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub filename: String,
    pub sha256: String,
    pub media_type: String,
    #[serde(default)]
    pub pages: Vec<PageInfo>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageInfo {
    pub number: usize,
    pub width_pt: f32,
    pub height_pt: f32,
    pub text_source: crate::model::TextSource,
    #[serde(default)]
    pub ocr_confidence: Option<f32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExtractionKind {
    Lease,
    Amendment,
    RentRoll,
    Custom,
    Unknown,
}

/// Fields keyed by their schema name (`landlord`, `base_rent`, ...).
pub type FieldMap = BTreeMap<String, Field>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomResult {
    pub template: String,
    pub fields: FieldMap,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FieldStatus {
    #[default]
    Extracted,
    Corrected,
    Approved,
}

/// One extracted value with where it was read and how sure we are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The normalized value in its schema encoding; `null` when the document does not state it.
    pub value: serde_json::Value,
    /// Calibrated 0..1.
    pub confidence: f64,
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub status: FieldStatus,
}

impl Field {
    /// A field the document does not state.
    pub fn absent(confidence: f64) -> Self {
        Field {
            value: serde_json::Value::Null,
            confidence,
            evidence: vec![],
            status: FieldStatus::Extracted,
        }
    }
}

/// Where a value was read: a page box and verbatim text, or a sheet and cell range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Evidence {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BBox>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<String>,
}

/// `{"amount": "12345.67", "currency": "USD"}` with a decimal amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    pub amount: Decimal,
    pub currency: String,
}

impl Money {
    pub fn usd(amount: Decimal) -> Self {
        Money {
            amount,
            currency: "USD".into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RentPeriod {
    Monthly,
    Annual,
}

/// Money plus its period and whether the lease states it per square foot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rent {
    pub amount: Decimal,
    pub currency: String,
    pub period: RentPeriod,
    pub per_sf: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct RentRoll {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub property: Option<Field>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of_date: Option<Field>,
    pub rows: Vec<RentRollRow>,
    pub totals: RentRollTotals,
    /// What reading the roll noticed: totals that disagree with the document's, skipped tables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum UnitStatus {
    #[default]
    Occupied,
    Vacant,
    Notice,
    MonthToMonth,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct RentRollRow {
    pub unit: Option<String>,
    pub tenant: Option<String>,
    pub status: UnitStatus,
    pub rentable_square_feet: Option<f64>,
    /// ISO date.
    pub lease_start: Option<String>,
    /// ISO date.
    pub lease_end: Option<String>,
    pub monthly_base_rent: Option<Money>,
    pub annual_base_rent: Option<Money>,
    pub annual_rent_per_sf: Option<Money>,
    pub recoveries_monthly: Option<Money>,
    pub security_deposit: Option<Money>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub rent_steps: Vec<RentStep>,
    #[serde(default)]
    pub extras: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RentStep {
    pub start: Option<String>,
    pub monthly: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct RentRollTotals {
    pub units: usize,
    pub rentable_square_feet: f64,
    pub occupied_square_feet: f64,
    pub occupancy_percent: f64,
    pub monthly_base_rent: Option<Money>,
    pub stated_totals_match: Option<bool>,
    /// Units with status vacant.
    #[serde(default)]
    pub vacant_units: usize,
    /// Sum of the rows' annual base rent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_base_rent: Option<Money>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn money_amount_is_a_decimal_string() {
        let m = Money::usd(Decimal::from_str("12345.60").unwrap());
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"amount":"12345.60","currency":"USD"}"#
        );
    }

    #[test]
    fn kinds_use_schema_spelling() {
        assert_eq!(
            serde_json::to_string(&ExtractionKind::RentRoll).unwrap(),
            "\"rent_roll\""
        );
        assert_eq!(
            serde_json::to_string(&UnitStatus::MonthToMonth).unwrap(),
            "\"month_to_month\""
        );
    }
}

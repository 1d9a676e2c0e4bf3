//! Cell formats and typed cell writers shared by every sheet: dates as dates, money as numbers
//! in a currency format, and text always as text so a cell reading `=HYPERLINK(…)` stays inert.

use crate::export::values::{Amount, Value};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    ColNum, Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, RowNum, Worksheet,
    XlsxError,
};

/// Excel refuses longer strings in a cell.
const MAX_CELL_TEXT: usize = 32_767;
/// Autofit stops here so a long quote does not make a column screen-wide (pixels).
const MAX_COLUMN_PIXELS: u32 = 420;

/// The formats one workbook uses.
pub struct Formats {
    pub title: Format,
    pub header: Format,
    pub text: Format,
    pub wrap: Format,
    pub note: Format,
    pub date: Format,
    pub area: Format,
    pub number: Format,
    pub integer: Format,
    pub percent: Format,
    pub confidence: Format,
    pub months: Format,
    /// Fill for values below the review threshold.
    pub review_fill: Color,
}

impl Formats {
    pub fn new() -> Formats {
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            text: Format::new().set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x595959)),
            date: Format::new()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Top),
            area: Format::new()
                .set_num_format("#,##0")
                .set_align(FormatAlign::Top),
            number: Format::new()
                .set_num_format("General")
                .set_align(FormatAlign::Top),
            integer: Format::new()
                .set_num_format("0")
                .set_align(FormatAlign::Top),
            percent: Format::new()
                .set_num_format("0.00%")
                .set_align(FormatAlign::Top),
            confidence: Format::new()
                .set_num_format("0%")
                .set_align(FormatAlign::Top),
            months: Format::new()
                .set_num_format("0 \"months\"")
                .set_align(FormatAlign::Top),
            review_fill: Color::RGB(0xFFF2CC),
        }
    }

    /// A currency format: `$#,##0.00` for USD, `#,##0.00 "EUR"` for others, with an optional unit
    /// suffix such as ` per SF per year`.
    pub fn money(&self, currency: &str, suffix: &str) -> Format {
        // The currency code comes from the document: keep it to letters so it cannot break out of
        // the quoted literal in the number format.
        let code: String = currency
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let suffix: String = suffix.chars().filter(|c| *c != '"').collect();
        let body = match code.as_str() {
            "USD" | "" => "\"$\"#,##0.00".to_string(),
            other => format!("#,##0.00\" {other}\""),
        };
        let num_format = if suffix.is_empty() {
            body
        } else {
            format!("{body}\"{suffix}\"")
        };
        Format::new()
            .set_num_format(num_format)
            .set_align(FormatAlign::Top)
    }

    /// `format` with the bold top rule of a totals row.
    pub fn total(format: &Format) -> Format {
        format.clone().set_bold().set_border_top(FormatBorder::Thin)
    }
}

/// Writes text as a string cell, never as a formula, truncated to what Excel accepts.
pub fn text(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    s: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let s = match s.char_indices().nth(MAX_CELL_TEXT) {
        Some((end, _)) => &s[..end],
        None => s,
    };
    ws.write_string_with_format(row, col, s, format)?;
    Ok(())
}

pub fn date(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    d: NaiveDate,
    format: &Format,
) -> Result<(), XlsxError> {
    match excel_date(d) {
        Some(x) => {
            ws.write_date_with_format(row, col, &x, format)?;
        }
        // Excel has no dates before 1900 or after 9999: show such a value as its ISO text.
        None => text(ws, row, col, &d.to_string(), format)?,
    }
    Ok(())
}

pub fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

pub fn money(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    amount: &Amount,
    formats: &Formats,
) -> Result<(), XlsxError> {
    ws.write_number_with_format(
        row,
        col,
        amount.as_f64(),
        &formats.money(&amount.currency, ""),
    )?;
    Ok(())
}

/// Writes an optional amount, leaving the cell empty when there is none.
pub fn money_opt(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    amount: Option<&Amount>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match amount {
        Some(a) => money(ws, row, col, a, formats),
        None => Ok(()),
    }
}

/// Writes a formula with its cached result, so readers that do not calculate (calamine,
/// previews, mail clients) still see the number.
pub fn formula(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    expr: &str,
    result: impl ToString,
    format: &Format,
) -> Result<(), XlsxError> {
    let f = Formula::new(expr).set_result(result.to_string());
    ws.write_formula_with_format(row, col, f, format)?;
    Ok(())
}

/// Writes a decoded field value in its native cell type; `fill` highlights it for review.
pub fn value(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    v: &Value,
    formats: &Formats,
    fill: Option<Color>,
) -> Result<(), XlsxError> {
    let with_fill = |f: &Format| match fill {
        Some(c) => f.clone().set_background_color(c),
        None => f.clone(),
    };
    match v {
        Value::Empty => text(ws, row, col, &v.display(), &with_fill(&formats.note)),
        Value::Date(d) => date(ws, row, col, *d, &with_fill(&formats.date)),
        Value::Money(m) => number(
            ws,
            row,
            col,
            m.as_f64(),
            &with_fill(&formats.money(&m.currency, "")),
        ),
        Value::Rent {
            money,
            annual,
            per_sf,
        } => {
            let suffix = match (per_sf, annual) {
                (true, true) => " /SF/yr",
                (true, false) => " /SF/mo",
                (false, true) => " /yr",
                (false, false) => " /mo",
            };
            let f = with_fill(&formats.money(&money.currency, suffix));
            number(ws, row, col, money.as_f64(), &f)
        }
        Value::Area(a) => number(ws, row, col, *a, &with_fill(&formats.area)),
        Value::Number(n) => number(ws, row, col, *n, &with_fill(&formats.number)),
        Value::Percent(p) => number(ws, row, col, p / 100.0, &with_fill(&formats.percent)),
        Value::Months(m) => number(ws, row, col, *m as f64, &with_fill(&formats.months)),
        Value::Year(y) => number(ws, row, col, *y as f64, &with_fill(&formats.integer)),
        Value::Text(_) | Value::Renewal { .. } | Value::Schedule(_) | Value::CriticalDates(_) => {
            text(ws, row, col, &v.display(), &with_fill(&formats.wrap))
        }
    }
}

fn number(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    n: f64,
    format: &Format,
) -> Result<(), XlsxError> {
    ws.write_number_with_format(row, col, n, format)?;
    Ok(())
}

/// Writes a header row at `row`.
pub fn header(
    ws: &mut Worksheet,
    row: RowNum,
    titles: &[&str],
    formats: &Formats,
) -> Result<(), XlsxError> {
    for (col, title) in (0..).zip(titles) {
        text(ws, row, col, title, &formats.header)?;
    }
    Ok(())
}

/// Freezes the header, filters the table `header_row..=last_row` and fits column widths.
pub fn finish_table(
    ws: &mut Worksheet,
    header_row: RowNum,
    last_row: RowNum,
    columns: usize,
) -> Result<(), XlsxError> {
    ws.set_freeze_panes(header_row + 1, 0)?;
    let last_col = ColNum::try_from(columns.saturating_sub(1)).unwrap_or(ColNum::MAX);
    ws.autofilter(header_row, 0, last_row.max(header_row), last_col)?;
    ws.set_autofit_max_width(MAX_COLUMN_PIXELS);
    ws.autofit();
    Ok(())
}

/// `A1`-style reference for zero-based `row`, `col`.
pub fn cell(row: RowNum, col: ColNum) -> String {
    rust_xlsxwriter::utility::row_col_to_cell(row, col)
}

/// `A2:A9`-style reference for column `col`, rows `first..=last`.
pub fn column_range(col: ColNum, first: RowNum, last: RowNum) -> String {
    format!("{}:{}", cell(first, col), cell(last, col))
}

/// `$F$2:$F$9`-style reference, for formulas that other rows copy.
pub fn absolute_range(col: ColNum, first: RowNum, last: RowNum) -> String {
    rust_xlsxwriter::utility::cell_range_absolute(first, col, last, col)
}

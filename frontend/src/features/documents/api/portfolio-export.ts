//! `GET /api/v1/exports/portfolio.xlsx`: one workbook across the organization's documents,
//! downloaded by the browser itself with the session cookie.

export const PORTFOLIO_EXPORT_URL = "/api/v1/exports/portfolio.xlsx";

//! Addresses of a document's files: rendered pages (`pages/{n}.png`) and exports
//! (`export.xlsx`, `export.pdf`). The browser fetches them itself, with the session cookie.

const base = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}`;

export function pageImageUrl(id: string, page: number): string {
  return `${base(id)}/pages/${page}.png`;
}

export type ExportFormat = "xlsx" | "pdf";

export function exportUrl(id: string, format: ExportFormat): string {
  return `${base(id)}/export.${format}`;
}

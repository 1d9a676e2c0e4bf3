//! The API's JSON shapes (issue 7 and `shared/schema/extraction.schema.json`) with parsers that
//! check them, shared by every feature.

import { arr, num, obj, oneOf, optNum, optStr, str, type Obj } from "../lib/guards";

export const DOCUMENT_STATUSES = ["queued", "processing", "done", "failed"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_KINDS = ["lease", "amendment", "rent_roll", "custom", "unknown"] as const;

/** A document as the API answers it: top-level fields, no envelope. */
export interface DocumentSummary {
  id: string;
  status: DocumentStatus;
  filename: string;
  media_type: string;
  sha256: string;
  size: number;
  /** `null` until the extractor has classified the document. */
  kind: string | null;
  pages: number | null;
  pages_done: number;
  created_at: string;
  error: string | null;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export function parseDocument(v: unknown, path = "document"): DocumentSummary {
  const o = obj(v, path);
  return {
    id: typeof o.id === "number" ? String(o.id) : str(o.id, `${path}.id`),
    status: oneOf(o.status, DOCUMENT_STATUSES, `${path}.status`),
    filename: str(o.filename, `${path}.filename`),
    media_type: optStr(o.media_type, `${path}.media_type`) ?? "",
    sha256: optStr(o.sha256, `${path}.sha256`) ?? "",
    size: optNum(o.size, `${path}.size`) ?? 0,
    kind: optStr(o.kind, `${path}.kind`),
    pages: optNum(o.pages, `${path}.pages`),
    pages_done: optNum(o.pages_done, `${path}.pages_done`) ?? 0,
    created_at: str(o.created_at, `${path}.created_at`),
    error: optStr(o.error, `${path}.error`),
  };
}

export function parsePage<T>(v: unknown, item: (v: unknown, path: string) => T, path = "list"): Page<T> {
  const o = obj(v, path);
  return {
    items: arr(o.items, `${path}.items`).map((x, i) => item(x, `${path}.items[${i}]`)),
    next_cursor: optStr(o.next_cursor, `${path}.next_cursor`),
  };
}

// ---- Extraction (the stored and served contract) ----

export const FIELD_STATUSES = ["extracted", "corrected", "approved"] as const;
export type FieldStatus = (typeof FIELD_STATUSES)[number];

export interface Evidence {
  page?: number;
  bbox?: [number, number, number, number];
  text?: string;
  sheet?: string;
  cells?: string;
}

export interface Field {
  value: unknown;
  confidence: number;
  evidence: Evidence[];
  status: FieldStatus;
}

export interface Money {
  amount: string;
  currency: string;
}

export interface RentRollRow {
  unit: string | null;
  tenant: string | null;
  status: string | null;
  rentable_square_feet: number | null;
  lease_start: string | null;
  lease_end: string | null;
  monthly_base_rent: Money | null;
  annual_base_rent: Money | null;
  annual_rent_per_sf: Money | null;
  evidence: Evidence[];
}

export interface RentRoll {
  property: Field | null;
  as_of_date: Field | null;
  rows: RentRollRow[];
  totals: Obj | null;
}

export interface Diagnostic {
  severity: "info" | "warning" | "error";
  page: number | null;
  message: string;
}

export interface Extraction {
  schema_version: number;
  kind: string;
  document: { filename: string; sha256: string; media_type: string; pages: { number: number; width_pt: number; height_pt: number }[] };
  lease: Record<string, Field> | null;
  rent_roll: RentRoll | null;
  custom: { template: string; fields: Record<string, Field> } | null;
  diagnostics: Diagnostic[];
}

export function parseEvidence(v: unknown, path: string): Evidence {
  const o = obj(v, path);
  const e: Evidence = {};
  if (o.page !== undefined && o.page !== null) e.page = num(o.page, `${path}.page`);
  if (o.bbox !== undefined && o.bbox !== null) {
    const b = arr(o.bbox, `${path}.bbox`).map((x, i) => num(x, `${path}.bbox[${i}]`));
    if (b.length !== 4) throw new Error(`unexpected API answer: ${path}.bbox should have 4 numbers`);
    e.bbox = [b[0], b[1], b[2], b[3]];
  }
  if (typeof o.text === "string") e.text = o.text;
  if (typeof o.sheet === "string") e.sheet = o.sheet;
  if (typeof o.cells === "string") e.cells = o.cells;
  return e;
}

export function parseField(v: unknown, path: string): Field {
  const o = obj(v, path);
  return {
    value: o.value ?? null,
    confidence: num(o.confidence, `${path}.confidence`),
    evidence: o.evidence == null ? [] : arr(o.evidence, `${path}.evidence`).map((e, i) => parseEvidence(e, `${path}.evidence[${i}]`)),
    status: o.status == null ? "extracted" : oneOf(o.status, FIELD_STATUSES, `${path}.status`),
  };
}

function parseFieldMap(v: unknown, path: string): Record<string, Field> {
  const o = obj(v, path);
  const out: Record<string, Field> = {};
  for (const [k, f] of Object.entries(o)) if (f !== null && f !== undefined) out[k] = parseField(f, `${path}.${k}`);
  return out;
}

function parseMoney(v: unknown, path: string): Money | null {
  if (v === null || v === undefined) return null;
  const o = obj(v, path);
  return { amount: str(o.amount, `${path}.amount`), currency: str(o.currency, `${path}.currency`) };
}

function parseRentRollRow(v: unknown, path: string): RentRollRow {
  const o = obj(v, path);
  return {
    unit: optStr(o.unit, `${path}.unit`),
    tenant: optStr(o.tenant, `${path}.tenant`),
    status: optStr(o.status, `${path}.status`),
    rentable_square_feet: optNum(o.rentable_square_feet, `${path}.rentable_square_feet`),
    lease_start: optStr(o.lease_start, `${path}.lease_start`),
    lease_end: optStr(o.lease_end, `${path}.lease_end`),
    monthly_base_rent: parseMoney(o.monthly_base_rent, `${path}.monthly_base_rent`),
    annual_base_rent: parseMoney(o.annual_base_rent, `${path}.annual_base_rent`),
    annual_rent_per_sf: parseMoney(o.annual_rent_per_sf, `${path}.annual_rent_per_sf`),
    evidence: o.evidence == null ? [] : arr(o.evidence, `${path}.evidence`).map((e, i) => parseEvidence(e, `${path}.evidence[${i}]`)),
  };
}

export function parseExtraction(v: unknown, path = "extraction"): Extraction {
  const o = obj(v, path);
  const doc = obj(o.document, `${path}.document`);
  const rr = o.rent_roll == null ? null : obj(o.rent_roll, `${path}.rent_roll`);
  const custom = o.custom == null ? null : obj(o.custom, `${path}.custom`);
  return {
    schema_version: num(o.schema_version, `${path}.schema_version`),
    kind: str(o.kind, `${path}.kind`),
    document: {
      filename: str(doc.filename, `${path}.document.filename`),
      sha256: str(doc.sha256, `${path}.document.sha256`),
      media_type: str(doc.media_type, `${path}.document.media_type`),
      pages: doc.pages == null
        ? []
        : arr(doc.pages, `${path}.document.pages`).map((p, i) => {
            const po = obj(p, `${path}.document.pages[${i}]`);
            return {
              number: num(po.number, `${path}.document.pages[${i}].number`),
              width_pt: num(po.width_pt, `${path}.document.pages[${i}].width_pt`),
              height_pt: num(po.height_pt, `${path}.document.pages[${i}].height_pt`),
            };
          }),
    },
    lease: o.lease == null ? null : parseFieldMap(o.lease, `${path}.lease`),
    rent_roll: rr && {
      property: rr.property == null ? null : parseField(rr.property, `${path}.rent_roll.property`),
      as_of_date: rr.as_of_date == null ? null : parseField(rr.as_of_date, `${path}.rent_roll.as_of_date`),
      rows: rr.rows == null ? [] : arr(rr.rows, `${path}.rent_roll.rows`).map((r, i) => parseRentRollRow(r, `${path}.rent_roll.rows[${i}]`)),
      totals: rr.totals == null ? null : obj(rr.totals, `${path}.rent_roll.totals`),
    },
    custom: custom && {
      template: optStr(custom.template, `${path}.custom.template`) ?? "",
      fields: custom.fields == null ? {} : parseFieldMap(custom.fields, `${path}.custom.fields`),
    },
    diagnostics: o.diagnostics == null
      ? []
      : arr(o.diagnostics, `${path}.diagnostics`).map((d, i) => {
          const dd = obj(d, `${path}.diagnostics[${i}]`);
          return {
            severity: oneOf(dd.severity, ["info", "warning", "error"] as const, `${path}.diagnostics[${i}].severity`),
            page: optNum(dd.page, `${path}.diagnostics[${i}].page`),
            message: str(dd.message, `${path}.diagnostics[${i}].message`),
          };
        }),
  };
}

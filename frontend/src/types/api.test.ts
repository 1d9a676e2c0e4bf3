import { describe, expect, it } from "vitest";
import { parseDocument, parseExtraction, parsePage } from "./api";

const doc = {
  id: "0193a3b2-7c1e-7c55-9d1e-5f0a2b9c1d44",
  status: "processing",
  filename: "lease.pdf",
  media_type: "application/pdf",
  sha256: "ab".repeat(32),
  size: 123456,
  kind: null,
  pages: 10,
  pages_done: 3,
  created_at: "2026-11-26T16:00:00Z",
  error: null,
};

describe("parseDocument / parsePage", () => {
  it("reads the list shape with its cursor", () => {
    const page = parsePage({ items: [doc], next_cursor: "n1" }, parseDocument);
    expect(page.next_cursor).toBe("n1");
    expect(page.items[0]).toMatchObject({ status: "processing", pages: 10, pages_done: 3, kind: null });
  });

  it("names the exact path when the server drifts from the contract", () => {
    expect(() => parsePage({ items: [{ ...doc, status: "running" }], next_cursor: null }, parseDocument, "documents")).toThrow(
      "documents.items[0].status should be one of queued, processing, done, failed",
    );
    expect(() => parsePage({ data: [] }, parseDocument)).toThrow("list.items should be an array");
    expect(() => parseDocument({ ...doc, filename: 7 })).toThrow("document.filename should be a string");
  });
});

describe("parseExtraction", () => {
  const extraction = {
    schema_version: 1,
    kind: "lease",
    document: { filename: "lease.pdf", sha256: "ab".repeat(32), media_type: "application/pdf", pages: [{ number: 1, width_pt: 612, height_pt: 792, text_source: "pdf_text" }] },
    lease: {
      tenant: { value: "Acme, Inc.", confidence: 0.93, evidence: [{ page: 1, bbox: [0.1, 0.2, 0.5, 0.25], text: "Acme, Inc." }], status: "extracted" },
      guarantor: { value: null, confidence: 0.4, evidence: [] },
    },
    diagnostics: [{ severity: "warning", page: 2, message: "low OCR confidence" }],
  };

  it("reads fields, evidence and diagnostics; a missing status means extracted", () => {
    const x = parseExtraction(extraction);
    expect(x.lease?.tenant.evidence[0].bbox).toEqual([0.1, 0.2, 0.5, 0.25]);
    expect(x.lease?.guarantor.status).toBe("extracted");
    expect(x.diagnostics[0]).toEqual({ severity: "warning", page: 2, message: "low OCR confidence" });
    expect(x.rent_roll).toBeNull();
  });

  it("refuses a malformed bbox and a missing confidence", () => {
    const bad = structuredClone(extraction);
    bad.lease.tenant.evidence[0].bbox = [0.1, 0.2];
    expect(() => parseExtraction(bad)).toThrow("extraction.lease.tenant.evidence[0].bbox should have 4 numbers");
    const noConf = structuredClone(extraction) as Record<string, any>;
    delete noConf.lease.tenant.confidence;
    expect(() => parseExtraction(noConf)).toThrow("extraction.lease.tenant.confidence should be a number");
  });

  it("reads rent-roll rows with money and spreadsheet evidence", () => {
    const x = parseExtraction({
      ...extraction,
      kind: "rent_roll",
      lease: undefined,
      rent_roll: {
        property: { value: "Tower", confidence: 0.9, evidence: [{ sheet: "Rent Roll", cells: "A1" }] },
        rows: [{ unit: "100", tenant: null, status: "vacant", rentable_square_feet: 1200, monthly_base_rent: null, evidence: [{ sheet: "Rent Roll", cells: "A5:K5" }] }],
        totals: { units: 1 },
      },
    });
    expect(x.rent_roll?.rows[0]).toMatchObject({ unit: "100", status: "vacant", monthly_base_rent: null, evidence: [{ sheet: "Rent Roll", cells: "A5:K5" }] });
    expect(x.rent_roll?.as_of_date).toBeNull();
  });
});

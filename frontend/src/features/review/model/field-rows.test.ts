import { describe, expect, it } from "vitest";
import type { Extraction, Field } from "../../../types/api";
import { applyFieldChange, fieldApiName, fieldRows, needsReview } from "./field-rows";

const f = (value: unknown, confidence = 0.9): Field => ({ value, confidence, evidence: [{ page: 1 }], status: "extracted" });
const x: Extraction = {
  schema_version: 1,
  kind: "lease",
  document: { filename: "a.pdf", sha256: "0".repeat(64), media_type: "application/pdf", pages: [] },
  lease: { governing_law: f("Texas"), tenant: f("Acme"), landlord: f("Owner LP", 0.5), zz_extra: f(1) },
  rent_roll: null,
  custom: { template: "t", fields: { notice_address: f("1 Main St") } },
  diagnostics: [],
};

describe("fieldRows", () => {
  it("lists lease fields in the schema's order, unknown ones after, then custom fields", () => {
    expect(fieldRows(x).map((r) => r.id)).toEqual(["lease.landlord", "lease.tenant", "lease.governing_law", "lease.zz_extra", "custom.notice_address"]);
    expect(fieldRows(x)[2].label).toBe("Governing law");
  });
  it("flags only unreviewed values below the threshold", () => {
    expect(needsReview(x.lease!.landlord)).toBe(true);
    expect(needsReview(x.lease!.tenant)).toBe(false);
    expect(needsReview({ ...x.lease!.landlord, status: "approved" })).toBe(false);
  });
});

describe("applyFieldChange", () => {
  it("replaces one field without touching the original", () => {
    const y = applyFieldChange(x, "lease.tenant", { value: "Acme, Inc.", status: "corrected" });
    expect(y.lease!.tenant).toMatchObject({ value: "Acme, Inc.", status: "corrected", confidence: 0.9 });
    expect(x.lease!.tenant.value).toBe("Acme");
    expect(applyFieldChange(x, "custom.notice_address", { value: null, status: "corrected" }).custom!.fields.notice_address.value).toBeNull();
  });
  it("leaves the extraction as is for an unknown row", () => {
    expect(applyFieldChange(x, "lease.nope", { value: 1, status: "corrected" })).toBe(x);
  });
  it("names fields by their own key for the API", () => {
    expect(fieldApiName("lease.base_rent")).toBe("base_rent");
    expect(fieldApiName("custom.notice_address")).toBe("notice_address");
    expect(fieldApiName("rent_roll.as_of_date")).toBe("as_of_date");
  });
});

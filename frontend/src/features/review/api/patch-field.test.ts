import { describe, expect, it } from "vitest";
import { patchFieldRequest } from "./patch-field";

describe("patchFieldRequest", () => {
  it("sends a correction with the version it was made against", () => {
    const r = patchFieldRequest({ documentId: "doc/1", rowId: "lease.base_rent", value: { amount: "10.00", currency: "USD" }, status: "corrected", note: "per amendment" }, '"7"');
    expect(r.path).toBe("/api/v1/documents/doc%2F1/fields/base_rent");
    expect(r.body).toEqual({ value: { amount: "10.00", currency: "USD" }, status: "corrected", note: "per amendment" });
    expect(r.headers).toEqual({ "If-Match": '"7"' });
  });
  it("sends an approval without a value (it confirms the server's), and no version when there is none", () => {
    const r = patchFieldRequest({ documentId: "d", rowId: "rent_roll.as_of_date", value: "2024-01-31", status: "approved" }, null);
    expect(r.path).toBe("/api/v1/documents/d/fields/as_of_date");
    expect(r.body).toEqual({ status: "approved" });
    expect(r.headers).toEqual({});
  });
  it("sends a return to the extracted value (an undo) as a revert, not a correction", () => {
    const r = patchFieldRequest({ documentId: "d", rowId: "lease.term_months", value: 60, status: "extracted", note: "undo" }, '"v2"');
    expect(r.body).toEqual({ status: "extracted", note: "undo" });
    expect(r.headers).toEqual({ "If-Match": '"v2"' });
  });
});

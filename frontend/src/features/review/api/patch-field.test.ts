import { describe, expect, it } from "vitest";
import { patchFieldRequest } from "./patch-field";

describe("patchFieldRequest", () => {
  it("sends a correction with the version it was made against", () => {
    const r = patchFieldRequest({ documentId: "doc/1", rowId: "lease.base_rent", value: { amount: "10.00", currency: "USD" }, status: "corrected", note: "per amendment" }, '"7"');
    expect(r.path).toBe("/api/v1/documents/doc%2F1/fields/base_rent");
    expect(r.body).toEqual({ value: { amount: "10.00", currency: "USD" }, status: "corrected", note: "per amendment" });
    expect(r.headers).toEqual({ "If-Match": '"7"' });
  });
  it("sends an approval without a version when the server gave none, and qualifies non-lease fields", () => {
    const r = patchFieldRequest({ documentId: "d", rowId: "rent_roll.as_of_date", value: "2024-01-31", status: "approved" }, null);
    expect(r.path).toBe("/api/v1/documents/d/fields/rent_roll.as_of_date");
    expect(r.body).toEqual({ value: "2024-01-31", status: "approved" });
    expect(r.headers).toEqual({});
  });
});

import { describe, expect, it } from "vitest";
import { parseCorrections } from "./list-corrections";

const row = {
  id: "c1", field: "base_rent", action: "correct", actor: "user:a@example.com", created_at: "2026-11-26T17:00:00Z", note: "per amendment", version: 2,
  before_value: JSON.stringify({ value: { amount: "8000.00", currency: "USD", period: "monthly", per_sf: false }, confidence: 0.58, evidence: [], status: "extracted" }),
  after_value: JSON.stringify({ value: { amount: "8250.00", currency: "USD", period: "monthly", per_sf: false }, confidence: 1, evidence: [], status: "corrected" }),
};

describe("parseCorrections", () => {
  it("reads who, when and the value on each side", () => {
    const [c] = parseCorrections([row]);
    expect(c).toMatchObject({ field: "base_rent", actor: "user:a@example.com", note: "per amendment", version: 2 });
    expect(c.before).toEqual({ amount: "8000.00", currency: "USD", period: "monthly", per_sf: false });
    expect((c.after as { amount: string }).amount).toBe("8250.00");
  });
  it("keeps a row whose stored JSON is unreadable, and refuses a row without its actor", () => {
    expect(parseCorrections([{ ...row, before_value: "{not json" }])[0].before).toBeUndefined();
    expect(() => parseCorrections([{ ...row, actor: undefined }])).toThrow("corrections[0].actor should be a string");
  });
});

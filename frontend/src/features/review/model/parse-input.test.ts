import { describe, expect, it } from "vitest";
import { editorText, parseInput } from "./parse-input";

describe("parseInput", () => {
  it("keeps a rent's currency, period and per-SF flag and strips formatting from the amount", () => {
    const prev = { amount: "32.50", currency: "USD", period: "annual", per_sf: true };
    expect(parseInput("$1,234.50", "base_rent", prev)).toEqual({ ok: true, value: { ...prev, amount: "1234.50" } });
    expect(parseInput("twelve", "base_rent", prev).ok).toBe(false);
  });

  it("fills money encodings for a money field that was not stated", () => {
    expect(parseInput("5,000", "security_deposit", null)).toEqual({ ok: true, value: { currency: "USD", amount: "5000" } });
  });

  it("accepts only real calendar dates for date fields", () => {
    expect(parseInput("2019-11-01", "commencement_date", null)).toEqual({ ok: true, value: "2019-11-01" });
    expect(parseInput("2019-02-30", "commencement_date", "2019-02-01").ok).toBe(false);
    expect(parseInput("11/01/2019", "expiration_date", null).ok).toBe(false);
  });

  it("reads numbers for areas, percents and months", () => {
    expect(parseInput("2,394", "rentable_square_feet", 2300)).toEqual({ ok: true, value: 2394 });
    expect(parseInput("3.5%", "escalation_percent", null)).toEqual({ ok: true, value: 3.5 });
    expect(parseInput("61.5", "term_months", 60).ok).toBe(false);
  });

  it("takes structured values as JSON, text as text, and empty as not stated", () => {
    expect(parseInput('{"count":2,"months":60,"text":"two 5-year options"}', "renewal_options", { count: 1 })).toEqual({
      ok: true,
      value: { count: 2, months: 60, text: "two 5-year options" },
    });
    expect(parseInput("{oops", "renewal_options", { count: 1 }).ok).toBe(false);
    expect(parseInput(" Texas ", "governing_law", "Nevada")).toEqual({ ok: true, value: "Texas" });
    expect(parseInput("   ", "tenant", "Acme")).toEqual({ ok: true, value: null });
  });

  it("shows money by its amount in the editor and structures as JSON", () => {
    expect(editorText({ amount: "10.00", currency: "USD" })).toBe("10.00");
    expect(editorText({ count: 0 })).toBe('{"count":0}');
    expect(editorText(null)).toBe("");
  });
});

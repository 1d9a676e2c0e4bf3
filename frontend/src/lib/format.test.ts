import { describe, expect, it } from "vitest";
import { formatBytes, formatValue, groupDigits } from "./format";

describe("formatValue", () => {
  it("shows money, rent and areas without floating-point arithmetic", () => {
    expect(groupDigits("1234567.891")).toBe("1,234,567.891");
    expect(formatValue({ amount: "12345678901234567.10", currency: "USD" })).toBe("$12,345,678,901,234,567.10");
    expect(formatValue({ amount: "32.50", currency: "USD", period: "annual", per_sf: true })).toBe("$32.50/SF annual");
    expect(formatValue({ amount: "900", currency: "CHF" })).toBe("900 CHF");
    expect(formatValue(16541)).toBe("16,541");
  });
  it("shows structures readably and not-stated as a dash", () => {
    expect(formatValue(null)).toBe("—");
    expect(formatValue({ count: 2, months: 60, text: "x" })).toBe("2 options × 60 months");
    expect(formatValue([{ date: "2030-01-31", kind: "option_notice", description: "renewal notice due" }])).toBe("2030-01-31 option notice (renewal notice due)");
    expect(formatValue({ city: "Henderson", zip: null })).toBe("city: Henderson");
  });
  it("shows a rent schedule as periods with their rent", () => {
    const steps = [
      { start: "2008-01-01", end: "2008-12-31", monthly: { amount: "8000.00", currency: "USD" }, annual: { amount: "96000.00", currency: "USD" } },
      { start: "2009-01-01", end: null, monthly: null, annual: { amount: "99000.00", currency: "USD" } },
    ];
    expect(formatValue(steps)).toBe("2008-01-01 – 2008-12-31: $8,000.00/mo; 2009-01-01 – —: $99,000.00/yr");
  });
  it("formats sizes", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(200 * 1024 * 1024)).toBe("200 MB");
  });
});

import { describe, expect, it } from "vitest";
import { parseHealth } from "./health";

describe("parseHealth", () => {
  it("accepts the server's shape", () => {
    expect(parseHealth({ status: "ok" })).toEqual({ status: "ok" });
  });
  it("rejects anything else", () => {
    expect(() => parseHealth({ status: 1 })).toThrow();
    expect(() => parseHealth(null)).toThrow();
  });
});

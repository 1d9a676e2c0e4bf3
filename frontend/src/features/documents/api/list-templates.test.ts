import { describe, expect, it } from "vitest";
import { parseTemplates } from "./list-templates";

describe("parseTemplates", () => {
  it("reads a list page or a bare array", () => {
    expect(parseTemplates({ items: [{ name: "ground_lease", description: "solar ground leases" }], next_cursor: null })).toEqual([
      { name: "ground_lease", description: "solar ground leases" },
    ]);
    expect(parseTemplates([{ name: "nda" }])).toEqual([{ name: "nda", description: null }]);
  });
  it("names what is wrong", () => {
    expect(() => parseTemplates({ items: [{ title: "x" }] })).toThrow("templates.items[0].name should be a string");
  });
});

import { describe, expect, it } from "vitest";
import { matchRoute } from "./router";

describe("matchRoute", () => {
  it("maps the two screens", () => {
    expect(matchRoute("/")).toEqual({ name: "documents" });
    expect(matchRoute("/documents/")).toEqual({ name: "documents" });
    expect(matchRoute("/documents/0193a3b2-7c1e")).toEqual({ name: "review", id: "0193a3b2-7c1e" });
    expect(matchRoute("/documents/a%2Fb")).toEqual({ name: "review", id: "a/b" });
  });
  it("answers not-found for anything else, including a broken escape", () => {
    expect(matchRoute("/documents/1/extra")).toEqual({ name: "not-found", path: "/documents/1/extra" });
    expect(matchRoute("/documents/%E0%A4%A")).toEqual({ name: "not-found", path: "/documents/%E0%A4%A" });
  });
});

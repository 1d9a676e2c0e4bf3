import { describe, expect, it } from "vitest";
import type { DocumentSummary } from "../../../types/api";
import { applyProgress, parseProgressEvent } from "./document-events";

describe("parseProgressEvent", () => {
  it("reads progress, a whole document, and named outcome events", () => {
    expect(parseProgressEvent('{"pages_done":3,"pages_total":10}')).toEqual({ pages_done: 3, pages: 10 });
    expect(parseProgressEvent('{"status":"processing","pages":10,"pages_done":4,"id":"x"}')).toEqual({ status: "processing", pages: 10, pages_done: 4 });
    expect(parseProgressEvent("{}", "done")).toEqual({ status: "done" });
    expect(parseProgressEvent('{"error":"not a lease"}', "failed")).toEqual({ status: "failed", error: "not a lease" });
  });
  it("ignores what it cannot read instead of throwing", () => {
    expect(parseProgressEvent("keep-alive")).toBeNull();
    expect(parseProgressEvent('{"status":"exploded"}')).toBeNull();
    expect(parseProgressEvent("42")).toBeNull();
  });
});

describe("applyProgress", () => {
  const doc: DocumentSummary = {
    id: "d", status: "processing", filename: "a.pdf", media_type: "application/pdf", sha256: "", size: 1,
    kind: null, pages: 10, pages_done: 5, created_at: "2026-11-26T00:00:00Z", error: null,
  };
  it("moves progress forward only, and takes the outcome", () => {
    expect(applyProgress(doc, { pages_done: 3 }).pages_done).toBe(5);
    expect(applyProgress(doc, { pages_done: 7 }).pages_done).toBe(7);
    expect(applyProgress(doc, { status: "done", pages_done: 10 })).toMatchObject({ status: "done", pages_done: 10 });
  });
});

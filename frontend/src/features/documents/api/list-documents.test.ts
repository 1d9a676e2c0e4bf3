import { describe, expect, it } from "vitest";
import type { DocumentSummary } from "../../../types/api";
import { refreshInterval } from "./list-documents";

const doc = (status: DocumentSummary["status"]): DocumentSummary => ({
  id: status, status, filename: "f", media_type: "", sha256: "", size: 0, kind: null, pages: null, pages_done: 0, created_at: "", error: null,
});

describe("refreshInterval", () => {
  it("polls while a listed document is still being read, and stops when all are finished", () => {
    expect(refreshInterval({ items: [doc("done"), doc("processing")], next_cursor: null })).toBe(1500);
    expect(refreshInterval({ items: [doc("queued")], next_cursor: null })).toBe(1500);
    expect(refreshInterval({ items: [doc("done"), doc("failed")], next_cursor: null })).toBe(false);
    expect(refreshInterval(undefined)).toBe(false);
  });
});

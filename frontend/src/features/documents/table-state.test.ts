import { describe, expect, it } from "vitest";
import { currentCursor, initialTableState, listQueryKey, listQueryString, restoreTableState, savedTableState, tableReducer } from "./table-state";

describe("documents table state", () => {
  it("asks the server for the newest documents first by default", () => {
    expect(listQueryString(initialTableState)).toBe("sort=-created_at&limit=25");
  });

  it("puts sorting, filters, page size and cursor in the request and the key", () => {
    let s = tableReducer(initialTableState, { type: "sort", sorting: [{ id: "filename", desc: false }] });
    s = tableReducer(s, { type: "filter", filters: { status: "done", kind: "lease", q: "  suite 550 " } });
    s = tableReducer(s, { type: "pageSize", pageSize: 50 });
    s = tableReducer(s, { type: "next", cursor: "abc/=" });
    const qs = new URLSearchParams(listQueryString(s));
    expect(Object.fromEntries(qs)).toEqual({ sort: "filename", status: "done", kind: "lease", q: "suite 550", limit: "50", cursor: "abc/=" });
    expect(listQueryKey(s)).not.toEqual(listQueryKey(tableReducer(s, { type: "previous" })));
  });

  it("pages forward and back through cursors", () => {
    let s = tableReducer(initialTableState, { type: "next", cursor: "c1" });
    s = tableReducer(s, { type: "next", cursor: "c2" });
    expect(currentCursor(s)).toBe("c2");
    s = tableReducer(s, { type: "previous" });
    expect(currentCursor(s)).toBe("c1");
    s = tableReducer(tableReducer(s, { type: "previous" }), { type: "previous" });
    expect(s.cursors).toEqual([null]);
  });

  it("returns to the first page when sorting or filters change", () => {
    const deep = tableReducer(initialTableState, { type: "next", cursor: "c1" });
    expect(tableReducer(deep, { type: "filter", filters: { status: "failed" } }).cursors).toEqual([null]);
    expect(tableReducer(deep, { type: "sort", sorting: [{ id: "filename", desc: true }] }).cursors).toEqual([null]);
    expect(tableReducer(deep, { type: "pageSize", pageSize: 100 }).cursors).toEqual([null]);
  });

  it("ignores sorting by a column the server cannot sort and never leaves the table unsorted", () => {
    expect(tableReducer(initialTableState, { type: "sort", sorting: [{ id: "size", desc: true }] }).sorting).toEqual(initialTableState.sorting);
    expect(tableReducer(initialTableState, { type: "sort", sorting: [] }).sorting).toEqual(initialTableState.sorting);
  });
});

describe("saved views", () => {
  it("round-trip sorting, filters and page size, starting on the first page", () => {
    let s = tableReducer(initialTableState, { type: "sort", sorting: [{ id: "filename", desc: true }] });
    s = tableReducer(s, { type: "filter", filters: { status: "failed", q: "tower" } });
    s = tableReducer(s, { type: "pageSize", pageSize: 100 });
    s = tableReducer(s, { type: "next", cursor: "c9" });
    const saved = JSON.parse(JSON.stringify(savedTableState(s)));
    expect(saved).not.toHaveProperty("cursors");
    const loaded = tableReducer(initialTableState, { type: "load", state: restoreTableState(saved) });
    expect(listQueryString(loaded)).toBe("sort=-filename&status=failed&q=tower&limit=100");
  });

  it("fall back to defaults for anything a view no longer validly names", () => {
    const r = restoreTableState({ sorting: [{ id: "dropped_column", desc: true }], filters: { status: 3 }, pageSize: 7 });
    expect(r).toEqual(initialTableState);
    expect(restoreTableState(null)).toEqual(initialTableState);
  });
});

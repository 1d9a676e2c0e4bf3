//! The documents table's server-side state (sorting, filters, cursor paging) as plain data:
//! it is the query key and maps one-to-one onto the list request's query string.

import type { SortingState } from "@tanstack/react-table";

/** Columns the server can sort by (`sort=created_at`, `sort=-filename`, ...). */
export const SORTABLE = ["created_at", "filename"] as const;
export type SortColumn = (typeof SORTABLE)[number];

export interface DocumentFilters {
  status: string;
  kind: string;
  /** Free-text match on the file name. */
  q: string;
}

export interface DocumentsTableState {
  sorting: SortingState;
  filters: DocumentFilters;
  pageSize: number;
  /** Cursors of the pages visited so far; the last one is the page shown (`null` = first page). */
  cursors: (string | null)[];
}

export const PAGE_SIZES = [25, 50, 100] as const;

export const initialTableState: DocumentsTableState = {
  sorting: [{ id: "created_at", desc: true }],
  filters: { status: "", kind: "", q: "" },
  pageSize: 25,
  cursors: [null],
};

export type TableAction =
  | { type: "sort"; sorting: SortingState }
  | { type: "filter"; filters: Partial<DocumentFilters> }
  | { type: "pageSize"; pageSize: number }
  | { type: "load"; state: DocumentsTableState }
  | { type: "next"; cursor: string }
  | { type: "previous" };

/** Any change other than paging starts again from the first page: old cursors mean nothing then. */
export function tableReducer(state: DocumentsTableState, action: TableAction): DocumentsTableState {
  switch (action.type) {
    case "sort": {
      const sorting = action.sorting.filter((s) => (SORTABLE as readonly string[]).includes(s.id)).slice(0, 1);
      return { ...state, sorting: sorting.length ? sorting : initialTableState.sorting, cursors: [null] };
    }
    case "filter":
      return { ...state, filters: { ...state.filters, ...action.filters }, cursors: [null] };
    case "pageSize":
      return { ...state, pageSize: action.pageSize, cursors: [null] };
    case "load":
      return { ...action.state, cursors: [null] };
    case "next":
      return { ...state, cursors: [...state.cursors, action.cursor] };
    case "previous":
      return state.cursors.length > 1 ? { ...state, cursors: state.cursors.slice(0, -1) } : state;
  }
}

export function currentCursor(state: DocumentsTableState): string | null {
  return state.cursors[state.cursors.length - 1] ?? null;
}

/** The list request for this state, e.g. `sort=-created_at&status=done&limit=25`. */
export function listQueryString(state: DocumentsTableState): string {
  const params = new URLSearchParams();
  const sort = state.sorting[0];
  if (sort) params.set("sort", `${sort.desc ? "-" : ""}${sort.id}`);
  const q = state.filters.q.trim();
  if (state.filters.status) params.set("status", state.filters.status);
  if (state.filters.kind) params.set("kind", state.filters.kind);
  if (q) params.set("q", q);
  params.set("limit", String(state.pageSize));
  const cursor = currentCursor(state);
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}

/** The query key: everything the server's answer depends on, and nothing else. */
export function listQueryKey(state: DocumentsTableState) {
  return ["documents", "list", listQueryString(state)] as const;
}

/** What a saved view keeps: everything but the position in the cursor chain. */
export function savedTableState(state: DocumentsTableState) {
  return { table: "documents", sorting: state.sorting, filters: state.filters, pageSize: state.pageSize };
}

/**
 * Reads a saved view's state back, keeping only what is still valid (a view saved by an older
 * version may name a column or a page size that no longer exists); the rest is the default.
 */
export function restoreTableState(v: unknown): DocumentsTableState {
  const o = typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
  const sorting = Array.isArray(o.sorting)
    ? o.sorting
        .filter((s): s is { id: string; desc: boolean } => typeof s?.id === "string" && (SORTABLE as readonly string[]).includes(s.id))
        .map((s) => ({ id: s.id, desc: s.desc === true }))
        .slice(0, 1)
    : [];
  const f = typeof o.filters === "object" && o.filters !== null ? (o.filters as Record<string, unknown>) : {};
  const text = (x: unknown) => (typeof x === "string" ? x : "");
  return {
    sorting: sorting.length ? sorting : initialTableState.sorting,
    filters: { status: text(f.status), kind: text(f.kind), q: text(f.q) },
    pageSize: (PAGE_SIZES as readonly number[]).includes(o.pageSize as number) ? (o.pageSize as number) : initialTableState.pageSize,
    cursors: [null],
  };
}

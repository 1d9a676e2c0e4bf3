//! The documents table: server-side sorting, filters and cursor paging, live status, uploads.

import { useReducer } from "react";
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState, type Updater } from "@tanstack/react-table";
import { formatBytes, formatDateTime, humanize } from "../../../lib/format";
import { linkClick } from "../../../lib/router";
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, type DocumentSummary } from "../../../types/api";
import { useDeleteDocument } from "../api/delete-document";
import { useDocuments } from "../api/list-documents";
import { PORTFOLIO_EXPORT_URL } from "../api/portfolio-export";
import { PAGE_SIZES, SORTABLE, initialTableState, tableReducer } from "../table-state";
import { StatusCell } from "./StatusCell";
import { UploadZone } from "./UploadZone";
import { ViewPicker } from "./ViewPicker";

const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, DocumentSummary>();
const sortable = (id: string) => (SORTABLE as readonly string[]).includes(id);

const columns = helper.columns([
  helper.accessor("filename", {
    header: "Document",
    cell: (info) => {
      const doc = info.row.original;
      const href = `/documents/${encodeURIComponent(doc.id)}`;
      return (
        <a href={href} onClick={linkClick(href)} className="doc-link">
          {doc.filename}
        </a>
      );
    },
  }),
  helper.accessor("status", { header: "Status", cell: (info) => <StatusCell doc={info.row.original} /> }),
  helper.accessor("kind", { header: "Kind", cell: (info) => (info.getValue() ? humanize(String(info.getValue())) : "—") }),
  helper.accessor("pages", { header: "Pages", cell: (info) => info.getValue() ?? "—" }),
  helper.accessor("size", { header: "Size", cell: (info) => formatBytes(info.getValue()) }),
  helper.accessor("created_at", { header: "Uploaded", cell: (info) => formatDateTime(info.getValue()) }),
  helper.display({ id: "actions", header: "", cell: (info) => <DeleteButton doc={info.row.original} /> }),
]);

function DeleteButton({ doc }: { doc: DocumentSummary }) {
  const remove = useDeleteDocument();
  return (
    <span className="actions">
      <button
        type="button"
        className="link danger"
        disabled={remove.isPending}
        onClick={() => window.confirm(`Delete ${doc.filename} and its extraction? This cannot be undone.`) && remove.mutate(doc.id)}
      >
        Delete
      </button>
      {remove.isError && (
        <span role="alert" className="error-text">
          {remove.error.message}
        </span>
      )}
    </span>
  );
}

const noRows: DocumentSummary[] = [];

export function DocumentsPage() {
  const [state, dispatch] = useReducer(tableReducer, initialTableState);
  const query = useDocuments(state);
  const page = query.data;

  const table = useTable({
    features,
    columns,
    data: page?.items ?? noRows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting: state.sorting },
    onSortingChange: (updater: Updater<SortingState>) =>
      dispatch({ type: "sort", sorting: typeof updater === "function" ? updater(state.sorting) : updater }),
  });

  const pageNumber = state.cursors.length;
  return (
    <div className="page">
      <div className="page-head">
        <h1>Documents</h1>
        <a className="button secondary" href={PORTFOLIO_EXPORT_URL} download data-testid="export-portfolio">
          Export portfolio (Excel)
        </a>
      </div>
      <UploadZone />
      <div className="toolbar" role="search">
        <input
          type="search"
          placeholder="Filter by file name"
          aria-label="Filter by file name"
          value={state.filters.q}
          onChange={(e) => dispatch({ type: "filter", filters: { q: e.target.value } })}
        />
        <select aria-label="Status" value={state.filters.status} onChange={(e) => dispatch({ type: "filter", filters: { status: e.target.value } })}>
          <option value="">All statuses</option>
          {DOCUMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
        <select aria-label="Kind" value={state.filters.kind} onChange={(e) => dispatch({ type: "filter", filters: { kind: e.target.value } })}>
          <option value="">All kinds</option>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {humanize(k)}
            </option>
          ))}
        </select>
        {query.isFetching && <span className="muted">Refreshing…</span>}
        <span className="spacer" />
        <ViewPicker state={state} onLoad={(loaded) => dispatch({ type: "load", state: loaded })} />
      </div>

      {query.isError ? (
        <p role="alert" className="error">
          Could not load documents: {query.error.message}
        </p>
      ) : (
        <table className="grid" data-testid="documents-table">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const canSort = sortable(header.column.id);
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                      {canSort ? (
                        <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span className="sort-mark">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-status={row.original.status}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {page && page.items.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="empty">
                  No documents match. Drop a lease or a rent roll above to start.
                </td>
              </tr>
            )}
            {query.isPending && (
              <tr>
                <td colSpan={columns.length} className="empty">
                  Loading…
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}

      <div className="pager">
        <label>
          Rows per page{" "}
          <select value={state.pageSize} onChange={(e) => dispatch({ type: "pageSize", pageSize: Number(e.target.value) })}>
            {PAGE_SIZES.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <span className="muted">Page {pageNumber}</span>
        <button type="button" className="secondary" disabled={pageNumber <= 1} onClick={() => dispatch({ type: "previous" })}>
          Previous
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!page?.next_cursor}
          onClick={() => page?.next_cursor && dispatch({ type: "next", cursor: page.next_cursor })}
        >
          Next
        </button>
      </div>
    </div>
  );
}

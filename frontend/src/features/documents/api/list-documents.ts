//! `GET /api/v1/documents`: one page of the organization's documents, sorted and filtered
//! by the server.

import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { sendJson } from "../../../lib/http";
import { parseDocument, parsePage, type DocumentSummary, type Page } from "../../../types/api";
import { listQueryKey, listQueryString, type DocumentsTableState } from "../table-state";

export function listDocuments(state: DocumentsTableState, signal?: AbortSignal): Promise<Page<DocumentSummary>> {
  return sendJson(`/api/v1/documents?${listQueryString(state)}`, (v) => parsePage(v, parseDocument, "documents"), { signal });
}

/** Refresh quickly while anything on the page is still being read, slowly otherwise. */
export function refreshInterval(page: Page<DocumentSummary> | undefined): number | false {
  return page?.items.some((d) => d.status === "queued" || d.status === "processing") ? 1500 : false;
}

export const documentsQueryOptions = (state: DocumentsTableState) =>
  queryOptions({
    queryKey: listQueryKey(state),
    queryFn: ({ signal }) => listDocuments(state, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => refreshInterval(q.state.data),
  });

export function useDocuments(state: DocumentsTableState) {
  return useQuery(documentsQueryOptions(state));
}

//! `GET /api/v1/documents/{id}`: one document's status and page progress.

import { queryOptions, useQuery } from "@tanstack/react-query";
import { sendJson } from "../../../lib/http";
import { parseDocument, type DocumentSummary } from "../../../types/api";

export const documentQueryKey = (id: string) => ["documents", "one", id] as const;

export function getDocument(id: string, signal?: AbortSignal): Promise<DocumentSummary> {
  return sendJson(`/api/v1/documents/${encodeURIComponent(id)}`, (v) => parseDocument(v), { signal });
}

export const documentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: documentQueryKey(id),
    queryFn: ({ signal }) => getDocument(id, signal),
    // Events carry progress; polling slowly is the fallback when a proxy drops the stream.
    refetchInterval: (q) => (q.state.data && (q.state.data.status === "done" || q.state.data.status === "failed") ? false : 5000),
  });

export function useDocument(id: string) {
  return useQuery(documentQueryOptions(id));
}

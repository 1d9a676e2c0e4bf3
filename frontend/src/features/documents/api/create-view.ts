//! `POST /api/v1/views`: saves the documents table's sorting, filters and page size by name.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sendJson } from "../../../lib/http";
import { savedTableState, type DocumentsTableState } from "../table-state";
import { parseView, viewsQueryKey } from "./list-views";

export function createView(name: string, state: DocumentsTableState) {
  return sendJson("/api/v1/views", (v) => parseView(v, "view"), { method: "POST", body: { name, state: savedTableState(state) } });
}

export function useCreateView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, state }: { name: string; state: DocumentsTableState }) => createView(name, state),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsQueryKey }),
  });
}

//! `PATCH /api/v1/documents/{id}/fields/{field}`: records a correction (new value) or an
//! approval (status) as an event on the server; the extraction's cached copy is updated at once
//! and refetched after, so the table never shows a value the server did not accept.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { send } from "../../../lib/http";
import type { FieldStatus } from "../../../types/api";
import { extractionQueryKey, type VersionedExtraction } from "./get-extraction";
import { applyFieldChange, fieldApiName } from "../model/field-rows";

export interface FieldPatch {
  documentId: string;
  /** Row id from `fieldRows`, e.g. `lease.base_rent`. */
  rowId: string;
  value: unknown;
  status: FieldStatus;
  note?: string;
}

export function patchFieldRequest(p: FieldPatch, etag: string | null): { path: string; body: Record<string, unknown>; headers: Record<string, string> } {
  const body: Record<string, unknown> = { value: p.value, status: p.status };
  if (p.note) body.note = p.note;
  return {
    path: `/api/v1/documents/${encodeURIComponent(p.documentId)}/fields/${encodeURIComponent(fieldApiName(p.rowId))}`,
    body,
    headers: etag ? { "If-Match": etag } : {},
  };
}

export function usePatchField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (p: FieldPatch) => {
      const current = client.getQueryData<VersionedExtraction>(extractionQueryKey(p.documentId));
      const req = patchFieldRequest(p, current?.etag ?? null);
      await send(req.path, { method: "PATCH", body: req.body, headers: req.headers });
    },
    onMutate: async (p) => {
      const key = extractionQueryKey(p.documentId);
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<VersionedExtraction>(key);
      if (previous) {
        client.setQueryData<VersionedExtraction>(key, {
          ...previous,
          extraction: applyFieldChange(previous.extraction, p.rowId, { value: p.value, status: p.status }),
        });
      }
      return { previous };
    },
    onError: (_e, p, context) => {
      if (context?.previous) client.setQueryData(extractionQueryKey(p.documentId), context.previous);
    },
    onSettled: (_d, _e, p) => client.invalidateQueries({ queryKey: extractionQueryKey(p.documentId) }),
  });
}

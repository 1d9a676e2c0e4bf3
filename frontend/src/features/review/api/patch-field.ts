//! `PATCH /api/v1/documents/{id}/fields/{name}`: records a correction (new value), an approval
//! or a revert to the extracted value as an event on the server, which answers the new extraction and its ETag. The
//! cached copy changes at once and is replaced by the server's answer (or restored on error).

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { send } from "../../../lib/http";
import { parseExtraction, type FieldStatus } from "../../../types/api";
import { extractionQueryKey, type VersionedExtraction } from "./get-extraction";
import { correctionsQueryKey } from "./list-corrections";
import { applyFieldChange, fieldApiName } from "../model/field-rows";

export interface FieldPatch {
  documentId: string;
  /** Row id from `fieldRows`, e.g. `lease.base_rent`. */
  rowId: string;
  value: unknown;
  status: FieldStatus;
  note?: string;
}

/**
 * The wire form of a change, one per field `status` the schema knows: `approved` confirms the
 * current value and `extracted` restores the extracted one (an undo), so neither sends a value
 * (re-encoding a number could make it differ); `corrected` sets one.
 */
export function patchFieldRequest(p: FieldPatch, etag: string | null): { path: string; body: Record<string, unknown>; headers: Record<string, string> } {
  const body: Record<string, unknown> = p.status === "corrected" ? { status: "corrected", value: p.value } : { status: p.status };
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
      const res = await send(req.path, { method: "PATCH", body: req.body, headers: req.headers });
      return { extraction: parseExtraction(await res.json()), etag: res.headers.get("ETag") } satisfies VersionedExtraction;
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
    onSuccess: (answer, p) => {
      client.setQueryData(extractionQueryKey(p.documentId), answer);
      return client.invalidateQueries({ queryKey: correctionsQueryKey(p.documentId) });
    },
    onError: (_e, p, context) => {
      if (context?.previous) client.setQueryData(extractionQueryKey(p.documentId), context.previous);
      // A 412 means someone else edited first: fetch their version.
      return client.invalidateQueries({ queryKey: extractionQueryKey(p.documentId) });
    },
  });
}

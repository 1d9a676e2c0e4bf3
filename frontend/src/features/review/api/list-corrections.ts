//! `GET /api/v1/documents/{id}/corrections`: every correction and approval of a document, oldest
//! first (who, when, before, after, note): the audit trail shown beside a selected field.

import { queryOptions, useQuery } from "@tanstack/react-query";
import { sendJson } from "../../../lib/http";
import { arr, num, obj, optStr, str } from "../../../lib/guards";

export interface Correction {
  id: string;
  field: string;
  action: string;
  actor: string;
  createdAt: string;
  note: string | null;
  version: number;
  /** The field's value before and after; `undefined` when the stored JSON cannot be read. */
  before: unknown;
  after: unknown;
}

/** The server keeps each side as the whole field in JSON text; the value is what a reader needs. */
function valueOf(json: string): unknown {
  try {
    const field: unknown = JSON.parse(json);
    return typeof field === "object" && field !== null && "value" in field ? (field as { value: unknown }).value : undefined;
  } catch {
    return undefined;
  }
}

export function parseCorrections(v: unknown): Correction[] {
  return arr(v, "corrections").map((x, i) => {
    const p = `corrections[${i}]`;
    const o = obj(x, p);
    return {
      id: str(o.id, `${p}.id`),
      field: str(o.field, `${p}.field`),
      action: str(o.action, `${p}.action`),
      actor: str(o.actor, `${p}.actor`),
      createdAt: str(o.created_at, `${p}.created_at`),
      note: optStr(o.note, `${p}.note`),
      version: num(o.version, `${p}.version`),
      before: valueOf(str(o.before_value, `${p}.before_value`)),
      after: valueOf(str(o.after_value, `${p}.after_value`)),
    };
  });
}

export const correctionsQueryKey = (id: string) => ["documents", "corrections", id] as const;

export const correctionsQueryOptions = (id: string, enabled: boolean) =>
  queryOptions({
    queryKey: correctionsQueryKey(id),
    queryFn: ({ signal }) => sendJson(`/api/v1/documents/${encodeURIComponent(id)}/corrections`, parseCorrections, { signal }),
    enabled,
  });

export function useCorrections(id: string, enabled: boolean) {
  return useQuery(correctionsQueryOptions(id, enabled));
}

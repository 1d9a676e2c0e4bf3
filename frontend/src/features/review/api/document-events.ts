//! `GET /api/v1/documents/{id}/events`: server-sent progress (page N of M) and the outcome.
//! Each event patches the cached document; the end of processing refetches the extraction.

import { useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { DOCUMENT_STATUSES, type DocumentStatus, type DocumentSummary } from "../../../types/api";
import { documentQueryKey } from "./get-document";
import { extractionQueryKey } from "./get-extraction";

export interface ProgressEvent {
  status?: DocumentStatus;
  pages_done?: number;
  pages?: number;
  error?: string | null;
}

/** Event names the stream may use besides the default `message`. */
const EVENT_NAMES = ["progress", "status", "document", "done", "failed"];

/**
 * Reads one event's data: a document, or a progress record such as `{"pages_done":3,"pages":10}`
 * (also accepted as `pages_total`). Unknown or malformed data gives `null`, never an exception:
 * a stream should not take the page down.
 */
export function parseProgressEvent(data: string, eventName = "message"): ProgressEvent | null {
  let v: unknown;
  try {
    v = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof v !== "object" || v === null) return null;
  const o = v as Record<string, unknown>;
  const out: ProgressEvent = {};
  const status = typeof o.status === "string" ? o.status : eventName === "done" || eventName === "failed" ? eventName : undefined;
  if (status && (DOCUMENT_STATUSES as readonly string[]).includes(status)) out.status = status as DocumentStatus;
  if (typeof o.pages_done === "number") out.pages_done = o.pages_done;
  const total = typeof o.pages === "number" ? o.pages : typeof o.pages_total === "number" ? o.pages_total : undefined;
  if (total !== undefined) out.pages = total;
  if (typeof o.error === "string") out.error = o.error;
  return Object.keys(out).length ? out : null;
}

export function applyProgress(doc: DocumentSummary, e: ProgressEvent): DocumentSummary {
  const next = { ...doc, ...e };
  // Events can arrive out of order after a reconnect; progress only moves forward.
  if (e.pages_done !== undefined && e.status !== "queued") next.pages_done = Math.max(doc.pages_done, e.pages_done);
  return next;
}

/** Subscribes while the document is not finished; closes on `done`/`failed` or unmount. */
export function useDocumentEvents(id: string, active: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (!active || typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/v1/documents/${encodeURIComponent(id)}/events`);
    const onEvent = (ev: MessageEvent) => {
      const e = parseProgressEvent(String(ev.data), ev.type);
      if (!e) return;
      client.setQueryData<DocumentSummary>(documentQueryKey(id), (doc) => (doc ? applyProgress(doc, e) : doc));
      if (e.status === "done" || e.status === "failed") {
        source.close();
        void client.invalidateQueries({ queryKey: documentQueryKey(id) });
        void client.invalidateQueries({ queryKey: extractionQueryKey(id) });
        void client.invalidateQueries({ queryKey: ["documents", "list"] });
      }
    };
    source.onmessage = onEvent;
    for (const name of EVENT_NAMES) source.addEventListener(name, onEvent);
    return () => source.close();
  }, [id, active, client]);
}

//! `GET /api/v1/documents/{id}/extraction`: the bare schema Extraction with corrections applied;
//! its version travels in the `ETag`, which edits send back as `If-Match`.

import { queryOptions, useQuery } from "@tanstack/react-query";
import { send } from "../../../lib/http";
import { parseExtraction, type Extraction } from "../../../types/api";

export interface VersionedExtraction {
  extraction: Extraction;
  etag: string | null;
}

export const extractionQueryKey = (id: string) => ["documents", "extraction", id] as const;

export async function getExtraction(id: string, signal?: AbortSignal): Promise<VersionedExtraction> {
  const res = await send(`/api/v1/documents/${encodeURIComponent(id)}/extraction`, { signal });
  return { extraction: parseExtraction(await res.json()), etag: res.headers.get("ETag") };
}

export const extractionQueryOptions = (id: string, enabled: boolean) =>
  queryOptions({ queryKey: extractionQueryKey(id), queryFn: ({ signal }) => getExtraction(id, signal), enabled });

export function useExtraction(id: string, enabled: boolean) {
  return useQuery(extractionQueryOptions(id, enabled));
}

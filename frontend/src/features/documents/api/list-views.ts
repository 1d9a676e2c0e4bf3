//! `GET /api/v1/views`: the organization's saved views of the documents table.

import { queryOptions, useQuery } from "@tanstack/react-query";
import { ApiError, sendJson } from "../../../lib/http";
import { arr, obj, str } from "../../../lib/guards";
import { restoreTableState, type DocumentsTableState } from "../table-state";

export interface SavedView {
  id: string;
  name: string;
  state: DocumentsTableState;
}

export function parseView(v: unknown, path: string): SavedView {
  const o = obj(v, path);
  return {
    id: typeof o.id === "number" ? String(o.id) : str(o.id, `${path}.id`),
    name: str(o.name, `${path}.name`),
    state: restoreTableState(o.state),
  };
}

/** Lists views; a server without the route answers 404, which hides the feature rather than failing. */
export async function listViews(signal?: AbortSignal): Promise<SavedView[] | null> {
  try {
    return await sendJson(
      "/api/v1/views",
      (v) => {
        const items = Array.isArray(v) ? v : obj(v, "views").items;
        return arr(items, "views.items").map((x, i) => parseView(x, `views.items[${i}]`));
      },
      { signal },
    );
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
    throw e;
  }
}

export const viewsQueryKey = ["views"] as const;

export const viewsQueryOptions = () => queryOptions({ queryKey: viewsQueryKey, queryFn: ({ signal }) => listViews(signal), staleTime: 60_000 });

export function useViews() {
  return useQuery(viewsQueryOptions());
}

//! `GET /api/v1/templates`: the organization's custom field templates, offered at upload.

import { queryOptions, useQuery } from "@tanstack/react-query";
import { ApiError, sendJson } from "../../../lib/http";
import { arr, obj, optStr, str } from "../../../lib/guards";

export interface Template {
  name: string;
  description: string | null;
}

export function parseTemplates(v: unknown): Template[] {
  const items = Array.isArray(v) ? v : obj(v, "templates").items;
  return arr(items, "templates.items").map((x, i) => {
    const o = obj(x, `templates.items[${i}]`);
    return { name: str(o.name, `templates.items[${i}].name`), description: optStr(o.description, `templates.items[${i}].description`) };
  });
}

/** A server without templates answers 404; the upload then simply offers none. */
export async function listTemplates(signal?: AbortSignal): Promise<Template[]> {
  try {
    return await sendJson("/api/v1/templates", parseTemplates, { signal });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return [];
    throw e;
  }
}

export const templatesQueryOptions = () => queryOptions({ queryKey: ["templates"], queryFn: ({ signal }) => listTemplates(signal), staleTime: 60_000 });

export function useTemplates() {
  return useQuery(templatesQueryOptions());
}

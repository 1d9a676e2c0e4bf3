//! `GET /api/v1/auth/me`: who is signed in; a 401 means nobody, which is not an error here.

import { queryOptions, useQuery } from "@tanstack/react-query";
import { ApiError, sendJson } from "../../../lib/http";
import { obj, optStr, str } from "../../../lib/guards";

export interface Me {
  /** `null` when the caller is an API key rather than a user. */
  email: string | null;
  /** `user:EMAIL` or `api_key:PREFIX`: who corrections are recorded as. */
  actor: string;
  role: string;
  org_id: string;
  org_name: string;
}

export function parseMe(v: unknown): Me {
  const o = obj(v, "me");
  return {
    email: optStr(o.email, "me.email"),
    actor: str(o.actor, "me.actor"),
    role: str(o.role, "me.role"),
    org_id: str(o.org_id, "me.org_id"),
    org_name: str(o.org_name, "me.org_name"),
  };
}

export async function getMe(): Promise<Me | null> {
  try {
    return await sendJson("/api/v1/auth/me", parseMe);
  } catch (e) {
    if (e instanceof ApiError && e.isUnauthorized) return null;
    throw e;
  }
}

export const meQueryKey = ["auth", "me"] as const;

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000, retry: false });

export function useMe() {
  return useQuery(meQueryOptions());
}

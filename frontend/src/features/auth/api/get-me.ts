//! `GET /api/v1/auth/me`: who is signed in; a 401 means nobody, which is not an error here.

import { queryOptions, useQuery } from "@tanstack/react-query";
import { ApiError, sendJson } from "../../../lib/http";
import { obj, optStr, str } from "../../../lib/guards";

export interface Me {
  email: string;
  role: string | null;
  org_id: string | null;
  org_name: string | null;
}

export function parseMe(v: unknown): Me {
  const o = obj(v, "me");
  // Some deployments nest the user and the organization; accept both flat and nested shapes.
  const user = o.user && typeof o.user === "object" ? obj(o.user, "me.user") : o;
  const org = o.org && typeof o.org === "object" ? obj(o.org, "me.org") : null;
  return {
    email: str(user.email, "me.email"),
    role: optStr(user.role ?? o.role, "me.role"),
    org_id: org ? String(org.id ?? "") : o.org_id == null ? null : String(o.org_id),
    org_name: org ? optStr(org.name, "me.org.name") : optStr(o.org_name, "me.org_name"),
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

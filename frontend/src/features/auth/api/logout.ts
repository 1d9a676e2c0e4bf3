//! `POST /api/v1/auth/logout`: ends the session and forgets every cached answer.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { send } from "../../../lib/http";
import { meQueryKey } from "./get-me";

export async function logout(): Promise<void> {
  await send("/api/v1/auth/logout", { method: "POST" });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      client.setQueryData(meQueryKey, null);
    },
  });
}

//! `POST /api/v1/auth/login`: exchanges email and password for the HttpOnly session cookie.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { send } from "../../../lib/http";
import { meQueryKey } from "./get-me";

export interface Credentials {
  email: string;
  password: string;
}

export async function login(credentials: Credentials): Promise<void> {
  await send("/api/v1/auth/login", { method: "POST", body: credentials });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ["login"],
    mutationFn: login,
    onSuccess: () => client.invalidateQueries({ queryKey: meQueryKey }),
  });
}

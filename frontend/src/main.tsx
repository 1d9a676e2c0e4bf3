//! Entry point: one query client for the whole app; a 401 on any query signs the user out.

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App } from "./App";
import { ApiError } from "./lib/http";
import "./styles.css";

// An expired session shows up on whatever request runs next; go back to sign-in.
function signOutOn401(error: unknown) {
  if (error instanceof ApiError && error.isUnauthorized) queryClient.setQueryData(["auth", "me"], null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => query.queryKey[0] !== "auth" && signOutOn401(error) }),
  mutationCache: new MutationCache({ onError: (error, _v, _c, mutation) => mutation.options.mutationKey?.[0] !== "login" && signOutOn401(error) }),
  defaultOptions: {
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2 },
  },
});

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}

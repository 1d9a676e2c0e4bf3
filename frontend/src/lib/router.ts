//! A minimal History-API router: the app has two screens, which does not earn a routing library.

import { useSyncExternalStore, type MouseEvent } from "react";

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export function navigate(path: string): void {
  if (path === window.location.pathname + window.location.search) return;
  window.history.pushState(null, "", path);
  listeners.forEach((l) => l());
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export type Route = { name: "documents" } | { name: "review"; id: string } | { name: "not-found"; path: string };

/** Maps a path to a screen; ids are taken verbatim (percent-decoded), the server validates them. */
export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/" || path === "/documents") return { name: "documents" };
  const m = /^\/documents\/([^/]+)$/.exec(path);
  if (m) {
    try {
      return { name: "review", id: decodeURIComponent(m[1]) };
    } catch {
      return { name: "not-found", path };
    }
  }
  return { name: "not-found", path };
}

/** Click handler for in-app links: plain clicks navigate in place, modified clicks open a tab. */
export function linkClick(path: string) {
  return (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(path);
  };
}

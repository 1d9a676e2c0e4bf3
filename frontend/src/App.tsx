//! The shell: who is signed in decides between the sign-in screen and the app's two screens.

import { ErrorBoundary } from "./app/ErrorBoundary";
import { LoginPage } from "./features/auth/components/LoginPage";
import { useMe } from "./features/auth/api/get-me";
import { useLogout } from "./features/auth/api/logout";
import { DocumentsPage } from "./features/documents/components/DocumentsPage";
import { ReviewPage } from "./features/review/components/ReviewPage";
import { linkClick, matchRoute, usePathname } from "./lib/router";

export function App() {
  const me = useMe();
  const logout = useLogout();
  const pathname = usePathname();
  const route = matchRoute(pathname);

  if (me.isPending) return <p className="page muted">Loading…</p>;
  if (me.isError) {
    return (
      <p role="alert" className="page error">
        The service is not reachable: {me.error.message}
      </p>
    );
  }
  if (!me.data) return <LoginPage />;

  return (
    <div className="shell">
      <header className="topbar">
        <a href="/" onClick={linkClick("/")} className="brand">
          Leasegrid
        </a>
        <nav>
          <a href="/" onClick={linkClick("/")}>
            Documents
          </a>
          <a href="/docs">API</a>
        </nav>
        <span className="spacer" />
        <span className="user" data-testid="signed-in-as">
          {me.data.email ?? me.data.actor} · {me.data.org_name} · {me.data.role}
        </span>
        <button type="button" className="ghost" onClick={() => logout.mutate()}>
          Sign out
        </button>
      </header>
      <main>
        <ErrorBoundary resetKey={pathname}>
          {route.name === "documents" && <DocumentsPage />}
          {route.name === "review" && <ReviewPage key={route.id} id={route.id} />}
          {route.name === "not-found" && (
            <p className="page">
              Nothing at {route.path}.{" "}
              <a href="/" onClick={linkClick("/")}>
                Back to documents
              </a>
            </p>
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}

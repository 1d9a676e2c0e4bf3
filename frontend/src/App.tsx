import { useQuery } from "@tanstack/react-query";
import { fetchHealth } from "./api/health";

export function App() {
  const health = useQuery({ queryKey: ["healthz"], queryFn: fetchHealth });
  return (
    <div className="shell">
      <header className="topbar">
        <h1>Leasegrid</h1>
        <span className="status" data-testid="service-status">
          {health.isPending ? "connecting…" : health.isError ? "service unavailable" : `service ${health.data.status}`}
        </span>
      </header>
      <main>
        <p>Lease and rent-roll abstraction with evidence for every value.</p>
      </main>
    </div>
  );
}

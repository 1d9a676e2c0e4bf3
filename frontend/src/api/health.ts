export interface Health {
  status: string;
}

/** Parses the liveness answer, refusing anything that is not the server's shape. */
export function parseHealth(body: unknown): Health {
  if (typeof body !== "object" || body === null || typeof (body as Health).status !== "string") {
    throw new Error("unexpected /healthz answer");
  }
  return { status: (body as Health).status };
}

export async function fetchHealth(): Promise<Health> {
  const res = await fetch("/healthz");
  if (!res.ok) throw new Error(`healthz answered ${res.status}`);
  return parseHealth(await res.json());
}

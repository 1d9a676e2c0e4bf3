//! The one place the web app talks HTTP: same-origin cookies, the CSRF echo on writes, and
//! RFC 9457 problem answers turned into a typed error the screens can show.

/** Name of the double-submit cookie the server sets next to the session cookie. */
export const CSRF_COOKIE = "leasegrid_csrf";
/** Header that must echo the CSRF cookie on cookie-authenticated writes. */
export const CSRF_HEADER = "X-CSRF-Token";

/** An RFC 9457 problem, or the closest we can make of a non-problem error answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;

  constructor(status: number, title: string, detail?: string, type?: string) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = type;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

/** Builds an `ApiError` from an error answer's status and (possibly non-JSON) body. */
export function problemFrom(status: number, statusText: string, body: unknown): ApiError {
  if (typeof body === "object" && body !== null) {
    const p = body as Record<string, unknown>;
    const title = typeof p.title === "string" && p.title ? p.title : statusText || `HTTP ${status}`;
    const detail = typeof p.detail === "string" ? p.detail : undefined;
    const type = typeof p.type === "string" ? p.type : undefined;
    return new ApiError(status, title, detail, type);
  }
  const text = typeof body === "string" && body.trim() ? body.trim().slice(0, 300) : undefined;
  return new ApiError(status, statusText || `HTTP ${status}`, text);
}

/** Reads one cookie visible to scripts (the CSRF cookie is; the session cookie is not). */
export function readCookie(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Headers for a request: the CSRF echo on writes, JSON content type when a JSON body is sent. */
export function requestHeaders(method: string, hasJsonBody: boolean, cookies: string, extra?: HeadersInit): Headers {
  const headers = new Headers(extra);
  headers.set("Accept", "application/json, application/problem+json");
  if (hasJsonBody) headers.set("Content-Type", "application/json");
  if (WRITE_METHODS.has(method.toUpperCase())) {
    const token = readCookie(cookies, CSRF_COOKIE);
    if (token) headers.set(CSRF_HEADER, token);
  }
  return headers;
}

export interface RequestOptions {
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  headers?: HeadersInit;
  signal?: AbortSignal;
}

function currentCookies(): string {
  return typeof document === "undefined" ? "" : document.cookie;
}

async function readBody(res: Response): Promise<unknown> {
  const type = res.headers.get("Content-Type") ?? "";
  if (res.status === 204) return undefined;
  if (type.includes("json")) {
    try {
      return await res.json();
    } catch {
      return undefined;
    }
  }
  return await res.text();
}

/** Sends a request and returns the answer, throwing `ApiError` for any 4xx/5xx. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? "GET";
  const hasJson = options.body !== undefined;
  const res = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: requestHeaders(method, hasJson, currentCookies(), options.headers),
    body: hasJson ? JSON.stringify(options.body) : undefined,
    signal: options.signal,
  });
  if (!res.ok) throw problemFrom(res.status, res.statusText, await readBody(res));
  return res;
}

/** Sends a request and parses its JSON answer with `parse`, so shape errors surface at the edge. */
export async function sendJson<T>(path: string, parse: (body: unknown) => T, options?: RequestOptions): Promise<T> {
  const res = await send(path, options);
  return parse(await readBody(res));
}

/**
 * Posts a multipart form with upload progress (`fetch` reports none, and scanned leases run to
 * hundreds of megabytes); errors are the same `ApiError`s as `send` gives.
 */
export function sendForm<T>(path: string, form: FormData, parse: (body: unknown) => T, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.withCredentials = true;
    requestHeaders("POST", false, currentCookies()).forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "Network error", "the upload did not reach the server"));
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      if ((xhr.getResponseHeader("Content-Type") ?? "").includes("json")) {
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = undefined;
        }
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(problemFrom(xhr.status, xhr.statusText, body));
        return;
      }
      try {
        resolve(parse(body));
      } catch (e) {
        reject(e);
      }
    };
    xhr.send(form);
  });
}

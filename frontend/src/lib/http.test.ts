import { describe, expect, it } from "vitest";
import { CSRF_HEADER, problemFrom, readCookie, requestHeaders } from "./http";

describe("problemFrom", () => {
  it("reads an RFC 9457 problem", () => {
    const e = problemFrom(415, "Unsupported Media Type", { type: "about:blank", title: "Unsupported media type", status: 415, detail: "detected text/plain" });
    expect(e.status).toBe(415);
    expect(e.message).toBe("Unsupported media type: detected text/plain");
  });
  it("falls back to the status line and a short body for non-problem answers", () => {
    expect(problemFrom(502, "Bad Gateway", "<html>upstream</html>").message).toBe("Bad Gateway: <html>upstream</html>");
    expect(problemFrom(500, "", undefined).message).toBe("HTTP 500");
    expect(problemFrom(401, "Unauthorized", {}).isUnauthorized).toBe(true);
  });
});

describe("CSRF double submit", () => {
  const cookies = "theme=dark; leasegrid_csrf=tok%2Fen; other=1";
  it("reads the cookie", () => {
    expect(readCookie(cookies, "leasegrid_csrf")).toBe("tok/en");
    expect(readCookie(cookies, "missing")).toBeUndefined();
  });
  it("echoes it on writes only", () => {
    expect(requestHeaders("PATCH", true, cookies).get(CSRF_HEADER)).toBe("tok/en");
    expect(requestHeaders("post", false, cookies).get(CSRF_HEADER)).toBe("tok/en");
    expect(requestHeaders("GET", false, cookies).get(CSRF_HEADER)).toBeNull();
    expect(requestHeaders("PATCH", true, cookies).get("Content-Type")).toBe("application/json");
    expect(requestHeaders("POST", false, "").get(CSRF_HEADER)).toBeNull();
  });
});

// Shared set-up for the browser tests: a real headless Chromium (FACTS.md flags) against the
// real server that scripts/browser-test.sh started, and what that server can do.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

export const BASE = process.env.LEASEGRID_URL;
export const DATA = new URL("../../../shared/data/", import.meta.url);

export async function launch() {
  return chromium.launch({
    executablePath: process.env.LEASEGRID_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** The demo login that `leasegrid serve --demo-credentials FILE` wrote, or null without one. */
export function demoCredentials() {
  const file = process.env.LEASEGRID_DEMO_CREDENTIALS;
  if (!file) return null;
  try {
    const c = JSON.parse(readFileSync(file, "utf8"));
    return typeof c.admin_email === "string" && typeof c.admin_password === "string" ? c : null;
  } catch {
    return null;
  }
}

/** Paths of the server's OpenAPI document, to tell a missing route from a broken one. */
export async function serverRoutes() {
  try {
    const res = await fetch(`${BASE}/api/v1/openapi.json`);
    if (!res.ok) return new Set();
    return new Set(Object.keys((await res.json()).paths ?? {}).map((p) => p.replace(/^\/api\/v1/, "")));
  } catch {
    return new Set();
  }
}

/** Why this server cannot run a test needing `routes`, or null when it can. */
export async function missing(routes) {
  if (!BASE) return "LEASEGRID_URL is not set (run scripts/browser-test.sh)";
  if (!demoCredentials()) return "the server wrote no demo credentials";
  const have = await serverRoutes();
  const absent = routes.filter((r) => !have.has(r));
  return absent.length ? `the server does not serve ${absent.join(", ")} yet` : null;
}

export async function signIn(page, creds) {
  await page.goto(BASE);
  await page.getByLabel("Email").fill(creds.admin_email);
  await page.getByLabel("Password").fill(creds.admin_password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-as").waitFor({ timeout: 15000 });
}

/** Waits until the review page shows a finished status and insists it is `done`, naming the error otherwise. */
export async function waitForDone(page, timeout = 240_000) {
  const status = page.getByTestId("document-status");
  await status.filter({ hasText: /^(done|failed)$/ }).waitFor({ timeout });
  if ((await status.textContent())?.trim() !== "done") {
    const reason = await page.getByRole("alert").allInnerTexts();
    throw new Error(`extraction failed: ${reason.join(" ")}`);
  }
}

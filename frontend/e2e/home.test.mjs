// Browser test: a real headless Chromium against a real leasegrid server (scripts/browser-test.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const BASE = process.env.LEASEGRID_URL;

export async function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

test("the web app loads and reaches the service", { skip: !BASE }, async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(BASE);
    await page.getByTestId("service-status").filter({ hasText: "service ok" }).waitFor({ timeout: 15000 });
    assert.equal(await page.title(), "Leasegrid");
  } finally {
    await browser.close();
  }
});

// Browser tests: a real headless Chromium against a real leasegrid server (scripts/browser-test.sh),
// uploading a real lease from shared/data and reviewing it end to end.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { BASE, DATA, demoCredentials, launch, missing, signIn, waitForDone } from "./browser.mjs";

const LEASE = new URL("leases/DL03-post-tension-nevada-henderson-lease.pdf", DATA);
const REVIEW_ROUTES = ["/auth/login", "/auth/me", "/documents", "/documents/{id}", "/documents/{id}/extraction"];
// Plain-text fields, so the correction below is valid whatever the extractor found.
const TEXT_FIELDS = ["governing_law", "tenant", "landlord", "premises_address", "permitted_use", "suite"];

test("the web app loads and refuses a wrong password", { skip: !BASE && "LEASEGRID_URL is not set" }, async (t) => {
  const why = await missing(["/auth/login", "/auth/me"]);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(BASE);
    assert.equal(await page.title(), "Leasegrid");
    if (why) return t.skip(why);
    await page.getByLabel("Email").fill(demoCredentials().admin_email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "not right" }).waitFor({ timeout: 10000 });
  } finally {
    await browser.close();
  }
});

test("an unsupported file is refused with the server's reason and nothing is listed", async (t) => {
  const why = await missing(["/auth/login", "/documents"]);
  if (why) return t.skip(why);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await signIn(page, demoCredentials());
    await page.getByTestId("file-input").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("plain notes that are not a lease\n".repeat(20)) });
    const outcome = page.locator(".upload-outcomes .error", { hasText: "notes.txt" });
    await outcome.waitFor({ timeout: 30000 });
    const text = await outcome.innerText();
    assert.match(text, /unsupported.*plain text/i, `names the problem and the detected type: ${text}`);
    assert.equal(await page.getByTestId("documents-table").locator("a.doc-link", { hasText: "notes.txt" }).count(), 0);
  } finally {
    await browser.close();
  }
});

test("upload a lease, watch it finish, review, correct with persistence and undo, export", { timeout: 300_000 }, async (t) => {
  const why = await missing(REVIEW_ROUTES);
  if (why) return t.skip(why);
  const browser = await launch();
  try {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, demoCredentials());

    // Upload through the picker, then drop the same bytes: the server keeps one document.
    await page.getByTestId("file-input").setInputFiles(LEASE.pathname);
    await page.locator(".upload-outcomes .ok").first().waitFor({ timeout: 30000 });
    const bytes = (await readFile(LEASE)).toString("base64");
    const drop = await page.evaluateHandle((b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], "dropped-copy.pdf", { type: "application/pdf" }));
      return dt;
    }, bytes);
    await page.getByTestId("dropzone").dispatchEvent("drop", { dataTransfer: drop });
    await page.locator(".upload-outcomes li", { hasText: "dropped-copy.pdf" }).waitFor({ timeout: 30000 });
    const rows = page.getByTestId("documents-table").locator("tbody tr[data-status]", { has: page.locator("a.doc-link", { hasText: /DL03|dropped-copy/ }) });
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1, "identical bytes give one document");

    // Open it and watch it reach `done` (server-sent progress, polling as the fallback).
    await rows.first().locator("a.doc-link").click();
    await waitForDone(page);
    const fields = page.getByTestId("fields-table");
    await fields.or(page.getByTestId("no-fields")).waitFor({ timeout: 30000 });
    assert.ok(await fields.isVisible(), "the lease's extraction has fields");
    assert.ok((await fields.locator("tbody tr").count()) >= 5, "a lease gives several fields");

    // Selecting a field with page evidence shows the page and the highlighted box.
    const withPage = fields.locator("tbody tr", { has: page.locator("td", { hasText: /^p\. \d+$/ }) }).first();
    await withPage.click();
    await page.getByTestId("page-image").waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector("[data-testid=page-image]");
      return img && img.complete && img.naturalWidth > 0;
    }, null, { timeout: 30000 });
    await page.getByTestId("evidence-box").first().waitFor();

    // Correct a text field; it persists across a reload as `corrected`.
    let rowId = null;
    for (const name of TEXT_FIELDS) {
      if (await fields.locator(`tr[data-row-id="lease.${name}"]`).count()) {
        rowId = `lease.${name}`;
        break;
      }
    }
    assert.ok(rowId, "a plain-text field to correct");
    const row = () => page.locator(`tr[data-row-id="${rowId}"]`);
    const corrected = `Corrected in browser test ${Date.now()}`;
    await row().getByRole("button", { name: "Edit" }).click();
    await row().getByLabel(/^New value for/).fill(corrected);
    await row().getByLabel("Note (optional)").fill("browser test");
    await row().getByRole("button", { name: "Save" }).click();
    await row().getByTestId("field-value").filter({ hasText: corrected }).waitFor();
    await page.reload();
    await row().getByTestId("field-value").filter({ hasText: corrected }).waitFor({ timeout: 30000 });
    assert.equal((await row().locator(".badge").innerText()).toLowerCase(), "corrected");
    // The audit trail shows the correction with its note.
    await row().click();
    await page.getByTestId("field-history").filter({ hasText: corrected }).filter({ hasText: "browser test" }).waitFor();

    // Approve another field, then undo the approval. Corrections are events, so the undo is a
    // new event restoring the value; the field is no longer approved.
    const otherId = await fields.locator("tbody tr").evaluateAll(
      (trs, skip) => trs.map((tr) => tr.dataset.rowId).find((id) => id !== skip && !document.querySelector(`tr[data-row-id="${id}"] .badge-approved`)),
      rowId,
    );
    assert.ok(otherId, "a second field to approve");
    const otherRow = page.locator(`tr[data-row-id="${otherId}"]`);
    const otherValue = await otherRow.getByTestId("field-value").innerText();
    await otherRow.getByRole("button", { name: "Approve" }).click();
    await otherRow.locator(".badge", { hasText: "approved" }).waitFor();
    await page.getByRole("button", { name: "Undo" }).click();
    await otherRow.locator(".badge:not(.badge-approved)").waitFor();
    await page.reload();
    await otherRow.locator(".badge:not(.badge-approved)").waitFor({ timeout: 30000 });
    assert.equal(await otherRow.getByTestId("field-value").innerText(), otherValue);

    // The export buttons answer real files (a ZIP-based workbook and a PDF).
    for (const [testId, magic] of [["export-xlsx", "PK"], ["export-pdf", "%PDF"]]) {
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60000 }), page.getByTestId(testId).click()]);
      const file = await download.path();
      const head = (await readFile(file)).subarray(0, magic.length).toString("latin1");
      assert.equal(head, magic, `${testId} gives a file starting with ${magic}`);
    }
    if (process.env.LEASEGRID_SCREENSHOT) await page.screenshot({ path: process.env.LEASEGRID_SCREENSHOT });
  } finally {
    await browser.close();
  }
});

test("a rent roll shows its units as rows with their cells as evidence", { timeout: 300_000 }, async (t) => {
  const why = await missing(REVIEW_ROUTES);
  if (why) return t.skip(why);
  const rentRoll = new URL("rent-rolls/RR01-portland-office-rent-roll-example.xlsx", DATA);
  const gold = JSON.parse(await readFile(new URL("rent-rolls/RR01-portland-office-rent-roll-example.gold.json", DATA), "utf8"));
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, demoCredentials());
    await page.getByTestId("file-input").setInputFiles(rentRoll.pathname);
    await page.locator(".upload-outcomes .ok").first().waitFor({ timeout: 30000 });
    await page.getByTestId("documents-table").locator("a.doc-link", { hasText: "RR01" }).click();
    await waitForDone(page);
    const table = page.getByTestId("rent-roll-table");
    await table.waitFor({ timeout: 30000 });
    assert.equal(await table.locator("tbody tr").count(), gold.totals.units, "one row per unit");
    assert.match(await table.locator("tbody tr").first().locator("td.col-source").innerText(), /!/, "rows cite sheet!cells");
  } finally {
    await browser.close();
  }
});

// web/e2e/catalog_import.test.mjs — a tenant admin imports a private pattern (uploaded file, then the same export
// by URL) and reads the report; the pattern is in the tenant's catalog; a malformed file and a viewer are refused in
// the API's words. Layer: web (tests).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { browser, CATALOG, shot, signIn, startStack, watchConsole } from "./stack.mjs";

const NAME = "Ledger Batch Nightly";
// One pattern of the shared export, renamed so it is new to the catalog, relating to a pattern nobody has (a warning).
const EXPORT = readFileSync(CATALOG, "utf8").split(" --- ")[3].replace("# Batch Processing", `# ${NAME}`)
  .replace("[pub-sub](https://layra4.dev/patterns/pub-sub.md)",
    "[ledger-reconciler](https://layra4.dev/patterns/ledger-reconciler.md)");
assert.ok(EXPORT.includes("ledger-reconciler") && EXPORT.includes(`# ${NAME}`));

let stack;
let chrome;
let files;
before(async () => {
  stack = await startStack({ worker: false });
  chrome = await browser();
  files = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/markdown" });
    res.end(EXPORT);
  });
  await new Promise((r) => files.listen(0, "127.0.0.1", r));
});
after(async () => {
  await chrome?.close();
  await stack?.stop();
  files?.close();
});

/** Choose `text` as the export file and press "Import file". */
async function upload(p, name, text) {
  await p.getByLabel("Export file (.md)").setInputFiles({ name, mimeType: "text/markdown", buffer: Buffer.from(text) });
  await p.getByRole("button", { name: "Import file" }).click();
}

async function page(subject, slug) {
  const context = await chrome.newContext({ viewport: { width: 1200, height: 900 } });
  const p = await context.newPage();
  const errors = watchConsole(p);
  await signIn(p, stack, subject, slug);
  await p.getByRole("link", { name: "Import", exact: true }).click();
  await p.getByRole("heading", { name: "Import patterns" }).waitFor();
  return { p, errors, close: () => context.close() };
}

test("an admin uploads a private pattern, reads the report, finds it in the catalog; by URL it is unchanged", async () => {
  const { p, errors, close } = await page("adam", "acme");
  await upload(p, "ledger.md", EXPORT);
  const report = p.getByRole("region", { name: "Import report" });
  await report.waitFor();
  const counts = report.getByRole("table", { name: "Counts" });
  await counts.getByRole("row", { name: /^created 1$/ }).waitFor();
  await counts.getByRole("row", { name: /^patterns 1$/ }).waitFor();
  assert.match(await report.innerText(), /Source upload/);
  const warnings = report.getByRole("list", { name: "Warnings" }).getByRole("listitem");
  await warnings.filter({ hasText: "ledger-reconciler" }).waitFor();
  const shown = Number(/Warnings \((\d+)\)/.exec(await report.innerText())[1]);
  assert.ok(shown >= 1);
  assert.equal(await warnings.count(), shown, "every warning is listed");
  await shot(p, "catalog-import");

  const url = `http://127.0.0.1:${files.address().port}/ledger.md`;
  await p.getByLabel("Export URL").fill(url);
  await p.getByRole("button", { name: "Import from URL" }).click();
  await report.getByText(`Source ${url}`).waitFor();
  await counts.getByRole("row", { name: /^unchanged 1$/ }).waitFor();

  await upload(p, "broken.md", "# Broken\n\nno sections\n");
  await p.getByRole("alert").getByText(/^malformed export:/).waitFor();
  assert.match(await p.getByRole("alert").innerText(), /^problem: no pattern found.*$[\s\S]*HTTP 400/m);

  await p.getByRole("link", { name: "Catalog", exact: true }).click();
  await p.getByLabel("Search patterns").fill(NAME);
  await p.getByRole("button", { name: "Search", exact: true }).click();
  await p.getByRole("link", { name: NAME }).first().click();
  await p.getByRole("heading", { name: NAME }).waitFor();
  const stored = stack.psql(`select count(*) from architecture.patterns
    where name = '${NAME}' and tenant_id = '${stack.tenants.acme}'`);
  assert.equal(stored.trim(), "1", "stored once, as acme's private pattern");
  await close();
  assert.ok(errors.every((e) => e.includes("400")), `only the malformed upload logs: ${errors}`);
});

test("a viewer is refused with the API's words", async () => {
  const { p, errors, close } = await page("mia", "acme");
  await upload(p, "ledger.md", EXPORT);
  const alert = p.getByRole("alert");
  await alert.getByText("only tenant owners and admins import private patterns").waitFor();
  assert.match(await alert.innerText(), /HTTP 403/);
  await close();
  assert.ok(errors.length > 0 && errors.every((e) => e.includes("403")), `only the refused request logs: ${errors}`);
});

// web/e2e/decisions.test.mjs — an ADR through its lifecycle in the browser, with a concurrent edit from a second
// browser context (changed elsewhere → merge), links, history, Markdown export and supersession. Layer: web.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack, browser, watchConsole, shot } from "./stack.mjs";

let stack, chrome;
before(async () => {
  stack = await startStack({ worker: false, catalog: false });
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  await stack?.stop();
});

/** A browser context signed in as `subject` in tenant `slug` (session stored the way the app keeps it). */
async function signedIn(subject, slug) {
  const context = await chrome.newContext({ viewport: { width: 1200, height: 900 } });
  const session = { token: stack.tokens[subject], user: { subject }, tenantId: stack.tenants[slug] };
  await context.addInitScript((s) => localStorage.setItem("stance.session", JSON.stringify(s)), session);
  const page = await context.newPage();
  const errors = watchConsole(page);
  page.on("response", (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });
  page.setDefaultTimeout(15000);
  return { context, page, errors };
}

const fitsWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
const field = (page, label) => page.getByLabel(label, { exact: true });
const heading = (page) => page.getByRole("heading", { level: 1 });

test("an ADR goes draft → proposed → accepted; a concurrent edit is merged, never overwritten", async () => {
  const a = await signedIn("adam", "acme");
  await a.page.goto(stack.webUrl + "#/decisions");
  await a.page.getByLabel("New record title").fill("Use an outbox for integration events");
  await a.page.getByRole("button", { name: "Create draft" }).click();
  await heading(a.page).filter({ hasText: "ADR-" }).waitFor();
  const id = a.page.url().split("#/decisions/")[1];
  assert.match(id, /^[0-9a-f-]{36}$/);

  await field(a.page, "Context and problem statement").fill("Services publish events after committing.");
  await field(a.page, "Considered options (one title per line)").fill("Transactional outbox\nDual writes");
  await field(a.page, "Chosen option").selectOption("Transactional outbox");
  await field(a.page, "Date").fill("2026-11-30");
  await field(a.page, "Deciders (one per line)").fill("adam\nolivia");
  await field(a.page, "Consulted (one per line)").fill("platform team");
  await field(a.page, "Informed (one per line)").fill("all engineers");
  const opt = (title, part) => field(a.page, `Option "${title}": ${part}`);
  await opt("Transactional outbox", "description").fill("Events go to an outbox table in the same transaction.");
  await opt("Transactional outbox", "pros (one per line)").fill("atomic with the write\nreplayable");
  await opt("Transactional outbox", "neutral points (one per line)").fill("needs a relay");
  await opt("Dual writes", "cons (one per line)").fill("events lost on a crash");
  await a.page.getByRole("button", { name: "Save" }).click();
  await a.page.getByRole("status").filter({ hasText: "Saved (version" }).waitFor();
  assert.equal(stack.psql(`select concat_ws('|', decision_date, array_to_string(decision_makers, ','), consulted[1],
    informed[1]) from architecture.decisions where id = '${id}'`).trim(), "2026-11-30|adam,olivia|platform team|all engineers");
  const options = () => stack.psql(`select string_agg(concat_ws('|', title, description, array_to_string(pros, ','),
    array_to_string(neutral, ','), array_to_string(cons, ',')), ';' order by ord) from architecture.decision_options
    where decision_id = '${id}'`).trim();
  assert.equal(options(), "Transactional outbox|Events go to an outbox table in the same transaction.|"
    + "atomic with the write,replayable|needs a relay|;Dual writes||||events lost on a crash");
  await a.page.reload();
  assert.equal(await opt("Transactional outbox", "pros (one per line)").inputValue(), "atomic with the write\nreplayable");
  assert.equal(await field(a.page, "Deciders (one per line)").inputValue(), "adam\nolivia");
  assert.equal(stack.psql(`select o.title from architecture.decisions as d join architecture.decision_options as o
    on o.id = d.outcome_option_id where d.id = '${a.page.url().split("#/decisions/")[1]}'`).trim(), "Transactional outbox");
  for (const status of ["proposed", "accepted"]) {
    await a.page.getByRole("button", { name: `Move to ${status}` }).click();
    await a.page.getByRole("status").filter({ hasText: `Moved to ${status}.` }).waitFor();
  }
  assert.equal(await a.page.getByRole("button", { name: "Move to proposed" }).count(), 0);
  await a.page.getByRole("button", { name: "Move to deprecated" }).waitFor();
  const history = a.page.getByRole("region", { name: "History" }).getByRole("listitem");
  await history.nth(2).waitFor();
  assert.match(await history.nth(2).innerText(), /proposed → accepted/);
  await shot(a.page, "decision-accepted");

  // A second user edits another field of the same record and saves first.
  const b = await signedIn("olivia", "acme");
  await b.page.goto(stack.webUrl + `#/decisions/${id}`);
  await field(b.page, "Context and problem statement").fill("Services publish events atomically with their writes.");
  await field(b.page, 'Option "Dual writes": cons (one per line)').fill("events lost on a crash\ntwo systems to keep in sync");
  await field(a.page, "Decision drivers (one per line)").fill("no lost events\nno two-phase commit");
  await b.page.getByRole("button", { name: "Save" }).click();
  await b.page.getByRole("status").filter({ hasText: "Saved (version" }).waitFor();

  // The first user's save is stale: the conflict panel shows the other version, nothing is overwritten.
  await a.page.getByRole("button", { name: "Save" }).click();
  const conflict = a.page.getByRole("alert").filter({ hasText: "Changed elsewhere" });
  await conflict.waitFor();
  assert.match(await conflict.innerText(), /atomically with their writes/);
  assert.equal(await conflict.getByRole("row").filter({ hasText: "Context and problem statement" })
    .getByRole("cell").first().innerText(), "them");
  assert.equal(await conflict.getByRole("row").filter({ hasText: "Decision drivers" })
    .getByRole("cell").first().innerText(), "you");
  assert.equal(await conflict.getByRole("row").filter({ hasText: 'Option "Dual writes": cons' })
    .getByRole("cell").first().innerText(), "them");
  const stored = () => stack.psql(`select context || '|' || array_to_string(decision_drivers, ',')
    from architecture.decisions where id = '${id}'`).trim();
  assert.equal(stored(), "Services publish events atomically with their writes.|");
  await shot(a.page, "decision-conflict");
  await a.page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await fitsWidth(a.page), "the conflict view scrolls sideways at phone width");
  await a.page.setViewportSize({ width: 1200, height: 900 });

  await conflict.getByRole("button", { name: "Merge" }).click();
  await a.page.getByRole("status").filter({ hasText: "Merged without overlaps" }).waitFor();
  assert.equal(await field(a.page, "Context and problem statement").inputValue(),
    "Services publish events atomically with their writes.");
  await a.page.getByRole("button", { name: "Save" }).click();
  await a.page.getByRole("status").filter({ hasText: "Saved (version" }).waitFor();
  assert.equal(stored(), "Services publish events atomically with their writes.|no lost events,no two-phase commit");
  assert.match(options(), /Dual writes\|\|\|\|events lost on a crash,two systems to keep in sync$/);

  // Both edit the same field: "Keep mine" saves over theirs only because the user chose it.
  await b.page.reload();
  await field(b.page, "Outcome justification").fill("theirs");
  await b.page.getByRole("button", { name: "Save" }).click();
  await b.page.getByRole("status").filter({ hasText: "Saved (version" }).waitFor();
  await field(a.page, "Outcome justification").fill("mine");
  await a.page.getByRole("button", { name: "Save" }).click();
  await a.page.getByRole("alert").filter({ hasText: "Changed elsewhere" }).getByRole("button", { name: "Keep mine" }).click();
  await a.page.getByRole("status").filter({ hasText: "Saved (version" }).waitFor();
  assert.equal(stack.psql(`select outcome_justification from architecture.decisions where id = '${id}'`).trim(), "mine");

  // Markdown export of the accepted record.
  await a.page.getByRole("button", { name: "Export Markdown" }).click();
  const markdown = await a.page.getByLabel("Exported Markdown").innerText();
  await a.page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await fitsWidth(a.page), "the record page scrolls sideways at phone width");
  await a.page.setViewportSize({ width: 1200, height: 900 });
  assert.match(markdown, /status: accepted/);
  assert.match(markdown, /no two-phase commit/);

  // Supersede it: the new draft links back; once accepted, the old record shows "superseded".
  a.page.once("dialog", (d) => d.accept("Use change data capture for integration events"));
  await a.page.getByRole("button", { name: "Supersede…" }).click();
  await heading(a.page).filter({ hasText: "change data capture" }).waitFor();
  await a.page.getByRole("region", { name: "Links" }).getByRole("listitem").filter({ hasText: "ADR-0001" })
    .filter({ hasText: "supersedes" }).waitFor();
  for (const status of ["proposed", "accepted"]) {
    // Keyboard only: focus the lifecycle button and press Enter.
    await a.page.getByRole("button", { name: `Move to ${status}` }).focus();
    await a.page.keyboard.press("Enter");
    await a.page.getByRole("status").filter({ hasText: `Moved to ${status}.` }).waitFor();
  }
  await a.page.goto(stack.webUrl + `#/decisions/${id}`);
  await heading(a.page).filter({ hasText: "superseded" }).waitFor();
  await a.page.getByText("Superseded by ADR-0002.", { exact: true }).waitFor();
  assert.equal(await field(a.page, "Title").isDisabled(), true);
  await a.page.goto(stack.webUrl + "#/decisions");
  await a.page.getByRole("link", { name: "ADR-0002" }).waitFor();

  // Markdown import of a MADR file: the report names the record, the list shows it.
  const madr = ["---", "status: proposed", "date: 2026-01-05", "---", "", "# Isolate tenants with row-level security", "",
    "## Context and Problem Statement", "", "Tenants must never see each other's rows.", ""].join("\n");
  await a.page.getByLabel("ADR files (.md)").setInputFiles(
    { name: "0005-isolate-tenants.md", mimeType: "text/markdown", buffer: Buffer.from(madr) });
  await a.page.getByRole("button", { name: "Import", exact: true }).click();
  const report = a.page.getByRole("list", { name: "Import report" });
  await report.getByText("0005-isolate-tenants.md: created as ADR-0005").waitFor();
  await a.page.getByRole("link", { name: "ADR-0005" }).click();
  await heading(a.page).filter({ hasText: "Isolate tenants with row-level security" }).filter({ hasText: "proposed" }).waitFor();
  assert.equal(await field(a.page, "Context and problem statement").inputValue(), "Tenants must never see each other's rows.");

  // Link it to the first record, see the link, remove it again.
  const links = a.page.getByRole("region", { name: "Links" });
  await links.getByLabel("Link kind").selectOption("relates_to");
  await links.getByLabel("Record").selectOption({ label: "ADR-0001: Use an outbox for integration events" });
  await links.getByLabel("Scope note").fill("same integration boundary");
  await links.getByRole("button", { name: "Add link" }).click();
  const link = links.getByRole("listitem").filter({ hasText: "ADR-0001" });
  await link.filter({ hasText: "relates to" }).filter({ hasText: "same integration boundary" }).waitFor();
  await link.getByRole("button", { name: "Remove relates to link to ADR-0001" }).click();
  await links.getByText("No links.").waitFor();
  await a.page.goto(stack.webUrl + "#/decisions");
  await a.page.getByRole("link", { name: "ADR-0005" }).waitFor();
  await shot(a.page, "decisions-list");

  // Another tenant's user editing the id in the URL sees not-found, never the record.
  const g = await signedIn("gary", "globex");
  await g.page.goto(stack.webUrl + `#/decisions/${id}`);
  await g.page.getByRole("heading", { name: "Not found" }).waitFor();

  // Chromium logs every non-2xx response as "Failed to load resource"; the responses themselves are checked
  // instead (the browser's own favicon probe is not one of them): only the two stale saves may fail (409).
  const unexpected = [...a.errors, ...b.errors, ...g.errors].filter((e) => !/^Failed to load resource/.test(e));
  assert.deepEqual(unexpected.filter((e) => !/^HTTP 409 .*\/rpc\/architecture_decision_update$/.test(e)), []);
  assert.equal(unexpected.length, 2);
  await Promise.all([a.context.close(), b.context.close(), g.context.close()]);
});

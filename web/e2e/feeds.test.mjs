// web/e2e/feeds.test.mjs — subscribe to the real Architecture Weekly feed served by a local HTTP server, watch
// articles arrive (live progress, surviving a reload), see a failing feed's errors, open an article and find its
// verified evidence quote highlighted in the text. Layer: web.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startStack, browser, watchConsole, shot, ROOT } from "./stack.mjs";

const RSS = readFileSync(join(ROOT, "../shared/data/feeds/architecture-weekly.rss"));
let stack, chrome, feeds, feedBase;

before(async () => {
  feeds = createServer((req, res) => {
    if (req.url === "/architecture-weekly.rss") {
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(RSS);
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("no such feed");
    }
  });
  await new Promise((r) => feeds.listen(0, "127.0.0.1", r));
  feedBase = `http://127.0.0.1:${feeds.address().port}`;
  stack = await startStack({ worker: true, catalog: true });
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  await stack?.stop();
  await new Promise((r) => feeds?.close(r));
});

async function restAs(subject, slug, path) {
  const res = await fetch(stack.restUrl + path, {
    headers: { Authorization: `Bearer ${stack.tokens[subject]}`, "x-tenant-id": stack.tenants[slug] },
  });
  assert.equal(res.status, 200, await res.clone().text());
  return res.json();
}

test("subscribe, watch articles arrive, see errors, open an article with its verified quote highlighted", async () => {
  const context = await chrome.newContext({ viewport: { width: 390, height: 844 } });
  const session = { token: stack.tokens.mia, user: { subject: "mia" }, tenantId: stack.tenants.acme };
  await context.addInitScript((s) => localStorage.setItem("stance.session", JSON.stringify(s)), session);
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  const errors = watchConsole(page);
  page.on("response", (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });

  await page.goto(stack.webUrl + "#/feeds");
  await page.getByText("No subscriptions yet.").waitFor();
  await page.getByLabel("Feed URL").fill(`${feedBase}/architecture-weekly.rss`);
  await page.getByLabel("Title (optional)").fill("Architecture Weekly (local)");
  await page.getByRole("button", { name: "Subscribe", exact: true }).click();
  await page.getByRole("status").filter({ hasText: "Subscribed" }).waitFor();
  const subscriptions = page.getByRole("list", { name: "Subscriptions" });
  await subscriptions.getByText("Architecture Weekly (local)").waitFor();

  // Articles arrive without any click: live events or polling refresh the list; a reload resumes.
  const articles = page.getByRole("region", { name: /^Articles/ }).getByRole("listitem");
  await articles.first().waitFor({ timeout: 90000 });
  await page.reload();
  await page.getByRole("region", { name: "Work in progress" }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".articles li").length >= 11, null, { timeout: 90000 });
  const row = subscriptions.getByRole("listitem").filter({ hasText: "Architecture Weekly (local)" });
  await row.getByText("active").waitFor();
  assert.match(await row.innerText(), /none/);

  // A feed that answers 404 shows its error count and last error.
  await page.getByLabel("Feed URL").fill(`${feedBase}/gone.rss`);
  await page.getByLabel("Title (optional)").fill("Missing feed");
  await page.getByRole("button", { name: "Subscribe", exact: true }).click();
  const broken = subscriptions.getByRole("listitem").filter({ hasText: "Missing feed" });
  await broken.getByText(/\d+ error\(s\)/).waitFor({ timeout: 60000 });
  assert.match(await broken.innerText(), /404/);
  await shot(page, "feeds");

  // An article whose pattern mentions were verified against its text.
  let linked = [];
  for (let i = 0; i < 120 && linked.length === 0; i++) {
    linked = await restAs("mia", "acme", "/architecture_article_patterns?select=article_id,pattern_name,evidence&verified=is.true&limit=1");
    if (linked.length === 0) await new Promise((r) => setTimeout(r, 500));
  }
  assert.equal(linked.length, 1, "no verified pattern mention arrived");
  const [{ article_id: articleId, evidence }] = linked;
  await page.getByRole("region", { name: /^Articles/ }).locator(`a[href="#/articles/${articleId}"]`).click();
  await page.getByRole("heading", { name: "Patterns discussed" }).waitFor();
  await page.getByRole("region", { name: "Patterns discussed" }).getByText(linked[0].pattern_name).first().waitFor();
  const marks = page.locator("mark.evidence");
  await marks.first().waitFor();
  const marked = await marks.allInnerTexts();
  assert.ok(marked.includes(evidence[0].quote), `quote not highlighted: ${evidence[0].quote}`);
  await shot(page, "article");

  // Another tenant's user opening the same article id sees not-found.
  const other = await chrome.newContext();
  await other.addInitScript((s) => localStorage.setItem("stance.session", JSON.stringify(s)),
    { token: stack.tokens.gary, user: { subject: "gary" }, tenantId: stack.tenants.globex });
  const otherPage = await other.newPage();
  await otherPage.goto(stack.webUrl + `#/articles/${articleId}`);
  await otherPage.getByRole("heading", { name: "Not found" }).waitFor();
  await other.close();

  // Chromium logs every non-2xx response as "Failed to load resource"; the responses themselves are checked.
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource/.test(e)), []);
  await context.close();
});

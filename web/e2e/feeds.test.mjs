// web/e2e/feeds.test.mjs — subscribe to the real Architecture Weekly feed served by a local HTTP server, watch
// articles arrive (live progress, surviving a reload), see a failing feed's errors, open an article and find its
// verified evidence quotes highlighted, a fuzzy one shown as needs review, and correct an insight. The LLM provider
// (the one external edge) is a local OpenAI-compatible stub quoting sentences of the text it is sent. Layer: web.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startStack, browser, watchConsole, shot, ROOT } from "./stack.mjs";

const RSS = readFileSync(join(ROOT, "../shared/data/feeds/architecture-weekly.rss"));
let stack, chrome, feeds, feedBase, llm;

/** Insights for one article: a claim quoting a sentence verbatim, one quoting it with a word changed (fuzzy). */
function insightsFor(text) {
  const sentences = text.split(/(?<=[.!?])\s+/).filter((x) => x.length >= 80 && x.length <= 300 && !/[<>\n]/.test(x));
  if (sentences.length === 0) return { patterns: [], claims: [], trade_offs: [] };
  const exact = sentences[0];
  const fuzzy = (sentences[1] ?? sentences[0]).replace(/\b(\w{5,})\b/, "zebra");
  return {
    patterns: [],
    claims: [{ statement: "The article states this directly.", stance: "explains", evidence: exact }],
    trade_offs: [{ statement: "A paraphrased trade-off.", evidence: fuzzy }],
  };
}

function llmStub() {
  return createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw);
    const user = body.messages.filter((m) => m.role === "user").map((m) =>
      typeof m.content === "string" ? m.content : (m.content ?? []).map((p) => p.text ?? "").join("")).join("\n");
    const text = JSON.stringify(insightsFor(user));
    const tool = body.tools?.[0]?.function?.name;
    const message = tool
      ? { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: tool, arguments: text } }] }
      : { role: "assistant", content: text };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({
      id: "chatcmpl-1", object: "chat.completion", created: Math.floor(Date.now() / 1000), model: body.model,
      choices: [{ index: 0, message, finish_reason: tool ? "tool_calls" : "stop" }],
      usage: { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: Math.ceil(text.length / 4),
        total_tokens: Math.ceil((raw.length + text.length) / 4) },
    }));
  });
}

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
  llm = llmStub();
  await new Promise((r) => llm.listen(0, "127.0.0.1", r));
  // startStack passes this process's environment to the sidecar and the worker.
  Object.assign(process.env, {
    SIDECAR_LLM_PROVIDER: "openai-compatible", SIDECAR_LLM_BASE_URL: `http://127.0.0.1:${llm.address().port}/v1`,
    SIDECAR_LLM_MODEL: "stub-model", LLM_API_KEY: "stub-key", SIDECAR_LLM_TRANSPORT_RETRIES: "0",
  });
  stack = await startStack({ worker: true, catalog: true });
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  await stack?.stop();
  await new Promise((r) => feeds?.close(r));
  await new Promise((r) => llm?.close(r));
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

  // Without the event stream the screen falls back to polling.
  await page.route("**/sidecar/events", (route) => route.abort());
  await page.goto(stack.webUrl + "#/feeds");
  await page.getByText("No subscriptions yet.").waitFor();
  await page.getByText("Live updates unavailable: checking every few seconds.").waitFor();
  await page.getByLabel("Feed URL").fill(`${feedBase}/architecture-weekly.rss`);
  await page.getByLabel("Title (optional)").fill("Architecture Weekly (local)");
  await page.getByRole("button", { name: "Subscribe", exact: true }).click();
  await page.getByRole("status").filter({ hasText: "Subscribed" }).waitFor();
  const subscriptions = page.getByRole("list", { name: "Subscriptions" });
  await subscriptions.getByText("Architecture Weekly (local)").waitFor();

  // Articles arrive without any click: live events or polling refresh the list; a reload resumes.
  const articles = page.getByRole("region", { name: /^Articles/ }).getByRole("listitem");
  await articles.first().waitFor({ timeout: 90000 });
  await page.unroute("**/sidecar/events");
  await page.reload();
  await page.getByText("Live updates connected.").waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".articles li").length >= 11, null, { timeout: 90000 });
  const row = subscriptions.getByRole("listitem").filter({ hasText: "Architecture Weekly (local)" });
  await row.getByText("active").waitFor();
  assert.match(await row.innerText(), /none/);

  // A feed that answers 404 shows its error count and last error.
  await page.getByLabel("Feed URL").fill(`${feedBase}/gone.rss`);
  await page.getByLabel("Title (optional)").fill("Missing feed");
  await page.keyboard.press("Enter"); // keyboard only: Enter in the form subscribes
  const broken = subscriptions.getByRole("listitem").filter({ hasText: "Missing feed" });
  await broken.getByText(/\d+ error\(s\)/).waitFor({ timeout: 60000 });
  assert.match(await broken.innerText(), /404/);
  await shot(page, "feeds");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "feeds scroll sideways");

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

  // An article with insights: the verbatim quote is highlighted, the fuzzy one is shown as needs review only.
  let claimed = null;
  for (let i = 0; i < 120 && !claimed; i++) {
    const rows = await restAs("mia", "acme", "/architecture_article_claims?select=id,article_id,quote,verification");
    const byArticle = {};
    for (const r of rows) (byArticle[r.article_id] ??= []).push(r);
    const both = Object.values(byArticle).find((c) => c.some((r) => r.verification === "verified")
      && c.some((r) => r.verification === "needs_review"));
    if (both) claimed = both;
    else await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(claimed, "no article got a verified and a needs_review insight");
  const verified = claimed.find((r) => r.verification === "verified");
  await page.goto(stack.webUrl + `#/articles/${verified.article_id}`);
  const insights = page.getByRole("region", { name: "Insights" });
  const claimList = insights.locator("ul.claims");
  await claimList.getByText("The article states this directly.").waitFor();
  assert.equal(await page.locator(`mark[id="claim-${verified.id}"]`).innerText(), verified.quote);
  const review = claimList.getByRole("listitem").filter({ hasText: "A paraphrased trade-off." });
  await review.getByText("needs review").waitFor();
  await review.getByText("Quote not found in the text, not evidence").waitFor();
  await insights.getByRole("button", { name: "Show in the text" }).click();
  await page.waitForFunction((id) => document.activeElement?.id === id, `claim-${verified.id}`);
  await shot(page, "article-insights");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "article scrolls sideways");

  // Correct an extracted statement: the correction is stored and marked.
  await insights.getByText("Correct the extracted statements").click();
  await insights.getByRole("button", { name: "Correct: The article states this directly." }).click();
  await insights.getByLabel("Corrected statement").fill("The article says so, in these words.");
  await insights.getByRole("button", { name: "Save correction" }).click();
  await insights.getByRole("status").filter({ hasText: "Correction saved." }).waitFor();
  await insights.getByText("corrected", { exact: true }).waitFor();
  const corrected = await restAs("mia", "acme",
    `/derived_values?select=value,corrected_paths&kind=eq.architecture.insights&capture_id=in.(${
      (await restAs("mia", "acme", `/captures?select=id&metadata->>article_id=eq.${verified.article_id}`)).map((c) => c.id).join(",")})`);
  assert.equal(corrected[0].value.claims[0].statement, "The article says so, in these words.");

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

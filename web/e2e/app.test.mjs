// web/e2e/app.test.mjs — browser tests of sign-in, tenants, team, catalog search, pattern rating, radar, advisor, quota,
// cross-tenant URLs and phone width, against the real stack (stack.mjs). Layer: web (tests).
import { after, before, test as nodeTest } from "node:test";
import assert from "node:assert/strict";
import { browser, shot, signIn, startStack, watchConsole } from "./stack.mjs";

let stack;
let chrome;
before(async () => {
  stack = await startStack({ worker: false });
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  await stack?.stop();
});

let current = null;
const failed = [];
/** A test that, on failure, saves a screenshot and appends the page's URL and main text to the error. */
function test(name, fn) {
  nodeTest(name, async () => {
    try {
      await fn();
    } catch (err) {
      if (current && !current.isClosed()) {
        await shot(current, `FAILED-${name.slice(0, 40).replace(/\W+/g, "-")}`).catch(() => {});
        const text = await current.locator("body").innerText().catch(() => "");
        err.message += `\nat ${current.url()}\nfailed responses: ${failed.join("; ")}\n${text.slice(0, 1500)}`;
      }
      throw err;
    }
  });
}

async function page(subject, slug, viewport = { width: 1200, height: 900 }) {
  const context = await chrome.newContext({ viewport });
  const p = await context.newPage();
  current = p;
  failed.length = 0;
  p.on("response", (r) => { if (r.status() >= 500) failed.push(`${r.status()} ${r.url()}`); });
  const errors = watchConsole(p);
  await signIn(p, stack, subject, slug);
  return { p, errors, close: () => context.close() };
}

async function rest(path, subject, slug, init = {}) {
  const r = await fetch(stack.restUrl + path, {
    ...init,
    headers: { Authorization: `Bearer ${stack.tokens[subject]}`, "x-tenant-id": stack.tenants[slug],
      "content-type": "application/json" },
  });
  const text = await r.text();
  assert.ok(r.ok, `${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

test("sign in, switch tenant, see the team and invite someone", async () => {
  const { p, errors, close } = await page("mia", "acme");
  const tenant = p.getByLabel("Tenant");
  assert.equal(await tenant.inputValue(), stack.tenants.acme);
  await p.getByRole("link", { name: "Team" }).click();
  await p.getByRole("cell", { name: "Adam Admin", exact: true }).waitFor();
  await tenant.selectOption(stack.tenants.globex);
  await p.getByRole("cell", { name: "Gary Globex", exact: true }).waitFor();
  assert.equal(await p.getByText("Adam Admin").count(), 0, "globex's member list has no acme members");
  await close();

  const owner = await page("olivia", "acme");
  await owner.p.goto(stack.webUrl + "#/team");
  await owner.p.getByLabel("Email").fill("newcomer@acme.test");
  await owner.p.getByRole("button", { name: "Invite" }).click();
  await owner.p.getByText("newcomer@acme.test as member — pending").waitFor();
  await owner.p.getByLabel("Email").fill("gary@globex.test");
  await owner.p.getByRole("button", { name: "Invite" }).click();
  await owner.p.getByText("gary@globex.test as member — pending").waitFor();
  const token = await owner.p.getByRole("status").locator("code").innerText();
  await shot(owner.p, "team");

  const gary = await page("gary", "globex");
  await gary.p.goto(stack.webUrl + "#/team");
  await gary.p.getByLabel("Invitation token").fill(token);
  await gary.p.getByRole("button", { name: "Accept invitation" }).click();
  await gary.p.getByRole("cell", { name: "Olivia Owner", exact: true }).waitFor();
  assert.equal(await gary.p.getByLabel("Tenant").inputValue(), stack.tenants.acme, "the joined team is selected");
  assert.deepEqual([...errors, ...owner.errors, ...gary.errors], []);
  await owner.close();
  await gary.close();
  await rest("/rpc/leave_tenant", "gary", "acme", { method: "POST", body: "{}" }); // a stranger again for later tests
  assert.deepEqual((await rest("/members?select=name&name=eq.Gary%20Globex", "olivia", "acme")), []);
});

test("search the imported catalog: highlighted snippets, facets, pattern page", async () => {
  const { p, errors, close } = await page("olivia", "acme");
  await p.getByLabel("Search patterns").fill("event sourcing");
  await p.getByRole("button", { name: "Search" }).click();
  const first = p.locator(".hits li").first();
  await first.waitFor();
  assert.match(await first.locator("a").innerText(), /Event Sourcing/);
  assert.ok((await p.locator(".snippet mark").count()) > 0, "snippets carry highlighted terms");
  assert.equal(await p.locator(".hits").getByText("&amp;").count(), 0, "escaped entities are decoded");
  const total = Number((await p.getByText(/results for/).innerText()).split(" ")[0]);
  await p.getByRole("group", { name: "category" }).getByRole("checkbox").first().check();
  await p.getByText(/results for/).waitFor();
  const filtered = Number((await p.getByText(/results for/).innerText()).split(" ")[0]);
  assert.ok(filtered <= total && filtered > 0, `facet narrows ${total} → ${filtered}`);
  await shot(p, "search");
  await p.goto(stack.webUrl + "#/patterns/api-gateway");
  await p.getByRole("heading", { name: "API Gateway", level: 1 }).waitFor();
  await p.getByRole("heading", { name: "Decision matrix" }).waitFor();
  await p.getByRole("row", { name: /Service Mesh/ }).waitFor();
  await p.getByRole("heading", { name: "Related patterns" }).waitFor();
  await shot(p, "pattern");
  assert.deepEqual(errors, []);
  await close();
});

test("rate a pattern; history and the SVG radar show it; a viewer cannot rate", async () => {
  const { p, errors, close } = await page("adam", "acme");
  await p.goto(stack.webUrl + "#/patterns/circuit-breaker");
  await p.getByLabel("Ring").selectOption("trial");
  await p.getByLabel("Reason").fill("pilot in payments");
  await p.getByRole("button", { name: "Rate" }).click();
  await p.getByRole("status").getByText("Rated trial").waitFor();
  await p.getByRole("table", { name: "Rating history" }).getByText("pilot in payments").waitFor();
  await p.getByLabel("Ring").selectOption("adopt");
  await p.getByLabel("Reason").fill("worked");
  await p.getByRole("button", { name: "Rate" }).click();
  await p.getByRole("table", { name: "Rating history" }).getByRole("cell", { name: "worked" }).waitFor();
  await p.getByRole("link", { name: "Radar" }).click();
  const blip = p.locator('svg.radar a[aria-label="Circuit Breaker: adopt"] circle');
  await blip.waitFor();
  await p.getByRole("table", { name: "Ratings by ring" }).getByRole("cell", { name: "trial" }).waitFor();
  await shot(p, "radar");
  await close();

  const viewer = await page("victor", "acme");
  await viewer.p.goto(stack.webUrl + "#/patterns/circuit-breaker");
  await viewer.p.getByText("Current ring:").waitFor();
  await viewer.p.getByLabel("Reason").fill("no");
  await viewer.p.getByRole("button", { name: "Rate" }).click();
  await viewer.p.getByRole("alert").waitFor();
  assert.deepEqual(errors, []);
  assert.ok(viewer.errors.every((e) => e.includes("403")), `only the refused request logs: ${viewer.errors}`);
  await viewer.close();
});

async function fillAdvisor(p) {
  const questions = await rest("/architecture_advisor_questions?order=ord", "mia", "acme");
  for (const q of questions) {
    if (q.kind === "boolean") await p.getByRole("group", { name: q.prompt }).getByLabel("No").check();
    else if (q.kind === "choice") await p.getByLabel(q.prompt).selectOption(q.choices[q.choices.length - 1]);
    else await p.getByLabel(q.prompt).fill(String(Math.min(q.max_value, 5)));
  }
}

test("run the advisor, see the recommendation and its reasons, find it saved; then hit the quota", async () => {
  const { p, errors, close } = await page("mia", "acme");
  await p.getByRole("link", { name: "Advisor" }).click();
  await p.getByLabel("Label for this assessment").fill("checkout rewrite");
  await fillAdvisor(p);
  await p.getByRole("button", { name: "Get recommendation" }).click();
  await p.getByRole("heading", { name: /Recommendation: .+ \(flavour \d\)/ }).waitFor();
  await p.getByRole("heading", { name: "Reasons" }).waitFor();
  assert.ok((await p.locator("ol li").count()) > 0, "the fired rules are listed as reasons");
  await shot(p, "assessment");
  await p.getByRole("link", { name: "Run the advisor again" }).click();
  await p.getByRole("link", { name: "checkout rewrite" }).waitFor();

  stack.psql("select chassis.set_plan_limit('free', 'architecture.advisor.runs', 1)");
  await fillAdvisor(p);
  await p.getByRole("button", { name: "Get recommendation" }).click();
  const alert = p.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.innerText(),
    /plan limit reached for architecture\.advisor\.runs: 1 per day on plan free; used 1; resets at .+\n+advisor runs\n+upgrade the plan or wait for the reset\n+PT402 · HTTP 402/);
  await shot(p, "quota");
  await p.getByRole("link", { name: "Usage" }).click();
  await p.getByRole("row", { name: /advisor runs/ }).getByRole("cell", { name: "1 per day" }).waitFor();
  await shot(p, "usage");
  assert.ok(errors.every((e) => e.includes("402")), `only the refused request logs: ${errors}`);
  await close();

  const owner = await page("olivia", "acme");
  await owner.p.goto(stack.webUrl + "#/usage");
  await owner.p.getByRole("button", { name: "Switch to Pro" }).click();
  await owner.p.getByText("Plan: pro").waitFor();
  await owner.p.getByRole("row", { name: /advisor runs/ }).getByRole("cell", { name: "unlimited per day" }).waitFor();
  const again = await rest("/rpc/architecture_advise", "mia", "acme", {
    method: "POST", body: JSON.stringify({ answers: (await rest("/architecture_assessments?select=answers&limit=1", "mia", "acme"))[0].answers }),
  });
  assert.ok(again.assessment_id, "on Pro the advisor runs again");
  assert.deepEqual(owner.errors, []);
  await owner.close();
  stack.psql("select chassis.set_plan_limit('free', 'architecture.advisor.runs', 20)");
});

test("editing ids in URLs across tenants shows not-found, never data", async () => {
  const [mine] = await rest("/architecture_assessments?select=id&limit=1", "mia", "acme");
  assert.ok(mine?.id, "acme has an assessment");
  await rest("/rpc/architecture_save_custom_pattern", "olivia", "acme", { method: "POST", body: JSON.stringify({ pattern: {
    slug: "acme-cells", name: "Acme Cells", category: "system", complexity: 2, team_size: "Small (2+ engineers)",
    team_size_min: 2, team_size_max: null, summary: "Acme's own cell layout.", also_known_as: [], when_to_use: ["Always."],
    when_not_to_use: ["Never."], key_components: [{ name: "Cell", description: "A cell." }],
    pros: [{ weight: "high", text: "Simple." }], cons: [{ weight: "low", text: "Limited." }], tech_stacks: [],
    real_world_examples: [], decision_matrix: [{ versus: "Monolith", versus_slug: "monolith", text: "Pick it." }],
    references: [], overview: "Cells.", related: [],
  } }) });
  const acme = await page("olivia", "acme");
  await acme.p.goto(stack.webUrl + "#/patterns/acme-cells");
  await acme.p.getByText("Acme's own cell layout.").waitFor();
  await acme.close();

  const { p, errors, close } = await page("gary", "globex");
  await p.goto(stack.webUrl + `#/advisor/${mine.id}`);
  await p.getByRole("heading", { name: "Not found" }).waitFor();
  assert.equal(await p.getByText("checkout rewrite").count(), 0);
  await p.goto(stack.webUrl + "#/patterns/acme-cells");
  await p.getByRole("heading", { name: "Not found" }).waitFor();
  assert.equal(await p.getByText("Acme's own cell layout").count(), 0);
  await p.goto(stack.webUrl + "#/patterns/no-such-pattern");
  await p.getByRole("heading", { name: "Not found" }).waitFor();
  await p.goto(stack.webUrl + "#/nowhere");
  await p.getByRole("heading", { name: "Not found" }).waitFor();
  assert.deepEqual(errors, []);
  await close();
});

test("phone width: no horizontal scrolling, navigation by keyboard", async () => {
  const { p, errors, close } = await page("olivia", "acme", { width: 375, height: 740 });
  for (const hash of ["#/", "#/patterns/api-gateway", "#/radar", "#/advisor", "#/usage", "#/team"]) {
    await p.goto(stack.webUrl + hash);
    await p.locator("main h1").first().waitFor({ timeout: 5000 }).catch(() => assert.fail(`${hash}: no heading`));
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 1, `${hash} overflows by ${overflow}px`);
  }
  await shot(p, "phone-usage");
  await p.goto(stack.webUrl + "#/");
  await p.keyboard.press("Tab");
  assert.equal(await p.evaluate(() => document.activeElement?.textContent), "Skip to content");
  assert.deepEqual(errors, []);
  await close();
});

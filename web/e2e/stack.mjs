// web/e2e/stack.mjs — e2e harness: starts the real stack (db clone, REST, sidecar, worker, web) and a browser. Layer: web.
//
// How to run: `scripts/with-tmp-db node --test web/e2e/` (from the repo root; `make test` does this via
// scripts/test-web). with-tmp-db exports PGHOST/PGPORT/PGUSER and STANCE_TEMPLATE_DB.
//
// `await startStack()` clones the template into a fresh database, loads the demo data (sql/seed/load.sql), imports
// ../shared/data/layra-patterns.md with `stance catalog import`, starts postgrest-compat, the sidecar, the worker and
// web/serve.mjs on free ports, and resolves to
//   {restUrl, sidecarUrl, webUrl, tokens: {olivia: jwt, adam: …, mia: …, victor: …, gary: …, …},
//    tenants: {acme: uuid, globex: uuid, umbrella: uuid}, psql(sql) → stdout (as postgres, this database), stop()}.
// Tokens carry no tenant_id claim: send `x-tenant-id` (the app does) to pick the tenant.
// Build the app first (`npm run build` in web/; scripts/test-web does). `await browser()` launches Debian's chromium
// through playwright-core. `watchConsole(page)` collects console errors and page errors for the no-errors assertion.
// Screenshots: `await shot(page, "name")` writes web/e2e/screenshots/<name>.png (ignored by git).
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, openSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "node:net";
import { randomBytes } from "node:crypto";
import { chromium } from "playwright-core";
import { serveWeb } from "../serve.mjs";
import { devUsers } from "../dev-tokens.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, "../..");
export const CATALOG = resolve(ROOT, "../shared/data/layra-patterns.md");
const VENV = join(ROOT, ".venv/bin");
let counter = 0;
// Children still running when this process exits (a test crashed before stop()) are killed with their groups.
const live = new Set();
process.once("exit", () => {
  for (const c of live) try { process.kill(-c.pid, "SIGKILL"); } catch {}
});

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function waitHttp(url, what, log, child) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break;
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not come up at ${url}; log ${log}:\n${existsSync(log) ? readFileSync(log, "utf8").slice(-3000) : ""}`);
}

export async function startStack({ worker = true, catalog = true } = {}) {
  const { PGHOST, PGPORT, STANCE_TEMPLATE_DB } = process.env;
  if (!PGHOST || !STANCE_TEMPLATE_DB) throw new Error("run under scripts/with-tmp-db (PGHOST, STANCE_TEMPLATE_DB unset)");
  const db = `e2e_${process.pid}_${counter++}`;
  const logs = mkdtempSync(join(tmpdir(), "stance-e2e-"));
  const pg = { ...process.env, PGDATABASE: db, PGUSER: process.env.PGUSER || "postgres" };
  const psqlIn = (dbname, args) =>
    execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbname, ...args], { env: pg, encoding: "utf8" });
  psqlIn("postgres", ["-c", `create database "${db}" template "${STANCE_TEMPLATE_DB}"`]);
  psqlIn(db, ["--single-transaction", "-f", join(ROOT, "sql/seed/load.sql")]);
  const psql = (sql) => psqlIn(db, ["-At", "-c", sql]);

  const secret = randomBytes(36).toString("base64url");
  const [restPort, sidecarPort, metricsPort] = [await freePort(), await freePort(), await freePort()];
  const dbUrl = (role) => `postgres://${role}@/${db}?host=${encodeURIComponent(PGHOST)}&port=${PGPORT}`;
  const env = {
    ...process.env,
    PGRST_DB_URI: dbUrl("authenticator"), PGRST_SERVER_PORT: String(restPort), PGRST_JWT_SECRET: secret,
    PGRST_OPENAPI_SERVER_PROXY_URI: `http://127.0.0.1:${restPort}`,
    STANCE_DATABASE_URL: dbUrl("sidecar"), STANCE_POSTGREST_CONF: join(ROOT, "postgrest.conf"),
    STANCE_POSTGREST_URL: `http://127.0.0.1:${restPort}`, SIDECAR_PORT: String(sidecarPort),
    STANCE_PUBLIC_URL: `http://127.0.0.1:${sidecarPort}`, SIDECAR_VERTICALS: "architecture",
    SIDECAR_NET_ALLOW: "127.0.0.0/8", SIDECAR_WORKER_METRICS_PORT: String(metricsPort), SIDECAR_LOG_LEVEL: "WARNING",
    PGDATABASE: db,
  };
  const children = [];
  const start = (name, cmd, args) => {
    const log = join(logs, `${name}.log`);
    const fd = openSync(log, "a");
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", fd, fd], detached: true });
    children.push(child);
    live.add(child);
    child.once("exit", () => live.delete(child));
    return { child, log };
  };
  const stop = async () => {
    for (const c of children) {
      if (c.exitCode === null) {
        try { process.kill(-c.pid, "SIGTERM"); } catch {}
      }
    }
    await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => {
      const t = setTimeout(() => { try { process.kill(-c.pid, "SIGKILL"); } catch {} r(); }, 5000);
      c.once("exit", () => { clearTimeout(t); r(); });
    }))));
    if (web) await web.close();
    try { psqlIn("postgres", ["-c", `drop database if exists "${db}" with (force)`]); } catch {}
  };
  let web = null;
  try {
    const rest = start("rest", join(VENV, "postgrest-compat"), ["postgrest.conf"]);
    const side = start("sidecar", join(VENV, "python"), ["-m", "sidecar", "serve"]);
    if (worker) start("worker", join(VENV, "python"), ["-m", "sidecar", "worker"]);
    await waitHttp(`http://127.0.0.1:${restPort}/`, "REST", rest.log, rest.child);
    await waitHttp(`http://127.0.0.1:${sidecarPort}/healthz`, "sidecar", side.log, side.child);
    if (catalog) {
      execFileSync(join(VENV, "stance"), ["catalog", "import", CATALOG, "--as", "e2e", "--reason", "e2e catalog"], {
        cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"],
      });
    }
    const users = devUsers(secret, env);
    const restUrl = `http://127.0.0.1:${restPort}`;
    const sidecarUrl = `http://127.0.0.1:${sidecarPort}`;
    web = await serveWeb({ restUrl, sidecarUrl, devUsers: users });
    const tokens = Object.fromEntries(users.map((u) => [u.subject, u.token]));
    const tenants = Object.fromEntries(
      psql("select slug || '=' || id from chassis.tenants where kind = 'team'").trim().split("\n").map((l) => l.split("=")),
    );
    return { restUrl, sidecarUrl, webUrl: web.url, tokens, tenants, users, psql, logs, db, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Headless Debian chromium; launch() gives every browser a fresh temporary user-data-dir. Use
 * `(await browser()).newContext()` per user; two contexts = two independent sessions. Close the browser when done. */
export async function browser() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

/** Collect console errors and uncaught page errors; assert `errors` is empty at the end of a test. */
export function watchConsole(page) {
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

export async function shot(page, name) {
  const dir = join(here, "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Sign in through the app's dev sign-in screen as `subject` and pick tenant `slug` (if given). */
export async function signIn(page, stack, subject, slug) {
  await page.goto(stack.webUrl + "#/signin");
  await page.getByLabel("Demo user").selectOption(subject);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  if (slug) await page.getByLabel("Tenant").selectOption(stack.tenants[slug]);
  await page.getByRole("heading", { name: "Pattern catalog" }).waitFor();
}

// web/dev-tokens.mjs — mint dev JWTs (HS256, docs/contracts.md claims, no tenant claim) for every demo user. Layer: web.
// CLI: `PGDATABASE=stance PGRST_JWT_SECRET=… node web/dev-tokens.mjs > tokens.json` (psql with the PG* variables).
// No tenant_id claim: the app selects the tenant with the x-tenant-id header, so one token serves the tenant switcher.
import { createHmac } from "node:crypto";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ISSUER = "https://dev.stance.local";
const b64 = (s) => Buffer.from(s).toString("base64url");

export function mintToken(claims, secret, ttlSeconds = 12 * 3600) {
  const now = Math.floor(Date.now() / 1000);
  const body = { role: "authenticated", iss: ISSUER, aud: "stance", iat: now, exp: now + ttlSeconds, ...claims };
  const head = b64(JSON.stringify({ alg: "HS256", typ: "JWT" })) + "." + b64(JSON.stringify(body));
  return head + "." + createHmac("sha256", secret).update(head).digest("base64url");
}

const SQL = `select coalesce(json_agg(row_to_json(x) order by x.subject), '[]') from (
  select u.subject, u.email::text as email, u.name, u.status,
    (select string_agg(m.role || ' of ' || t.slug, ', ' order by t.slug)
       from chassis.memberships as m join chassis.tenants as t on t.id = m.tenant_id and t.kind = 'team'
      where m.user_id = u.id) as teams
  from chassis.users as u where u.issuer = '${ISSUER}') as x`;

/** [{subject, name, email, label, token}] for the database psql reaches with `env`. */
export function devUsers(secret, env = process.env) {
  const out = execFileSync("psql", ["-X", "-At", "-c", SQL], { env, encoding: "utf8" });
  return JSON.parse(out).map((u) => ({
    subject: u.subject,
    name: u.name,
    email: u.email,
    label: `${u.name} (${u.teams || "no team"}${u.status !== "active" ? "; " + u.status : ""})`,
    token: mintToken({ sub: u.subject, email: u.email, name: u.name }, secret),
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const secret = process.env.PGRST_JWT_SECRET;
  if (!secret) {
    console.error("dev-tokens.mjs: set PGRST_JWT_SECRET");
    process.exit(2);
  }
  console.log(JSON.stringify(devUsers(secret), null, 1));
}

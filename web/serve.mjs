// web/serve.mjs — static server for the built app under /app/, proxying /app/rest → REST and /app/sidecar → sidecar. Layer: web.
// Configured only with the two base URLs: STANCE_REST_URL and STANCE_SIDECAR_URL (plus optional
// STANCE_DEV_TOKENS_FILE, a JSON list of {subject, label, token} offered by the dev sign-in screen).
// CLI: `node web/serve.mjs [port]` (prints the URL). Module: `serveWeb({restUrl, sidecarUrl, devUsers, port})`.
import { createServer, request } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const DIST = join(dirname(fileURLToPath(import.meta.url)), "dist");
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json", ".svg": "image/svg+xml", ".map": "application/json", ".ico": "image/x-icon",
};

function proxy(req, res, base, rest) {
  const target = new URL(base.replace(/\/$/, "") + rest);
  const headers = { ...req.headers, host: target.host };
  delete headers.origin;
  const out = request(target, { method: req.method, headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  out.on("error", (err) => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
    res.end(JSON.stringify({ code: "PGRST000", message: `upstream unreachable: ${err.message}`, details: null, hint: null }));
  });
  req.pipe(out);
}

/** Start serving; resolves to {url, close()} once listening. */
export function serveWeb({ restUrl, sidecarUrl, devUsers = [], port = 0, host = "127.0.0.1" }) {
  const config = JSON.stringify({ restUrl: "rest", sidecarUrl: "sidecar", devUsers });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    if (path === "/" || path === "/app") return res.writeHead(302, { location: "/app/" }).end();
    if (path.startsWith("/app/rest/") || path === "/app/rest") return proxy(req, res, restUrl, req.url.slice("/app/rest".length) || "/");
    if (path.startsWith("/app/sidecar/")) return proxy(req, res, sidecarUrl, req.url.slice("/app/sidecar".length));
    if (path === "/app/config.json") {
      return res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(config);
    }
    if (!path.startsWith("/app/")) return res.writeHead(404).end("not found");
    const file = normalize(join(DIST, decodeURIComponent(path.slice("/app/".length)) || "index.html"));
    const chosen = file.startsWith(DIST) && existsSync(file) && extname(file) ? file : join(DIST, "index.html");
    try {
      const body = await readFile(chosen);
      res.writeHead(200, { "content-type": TYPES[extname(chosen)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("build the app first: npm run build (in web/)");
    }
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ url: `http://${host}:${address.port}/app/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const restUrl = process.env.STANCE_REST_URL;
  const sidecarUrl = process.env.STANCE_SIDECAR_URL;
  if (!restUrl || !sidecarUrl) {
    console.error("serve.mjs: set STANCE_REST_URL and STANCE_SIDECAR_URL");
    process.exit(2);
  }
  const tokensFile = process.env.STANCE_DEV_TOKENS_FILE;
  const devUsers = tokensFile ? JSON.parse(readFileSync(tokensFile, "utf8")) : [];
  const { url } = await serveWeb({ restUrl, sidecarUrl, devUsers, port: Number(process.argv[2] ?? 0) });
  console.log(url);
}

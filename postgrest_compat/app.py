"""The raw ASGI application: routing, OPTIONS, CORS, Vary, error bodies, schema-cache lifecycle.

Layer: postgrest_compat.
"""

from __future__ import annotations

import asyncio
import logging
import os
from urllib.parse import unquote

import orjson
import psycopg

from postgrest_compat.config import Config, load_config
from postgrest_compat.db import Database, listen
from postgrest_compat.errors import ApiError, not_found_table, pgrst
from postgrest_compat.handlers import Handler, Request, Response, error_response
from postgrest_compat.jwt import JwtVerifier
from postgrest_compat.schema_cache import SchemaCache, load_schema_cache

log = logging.getLogger("postgrest_compat")
CORS_EXPOSE = "Content-Encoding, Content-Location, Content-Range, Content-Type, Date, Location, Server, " \
    "Transfer-Encoding, Range-Unit"  # fmt: skip
MAX_BODY = 64 * 1024 * 1024


class Server:
    def __init__(self, config: Config, workers: int = 1) -> None:
        self.config = config
        self.verifier = JwtVerifier(config)
        # db-pool is the total, as in PostgREST: split across the worker processes
        size = max(1, -(-int(config.get("db-pool") or 10) // max(workers, 1)))
        timeout = float(config.get("db-pool-acquisition-timeout") or 10)
        prepare = bool(config.get("db-prepared-statements"))
        self.db = Database(config["db-uri"], size, timeout, config.get("db-pre-request"), prepare=prepare)
        self.cache: SchemaCache | None = None
        self.loaded = asyncio.Event()
        self.handler = Handler(self)
        self.tasks: list[asyncio.Task] = []
        self.plans: dict = {}

    def remember_plan(self, key, value) -> None:
        """Bounded cache of parsed and rendered read plans per request shape."""
        if len(self.plans) >= 4096:
            self.plans.pop(next(iter(self.plans)))
        self.plans[key] = value

    async def start(self) -> None:
        await self.db.open()
        self.tasks.append(asyncio.create_task(self._load_loop()))
        if self.config.get("db-channel-enabled"):
            self.tasks.append(
                asyncio.create_task(listen(self.config["db-uri"], self.config["db-channel"], self._notified))
            )

    async def stop(self) -> None:
        for t in self.tasks:
            t.cancel()
        await self.db.close()

    async def _load_loop(self) -> None:
        delay = 0.5
        while self.cache is None:
            try:
                await self.reload()
                self.loaded.set()
                log.info("Schema cache loaded")
            except Exception as exc:  # keep retrying like PostgREST
                body = {"code": "PGRST000", "details": str(exc), "hint": None,
                        "message": "Database connection error. Retrying the connection."}  # fmt: skip
                log.error("%s", orjson.dumps(body).decode())
                log.error("Attempting to reconnect to the database in %d seconds...", int(delay) or 1)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 32)

    async def reload(self) -> None:
        async with await psycopg.AsyncConnection.connect(self.config["db-uri"], connect_timeout=10) as conn:
            await conn.execute("SET TRANSACTION READ ONLY")
            await conn.execute("SET LOCAL search_path TO ''")  # format_type() then qualifies every non-catalog type
            self.cache = await load_schema_cache(conn, self.config.schemas, self.config.anon_role)
        self.db.forget_prepared()
        self.plans.clear()

    async def _notified(self, payload: str) -> None:
        await asyncio.sleep(0.1)
        if payload in ("", "reload schema", "reload config"):
            try:
                await self.reload()
                log.info("Schema cache reloaded")
            except Exception as exc:
                log.error("schema cache reload failed: %s", exc)

    async def handle(self, req: Request) -> Response:
        path = req.path
        segs = [unquote(s) for s in path.strip("/").split("/")] if path.strip("/") else []
        method = req.method
        if method not in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
            raise pgrst("PGRST117", f"Unsupported HTTP method: {method}")
        if len(segs) > 2 or (len(segs) == 2 and segs[0] != "rpc"):
            raise pgrst("PGRST125", "Invalid path specified in request URL")
        if self.cache is None:
            try:
                await asyncio.wait_for(self.loaded.wait(), 5)
            except TimeoutError:
                pass
        if self.cache is None:
            raise pgrst("PGRST002", "Could not query the database for the schema cache. Retrying.",
                        headers=[("Retry-After", "1")])  # fmt: skip
        if not segs:
            return await self.root(req)
        if len(segs) == 2:
            if method == "OPTIONS":
                return self.options_rpc(req, segs[1])
            if method not in ("GET", "HEAD", "POST"):
                raise pgrst("PGRST101", f"Cannot use the {method} method on RPC")
            return await self.handler.rpc(req, segs[1])
        if method == "OPTIONS":
            return self.options_table(req, segs[0])
        return await self.handler.relation(req, segs[0])

    def options_table(self, req: Request, name: str) -> Response:
        schema = self.handler.schema_of(req)
        table = self.cache.tables.get((schema, name))
        if table is None:
            raise not_found_table(schema, name, [n for (s, n) in self.cache.tables if s == schema])
        allow = ["OPTIONS", "GET", "HEAD"]
        if table.insertable:
            allow.append("POST")
        if table.insertable and table.updatable and table.pk:
            allow.append("PUT")
        if table.updatable:
            allow.append("PATCH")
        if table.deletable:
            allow.append("DELETE")
        return Response(200, [("Allow", ",".join(allow))])

    def options_rpc(self, req: Request, name: str) -> Response:
        schema = self.handler.schema_of(req)
        fns = self.cache.functions.get((schema, name))
        if not fns:
            raise pgrst("PGRST202", f"Could not find the function {schema}.{name}() in the schema cache")
        allow = "OPTIONS,POST" if any(f.volatility == "v" for f in fns) else "OPTIONS,GET,HEAD,POST"
        return Response(200, [("Allow", allow)])

    async def root(self, req: Request) -> Response:
        if req.method == "OPTIONS":
            return Response(200, [("Allow", "OPTIONS,GET,HEAD")])
        if req.method not in ("GET", "HEAD"):
            raise pgrst("PGRST117", f"Unsupported HTTP method: {req.method}")
        if self.config.get("openapi-mode") == "disabled":
            raise pgrst("PGRST126", "Root endpoint metadata is disabled")
        from postgrest_compat.negotiation import negotiate
        from postgrest_compat.openapi import openapi_document

        negotiate(req.header("accept"), root=True)
        schema = self.handler.schema_of(req)
        doc = openapi_document(self.config, self.cache, schema)
        body = b"" if req.method == "HEAD" else doc
        return Response(200, [("Content-Type", "application/openapi+json; charset=utf-8")], body)


def _cors(req: Request, resp: Response, config: Config) -> None:
    origin = req.header("origin")
    if origin is None:
        if req.method == "OPTIONS" and resp.status == 200:
            resp.headers.append(("Access-Control-Allow-Origin", "*"))
        return
    allowed = config.get("server-cors-allowed-origins")
    if allowed:
        origins = [o.strip() for o in str(allowed).split(",")]
        if origin not in origins:
            return
        resp.headers += [("Access-Control-Allow-Origin", origin), ("Access-Control-Allow-Credentials", "true")]
    else:
        resp.headers.append(("Access-Control-Allow-Origin", "*"))
    if req.method == "OPTIONS" and req.header("access-control-request-method"):
        requested = req.header("access-control-request-headers")
        hdrs = "Authorization" + (f", {requested}" if requested else "") + ", Accept, Accept-Language, Content-Language"
        resp.headers += [
            ("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE, OPTIONS, HEAD"),
            ("Access-Control-Allow-Headers", hdrs),
            ("Access-Control-Max-Age", "86400"),
        ]
    else:
        resp.headers.append(("Access-Control-Expose-Headers", CORS_EXPOSE))


class App:
    """ASGI entry: one Server per worker process, created on lifespan startup."""

    def __init__(self) -> None:
        self.server: Server | None = None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        if self.server is None:
            await self._startup()
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
        hmap = {k.lower(): v for k, v in headers}
        raw = scope.get("raw_path")
        req = Request(scope["method"], scope["path"], scope.get("query_string", b"").decode("latin-1"), headers,
                      b"", hmap, raw.decode("latin-1").split("?", 1)[0] if raw else "")  # fmt: skip
        try:
            req.body = await _read_body(receive)
            if req.method == "OPTIONS" and "origin" in hmap and "access-control-request-method" in hmap:
                resp = Response(200, [])  # a CORS preflight is answered before routing, as Warp's middleware does
            else:
                resp = await self.server.handle(req)
        except ApiError as err:
            resp = error_response(err, self.server.config.get("client-error-verbosity"))
        except Exception:
            log.exception("internal error")
            resp = error_response(pgrst("PGRSTX00", "Internal server error"))
        _cors(req, resp, self.server.config)
        if not any(k.lower() == "vary" for k, _ in resp.headers):
            resp.headers.append(("Vary", "Accept, Prefer, Range"))
        if resp.status != 204 and req.method != "HEAD":
            resp.headers.append(("Content-Length", str(len(resp.body))))
        resp.headers.append(("Server", "postgrest/16.0"))
        await send({"type": "http.response.start", "status": resp.status,
                    "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in resp.headers]})  # fmt: skip
        await send({"type": "http.response.body", "body": resp.body if resp.status != 204 else b""})

    async def _startup(self) -> None:
        config = load_config(os.environ.get("POSTGREST_COMPAT_CONFIG") or None, os.environ)
        self.server = Server(config, int(os.environ.get("POSTGREST_COMPAT_WORKERS", "1")))
        await self.server.start()

    async def _lifespan(self, receive, send) -> None:
        while True:
            msg = await receive()
            if msg["type"] == "lifespan.startup":
                try:
                    await self._startup()
                except Exception as exc:
                    await send({"type": "lifespan.startup.failed", "message": str(exc)})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif msg["type"] == "lifespan.shutdown":
                if self.server is not None:
                    await self.server.stop()
                await send({"type": "lifespan.shutdown.complete"})
                return


async def _read_body(receive) -> bytes:
    chunks = []
    size = 0
    while True:
        msg = await receive()
        chunk = msg.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            raise ApiError(413, "PGRST102", "Request body too large")
        chunks.append(chunk)
        if not msg.get("more_body"):
            return b"".join(chunks)


app = App()

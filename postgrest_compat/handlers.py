"""Request handling for relations and RPC: auth, negotiation, planning, the transaction and the response.

Layer: postgrest_compat.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

import orjson

from postgrest_compat.context import transaction_settings
from postgrest_compat.db import TxRequest
from postgrest_compat.errors import ApiError, not_found_table, pgrst, singular_error
from postgrest_compat.jwt import authenticate
from postgrest_compat.negotiation import negotiate, parse_prefer, preference_applied
from postgrest_compat.payload import parse_payload
from postgrest_compat.plan import find_function, page_bounds, plan_read, plan_rpc
from postgrest_compat.plan_write import check_put, plan_delete, plan_insert, plan_update
from postgrest_compat.query.params import parse_query


@dataclass
class Request:
    method: str
    path: str
    query: str
    headers: list[tuple[str, str]]
    body: bytes = b""
    hmap: dict[str, str] = field(default_factory=dict)
    raw_path: str = ""

    def header(self, name: str) -> str | None:
        return self.hmap.get(name)

    def all(self, name: str) -> list[str]:
        return [v for k, v in self.headers if k.lower() == name]


@dataclass
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes = b""


def media_key(media, method: str) -> str:
    if method == "HEAD":
        return "none"
    if media.kind == "object":
        return "object-stripped" if media.stripped else "object"
    if media.kind == "csv":
        return "csv"
    return "array-stripped" if media.stripped else "json"


def _content_range(offset: int, page: int, total: int | None) -> str:
    tot = "*" if total is None else str(total)
    if page <= 0:
        return f"*/{tot}"
    return f"{offset}-{offset + page - 1}/{tot}"


def _response_gucs(row, status: int, headers: list[tuple[str, str]]) -> int:
    raw_headers, raw_status = row[3], row[4]
    if raw_headers:
        try:
            items = orjson.loads(raw_headers)
            if not isinstance(items, list):
                raise ValueError
            for obj in items:
                if not isinstance(obj, dict) or len(obj) != 1:
                    raise ValueError
                ((k, v),) = obj.items()
                if not isinstance(v, str):
                    raise ValueError
                if k.lower() != "set-cookie":
                    headers[:] = [h for h in headers if h[0].lower() != k.lower()]
                headers.append((k, v))
        except ValueError:
            raise pgrst("PGRST111", "response.headers guc must be a JSON array composed of objects with a single "
                        "key and a string value") from None  # fmt: skip
    if raw_status:
        try:
            status = int(raw_status)
            if not 100 <= status <= 599:
                raise ValueError
        except ValueError:
            raise pgrst("PGRST112", "response.status guc must be a valid status code") from None
    return status


class Handler:
    def __init__(self, server) -> None:
        self.server = server

    @property
    def config(self):
        return self.server.config

    def schema_of(self, req: Request) -> str:
        schemas = self.config.schemas
        name = (
            req.header("accept-profile") if req.method in ("GET", "HEAD", "OPTIONS") else req.header("content-profile")
        )
        if name is None:
            return schemas[0]
        if name not in schemas:
            raise pgrst("PGRST106", f"Invalid schema: {name}", None,
                        f"Only the following schemas are exposed: {', '.join(schemas)}")  # fmt: skip
        return name

    def _tx_end(self, prefer, applied: dict[str, str]) -> bool:
        mode = self.config.get("db-tx-end")
        commit = mode.startswith("commit")
        if mode.endswith("allow-override") and prefer.get("tx"):
            commit = prefer.get("tx") == "commit"
            applied["tx"] = prefer.get("tx")
        return commit

    async def relation(self, req: Request, name: str) -> Response:
        role, claims, has_token = authenticate(self.server.verifier, req.header("authorization"))
        key = None
        if req.method in ("GET", "HEAD"):
            key = (req.method, name, req.query, req.header("accept"), tuple(req.all("prefer")),
                   req.header("accept-profile"), req.header("range"))  # fmt: skip
            hit = self.server.plans.get(key)
            if hit is not None and hit[0] is self.server.cache:
                schema, prefer, table, media, planned, applied, count = hit[1]
                return await self._run_relation(req, role, claims, has_token, schema, prefer, table, media,
                                                planned, dict(applied), count)  # fmt: skip
        sc = self.server.cache
        plan = self._plan_relation(req, name, sc)
        if key is not None:
            self.server.remember_plan(key, (sc, plan))
        schema, prefer, table, media, planned, applied, count = plan
        return await self._run_relation(req, role, claims, has_token, schema, prefer, table, media, planned,
                                        dict(applied), count)  # fmt: skip

    async def _run_relation(self, req, role, claims, has_token, schema, prefer, table, media, planned, applied,
                            count) -> Response:  # fmt: skip
        commit = self._tx_end(prefer, applied)
        row, plan_rows = await self._execute(req, role, claims, has_token, schema, planned, prefer, media, commit,
                                             count, mutation=req.method not in ("GET", "HEAD"))  # fmt: skip
        return self._respond(req, row, plan_rows, planned, prefer, media, count, applied, schema, table)

    def _plan_relation(self, req: Request, name: str, sc):
        schema = self.schema_of(req)
        prefer = parse_prefer(req.all("prefer"))
        table = sc.tables.get((schema, name))
        if table is None:
            raise not_found_table(schema, name, [n for (s, n) in sc.tables if s == schema])
        media = negotiate(req.header("accept"))
        pq = parse_query(req.query)
        applied: dict[str, str] = {}
        count = prefer.get("count")
        method = req.method
        mkey = media_key(media, method)
        if method in ("GET", "HEAD"):
            bounds = page_bounds(pq, req.header("range") if method == "GET" else None, self.config.max_rows)
            planned = plan_read(sc, self.config, table, pq, mkey, count, bounds)
        else:
            if method == "DELETE":
                planned = plan_delete(sc, self.config, table, pq, prefer, mkey)
            else:
                payload = parse_payload(req.body, req.header("content-type"), columns=pq.columns)
                if method == "POST":
                    planned = plan_insert(sc, self.config, table, pq, payload, prefer, mkey)
                elif method == "PUT":
                    check_put(table, pq, payload)
                    planned = plan_insert(sc, self.config, table, pq, payload, prefer, mkey, put=True)
                else:
                    planned = plan_update(sc, self.config, table, pq, payload, prefer, mkey)
            applied.update(planned.applied)
            if prefer.get("return"):
                applied["return"] = prefer.get("return")
        if count:
            applied["count"] = count
        _common_applied(prefer, applied, method)
        return schema, prefer, table, media, planned, applied, count

    async def _execute(self, req, role, claims, has_token, schema, planned, prefer, media, commit, count, *,
                       mutation: bool, single_rpc: bool = False):  # fmt: skip
        settings = transaction_settings(
            self.config, role=role, claims=claims, method=req.method, path=req.raw_path or req.path,
            headers=req.headers,
            schema=schema, role_settings=self.server.cache.role_settings.get(role, ()),
            timezone=prefer.get("timezone"),
        )  # fmt: skip
        strict = prefer.get("handling") == "strict"
        max_aff = prefer.get("max-affected")
        explain = planned.main.count_sql if count in ("planned", "estimated") and planned.main.count_sql else None

        def check(row, _plan_rows):
            page = row[1]
            wants_rows = planned.kind != "mutation" or prefer.get("return") == "representation"
            if media.kind == "object" and req.method != "HEAD" and wants_rows and page != 1:
                raise singular_error(page)
            if strict and max_aff is not None and (mutation or planned.kind == "rpc"):
                if single_rpc:
                    raise pgrst("PGRST128", "Function must return SETOF or TABLE when max-affected preference is "
                                "used with handling=strict")  # fmt: skip
                affected = row[0] if planned.kind == "mutation" else page
                if affected is not None and int(affected) > int(max_aff):
                    raise pgrst("PGRST124", "Query result exceeds max-affected preference constraint",
                                f"The query affects {affected} rows")  # fmt: skip

        needs_check = media.kind == "object" or (strict and max_aff is not None)
        tx = TxRequest(planned.read_only, settings, planned.main.sql, planned.params, role != self.config.anon_role,
                       explain, commit)  # fmt: skip
        return await self.server.db.run(tx, check if needs_check else None)

    def _respond(self, req, row, plan_rows, planned, prefer, media, count, applied, schema, table) -> Response:
        total_raw, page, body = row[0], row[1], row[2]
        headers: list[tuple[str, str]] = []
        method = req.method
        status = 200
        if planned.kind == "mutation":
            ret = prefer.get("return") or "minimal"
            affected = int(total_raw or 0)
            total = affected if count in ("exact", "estimated", "planned") else None
            if method == "PATCH":
                headers.append(("Content-Range", _content_range(0, affected, total)))
            elif method != "PUT":
                headers.append(("Content-Range", f"*/{'*' if total is None else total}"))
            if method == "POST":
                inserted = int(row[6] or 0)
                status = 201
                if planned.inserted_tracked and inserted == 0 and prefer.get("resolution") == "merge-duplicates":
                    status = 200  # a merge upsert that only updated rows
                if ret == "headers-only" and row[5] and table.pk:
                    pks = orjson.loads(row[5])
                    if len(pks) == 1:
                        q = "&".join(f"{c}=" + ("is.null" if v is None else "eq." + quote(str(v), safe=""))
                                     for c, v in zip(table.pk, pks[0], strict=False))  # fmt: skip
                        headers.append(("Location", f"/{table.name}?{q}"))
            elif method == "PUT":
                inserted = int(row[6] or 0)
                status = (201 if inserted else 200) if ret == "representation" else 204
            else:
                status = 200 if ret == "representation" else 204
            if ret != "representation":
                body = None
        else:
            total = None
            if count == "exact" or (count == "estimated" and (self.config.max_rows is None or
                                                              (total_raw or 0) <= self.config.max_rows)):  # fmt: skip
                total = int(total_raw or 0)
            elif count in ("planned", "estimated"):
                total = int(plan_rows or 0)
                if count == "estimated":
                    total = max(total, int(total_raw or 0))
            if planned.kind == "rpc" and planned.fn is not None and planned.fn.return_kind == "void":
                status = 204
                body = None
            else:
                headers.append(("Content-Range", _content_range(planned.offset, page, total)))
                if total is not None and planned.offset > total and page == 0 and planned.offset > 0:
                    raise pgrst("PGRST103", "Requested range not satisfiable",
                                f"An offset of {planned.offset} was requested, but there are only {total} rows.",
                                headers=[("Content-Range", f"*/{total}")])  # fmt: skip
                if total is not None and page < total:
                    status = 206
            if method == "GET" and planned.kind == "read":
                canonical = planned.canonical
                headers.append(("Content-Location", f"/{quote(table.name)}" + (f"?{canonical}" if canonical else "")))
        if body is not None or method == "HEAD":
            headers.insert(0, ("Content-Type", media.content_type))
        if len(self.config.schemas) > 1:
            headers.append(("Content-Profile", schema))
        pa = preference_applied(applied)
        if pa:
            headers.append(("Preference-Applied", pa))
        status = _response_gucs(row, status, headers)
        data = body if body is not None else b""
        if method == "HEAD":
            data = b""
        return Response(status, headers, data)

    async def rpc(self, req: Request, name: str) -> Response:
        sc = self.server.cache
        schema = self.schema_of(req)
        prefer = parse_prefer(req.all("prefer"))
        role, claims, has_token = authenticate(self.server.verifier, req.header("authorization"))
        media = negotiate(req.header("accept"))
        pq = parse_query(req.query, is_rpc=req.method != "POST")
        post = req.method == "POST"
        unnamed_body = None
        if post:
            ctype = (req.header("content-type") or "application/json").split(";")[0].strip().lower()
            raw = req.body
            if ctype == "application/json":
                try:
                    args_obj = orjson.loads(raw) if raw.strip() else {}
                except orjson.JSONDecodeError:
                    raise pgrst("PGRST102", "Empty or invalid json") from None
            elif ctype == "application/x-www-form-urlencoded":
                args_obj = parse_payload(raw, ctype, columns=None).rows[0]
            else:
                args_obj = {}
            names = list(args_obj) if isinstance(args_obj, dict) else []
            fn, unnamed = find_function(sc, schema, name, names, req.header("content-type"), post=True)
            if unnamed:
                if fn.params[0].type == "bytea":
                    unnamed_body = "\\x" + raw.hex()  # bytea's hex input form: binary bodies survive intact
                else:
                    unnamed_body = (
                        raw.decode("utf-8", "replace") if raw.strip() or ctype != "application/json" else "{}"
                    )
                args = {}
            else:
                if not isinstance(args_obj, dict):
                    raise pgrst("PGRST102", "Empty or invalid json")
                args = dict(args_obj)
            read_only = fn.volatility != "v"
        else:
            args: dict = {}
            for k, v in pq.rpc_args:
                args.setdefault(k, []).append(v)
            fn, _ = find_function(sc, schema, name, list(args), None, post=False)
            variadic = {p.name for p in fn.params if p.mode == "v"}
            args = {k: (vs if k in variadic and (len(vs) > 1 or not vs[0].startswith("{")) else vs[-1])
                    for k, vs in args.items()}  # fmt: skip
            read_only = True
        count = prefer.get("count")
        mkey = media_key(media, req.method)
        bounds = page_bounds(pq, None, self.config.max_rows if fn.retset else None)
        planned = plan_rpc(sc, self.config, fn, args, unnamed_body, pq, mkey, count, bounds, read_only=read_only)
        applied: dict[str, str] = {}
        if count:
            applied["count"] = count
        _common_applied(prefer, applied, "RPC")
        commit = self._tx_end(prefer, applied)
        row, plan_rows = await self._execute(req, role, claims, has_token, schema, planned, prefer, media, commit,
                                             count, mutation=False, single_rpc=not fn.retset)  # fmt: skip
        return self._respond(req, row, plan_rows, planned, prefer, media, count, applied, schema, None)


def _common_applied(prefer, applied: dict[str, str], method: str) -> None:
    if prefer.get("handling"):
        applied["handling"] = prefer.get("handling")
    if prefer.get("timezone"):
        applied["timezone"] = prefer.get("timezone")
    if prefer.get("handling") == "strict" and prefer.get("max-affected") and method in ("PATCH", "DELETE", "RPC"):
        applied["max-affected"] = prefer.get("max-affected")


def error_response(err: ApiError, verbosity: str = "verbose") -> Response:
    body = err.body() if verbosity == "verbose" else {"code": err.code, "message": err.message}
    headers = [("Content-Type", "application/json; charset=utf-8"), *err.response_headers()]
    return Response(err.status, headers, orjson.dumps(body))


__all__ = ["Handler", "Request", "Response", "error_response"]

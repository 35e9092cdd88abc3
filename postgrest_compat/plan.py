"""Planning a request into its main statement: reads, RPC calls (function lookup, arguments, return shapes)
and ranges. Layer: postgrest_compat. Mutations live in plan_write.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import get_close_matches

import orjson

from postgrest_compat.errors import pgrst
from postgrest_compat.query.ast import EmbedParams
from postgrest_compat.query.params import ParsedQuery, check_embed_paths
from postgrest_compat.schema_cache import Function, SchemaCache, Table
from postgrest_compat.sql.filters import Params, ident, qualified
from postgrest_compat.sql.select import ReadRenderer
from postgrest_compat.sql.statements import Main, wrap_read


@dataclass
class Planned:
    main: Main
    params: list
    offset: int = 0
    read_only: bool = True
    kind: str = "read"  # read mutation rpc
    table: Table | None = None
    fn: Function | None = None
    inserted_tracked: bool = False
    applied: dict[str, str] = field(default_factory=dict)
    canonical: str = ""


_RANGE = re.compile(r"^([0-9]+)-([0-9]*)$")


def page_bounds(pq: ParsedQuery, range_header: str | None, max_rows: int | None) -> tuple[int, int | None]:
    """(offset, limit) from limit/offset intersected with a `Range: a-b` header, capped by db-max-rows."""
    top = pq.params.get(()) or EmbedParams()
    offset = max(top.offset or 0, 0)
    limit = top.limit
    if limit is not None and limit < 0:
        raise pgrst("PGRST103", "Requested range not satisfiable", "Limit should be greater than or equal to zero.")
    upper = None if limit is None else offset + limit - 1
    if range_header:
        m = _RANGE.match(range_header.strip().removeprefix("items=").strip())
        if m:
            lo = int(m.group(1))
            hi = int(m.group(2)) if m.group(2) else None
            if hi is not None and lo > hi:
                raise pgrst(
                    "PGRST103",
                    "Requested range not satisfiable",
                    "The lower boundary must be lower than or equal to the upper boundary in the Range header.",
                )
            offset = max(offset, lo)
            if hi is not None:
                upper = hi if upper is None else min(upper, hi)
    if upper is not None and upper < offset and top.limit != 0:  # empty intersection (limit=0 is allowed)
        raise pgrst("PGRST103", "Requested range not satisfiable", "Limit should be greater than or equal to zero.")
    limit = None if upper is None else max(upper - offset + 1, 0)
    if max_rows is not None:
        limit = max_rows if limit is None else min(limit, max_rows)
    return offset, limit


def _source(lvl, from_sql: str, offset: int, limit: int | None, *, ordered: bool = True) -> str:
    sql = f"SELECT {', '.join(lvl.select) or 'NULL'} FROM {from_sql}" + "".join(" " + j for j in lvl.joins)
    if lvl.where:
        sql += " WHERE " + " AND ".join(lvl.where)
    if lvl.group:
        sql += " GROUP BY " + ", ".join(lvl.group)
    if ordered and lvl.order:
        sql += " ORDER BY " + ", ".join(lvl.order)
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    if offset:
        sql += f" OFFSET {int(offset)}"
    return sql


def _count_source(lvl, from_sql: str) -> str:
    sql = f"SELECT 1 FROM {from_sql}" + "".join(" " + j for j in lvl.joins)
    if lvl.where:
        sql += " WHERE " + " AND ".join(lvl.where)
    if lvl.group:
        sql += " GROUP BY " + ", ".join(lvl.group)
    return sql


def plan_read(sc: SchemaCache, config, table: Table, pq: ParsedQuery, media: str, count: str | None,
              bounds: tuple[int, int | None]) -> Planned:  # fmt: skip
    params = Params()
    r = ReadRenderer(sc, params, max_rows=config.max_rows, aggregates=bool(config.get("db-aggregates-enabled")))
    ref = qualified(table)
    lvl = r.level(table, ref, pq.select, (), pq.params)
    check_embed_paths(pq, r.embed_paths)
    offset, limit = bounds
    count_sql = _count_source(lvl, ref) if count else None
    count_limit = None
    if count == "estimated" and config.max_rows is not None:
        count_limit = config.max_rows + 1
    main = wrap_read(_source(lvl, ref, offset, limit), media, count_sql, count_limit=count_limit)
    return Planned(main, params.values, offset, True, "read", table, canonical=pq.canonical)


# --- RPC ----------------------------------------------------------------------------------------------------------

_UNNAMED_TYPES = {"application/json": ("json", "jsonb"), "text/plain": ("text",), "text/xml": ("xml",),
                  "application/octet-stream": ("bytea",)}  # fmt: skip


def find_function(sc: SchemaCache, schema: str, name: str, args: list[str], content_type: str | None,
                  *, post: bool) -> tuple[Function, bool]:  # fmt: skip
    """The single candidate whose parameters fit the argument names; (function, single-unnamed-param)."""
    cands = sc.functions.get((schema, name), [])
    names = set(args)
    fits = [f for f in cands if all(p.name for p in f.params) and f.required <= names <= {p.name for p in f.params}]
    unnamed = False
    if not fits and post:
        media = (content_type or "application/json").split(";")[0].strip().lower()
        types = _UNNAMED_TYPES.get(media, ())
        fits = [f for f in cands if len(f.params) == 1 and not f.params[0].name and f.params[0].type in types]
        if not fits and media == "application/json":
            fits = [f for f in cands if len(f.params) == 1 and f.params[0].type in ("json", "jsonb")
                    and not f.params[0].name]  # fmt: skip
        unnamed = bool(fits)
    if len(fits) == 1:
        return fits[0], unnamed
    if len(fits) > 1:
        listing = ", ".join(f"{f.schema}.{f.name}({f.signature})" for f in fits)
        raise pgrst("PGRST203", f"Could not choose the best candidate function between: {listing}", None,
                    "Try renaming the parameters or the function itself in the database so function overloading "
                    "can be resolved")  # fmt: skip
    raise no_function(sc, schema, name, args, content_type, post=post)


def no_function(sc: SchemaCache, schema: str, name: str, args: list[str], content_type: str | None, *, post: bool):
    """PGRST202 worded as PostgREST's NoRpc (details by content type, fuzzy hint)."""
    media = (content_type or "application/json").split(";")[0].strip().lower()
    arglist = ", ".join(args)
    with_params = (f" with parameter{'s' if len(args) > 1 else ''} {arglist}") if args else " without parameters"
    single = {"text/plain": "text", "text/xml": "xml", "application/octet-stream": "bytea"}
    if post and media in single:
        details_args = f" with a single unnamed {single[media]} parameter"
    elif post and media == "application/json":
        details_args = with_params + " or with a single unnamed json/jsonb parameter"
    else:
        details_args = with_params
    func = f"{schema}.{name}"
    message = f"Could not find the function {func}" + (
        "" if post and media in single else (f"({arglist})" if args else " without parameters")
    )
    hint = None
    if not (post and media in single):
        overloads = sc.functions.get((schema, name), [])
        if overloads:
            options = ["(" + ", ".join(sorted(p.name for p in f.params)) + ")" for f in overloads]
            close = get_close_matches("(" + ", ".join(sorted(args)) + ")", options, n=1, cutoff=0.33)
            if close:
                hint = f"Perhaps you meant to call the function {func}{close[0]}"
        else:
            close = get_close_matches(name, [n for (s, n) in sc.functions if s == schema], n=1, cutoff=0.75)
            if close:
                hint = f"Perhaps you meant to call the function {schema}.{close[0]}"
    details = f"Searched for the function {func}{details_args}, but no matches were found in the schema cache."
    return pgrst("PGRST202", message + " in the schema cache", details, hint)


def call_sql(fn: Function, args: dict, params: Params, *, unnamed_body: str | None) -> tuple[str, str]:
    """(FROM prefix with pgrst_args, call expression)."""
    fname = f"{ident(fn.schema)}.{ident(fn.name)}"
    if unnamed_body is not None:
        return "", f"{fname}({params.add(unnamed_body)}::{fn.params[0].type})"
    given = [p for p in fn.params if p.name in args]
    if not given:
        return "", f"{fname}()"
    cols = ", ".join(f"{ident(p.name)} {p.type}" for p in given)
    record = params.add(orjson.dumps({p.name: args[p.name] for p in given}).decode())
    prefix = f"json_to_record({record}::json) AS pgrst_args({cols})"
    call = ", ".join(
        ("VARIADIC " if fn.variadic and p.mode == "v" else "") + f"{ident(p.name)} := pgrst_args.{ident(p.name)}"
        for p in given
    )
    return prefix, f"{fname}({call})"


def plan_rpc(sc: SchemaCache, config, fn: Function, args: dict, unnamed_body: str | None, pq: ParsedQuery,
             media: str, count: str | None, bounds: tuple[int, int | None], *, read_only: bool) -> Planned:  # fmt: skip
    params = Params()
    prefix, call = call_sql(fn, args, params, unnamed_body=unnamed_body)
    comma = ", LATERAL " if prefix else ""
    offset, limit = bounds
    if fn.return_kind in ("scalar", "void"):
        if fn.retset:
            from_sql = f"{prefix}{comma}{call} AS pgrst_call"
            whole = f"SELECT pgrst_call AS pgrst_scalar FROM {from_sql}"
            source = whole
            if limit is not None:
                source += f" LIMIT {int(limit)}"
            if offset:
                source += f" OFFSET {int(offset)}"
            body_media = "none" if media == "none" else "scalar-set"
        else:
            source = whole = f"SELECT {call} AS pgrst_scalar" + (f" FROM {prefix}" if prefix else "")
            body_media = "none" if media == "none" or fn.return_kind == "void" else "scalar"
        if media == "csv":
            body_media = "csv"
        main = wrap_read(source, body_media, f"SELECT 1 FROM ({whole}) AS s" if count else None)  # total before paging
        return Planned(main, params.values, offset, read_only, "rpc", None, fn)
    table = fn.ret_table or Table(0, fn.schema, fn.name, "f", None, False, False, False)
    alias = ident(fn.name)
    from_sql = f"{prefix}{comma}{call} AS {alias}"
    r = ReadRenderer(sc, params, max_rows=config.max_rows, aggregates=bool(config.get("db-aggregates-enabled")))
    lvl = r.level(table, alias, pq.select, (), pq.params)
    check_embed_paths(pq, r.embed_paths)
    if not fn.retset and media == "json":
        media = "object"
    main = wrap_read(_source(lvl, from_sql, offset, limit), media, _count_source(lvl, from_sql) if count else None)
    return Planned(main, params.values, offset, read_only, "rpc", table, fn)

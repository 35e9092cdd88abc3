"""OpenAPI (Swagger 2.0) document for the root endpoint, from the schema cache. Layer: postgrest_compat."""

from __future__ import annotations

from urllib.parse import urlparse

import orjson

from postgrest_compat.config import Config
from postgrest_compat.schema_cache import Column, SchemaCache, Table

_JSON_TYPES = {"integer": "integer", "bigint": "integer", "smallint": "integer", "numeric": "number",
               "real": "number", "double precision": "number", "boolean": "boolean", "json": "object",
               "jsonb": "object"}  # fmt: skip


def _column_schema(table: Table, col: Column, fks: dict[str, tuple[str, str]]) -> dict:
    base = col.type.split("(")[0]
    out: dict = {"format": col.type}
    if base.endswith("[]"):
        out["type"] = "array"
        out["items"] = {"type": "string"}
    else:
        out["type"] = _JSON_TYPES.get(base, "string")
    if col.default is not None:
        out["default"] = col.default
    if col.max_len:
        out["maxLength"] = col.max_len
    if col.enum:
        out["enum"] = col.enum
    notes = []
    if col.name in table.pk:
        notes.append("Note:\nThis is a Primary Key.<pk/>")
    if col.name in fks:
        ftable, fcol = fks[col.name]
        notes.append(f"Note:\nThis is a Foreign Key to `{ftable}.{fcol}`.<fk table='{ftable}' column='{fcol}'/>")
    desc = "\n\n".join([d for d in [col.description, *notes] if d])
    if desc:
        out["description"] = desc
    return out


def openapi_document(config: Config, sc: SchemaCache, schema: str) -> bytes:
    comment = sc.schema_comments.get(schema) or ""
    title, _, description = comment.partition("\n")
    proxy = config.get("openapi-server-proxy-uri")
    host, base_path, schemes = "0.0.0.0:3000", "/", ["http"]
    if proxy:
        u = urlparse(proxy)
        host = u.netloc
        base_path = u.path or "/"
        schemes = [u.scheme]
    definitions, paths = {}, {"/": {"get": {"produces": ["application/openapi+json", "application/json"],
                                             "responses": {"200": {"description": "OK"}},
                                             "summary": "OpenAPI description (this document)",
                                             "tags": ["Introspection"]}}}  # fmt: skip
    follow = config.get("openapi-mode") == "follow-privileges"
    for (nsp, name), table in sorted(sc.tables.items()):
        if nsp != schema:
            continue
        privs = sc.privileges.get(table.oid)
        if follow and privs is not None and not any(privs):
            continue
        fks = {r.columns[0]: (r.foreign.name, r.fcolumns[0]) for r in sc.rels.get((nsp, name), [])
               if r.cardinality == "M2O" and r.computed is None and len(r.columns) == 1}  # fmt: skip
        props = {c.name: _column_schema(table, c, fks) for c in table.columns.values()}
        required = [c.name for c in table.columns.values() if not c.nullable and c.default is None]
        d: dict = {"type": "object", "properties": props}
        if required:
            d["required"] = required
        if table.description:
            d["description"] = table.description
        definitions[name] = d
        summary, _, desc = (table.description or "").partition("\n")
        ops = {"get": {"tags": [name], "summary": summary or None, "description": desc.strip() or None,
                       "parameters": [{"$ref": f"#/parameters/rowFilter.{name}.{c}"} for c in table.columns]
                       + [{"$ref": f"#/parameters/{p}"} for p in ("select", "order", "range", "rangeUnit",
                                                                  "offset", "limit", "preferCount")],
                       "responses": {"200": {"description": "OK", "schema": {"type": "array",
                                     "items": {"$ref": f"#/definitions/{name}"}}},
                                     "206": {"description": "Partial Content"}}}}  # fmt: skip
        if table.insertable:
            ops["post"] = {"tags": [name], "parameters": [{"$ref": f"#/parameters/body.{name}"}],
                           "responses": {"201": {"description": "Created"}}}  # fmt: skip
        if table.updatable:
            ops["patch"] = {"tags": [name], "responses": {"204": {"description": "No Content"}}}
        if table.deletable:
            ops["delete"] = {"tags": [name], "responses": {"204": {"description": "No Content"}}}
        paths[f"/{name}"] = {k: {kk: vv for kk, vv in v.items() if vv is not None} for k, v in ops.items()}
    for (nsp, name), fns in sorted(sc.functions.items()):
        if nsp != schema:
            continue
        fn = fns[0]
        summary, _, desc = (fn.description or "").partition("\n")
        op = {"tags": ["(rpc) " + name], "responses": {"200": {"description": "OK"}}}
        if summary:
            op["summary"] = summary
        if desc.strip():
            op["description"] = desc.strip()
        paths[f"/rpc/{name}"] = {"post": op} if fn.volatility == "v" else {"get": op, "post": op}
    doc = {
        "swagger": "2.0",
        "info": {"description": description.strip(), "title": title or "PostgREST API", "version": "16.0"},
        "host": host,
        "basePath": base_path,
        "schemes": schemes,
        "consumes": ["application/json", "application/vnd.pgrst.object+json;nulls=stripped",
                     "application/vnd.pgrst.object+json", "text/csv"],
        "produces": ["application/json", "application/vnd.pgrst.object+json;nulls=stripped",
                     "application/vnd.pgrst.object+json", "text/csv"],
        "paths": paths,
        "definitions": definitions,
        "parameters": _parameters(sc, schema),
    }  # fmt: skip
    return orjson.dumps(doc)


def _parameters(sc: SchemaCache, schema: str) -> dict:
    params = {
        "select": {"name": "select", "description": "Filtering Columns", "required": False, "in": "query",
                   "type": "string"},
        "order": {"name": "order", "description": "Ordering", "required": False, "in": "query", "type": "string"},
        "range": {"name": "Range", "description": "Limiting and Pagination", "required": False, "in": "header",
                  "type": "string"},
        "rangeUnit": {"name": "Range-Unit", "description": "Limiting and Pagination", "required": False,
                      "default": "items", "in": "header", "type": "string"},
        "offset": {"name": "offset", "description": "Limiting and Pagination", "required": False, "in": "query",
                   "type": "string"},
        "limit": {"name": "limit", "description": "Limiting and Pagination", "required": False, "in": "query",
                  "type": "string"},
        "preferCount": {"name": "Prefer", "description": "Preference", "required": False, "in": "header",
                        "type": "string", "enum": ["count=none"]},
        "on_conflict": {"name": "on_conflict", "description": "On Conflict", "required": False, "in": "query",
                        "type": "string"},
        "columns": {"name": "columns", "description": "Columns", "required": False, "in": "query",
                    "type": "string"},
    }  # fmt: skip
    for (nsp, name), table in sc.tables.items():
        if nsp != schema:
            continue
        params[f"body.{name}"] = {"name": name, "description": name, "required": False, "in": "body",
                                  "schema": {"$ref": f"#/definitions/{name}"}}  # fmt: skip
        for c in table.columns.values():
            params[f"rowFilter.{name}.{c.name}"] = {"name": c.name, "description": c.description, "required": False,
                                                    "in": "query", "type": "string", "format": c.type}  # fmt: skip
    return params

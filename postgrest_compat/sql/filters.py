"""Rendering filters, logic trees and JSON-path fields to SQL; values always become untyped parameters.

Layer: postgrest_compat.
"""

from __future__ import annotations

from functools import lru_cache

from psycopg import sql as pgsql

from postgrest_compat.query.ast import Field, Filter, Logic, OpExpr
from postgrest_compat.schema_cache import Table

OPS = {"eq": "=", "neq": "<>", "gt": ">", "gte": ">=", "lt": "<", "lte": "<=", "like": "LIKE", "ilike": "ILIKE",
       "match": "~", "imatch": "~*", "cs": "@>", "cd": "<@", "ov": "&&", "sl": "<<", "sr": ">>", "nxr": "&<",
       "nxl": "&>", "adj": "-|-"}  # fmt: skip
FTS = {"fts": "to_tsquery", "plfts": "plainto_tsquery", "phfts": "phraseto_tsquery", "wfts": "websearch_to_tsquery"}
IS = {"null": "IS NULL", "not_null": "IS NOT NULL", "true": "IS TRUE", "false": "IS FALSE", "unknown": "IS UNKNOWN"}


@lru_cache(maxsize=4096)
def ident(name: str) -> str:
    """A quoted identifier (psycopg.sql.Identifier)."""
    return pgsql.Identifier(name).as_string(None)


def qualified(table: Table) -> str:
    return f"{ident(table.schema)}.{ident(table.name)}"


class Params:
    """Collects parameter values; every value is a str (sent untyped) or None."""

    def __init__(self) -> None:
        self.values: list[str | None] = []

    def add(self, value: str | None) -> str:
        self.values.append(value)
        return f"${len(self.values)}"


def pg_array_literal(items: list[str]) -> str:
    """A PostgreSQL array literal, every element quoted."""
    return "{" + ",".join('"' + i.replace("\\", "\\\\").replace('"', '\\"') + '"' for i in items) + "}"


def field_sql(ref: str, field: Field, table: Table | None, params: Params) -> str:
    col = table.columns.get(field.name) if table is not None else None
    base = f"{ref}.{ident(field.name)}"
    if not field.json_path:
        return base
    if col is not None and not col.is_json:
        base = f"to_jsonb({base})"
    out = base
    for op in field.json_path:
        key = str(int(op.key)) if op.is_index else params.add(op.key)
        out = f"{out}{op.arrow}{key}"
    return f"({out})"


def op_sql(lhs: str, expr: OpExpr, params: Params, *, tsvector: bool = True) -> str:
    op = expr.op
    if op == "is":
        out = f"{lhs} {IS[expr.value]}"
    elif op == "in":
        out = f"{lhs} = ANY({params.add(pg_array_literal(list(expr.value)))})"
    elif op == "isdistinct":
        out = f"{lhs} IS DISTINCT FROM {params.add(expr.value)}"
    elif op in FTS:
        target = (
            lhs
            if tsvector
            else (f"to_tsvector({params.add(expr.lang)}, {lhs})" if expr.lang else f"to_tsvector({lhs})")
        )
        if expr.lang:
            out = f"{target} @@ {FTS[op]}({params.add(expr.lang)}, {params.add(expr.value)})"
        else:
            out = f"{target} @@ {FTS[op]}({params.add(expr.value)})"
    else:
        value = expr.value
        if op in ("like", "ilike"):
            value = value.replace("*", "%")
        if expr.quant:
            out = f"{lhs} {OPS[op]} {expr.quant.upper()}({params.add(value)})"
        else:
            out = f"{lhs} {OPS[op]} {params.add(value)}"
    return f"NOT {out}" if expr.negated else out


def filter_sql(ref: str, flt: Filter, table: Table | None, params: Params, embeds: dict | None = None) -> str:
    embed_null = embeds.get(flt.field.name) if embeds and not flt.field.json_path else None
    if embed_null is not None:
        return embed_null_sql(flt, embed_null)
    lhs = field_sql(ref, flt.field, table, params)
    col = table.columns.get(flt.field.name) if table is not None else None
    tsvector = col is None or col.is_tsvector or bool(flt.field.json_path)
    return op_sql(lhs, flt.expr, params, tsvector=tsvector)


def embed_null_sql(flt: Filter, null_expr: str) -> str:
    from postgrest_compat.errors import pgrst

    expr = flt.expr
    if expr.op != "is" or expr.value not in ("null", "not_null"):
        raise pgrst(
            "PGRST120",
            f"Bad operator on the '{flt.field.name}' embedded resource",
            "Only is null or not is null filters are allowed on embedded resources",
        )
    is_null = (expr.value == "null") != expr.negated
    return f"{null_expr} IS NULL" if is_null else f"{null_expr} IS NOT NULL"


def logic_sql(ref: str, tree: Logic, table: Table | None, params: Params, embeds: dict | None = None) -> str:
    parts = []
    for child in tree.children:
        if isinstance(child, Logic):
            parts.append(logic_sql(ref, child, table, params, embeds))
        else:
            parts.append(filter_sql(ref, child, table, params, embeds))
    joined = f" {tree.op.upper()} ".join(f"({p})" for p in parts) if parts else "TRUE"
    return f"NOT ({joined})" if tree.negated else f"({joined})"

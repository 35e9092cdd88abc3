"""The one main statement per request (PostgREST's Query/Statements.hs shape): a `pgrst_source` CTE (read,
INSERT/UPDATE/DELETE … RETURNING, or function call) and a SELECT that builds count, body and response GUCs.

Layer: postgrest_compat.
"""

from __future__ import annotations

from dataclasses import dataclass

from postgrest_compat.sql.filters import ident

RESPONSE_COLS = (
    "nullif(current_setting('response.headers', true), '') AS response_headers, "
    "nullif(current_setting('response.status', true), '') AS response_status"
)


def body_expr(media: str, row: str = "_postgrest_t") -> str:
    """The body of the response, built in PostgreSQL, as text."""
    if media == "none":
        return "NULL::text"
    if media == "object":
        return f"coalesce((json_agg({row})->0)::text, 'null')"
    if media == "object-stripped":
        return f"coalesce(json_strip_nulls(json_agg({row})->0)::text, 'null')"
    if media == "array-stripped":
        return f"coalesce(json_strip_nulls(json_agg({row})), '[]')::text"
    if media == "csv":
        return (
            f"coalesce((SELECT string_agg(k, ',') FROM json_object_keys(json_agg({row})->0) AS k), '') || chr(10) || "
            f"coalesce(string_agg(substring({row}::text, 2, length({row}::text) - 2), chr(10)), '')"
        )
    if media == "scalar":
        return f"coalesce((json_agg({row}.pgrst_scalar)->0)::text, 'null')"
    if media == "scalar-set":
        return f"coalesce(json_agg({row}.pgrst_scalar), '[]')::text"
    return f"coalesce(json_agg({row}), '[]')::text"


@dataclass
class Main:
    sql: str
    count_sql: str | None = None  # for EXPLAIN (planned/estimated counts)


def wrap_read(source: str, media: str, count_source: str | None, *, count_limit: int | None = None) -> Main:
    ctes = [f"pgrst_source AS ({source})"]
    total = "NULL::bigint"
    if count_source is not None:
        limit = f" LIMIT {int(count_limit)}" if count_limit is not None else ""
        ctes.append(f"pgrst_source_count AS ({count_source}{limit})")
        total = "(SELECT pg_catalog.count(*) FROM pgrst_source_count)"
    sql = (
        f"WITH {', '.join(ctes)} SELECT {total} AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, "
        f"{body_expr(media)} AS body, {RESPONSE_COLS}, NULL::text AS location, 0 AS inserted "
        "FROM (SELECT * FROM pgrst_source) AS _postgrest_t"
    )
    return Main(sql, count_source)


def wrap_mutation(
    mutation: str,
    representation: str,
    media: str,
    *,
    pk: list[str] | None,
    track_inserted: bool,
) -> Main:
    """`mutation` must RETURN the table's columns (or 1) plus `pgrst_inserted` when `track_inserted`."""
    location = "NULL::text"
    if pk:
        cols = ", ".join(f"s.{ident(c)}::text" for c in pk)
        location = f"(SELECT json_agg(json_build_array({cols}))::text FROM (SELECT * FROM pgrst_source LIMIT 2) AS s)"
    inserted = (
        "(SELECT pg_catalog.count(*) FROM pgrst_source WHERE pgrst_source.pgrst_inserted)" if track_inserted else "0"
    )
    sql = (
        f"WITH pgrst_source AS ({mutation}) SELECT (SELECT pg_catalog.count(*) FROM pgrst_source) AS total_result_set, "
        f"pg_catalog.count(_postgrest_t) AS page_total, {body_expr(media)} AS body, {RESPONSE_COLS}, "
        f"{location} AS location, {inserted} AS inserted FROM ({representation}) AS _postgrest_t"
    )
    return Main(sql)

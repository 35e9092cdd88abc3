"""SQL shapes: one main statement, JSON built by PostgreSQL, values as parameters, quoted identifiers.

Layer: postgrest_compat (tests).
"""

from __future__ import annotations

import asyncio
import os

import psycopg
import pytest

from postgrest_compat.config import load_config
from postgrest_compat.errors import ApiError
from postgrest_compat.payload import parse_payload
from postgrest_compat.plan import find_function, page_bounds, plan_read
from postgrest_compat.plan_write import plan_insert
from postgrest_compat.query.params import parse_query
from postgrest_compat.schema_cache import load_schema_cache

pytestmark = pytest.mark.db


@pytest.fixture(scope="module")
def cache(pgrst_db: str):
    async def load():
        conninfo = f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user=authenticator dbname={pgrst_db}"
        async with await psycopg.AsyncConnection.connect(conninfo) as conn:
            return await load_schema_cache(conn, ["api", "alt"], "anon")

    return asyncio.run(load())


@pytest.fixture(scope="module")
def config():
    return load_config(None, {"PGRST_DB_SCHEMAS": "api,alt", "PGRST_DB_MAX_ROWS": "100"})


def _read(cache, config, query: str, media: str = "json", count: str | None = None):
    pq = parse_query(query)
    return plan_read(cache, config, cache.tables[("api", "projects")], pq, media, count, page_bounds(pq, None, 100))


def test_read_is_one_statement_with_json_agg_and_parameters(cache, config) -> None:
    p = _read(cache, config, "select=id,clients(name),tasks(id)&name=eq.x';drop table api.clients;--&order=id")
    sql = p.main.sql
    assert sql.startswith("WITH pgrst_source AS (SELECT ")
    assert "coalesce(json_agg(_postgrest_t), '[]')::text AS body" in sql
    assert "LEFT JOIN LATERAL" in sql and "row_to_json(" in sql and "json_agg(" in sql
    assert "drop table" not in sql and p.params == ["x';drop table api.clients;--"]
    assert "LIMIT 100" in sql  # db-max-rows caps the read


def test_identifiers_are_quoted_never_spliced(cache, config) -> None:
    p = _read(cache, config, 'select=id,"x\\" from pg_authid --":name&"we\\"ird"=eq.1')
    assert '"x"" from pg_authid --"' in p.main.sql
    assert '"api"."projects"."we""ird" = $1' in p.main.sql


def test_in_and_quantified_operators_bind_array_literals(cache, config) -> None:
    p = _read(cache, config, 'id=in.(1,"2,3")&name=like(any).{a*,b*}')
    assert '"api"."projects"."id" = ANY($1)' in p.main.sql and p.params[0] == '{"1","2,3"}'
    assert "LIKE ANY($2)" in p.main.sql and p.params[1] == "{a%,b%}"


def test_count_exact_adds_a_count_cte(cache, config) -> None:
    p = _read(cache, config, "id=gt.1", count="exact")
    assert "pgrst_source_count AS (SELECT 1 FROM" in p.main.sql and p.main.count_sql


def test_embed_errors(cache, config) -> None:
    with pytest.raises(ApiError) as exc:
        plan_read(
            cache,
            config,
            cache.tables[("api", "orders")],
            parse_query("select=*,addresses(*)"),
            "json",
            None,
            (0, None),
        )
    assert exc.value.code == "PGRST201" and exc.value.status == 300
    with pytest.raises(ApiError) as exc:
        _read(cache, config, "select=*,nothing(*)")
    assert exc.value.code == "PGRST200"
    with pytest.raises(ApiError) as exc:
        _read(cache, config, "select=id&tasks.order=id")
    assert exc.value.code == "PGRST108"


def test_insert_uses_json_to_recordset_and_upsert(cache, config) -> None:
    from postgrest_compat.negotiation import parse_prefer

    payload = parse_payload(b'[{"id":1,"name":"a"}]', "application/json", columns=None)
    prefer = parse_prefer(["return=representation, resolution=merge-duplicates"])
    p = plan_insert(cache, config, cache.tables[("api", "clients")], parse_query(""), payload, prefer, "json")
    assert 'json_to_recordset($1::json) AS pgrst_body("id" integer, "name" text)' in p.main.sql
    assert 'ON CONFLICT ("id") DO UPDATE SET "id" = EXCLUDED."id", "name" = EXCLUDED."name"' in p.main.sql
    assert p.params == ['[{"id":1,"name":"a"}]'] and p.applied == {"resolution": "merge-duplicates"}


def test_function_lookup_by_argument_names(cache) -> None:
    fn, unnamed = find_function(cache, "api", "add_them", ["a"], None, post=False)
    assert fn.name == "add_them" and not unnamed
    fn, unnamed = find_function(cache, "api", "echo_json", ["x"], "application/json", post=True)
    assert unnamed
    with pytest.raises(ApiError) as exc:
        find_function(cache, "api", "add_them", ["zzz"], None, post=False)
    assert exc.value.code == "PGRST202" and exc.value.status == 404
    with pytest.raises(ApiError) as exc:
        find_function(cache, "api", "overloaded", ["a"], None, post=False)
    assert exc.value.code == "PGRST203" and exc.value.status == 300

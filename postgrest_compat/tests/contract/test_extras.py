"""Contract: response GUC errors, RAISE PGRST parse errors, timezone, aggregates, spread to-many, !left, tx
overrides, openapi-mode, error verbosity; variants run with PGRST_* overrides. Layer: postgrest_compat (tests).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from postgrest_compat.testing import running_server
from postgrest_compat.tests.contract.harness import CONF, bearer, db_uri

pytestmark = [pytest.mark.db, pytest.mark.http]

EXTRA_SQL = """
create function api.bad_headers() returns int language plpgsql stable as $$
begin perform set_config('response.headers', '{"not": "an array"}', true); return 1; end $$;
create function api.bad_status() returns int language plpgsql stable as $$
begin perform set_config('response.status', 'abc', true); return 1; end $$;
create function api.bad_pgrst() returns int language plpgsql stable as $$
begin raise sqlstate 'PGRST' using message = 'not json', detail = 'not json either'; end $$;
create function api.now_text() returns text language sql stable as $$ select now()::timestamptz::text $$;
create function api.echo_text(text) returns text language sql stable as $$ select '<' || $1 || '>' $$;
create function api.byte_count(bytea) returns int language sql stable as $$ select length($1) $$;
create function api.projects_of(cid int) returns setof api.projects language sql stable
  as $$ select * from api.projects as p where p.client_id = cid $$;
grant execute on function api.bad_headers(), api.bad_status(), api.bad_pgrst(), api.now_text(), api.echo_text(text),
  api.byte_count(bytea), api.projects_of(int) to anon;
"""


@pytest.fixture(scope="module")
def extras(anon, contract_server) -> Iterator[None]:
    """Create the extra functions, reload the schema cache through NOTIFY, drop them afterwards."""
    import psycopg

    from postgrest_compat.tests.contract.harness import admin_conninfo

    with psycopg.connect(admin_conninfo(contract_server[1]), autocommit=True) as conn:
        conn.execute(EXTRA_SQL)
        conn.execute("notify pgrst, 'reload schema'")
    deadline = time.monotonic() + 10
    while anon.get("/rpc/now_text").status_code != 200 and time.monotonic() < deadline:
        time.sleep(0.1)
    yield
    with psycopg.connect(admin_conninfo(contract_server[1]), autocommit=True) as conn:
        conn.execute(
            "drop function api.bad_headers(), api.bad_status(), api.bad_pgrst(), api.now_text(),"
            " api.echo_text(text), api.byte_count(bytea), api.projects_of(int)"
        )
        conn.execute("notify pgrst, 'reload schema'")


@pytest.fixture(scope="module")
def variant(contract_server):
    """variant(env) → context manager yielding an httpx client for a server with extra PGRST_* settings."""

    def start(env: dict[str, str]):
        class _Ctx:
            def __enter__(self):
                self.server = running_server(str(CONF), {"PGRST_DB_URI": db_uri(contract_server[1]), **env})
                url = self.server.__enter__()
                self.client = httpx.Client(base_url=url, timeout=15)
                return self.client

            def __exit__(self, *exc):
                self.client.close()
                return self.server.__exit__(*exc)

        return _Ctx()

    return start


@pytest.mark.usefixtures("extras")
@pytest.mark.parametrize(
    ("fn", "code", "message"),
    [
        ("bad_headers", "PGRST111", "response.headers guc must be a JSON array composed of objects with a single key"),
        ("bad_status", "PGRST112", "response.status guc must be a valid status code"),
    ],
)
def test_bad_response_gucs_are_500(anon, fn, code, message) -> None:
    r = anon.get(f"/rpc/{fn}")
    assert r.status_code == 500
    assert r.json()["code"] == code and r.json()["message"].startswith(message)


@pytest.mark.usefixtures("extras")
def test_unparseable_raise_pgrst_is_pgrst121(anon) -> None:
    r = anon.get("/rpc/bad_pgrst")
    assert r.status_code == 500 and r.json()["code"] == "PGRST121"


@pytest.mark.usefixtures("extras")
def test_prefer_timezone(anon) -> None:
    r = anon.get("/rpc/now_text", headers={"Prefer": "timezone=Asia/Kolkata"})
    assert r.status_code == 200 and r.json().endswith("+05:30")
    assert r.headers["preference-applied"] == "timezone=Asia/Kolkata"
    r = anon.get("/rpc/now_text", headers={"Prefer": "timezone=Mars/Olympus"})
    assert r.status_code == 400


def test_spread_to_many_and_left(anon) -> None:
    r = anon.get("/clients", params={"select": "id,...projects(pname:name)", "id": "eq.1", "projects.order": "id"})
    assert r.json() == [{"id": 1, "pname": ["Windows 7", "Windows 10"]}]
    r = anon.get("/clients", params={"select": "id,projects!left(id)", "id": "eq.3"})
    assert r.json() == [{"id": 3, "projects": []}]


def test_headers_only_location_needs_a_pk(http) -> None:
    r = http.post("/logs", json={"msg": "x"}, headers={"Prefer": "return=headers-only,tx=rollback"})
    assert r.status_code == 201 and "location" not in r.headers


def test_count_on_rpc_and_patch_content_range(http) -> None:
    r = http.patch(
        "/tasks", params={"id": "in.(1,2)"}, json={"done": True}, headers={"Prefer": "count=exact,tx=rollback"}
    )
    assert r.status_code == 204 and r.headers["content-range"] == "0-1/2"


def test_aggregates_when_enabled(variant) -> None:
    with variant({"PGRST_DB_AGGREGATES_ENABLED": "true"}) as c:
        r = c.get("/items", params={"select": "qty.sum(),active"})
        assert sorted(r.json(), key=lambda x: x["active"]) == [{"sum": 3, "active": False}, {"sum": 11, "active": True}]
        r = c.get("/items", params={"select": "count()"})
        assert r.json() == [{"count": 4}]


def test_tx_override_needs_allow_override(variant, sql) -> None:
    with variant({"PGRST_DB_TX_END": "commit"}) as c:
        r = c.post(
            "/clients", json={"id": 4001, "name": "kept"}, headers={**bearer(), "Prefer": "tx=rollback,return=minimal"}
        )
        assert r.status_code == 201 and r.headers["preference-applied"] == "return=minimal"  # tx not echoed
        assert sql("select count(*) from api.clients where id = 4001") == [(1,)]
        sql("delete from api.clients where id = 4001")


def test_openapi_disabled_is_pgrst126(variant) -> None:
    with variant({"PGRST_OPENAPI_MODE": "disabled"}) as c:
        r = c.get("/")
        assert r.status_code == 404 and r.json()["code"] == "PGRST126"


def test_minimal_error_verbosity(variant) -> None:
    with variant({"PGRST_CLIENT_ERROR_VERBOSITY": "minimal"}) as c:
        r = c.get("/nope")
        assert r.status_code == 404 and set(r.json()) == {"code", "message"}


def test_extra_search_path(variant) -> None:
    with variant({"PGRST_DB_EXTRA_SEARCH_PATH": "public, private"}) as c:
        r = c.get("/rpc/whoami")
        assert r.json()["search_path"] == '"api", "public", "private"'


@pytest.mark.usefixtures("extras")
def test_single_unnamed_text_and_bytea_parameters(anon) -> None:
    r = anon.post("/rpc/echo_text", content="héllo".encode(), headers={"Content-Type": "text/plain"})
    assert r.status_code == 200 and r.json() == "<héllo>"
    r = anon.post("/rpc/byte_count", content=bytes(range(7)), headers={"Content-Type": "application/octet-stream"})
    assert r.status_code == 200 and r.json() == 7


@pytest.mark.usefixtures("extras")
def test_setof_table_function_inherits_embeds(anon) -> None:
    r = anon.get(
        "/rpc/projects_of",
        params={"cid": "2", "select": "name,clients(name),tasks(id)", "order": "id", "tasks.order": "id"},
    )
    assert r.status_code == 200 and r.json() == [
        {"name": "IOS", "clients": {"name": "Apple"}, "tasks": [{"id": 5}, {"id": 6}]},
        {"name": "OSX", "clients": {"name": "Apple"}, "tasks": [{"id": 7}, {"id": 8}]},
    ]


def test_urlencoded_rpc_arguments(anon) -> None:
    r = anon.post("/rpc/add_them", data={"a": "1", "b": "2"})
    assert r.status_code == 200 and r.json() == 3

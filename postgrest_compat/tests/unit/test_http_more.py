"""More HTTP smoke tests: bodies, upsert/PUT, negotiation, schema reload, startup failures, unreachable database.

Layer: postgrest_compat (tests).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx
import psycopg
import pytest

from postgrest_compat.tests.conftest import CONF, SCHEMA_SQL

pytestmark = [pytest.mark.db, pytest.mark.http]


@pytest.fixture(scope="module")
def http(pgrst_url: str):
    with httpx.Client(base_url=pgrst_url, timeout=10) as client:
        yield client


@pytest.fixture(scope="module")
def auth(token) -> dict[str, str]:
    return {"Authorization": f"Bearer {token()}"}


def test_csv_body_upsert_and_put(http, auth) -> None:
    r = http.post(
        "/addresses",
        content=b"id,street\n10,Csv Road\n11,NULL Lane",
        headers={**auth, "Content-Type": "text/csv", "Prefer": "return=representation"},
    )
    assert r.status_code == 201 and [a["street"] for a in r.json()] == ["Csv Road", "NULL Lane"]
    r = http.post(
        "/addresses",
        json=[{"id": 10, "street": "Merged"}],
        headers={**auth, "Prefer": "resolution=merge-duplicates, return=representation"},
    )
    assert (
        r.status_code == 200 and r.headers["preference-applied"] == "resolution=merge-duplicates, return=representation"
    )
    r = http.put("/addresses?id=eq.12", json={"id": 12, "street": "Put"}, headers=auth)
    assert r.status_code == 204
    r = http.put("/addresses?id=eq.12", json={"id": 13, "street": "Put"}, headers=auth)
    assert r.status_code == 400 and r.json()["code"] == "PGRST115"
    r = http.put("/addresses?id=gt.12", json={"id": 13, "street": "Put"}, headers=auth)
    assert r.status_code == 405 and r.json()["code"] == "PGRST105"
    r = http.post("/addresses", content=b"x", headers={**auth, "Content-Type": "application/xml"})
    assert r.status_code == 400 and r.json()["message"] == "Content-Type not acceptable: application/xml"


def test_headers_only_location_and_missing_default(http, auth) -> None:
    r = http.post("/orders", json={"name": "loc"}, headers={**auth, "Prefer": "return=headers-only"})
    assert r.status_code == 201 and r.headers["location"].startswith("/orders?id=eq.")
    r = http.post(
        "/items",
        json=[{"name": "defaulted"}],
        params={"columns": "name,qty"},
        headers={**auth, "Prefer": "missing=default, return=representation"},
    )
    assert r.status_code == 201 and r.json()[0]["qty"] == 0


def test_negotiation_and_preferences(http) -> None:
    r = http.get(
        "/items",
        params={"select": "id,note", "id": "eq.2"},
        headers={"Accept": "application/vnd.pgrst.object+json;nulls=stripped"},
    )
    assert r.json() == {"id": 2}
    r = http.get("/clients", headers={"Accept": "application/xml"})
    assert r.status_code == 406 and r.json()["code"] == "PGRST107"
    r = http.get("/clients", headers={"Prefer": "handling=strict, bogus"})
    assert r.status_code == 400 and r.json()["code"] == "PGRST122"
    r = http.get("/clients", params={"select": "qty.sum()"})
    assert r.status_code == 400 and r.json()["code"] == "PGRST123"
    r = http.get("/things", headers={"Accept-Profile": "alt"})
    assert r.status_code == 200 and r.headers["content-profile"] == "alt"
    r = http.get("/things", headers={"Accept-Profile": "private"})
    assert r.status_code == 406 and r.json()["code"] == "PGRST106"
    r = http.get("/clients", headers={"Range": "1-1"})
    assert r.headers["content-range"] == "1-1/*" and len(r.json()) == 1
    r = http.get("/clients", headers={"Prefer": "count=planned"})
    assert r.headers["content-range"].startswith("0-")


def test_computed_relationship(http) -> None:
    r = http.get("/clients", params={"select": "id,top_project(name)", "id": "lt.4", "order": "id"})
    assert r.json() == [
        {"id": 1, "top_project": {"name": "Windows 7"}},
        {"id": 2, "top_project": {"name": "IOS"}},
        {"id": 3, "top_project": None},
    ]


def test_spread_and_related_order(http) -> None:
    r = http.get("/projects", params={"select": "name,...clients(client:name)", "id": "eq.3"})
    assert r.json() == [{"name": "IOS", "client": "Apple"}]
    r = http.get(
        "/projects", params={"select": "id,clients()", "order": "clients(name).desc.nullslast,id", "limit": "2"}
    )
    assert r.json() == [{"id": 1}, {"id": 2}]
    r = http.get("/projects", params={"select": "id", "order": "clients(name)"})
    assert r.status_code == 400 and r.json()["code"] == "PGRST118"


def test_notify_reload_without_restart(http, pgrst_db: str) -> None:

    conninfo = f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user=postgres dbname={pgrst_db}"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("create table api.late (id int primary key)")
        conn.execute("grant select on api.late to anon")
        assert http.get("/late").status_code == 404
        conn.execute("notify pgrst, 'reload schema'")
        for _ in range(50):
            if http.get("/late").status_code == 200:
                break
            time.sleep(0.1)
        assert http.get("/late").json() == []
        conn.execute("drop table api.late")
        conn.execute("notify pgrst")


def test_startup_fails_on_bad_config(tmp_path) -> None:
    bad = tmp_path / "bad.conf"
    bad.write_text(CONF.read_text().replace("reallyreallyreallyreallyverysafe", "short"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PGRST_")}  # nothing may override the secret
    proc = subprocess.run(
        [sys.executable, "-m", "postgrest_compat", str(bad)], capture_output=True, text=True, timeout=30, env=env
    )
    assert proc.returncode == 1 and "The JWT secret must be at least 32 characters long." in proc.stderr


def test_reads_survive_dropped_connections(admin_conninfo: str) -> None:
    import uuid

    from postgrest_compat.testing import running_server

    name = f"pgrst_drop_{uuid.uuid4().hex[:8]}"  # its own database: the test kills the server's connections
    with psycopg.connect(admin_conninfo, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    host, port = os.environ["PGHOST"], os.environ["PGPORT"]
    admin = f"host={host} port={port} user=postgres dbname={name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(SCHEMA_SQL.read_text())
    uri = f"postgresql://authenticator@/{name}?host={host}&port={port}"
    with running_server(str(CONF), {"PGRST_DB_URI": uri, "PGRST_DB_CHANNEL_ENABLED": "false"}) as url:
        assert httpx.get(f"{url}/clients?id=eq.1").status_code == 200
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(
                "select pg_terminate_backend(pid) from pg_stat_activity "
                "where datname = current_database() and usename = 'authenticator'"
            )
        assert [httpx.get(f"{url}/clients?id=eq.1").status_code for _ in range(3)] == [200, 200, 200]
    with psycopg.connect(admin_conninfo, autocommit=True) as conn:
        conn.execute(f'drop database "{name}" with (force)')


def test_unreachable_database_is_retried_then_served(tmp_path, admin_conninfo: str) -> None:
    """As PostgREST: the server starts, logs PGRST000 and retries; requests meanwhile get 503 PGRST002; once the
    database can be reached the schema cache loads and requests are served, without a restart."""
    import uuid

    from postgrest_compat.testing import free_port

    name = f"pgrst_late_{uuid.uuid4().hex[:8]}"  # does not exist yet: every connection attempt fails
    host, port = os.environ["PGHOST"], os.environ["PGPORT"]
    http_port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PGRST_")}
    env.update(PGRST_DB_URI=f"postgresql://authenticator@/{name}?host={host}&port={port}",
               PGRST_DB_CHANNEL_ENABLED="false", PGRST_SERVER_HOST="127.0.0.1",
               PGRST_SERVER_PORT=str(http_port), PGRST_SERVER_WORKERS="1")  # fmt: skip
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "postgrest_compat", str(CONF)], env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    url = f"http://127.0.0.1:{http_port}/clients?id=eq.1"
    try:
        for _ in range(100):
            try:
                early = httpx.get(url, timeout=15)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert early.status_code == 503, early.text
        assert early.json() == {"code": "PGRST002", "details": None, "hint": None,
                                "message": "Could not query the database for the schema cache. Retrying."}  # fmt: skip
        assert proc.poll() is None, "an unreachable database does not stop the server"
        text = log.read_text()
        assert '"message":"Database connection error. Retrying the connection."' in text
        assert '"code":"PGRST000"' in text and f'database \\"{name}\\" does not exist' in text
        assert "Attempting to reconnect to the database in" in text

        with psycopg.connect(admin_conninfo, autocommit=True) as conn:
            conn.execute(f'create database "{name}"')
        with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={name}"), autocommit=True) as conn:
            conn.execute(SCHEMA_SQL.read_text())
        deadline = time.monotonic() + 45
        while (late := httpx.get(url, timeout=15)).status_code == 503 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert late.status_code == 200, late.text
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(15)
        with psycopg.connect(admin_conninfo, autocommit=True) as conn:
            conn.execute(f'drop database if exists "{name}" with (force)')

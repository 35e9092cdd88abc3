"""Contract: routing, OPTIONS/Allow, CORS, Vary, Content-Location, error shape. Layer: postgrest_compat (tests)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.db, pytest.mark.http]


@pytest.mark.parametrize(
    ("path", "allow"),
    [
        ("/clients", "OPTIONS,GET,HEAD,POST,PUT,PATCH,DELETE"),
        ("/logs", "OPTIONS,GET,HEAD,POST,PATCH,DELETE"),
        ("/projects_view", "OPTIONS,GET,HEAD,POST,PUT,PATCH,DELETE"),  # view PK via pg_rewrite,
    ],
)
def test_options_allow(anon, path: str, allow: str) -> None:
    r = anon.options(path)
    assert r.status_code == 200 and r.content == b""
    assert r.headers["allow"] == allow
    assert r.headers["access-control-allow-origin"] == "*"


def test_cors_preflight(anon) -> None:
    r = anon.options(
        "/clients",
        headers={
            "Origin": "http://example.com",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "X-Thing",
        },
    )
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "*"
    assert r.headers["access-control-max-age"] == "86400"
    methods = {m.strip() for m in r.headers["access-control-allow-methods"].split(",")}
    assert methods == {"GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS", "HEAD"}
    assert "x-thing" in r.headers["access-control-allow-headers"].lower()


def test_cors_simple_request_exposes_headers(anon) -> None:
    r = anon.get("/clients", headers={"Origin": "http://example.com"})
    assert r.headers["access-control-allow-origin"] == "*"
    exposed = {h.strip().lower() for h in r.headers["access-control-expose-headers"].split(",")}
    assert {"content-range", "content-location", "location"} <= exposed


def test_vary_on_every_response(anon) -> None:
    assert anon.get("/clients").headers["vary"] == "Accept, Prefer, Range"
    assert anon.get("/nope").headers["vary"] == "Accept, Prefer, Range"


def test_content_location_is_canonical(anon) -> None:
    r = anon.get("/clients?select=id&order=id&id=gt.0")
    assert r.headers["content-location"] == "/clients?id=gt.0&order=id&select=id"


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/clients/1", 404, "PGRST125"),
        ("GET", "/rpc/add_them/x", 404, "PGRST125"),
        ("TRACE", "/clients", 405, "PGRST117"),
        ("PUT", "/rpc/add_them", 405, "PGRST101"),
        ("GET", "/nope", 404, "PGRST205"),
    ],
)
def test_routing_errors(anon, method, path, status, code) -> None:
    r = anon.request(method, path)
    assert r.status_code == status
    body = r.json()
    assert body["code"] == code and set(body) == {"code", "message", "details", "hint"}
    assert r.headers["content-type"] == "application/json; charset=utf-8"
    assert r.headers["proxy-status"] == f"PostgREST; error={code}"


def test_routing_error_messages(anon) -> None:
    assert anon.get("/clients/1").json()["message"] == "Invalid path specified in request URL"
    assert anon.request("TRACE", "/clients").json()["message"] == "Unsupported HTTP method: TRACE"
    assert anon.put("/rpc/add_them").json()["message"] == "Cannot use the PUT method on RPC"


def test_unicode_names_arrive_percent_encoded(anon) -> None:
    r = anon.get("/cl%69ents", params={"id": "eq.1"})
    assert r.status_code == 200 and r.json() == [{"id": 1, "name": "Microsoft"}]


def test_content_length_on_reads(anon) -> None:
    r = anon.get("/clients", params={"id": "eq.1"})
    assert r.headers["content-length"] == str(len(r.content))


def test_unknown_table_hint_suggests_the_closest(anon) -> None:
    body = anon.get("/client").json()
    assert body["code"] == "PGRST205" and body["details"] is None
    assert body["message"] == "Could not find the table 'api.client' in the schema cache"
    assert body["hint"] == "Perhaps you meant the table 'api.clients'"


def test_cors_allowed_origins_echo_the_origin(contract_server) -> None:
    import httpx

    from postgrest_compat.testing import running_server
    from postgrest_compat.tests.contract.harness import CONF, db_uri

    env = {"PGRST_DB_URI": db_uri(contract_server[1]), "PGRST_SERVER_CORS_ALLOWED_ORIGINS": "http://app.test"}
    with running_server(str(CONF), env) as url:
        r = httpx.get(url + "/clients", headers={"Origin": "http://app.test"})
        assert r.headers["access-control-allow-origin"] == "http://app.test"
        assert r.headers["access-control-allow-credentials"] == "true"


def test_proxy_status_names_sql_and_jwt_error_codes(anon) -> None:
    """Every error carries `Proxy-Status: PostgREST; error=<code>` (v13+), SQLSTATEs and JWT failures included."""
    bad_value = anon.get("/clients", params={"id": "eq.not-a-number"})
    assert bad_value.status_code == 400 and bad_value.json()["code"] == "22P02"
    assert bad_value.headers["proxy-status"] == "PostgREST; error=22P02"
    bad_jwt = anon.get("/clients", headers={"Authorization": "Bearer not.a.jwt"})
    assert bad_jwt.status_code == 401 and bad_jwt.json()["code"] == "PGRST301"
    assert bad_jwt.headers["proxy-status"] == "PostgREST; error=PGRST301"

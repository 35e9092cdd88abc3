"""Security: SQL injection attempts in every query position never reach SQL unquoted. Layer: postgrest_compat (tests).

api.canary is owned by the request role, so any injected DROP/DELETE/UPDATE that reached SQL would succeed; values
must round-trip byte for byte (proof they travel as bound parameters, not SQL text).
"""

from __future__ import annotations

import pytest

from postgrest_compat.tests.contract.harness import bearer

pytestmark = [pytest.mark.db, pytest.mark.http]

INJECTIONS = [
    "1; DROP TABLE canary",
    "'; DROP TABLE api.canary; --",
    '"; DROP TABLE api.canary; --',
    "x') or 1=1; delete from api.canary; --",
    "1) or (1=1",
    "$$; drop table api.canary; $$",
    "*/ drop table api.canary /*",
    "\\'; update api.canary set note = 'pwned'; --",
    "id;drop table api.canary",
    "(select pg_sleep(0))",
    'a"b',
    "é'ü\"∑",
]


def positions(payload: str) -> list[tuple[str, str, dict, dict | None]]:
    """(method, path, params, json) placing `payload` in each position a client controls."""
    return [
        ("GET", "/canary", {"select": payload}, None),
        ("GET", "/canary", {"select": f"{payload}:note"}, None),
        ("GET", "/canary", {"select": f"note::{payload}"}, None),
        ("GET", "/canary", {"select": f"note->>{payload}"}, None),
        ("GET", "/canary", {payload: "eq.1"}, None),
        ("GET", "/canary", {"note": payload}, None),
        ("GET", "/canary", {"note": f"eq.{payload}"}, None),
        ("GET", "/canary", {"note": f"in.({payload})"}, None),
        ("GET", "/canary", {"note": f"like.{payload}"}, None),
        ("GET", "/canary", {"note": f"fts({payload}).x"}, None),
        ("GET", "/canary", {"order": payload}, None),
        ("GET", "/canary", {"order": f"note.{payload}"}, None),
        ("GET", "/canary", {"or": f"(note.eq.{payload},id.eq.{payload})"}, None),
        ("GET", "/canary", {"limit": payload, "offset": payload}, None),
        ("GET", "/rpc/hello", {"name": payload}, None),
        ("GET", "/rpc/hello", {payload: "x"}, None),
        ("POST", "/rpc/hello", {}, {"name": payload}),
        ("POST", "/rpc/hello", {}, {payload: payload}),
        ("POST", "/canary", {"columns": payload}, {"id": 7, "note": "x"}),
        ("POST", "/canary", {"on_conflict": payload}, {"id": 1, "note": "alive"}),
        ("POST", "/canary", {}, {payload: 1}),
        ("PATCH", "/canary", {"id": "eq.999"}, {"note": payload}),
        ("DELETE", "/canary", {"note": f"eq.{payload}"}, None),
        ("GET", f"/{payload}", {}, None),
        ("GET", f"/rpc/{payload}", {}, None),
    ]


def assert_safe(r) -> None:
    assert r.status_code < 500, (r.request.url, r.text)
    if r.status_code >= 400:
        assert set(r.json()) == {"code", "message", "details", "hint"}, r.text


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_in_every_position(server, canary, payload: str) -> None:
    for method, path, params, body in positions(payload):
        r = server.request(method, path, params=params, json=body, headers={**bearer(), "Prefer": "tx=rollback"})
        assert_safe(r)
    assert canary() == [(1, "alive")]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_values_round_trip_as_parameters(server, canary, payload: str) -> None:
    assert server.get("/rpc/hello", params={"name": payload}).json() == f"Hello, {payload}"
    assert server.post("/rpc/hello", json={"name": payload}).json() == f"Hello, {payload}"
    r = server.post(
        "/canary",
        json={"id": 50, "note": payload},
        params={"select": "note"},
        headers={**bearer(), "Prefer": "return=representation,tx=rollback"},
    )
    assert r.status_code == 201 and r.json() == [{"note": payload}]
    assert server.get("/canary", params={"note": f"eq.{payload}"}).json() == []
    assert canary() == [(1, "alive")]


def test_alias_is_quoted_in_output(server) -> None:
    r = server.get("/canary", params={"select": '"a""; drop table api.canary; --":note'})
    assert_safe(r)

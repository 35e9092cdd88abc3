"""Contract: per-request transaction, GUCs, pre-request, response GUCs, reload. Layer: postgrest_compat (tests)."""

from __future__ import annotations

import time

import pytest

from postgrest_compat.tests.contract.harness import token

pytestmark = [pytest.mark.db, pytest.mark.http]


def test_gucs_for_an_authenticated_get(contract_server) -> None:
    import httpx

    jwt = token({"role": "authenticated", "sub": "alice", "extra": 1})
    r = httpx.get(
        contract_server[0] + "/rpc/whoami",
        headers={"Authorization": f"Bearer {jwt}", "X-Custom-Header": "v", "Cookie": "c1=one; c2=two"},
    )
    assert r.status_code == 200
    who = r.json()
    assert who["role"] == "authenticated"
    assert who["claims"] == {"role": "authenticated", "sub": "alice", "extra": 1}
    assert who["method"] == "GET" and who["path"] == "/rpc/whoami"
    assert who["headers"]["x-custom-header"] == "v" and "cookie" not in who["headers"]
    assert who["headers"]["authorization"] == f"Bearer {jwt}"
    assert who["cookies"] == {"c1": "one", "c2": "two"}
    assert who["search_path"] == '"api", "public"'
    assert who["read_only"] == "on" and who["pre"] == "ran"


def test_anon_claims_and_post_read_write(anon) -> None:
    who = anon.post("/rpc/whoami").json()
    assert who["role"] == "anon" and who["claims"] == {"role": "anon"}
    assert who["method"] == "POST" and who["read_only"] == "on"  # stable function: read only even over POST


def test_profile_changes_search_path(anon) -> None:
    r = anon.get("/things", headers={"Accept-Profile": "alt"}, params={"order": "id"})
    assert r.status_code == 200 and r.json() == [{"id": 1, "label": "one"}, {"id": 2, "label": "two"}]
    assert r.headers["content-profile"] == "alt"
    assert anon.get("/clients", params={"id": "eq.1"}).headers["content-profile"] == "api"


def test_unknown_profile_is_pgrst106(anon) -> None:
    r = anon.get("/clients", headers={"Accept-Profile": "private"})
    assert r.status_code == 406
    assert r.json() == {
        "code": "PGRST106",
        "message": "Invalid schema: private",
        "details": None,
        "hint": "Only the following schemas are exposed: api, alt",
    }


def test_pre_request_can_refuse(anon) -> None:
    r = anon.get("/clients", headers={"X-Block": "yes"})
    assert r.status_code == 403 and r.json()["message"] == "blocked by pre-request"


def test_response_gucs(anon) -> None:
    r = anon.get("/rpc/set_response")
    assert r.status_code == 202 and r.json() == {"ok": True}
    assert r.headers["x-custom"] == "yes"
    assert r.headers.get_list("set-cookie") == ["a=1", "b=2"]


def test_rls_uses_jwt_claims(http, anon) -> None:
    assert [t["task"] for t in http.get("/todos", params={"order": "id"}).json()] == ["alice task 1", "alice task 2"]
    assert [t["task"] for t in anon.get("/todos").json()] == ["alice task 1"]
    bob = {"Authorization": "Bearer " + token({"role": "authenticated", "sub": "bob"})}
    assert [t["task"] for t in http.get("/todos", headers=bob).json()] == ["bob task"]


def test_rls_violation_on_insert_is_403(http) -> None:
    r = http.post("/todos", json={"task": "sneaky", "owner": "bob"})
    assert r.status_code == 403 and r.json()["code"] == "42501"


def test_default_from_claims(http) -> None:
    r = http.post(
        "/todos",
        json={"task": "mine"},
        headers={"Prefer": "return=representation,tx=rollback"},
        params={"select": "owner,task"},
    )
    assert r.json() == [{"owner": "alice", "task": "mine"}]


def test_notify_reload_without_restart(anon, sql) -> None:
    sql("create table api.reloaded (id int primary key)")
    sql("grant select on api.reloaded to anon")
    try:
        sql("notify pgrst, 'reload schema'")
        deadline = time.monotonic() + 10
        while (r := anon.get("/reloaded")).status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert r.status_code == 200 and r.json() == []
    finally:
        sql("drop table api.reloaded")
        sql("notify pgrst, 'reload schema'")


def test_stale_cache_answers_pgrst205(anon) -> None:
    r = anon.get("/never_created")
    assert r.status_code == 404
    body = r.json()
    assert body["code"] == "PGRST205"
    assert body["message"] == "Could not find the table 'api.never_created' in the schema cache"

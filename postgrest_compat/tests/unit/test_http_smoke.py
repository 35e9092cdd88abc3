"""HTTP smoke tests of postgrest-compat over the fixture schema (the broad contract suite is tests/contract).

Layer: postgrest_compat (tests).
"""

from __future__ import annotations

import httpx
import pytest

pytestmark = [pytest.mark.db, pytest.mark.http]


@pytest.fixture(scope="module")
def http(pgrst_url: str):
    with httpx.Client(base_url=pgrst_url, timeout=10) as client:
        yield client


def test_read_with_embeds_filters_order(http) -> None:
    r = http.get("/projects", params={"select": "id,name,clients(name),tasks(id)", "id": "lt.3", "order": "id"})
    assert r.status_code == 200 and r.headers["content-range"] == "0-1/*"
    assert r.json()[0] == {
        "id": 1,
        "name": "Windows 7",
        "clients": {"name": "Microsoft"},
        "tasks": [{"id": 1}, {"id": 2}],
    }
    assert r.text.startswith('[{"id":1,"name":"Windows 7","clients":{"name": "Microsoft"}')  # built by PostgreSQL


def test_many_to_many_inner_and_or_tree(http) -> None:
    r = http.get("/users", params={"select": "name,tasks!inner(name)", "tasks.done": "is.true", "order": "id"})
    assert [u["name"] for u in r.json()] == ["Angela Martin", "Michael Scott", "Dwight Schrute"]
    r = http.get("/projects", params={"select": "id", "or": "(id.eq.1,name.like.*OS*)", "order": "id.desc"})
    assert r.json() == [{"id": 4}, {"id": 3}, {"id": 1}]


def test_ambiguous_embed_is_300_with_details_array(http) -> None:
    r = http.get("/orders", params={"select": "*,addresses(*)"})
    assert r.status_code == 300 and r.json()["code"] == "PGRST201" and len(r.json()["details"]) == 2
    r = http.get("/orders", params={"select": "name,billing:addresses!orders_billing_fk(street)", "id": "eq.1"})
    assert r.json() == [{"name": "first", "billing": {"street": "Main St 1"}}]


def test_count_range_singular_csv(http) -> None:
    r = http.get("/clients", params={"limit": "2"}, headers={"Prefer": "count=exact"})
    assert r.status_code == 206 and r.headers["content-range"] == "0-1/3"
    r = http.get("/clients", params={"offset": "9"}, headers={"Prefer": "count=exact"})
    assert r.status_code == 416 and r.json()["code"] == "PGRST103"
    r = http.get("/clients", headers={"Accept": "application/vnd.pgrst.object+json"})
    assert r.status_code == 406 and r.json()["details"] == "The result contains 3 rows"
    r = http.get("/clients", params={"order": "id", "limit": "2"}, headers={"Accept": "text/csv"})
    assert r.text == "id,name\n1,Microsoft\n2,Apple"


def test_errors_are_postgrest_shaped(http) -> None:
    for path, params, status, code in [
        ("/nope", {}, 404, "PGRST205"),
        ("/clients", {"select": "id,,x"}, 400, "PGRST100"),
        ("/clients", {"id": "noop.1"}, 400, "PGRST100"),
        ("/clients", {"select": "nope"}, 400, "42703"),
        ("/clients", {"id": "eq.abc"}, 400, "22P02"),
        ("/a/b/c", {}, 404, "PGRST125"),
    ]:
        r = http.get(path, params=params)
        assert r.status_code == status, (path, params, r.text)
        assert set(r.json()) == {"code", "message", "details", "hint"} and r.json()["code"] == code


def test_writes_under_jwt_and_rls(http, token) -> None:
    auth = {"Authorization": f"Bearer {token()}"}
    r = http.post("/todos", json={"task": "smoke"}, headers={**auth, "Prefer": "return=representation"})
    assert r.status_code == 201 and r.json()[0]["owner"] == "alice"
    tid = r.json()[0]["id"]
    r = http.patch(f"/todos?id=eq.{tid}", json={"done": True}, headers={**auth, "Prefer": "return=representation"})
    assert r.status_code == 200 and r.json()[0]["done"] is True
    bob = {"Authorization": f"Bearer {token({'role': 'authenticated', 'sub': 'bob'})}"}
    assert http.get("/todos", params={"id": f"eq.{tid}"}, headers=bob).json() == []
    r = http.delete(f"/todos?id=eq.{tid}", headers=auth)
    assert r.status_code == 204
    r = http.post("/clients", json={"id": 99, "name": "x"})
    assert r.status_code == 401 and r.json()["code"] == "42501"


def test_rpc_shapes_and_raises(http) -> None:
    assert http.get("/rpc/add_them", params={"a": "1"}).json() == 11
    assert http.post("/rpc/add_them", json={"a": 1, "b": 2}).json() == 3
    assert http.get("/rpc/sum_all", params=[("v", "1"), ("v", "2")]).json() == 3
    assert http.post("/rpc/echo_json", json={"k": [1]}).json() == {"k": [1]}
    assert http.get("/rpc/search_items", params={"q": "an", "select": "name", "order": "name.desc"}).json() == [
        {"name": "durian"},
        {"name": "banana"},
    ]
    assert http.get("/rpc/noop").status_code == 204
    r = http.get("/rpc/raise_pt")
    assert r.status_code == 402 and r.json()["code"] == "PT402"
    assert http.get("/rpc/raise_p0001").status_code == 400
    r = http.get("/rpc/set_response")
    assert r.status_code == 202 and r.headers.get_list("set-cookie") == ["a=1", "b=2"]
    r = http.get("/rpc/whoami", headers={"X-Thing": "1", "Cookie": "c=2"}).json()
    assert r["role"] == "anon" and r["headers"]["x-thing"] == "1" and "cookie" not in r["headers"]
    assert r["cookies"] == {"c": "2"} and r["read_only"] == "on" and r["pre"] == "ran"


def test_pre_request_can_block(http) -> None:
    r = http.get("/clients", headers={"X-Block": "yes"})
    assert r.status_code == 403 and r.json()["message"] == "blocked by pre-request"


def test_statement_skipped_after_an_error_is_prepared_again(http) -> None:
    params = {"select": "id,name", "name": "eq.Apple"}
    for _ in range(3):  # the pool has several connections: fail on each, then succeed on each
        assert http.get("/clients", params=params, headers={"X-Block": "yes"}).status_code == 403
    for _ in range(6):
        assert http.get("/clients", params=params).json() == [{"id": 2, "name": "Apple"}]


def test_tx_rollback_preference(http, token) -> None:
    auth = {"Authorization": f"Bearer {token()}"}
    r = http.post(
        "/clients",
        json={"id": 77, "name": "rolled back"},
        headers={**auth, "Prefer": "tx=rollback, return=representation"},
    )
    assert r.status_code == 201 and "tx=rollback" in r.headers["preference-applied"]
    assert http.get("/clients", params={"id": "eq.77"}).json() == []


def test_options_and_openapi(http) -> None:
    r = http.options("/clients")
    assert r.headers["allow"] == "OPTIONS,GET,HEAD,POST,PUT,PATCH,DELETE"
    assert http.options("/rpc/touch").headers["allow"] == "OPTIONS,POST"
    doc = http.get("/").json()
    assert doc["swagger"] == "2.0" and doc["info"]["title"] == "Fixture API"
    assert doc["definitions"]["clients"]["properties"]["name"]["description"] == "Legal name of the client"

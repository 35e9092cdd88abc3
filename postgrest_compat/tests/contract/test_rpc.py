"""Contract: RPC — named args, json param, variadic, setof, scalar, void, errors. Layer: postgrest_compat (tests)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.db, pytest.mark.http, pytest.mark.usefixtures("forget_writes")]


def test_scalar_over_get_and_post(anon) -> None:
    r = anon.get("/rpc/add_them", params={"a": "1", "b": "2"})
    assert r.status_code == 200 and r.text == "3"
    assert anon.post("/rpc/add_them", json={"a": 1}).json() == 11


def test_text_scalar_is_a_json_string(anon) -> None:
    assert anon.get("/rpc/hello", params={"name": "you"}).json() == "Hello, you"


def test_single_unnamed_json_parameter(anon) -> None:
    r = anon.post("/rpc/echo_json", json={"a": [1, 2], "b": None})
    assert r.status_code == 200 and r.json() == {"a": [1, 2], "b": None}


def test_variadic_over_post_and_repeated_get_keys(anon) -> None:
    assert anon.post("/rpc/sum_all", json={"v": [1, 2, 3]}).json() == 6
    assert anon.get("/rpc/sum_all?v=1&v=2&v=4").json() == 7
    assert anon.get("/rpc/sum_all", params={"v": "{5,6}"}).json() == 11


def test_setof_scalar_is_an_array(anon) -> None:
    r = anon.get("/rpc/numbers", params={"n": "3"}, headers={"Prefer": "count=exact"})
    assert r.json() == [1, 2, 3] and r.headers["content-range"] == "0-2/3"


def test_setof_composite_with_select_filter_order_limit_embed(anon) -> None:
    r = anon.get(
        "/rpc/search_items",
        params={"q": "an", "select": "id,name", "order": "id.desc", "qty": "gte.0", "limit": "5"},
    )
    assert r.json() == [{"id": 4, "name": "durian"}, {"id": 2, "name": "banana"}]
    r = anon.get("/rpc/client_projects", params={"cid": "1", "id": "eq.2"})
    assert r.json() == [{"id": 2, "name": "Windows 10"}]


def test_composite_return_is_an_object(anon) -> None:
    assert anon.get("/rpc/get_client", params={"id": "2"}).json() == {"id": 2, "name": "Apple"}


def test_rpc_singular_accept(anon) -> None:
    r = anon.get(
        "/rpc/search_items",
        params={"q": "apple", "select": "name"},
        headers={"Accept": "application/vnd.pgrst.object+json"},
    )
    assert r.status_code == 200 and r.json() == {"name": "apple"}


def test_void_is_204(http) -> None:
    r = http.post("/rpc/touch", headers={"Prefer": "tx=rollback"})
    assert r.status_code == 204 and r.content == b""
    assert http.get("/rpc/noop").status_code == 204


def test_volatile_function_over_get_is_405_read_only(http) -> None:
    r = http.get("/rpc/touch")
    assert r.status_code == 405 and r.json()["code"] == "25006"


def test_volatile_function_writes_over_post(http, sql) -> None:
    r = http.post("/rpc/new_client", json={"id": 3001, "name": "Rpc"})
    assert r.status_code == 200 and r.json() == {"id": 3001, "name": "Rpc"}
    assert sql("select name from api.clients where id = 3001") == [("Rpc",)]


def test_head_rpc(anon) -> None:
    r = anon.head("/rpc/numbers", params={"n": "2"})
    assert r.status_code == 200 and r.content == b""


def test_empty_post_body_is_no_arguments(anon) -> None:
    r = anon.post("/rpc/noop", content=b"")
    assert r.status_code == 204


def test_unknown_function_is_pgrst202(anon) -> None:
    r = anon.post("/rpc/nope", json={"a": 1})
    assert r.status_code == 404
    body = r.json()
    assert body["code"] == "PGRST202"
    assert body["message"] == "Could not find the function api.nope(a) in the schema cache"


def test_wrong_argument_names_is_pgrst202(anon) -> None:
    r = anon.get("/rpc/add_them", params={"x": "1"})
    assert r.status_code == 404 and r.json()["code"] == "PGRST202"
    assert r.json()["message"] == "Could not find the function api.add_them(x) in the schema cache"


def test_overload_ambiguity_is_pgrst203(anon) -> None:
    r = anon.post("/rpc/overloaded", json={"a": "1"})
    assert r.status_code == 300
    body = r.json()
    assert body["code"] == "PGRST203"
    assert body["message"].startswith("Could not choose the best candidate function between: ")


def test_method_not_allowed_on_rpc_is_pgrst101(anon) -> None:
    r = anon.delete("/rpc/add_them")
    assert r.status_code == 405 and r.json()["code"] == "PGRST101"


def test_custom_ptxyz_status(anon) -> None:
    r = anon.get("/rpc/raise_pt")
    assert r.status_code == 402
    assert r.json() == {
        "code": "PT402",
        "message": "payment required",
        "details": "plan limit reached",
        "hint": "upgrade",
    }


def test_p0001_raise_is_400(anon) -> None:
    r = anon.get("/rpc/raise_p0001")
    assert r.status_code == 400
    assert r.json() == {"code": "P0001", "message": "custom failure", "details": "some detail", "hint": "some hint"}


def test_raise_pgrst_full_control(anon) -> None:
    r = anon.get("/rpc/raise_pgrst")
    assert r.status_code == 402 and r.headers["x-powered-by"] == "Nerd Rage"
    assert r.json() == {
        "code": "123",
        "message": "Payment Required",
        "details": "Quota exceeded",
        "hint": "Upgrade your plan",
    }


def test_anon_cannot_call_revoked_function(anon) -> None:
    r = anon.post("/rpc/touch")
    assert r.status_code == 401 and r.json()["code"] == "42501"
    assert r.headers["www-authenticate"] == "Bearer"


def test_options_on_functions(anon) -> None:
    assert anon.options("/rpc/touch").headers["allow"] == "OPTIONS,POST"
    assert anon.options("/rpc/add_them").headers["allow"] == "OPTIONS,GET,HEAD,POST"

"""Contract: POST/PATCH/PUT/DELETE, return=, upserts, columns, missing, bodies, tx. Layer: postgrest_compat (tests).

Writes that must not leak into other tests run with `Prefer: tx=rollback` (db-tx-end = commit-allow-override) or
use ids >= 1000.
"""

from __future__ import annotations

import pytest

from postgrest_compat.tests.contract.harness import token

pytestmark = [pytest.mark.db, pytest.mark.http, pytest.mark.usefixtures("forget_writes")]

RB = "tx=rollback"


def test_post_minimal_is_201_empty_without_content_type(http, sql) -> None:
    r = http.post("/clients", json={"id": 1001, "name": "Minimal"})
    assert r.status_code == 201 and r.content == b""
    assert "content-type" not in r.headers and r.headers["content-length"] == "0"
    assert r.headers["content-range"] == "*/*"
    assert sql("select name from api.clients where id = 1001") == [("Minimal",)]


def test_post_headers_only_sets_location(http) -> None:
    r = http.post("/clients", json={"id": 1002, "name": "Loc"}, headers={"Prefer": "return=headers-only"})
    assert r.status_code == 201 and r.headers["location"] == "/clients?id=eq.1002"
    assert r.headers["preference-applied"] == "return=headers-only"
    assert http.get(r.headers["location"]).json() == [{"id": 1002, "name": "Loc"}]


def test_post_representation_with_select_and_embed(http) -> None:
    r = http.post(
        "/projects",
        params={"select": "id,clients(name)"},
        json={"id": 1003, "name": "New", "client_id": 2},
        headers={"Prefer": f"return=representation,{RB}"},
    )
    assert r.status_code == 201 and r.json() == [{"id": 1003, "clients": {"name": "Apple"}}]
    assert r.headers["content-type"] == "application/json; charset=utf-8"
    assert r.headers["preference-applied"] == "return=representation, tx=rollback"
    assert http.get("/projects", params={"id": "eq.1003"}).json() == []


def test_post_count_exact_content_range(http) -> None:
    r = http.post("/logs", json=[{"msg": "a"}, {"msg": "b"}], headers={"Prefer": f"count=exact,{RB}"})
    assert r.status_code == 201 and r.headers["content-range"] == "*/2"


def test_bulk_insert_and_columns(http) -> None:
    r = http.post(
        "/logs",
        params={"columns": '"msg","level"', "select": "msg,level"},
        json=[{"msg": "x", "level": 1, "ignored": True}, {"msg": "y"}],
        headers={"Prefer": f"return=representation,{RB}"},
    )
    assert r.status_code == 201 and r.json() == [{"msg": "x", "level": 1}, {"msg": "y", "level": None}]


def test_bulk_insert_keys_must_match(http) -> None:
    r = http.post("/logs", json=[{"msg": "x"}, {"level": 1}])
    assert r.status_code == 400
    assert r.json() == {"code": "PGRST102", "message": "All object keys must match", "details": None, "hint": None}


def test_invalid_json_body(http) -> None:
    r = http.post("/logs", content=b"{nope", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["code"] == "PGRST102"
    assert r.json()["message"] == "Empty or invalid json"


def test_unknown_column_is_pgrst204(http) -> None:
    r = http.post("/clients", json={"id": 5, "nope": 1})
    assert r.status_code == 400
    body = r.json()
    assert body["code"] == "PGRST204"
    assert body["message"] == "Could not find the 'nope' column of 'clients' in the schema cache"


def test_empty_array_inserts_nothing(http) -> None:
    r = http.post("/logs", json=[], headers={"Prefer": "return=representation"})
    assert r.status_code == 201 and r.json() == []


def test_missing_default(http) -> None:
    r = http.post(
        "/items",
        json={"name": "fig"},
        headers={"Prefer": f"return=representation,missing=default,{RB}"},
        params={"select": "name,qty,active,created"},
    )
    assert r.json() == [{"name": "fig", "qty": 0, "active": True, "created": "2024-01-01"}]
    assert r.headers["preference-applied"] == "missing=default, return=representation, tx=rollback"


def test_conflict_is_409_23505(http) -> None:
    r = http.post("/clients", json={"id": 1, "name": "dup"})
    assert r.status_code == 409 and r.json()["code"] == "23505"


def test_fk_violation_is_409_23503(http) -> None:
    r = http.post("/projects", json={"id": 1004, "name": "x", "client_id": 999})
    assert r.status_code == 409 and r.json()["code"] == "23503"


def test_not_null_violation_is_400(http) -> None:
    r = http.post("/clients", json={"id": 1005, "name": None})
    assert r.status_code == 400 and r.json()["code"] == "23502"


def test_upsert_merge_duplicates(http) -> None:
    prefer = f"return=representation,resolution=merge-duplicates,{RB}"
    r = http.post("/clients", json=[{"id": 1, "name": "MS"}, {"id": 1006, "name": "New"}], headers={"Prefer": prefer})
    assert r.status_code == 201 and sorted(r.json(), key=lambda x: x["id"]) == [
        {"id": 1, "name": "MS"},
        {"id": 1006, "name": "New"},
    ]
    assert r.headers["preference-applied"] == "resolution=merge-duplicates, return=representation, tx=rollback"
    r = http.post("/clients", json={"id": 1, "name": "MS"}, headers={"Prefer": prefer})
    assert r.status_code == 200 and r.json() == [{"id": 1, "name": "MS"}]


def test_upsert_ignore_duplicates(http) -> None:
    prefer = f"return=representation,resolution=ignore-duplicates,{RB}"
    r = http.post("/clients", json=[{"id": 1, "name": "MS"}, {"id": 1007, "name": "New"}], headers={"Prefer": prefer})
    assert r.status_code == 201 and r.json() == [{"id": 1007, "name": "New"}]


def test_upsert_on_conflict_unique_column(http) -> None:
    r = http.post(
        "/settings",
        params={"on_conflict": "key"},
        json={"key": "theme", "value": "light"},
        headers={"Prefer": f"return=representation,resolution=merge-duplicates,{RB}"},
    )
    assert r.status_code == 200 and r.json() == [{"key": "theme", "value": "light"}]


def test_put_inserts_then_replaces(http) -> None:
    r = http.put("/clients", params={"id": "eq.1010"}, json={"id": 1010, "name": "Put"})
    assert r.status_code == 204 and "content-type" not in r.headers
    r = http.put(
        "/clients",
        params={"id": "eq.1010"},
        json={"id": 1010, "name": "Put2"},
        headers={"Prefer": "return=representation"},
    )
    assert r.status_code == 200 and r.json() == [{"id": 1010, "name": "Put2"}]
    r = http.put(
        "/clients",
        params={"id": "eq.1011"},
        json={"id": 1011, "name": "Put3"},
        headers={"Prefer": f"return=representation,{RB}"},
    )
    assert r.status_code == 201 and r.json() == [{"id": 1011, "name": "Put3"}]


@pytest.mark.parametrize(
    ("params", "body", "status", "code"),
    [
        ({"name": "eq.x"}, {"id": 1, "name": "x"}, 405, "PGRST105"),
        ({"id": "gt.1"}, {"id": 1, "name": "x"}, 405, "PGRST105"),
        ({"id": "eq.1", "limit": "1"}, {"id": 1, "name": "x"}, 400, "PGRST114"),
        ({"id": "eq.1"}, {"id": 2, "name": "x"}, 400, "PGRST115"),
    ],
)
def test_put_rules(http, params, body, status, code) -> None:
    r = http.put("/clients", params=params, json=body)
    assert (r.status_code, r.json()["code"]) == (status, code)


def test_put_message_texts(http) -> None:
    r = http.put("/clients", params={"id": "eq.1"}, json={"id": 2, "name": "x"})
    assert r.json()["message"] == "Payload values do not match URL in primary key column(s)"
    r = http.put("/clients", params={"id": "eq.1", "offset": "1"}, json={"id": 1, "name": "x"})
    assert r.json()["message"] == "limit/offset querystring parameters are not allowed for PUT"


def test_patch_minimal_and_representation(http) -> None:
    r = http.patch("/tasks", params={"project_id": "eq.1"}, json={"done": True}, headers={"Prefer": RB})
    assert r.status_code == 204 and "content-type" not in r.headers and "content-length" not in r.headers
    r = http.patch(
        "/tasks",
        params={"project_id": "eq.1", "select": "id,done", "order": "id.desc"},
        json={"done": True},
        headers={"Prefer": f"return=representation,count=exact,{RB}"},
    )
    assert r.status_code == 200 and r.json() == [{"id": 2, "done": True}, {"id": 1, "done": True}]
    assert r.headers["content-range"] == "0-1/2"


def test_patch_empty_object_updates_nothing(http) -> None:
    r = http.patch("/tasks", json={}, headers={"Prefer": f"return=representation,{RB}"})
    assert r.status_code == 200 and r.json() == []


def test_delete_with_representation_and_count(http) -> None:
    r = http.delete(
        "/users_tasks",
        params={"user_id": "eq.1"},
        headers={"Prefer": f"return=representation,count=exact,{RB}"},
    )
    assert r.status_code == 200 and len(r.json()) == 3 and r.headers["content-range"] == "*/3"
    r = http.delete("/users_tasks", params={"user_id": "eq.1"}, headers={"Prefer": RB})
    assert r.status_code == 204


def test_delete_singular_with_many_rows_rolls_back(http, sql) -> None:
    r = http.delete(
        "/users_tasks",
        params={"user_id": "eq.1"},
        headers={"Accept": "application/vnd.pgrst.object+json", "Prefer": "return=representation"},
    )
    assert r.status_code == 406 and r.json()["code"] == "PGRST116"
    assert r.json()["details"] == "The result contains 3 rows"
    assert sql("select count(*) from api.users_tasks where user_id = 1") == [(3,)]


def test_tx_rollback_leaves_no_trace(http, sql) -> None:
    r = http.post(
        "/clients", json={"id": 1020, "name": "ghost"}, headers={"Prefer": "tx=rollback,return=representation"}
    )
    assert r.status_code == 201 and r.json() == [{"id": 1020, "name": "ghost"}]
    assert sql("select count(*) from api.clients where id = 1020") == [(0,)]


def test_max_affected_strict(http) -> None:
    r = http.patch(
        "/tasks",
        params={"project_id": "eq.1"},
        json={"done": True},
        headers={"Prefer": f"handling=strict,max-affected=1,{RB}"},
    )
    assert r.status_code == 400
    body = r.json()
    assert body["code"] == "PGRST124" and body["details"] == "The query affects 2 rows"


def test_strict_handling_rejects_unknown_preferences(http) -> None:
    r = http.get("/clients", headers={"Prefer": "handling=strict, foo, bar=baz"})
    assert r.status_code == 400
    body = r.json()
    assert body["code"] == "PGRST122" and body["details"] == "Invalid preferences: foo, bar=baz"


def test_lenient_ignores_unknown_preferences_and_first_wins(http) -> None:
    r = http.post(
        "/logs",
        json={"msg": "p"},
        headers=[("Prefer", "foo, return=representation"), ("Prefer", "return=minimal, tx=rollback")],
    )
    assert r.status_code == 201 and r.json() == [{"msg": "p", "level": None}]


def test_csv_body(http) -> None:
    r = http.post(
        "/logs",
        content=b"msg,level\nhello,1\n,NULL\n",
        headers={"Content-Type": "text/csv", "Prefer": f"return=representation,{RB}"},
    )
    assert r.status_code == 201 and r.json() == [{"msg": "hello", "level": 1}, {"msg": "", "level": None}]


def test_csv_body_ragged(http) -> None:
    r = http.post("/logs", content=b"msg,level\nhello\n", headers={"Content-Type": "text/csv"})
    assert r.status_code == 400 and r.json()["code"] == "PGRST102"
    assert r.json()["message"] == "All lines must have same number of fields"


def test_urlencoded_body(http) -> None:
    r = http.post(
        "/logs",
        data={"msg": "form", "level": "3"},
        headers={"Prefer": f"return=representation,{RB}"},
    )
    assert r.status_code == 201 and r.json() == [{"msg": "form", "level": 3}]


def test_unsupported_content_type(http) -> None:
    r = http.post("/logs", content=b"<x/>", headers={"Content-Type": "application/xml"})
    assert r.status_code == 400 and r.json()["code"] == "PGRST102"
    assert r.json()["message"].startswith("Content-Type not acceptable: application/xml")


def test_write_on_view(http) -> None:
    r = http.patch(
        "/books",
        params={"id": "eq.1"},
        json={"title": "Paper 2"},
        headers={"Prefer": f"return=representation,{RB}"},
    )
    assert r.status_code == 200 and r.json() == [{"id": 1, "title": "Paper 2", "author_id": 2}]


def test_anon_write_is_401_with_www_authenticate(anon) -> None:
    r = anon.post("/clients", json={"id": 1030, "name": "anon"})
    assert r.status_code == 401 and r.json()["code"] == "42501"
    assert r.headers["www-authenticate"] == "Bearer"


def test_authenticated_denied_is_403(http) -> None:
    r = http.post("/things", json={"id": 9, "label": "x"}, headers={"Content-Profile": "alt"})
    assert r.status_code == 403 and r.json()["code"] == "42501"
    assert "www-authenticate" not in r.headers


def test_anon_role_in_jwt_denied_is_401(http) -> None:
    r = http.post("/rpc/touch", headers={"Authorization": "Bearer " + token({"role": "anon"})})
    assert r.status_code == 401 and r.json()["code"] == "42501"


def test_large_bulk_body_is_handled(http) -> None:
    rows = [{"msg": "x" * 100, "level": i} for i in range(20_000)]  # ~2.6 MB of JSON
    r = http.post("/logs", json=rows, headers={"Prefer": f"count=exact,{RB}"})
    assert r.status_code == 201 and r.headers["content-range"] == "*/20000"

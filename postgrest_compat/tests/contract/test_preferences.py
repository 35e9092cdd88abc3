"""Contract: Preference-Applied order and echo rules, resolution without a key, more write/read shapes.

Layer: postgrest_compat (tests).
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.db, pytest.mark.http]


def test_preference_applied_order(http) -> None:
    r = http.post(
        "/clients",
        json={"id": 5001, "name": "Order"},
        headers={
            "Prefer": "tx=rollback, count=exact, return=representation, missing=default, "
            "resolution=merge-duplicates, handling=lenient"
        },
    )
    assert r.status_code == 201
    assert r.headers["preference-applied"] == (
        "resolution=merge-duplicates, missing=default, return=representation, count=exact, tx=rollback, "
        "handling=lenient"
    )


def test_max_affected_echoed_with_strict_only(http) -> None:
    r = http.patch(
        "/tasks",
        params={"id": "eq.1"},
        json={"done": True},
        headers={"Prefer": "handling=strict, max-affected=5, tx=rollback"},
    )
    assert r.status_code == 204
    assert r.headers["preference-applied"] == "tx=rollback, handling=strict, max-affected=5"
    r = http.patch(
        "/tasks", params={"id": "eq.1"}, json={"done": True}, headers={"Prefer": "max-affected=5, tx=rollback"}
    )
    assert r.headers["preference-applied"] == "tx=rollback"


def test_return_not_echoed_on_reads(anon) -> None:
    r = anon.get("/clients", headers={"Prefer": "return=representation, count=exact"})
    assert r.headers["preference-applied"] == "count=exact"


def test_resolution_not_echoed_without_a_key(http) -> None:
    r = http.post(
        "/logs",
        json={"msg": "r"},
        headers={"Prefer": "resolution=merge-duplicates, return=representation, tx=rollback"},
    )
    assert r.status_code == 201 and r.headers["preference-applied"] == "return=representation, tx=rollback"


def test_unknown_column_in_columns_is_pgrst204(http) -> None:
    r = http.post("/clients", params={"columns": "id,nope"}, json={"id": 5002, "name": "x"})
    assert r.status_code == 400 and r.json()["code"] == "PGRST204"
    assert r.json()["message"] == "Could not find the 'nope' column of 'clients' in the schema cache"


def test_in_with_escaped_quotes(http) -> None:
    r = http.post(
        "/logs",
        json=[{"msg": 'a"b'}, {"msg": "c\\d"}],
        headers={"Prefer": "return=minimal"},
    )
    assert r.status_code == 201
    try:
        rows = http.get("/logs", params={"select": "msg", "msg": 'in.("a\\"b","c\\\\d")', "order": "msg"}).json()
        assert rows == [{"msg": 'a"b'}, {"msg": "c\\d"}]
    finally:
        http.delete("/logs", params={"msg": 'in.("a\\"b","c\\\\d")'})


def test_delete_representation_with_embed(http) -> None:
    r = http.delete(
        "/projects",
        params={"id": "eq.5", "select": "id,clients(name)"},
        headers={"Prefer": "return=representation, tx=rollback"},
    )
    assert r.status_code == 200 and r.json() == [{"id": 5, "clients": None}]


def test_rpc_count_and_partial_page_is_206(anon) -> None:
    r = anon.get("/rpc/numbers", params={"n": "10", "limit": "3"}, headers={"Prefer": "count=exact"})
    assert r.status_code == 206 and r.headers["content-range"] == "0-2/10" and r.json() == [1, 2, 3]


def test_write_order_orders_returning(http) -> None:
    r = http.patch(
        "/tasks",
        params={"project_id": "eq.2", "select": "id", "order": "id.desc"},
        json={"done": False},
        headers={"Prefer": "return=representation, tx=rollback"},
    )
    assert r.json() == [{"id": 4}, {"id": 3}]


def test_offset_past_end_without_count_is_empty_200(anon) -> None:
    r = anon.get("/clients", params={"offset": "9"})
    assert r.status_code == 200 and r.json() == [] and r.headers["content-range"] == "*/*"


def test_representation_as_csv(http) -> None:
    r = http.post(
        "/clients",
        json={"id": 5003, "name": "Csv Co"},
        headers={"Prefer": "return=representation, tx=rollback", "Accept": "text/csv"},
    )
    assert r.status_code == 201 and r.text == 'id,name\n5003,"Csv Co"'


def test_filters_on_rpc_over_post(anon) -> None:
    r = anon.post("/rpc/search_items", params={"id": "eq.4", "select": "name"}, json={"q": "an"})
    assert r.status_code == 200 and r.json() == [{"name": "durian"}]


def test_numeric_text_is_kept_by_postgres(anon) -> None:
    r = anon.get("/items", params={"select": "price", "id": "eq.1"})
    assert r.text == '[{"price":1.50}]'


def test_repeated_filter_keys_are_anded(anon) -> None:
    r = anon.get("/clients?select=id&id=gte.1&id=lte.2&order=id")
    assert r.json() == [{"id": 1}, {"id": 2}]
    assert anon.get("/clients?select=id&id=eq.1&id=eq.2").json() == []


def test_inner_embed_filters_the_count(anon) -> None:
    r = anon.get(
        "/clients",
        params={"select": "id,projects!inner(id)", "projects.name": "eq.IOS"},
        headers={"Prefer": "count=exact"},
    )
    assert r.headers["content-range"] == "0-0/1" and r.json() == [{"id": 2, "projects": [{"id": 3}]}]


def test_representation_includes_computed_fields_and_unicode(http) -> None:
    r = http.post(
        "/employees",
        params={"select": "id,full_name"},
        json={"id": 50, "first_name": "Jürgen", "last_name": "日本語", "manager_id": 1},
        headers={"Prefer": "return=representation, tx=rollback"},
    )
    assert r.status_code == 201 and r.json() == [{"id": 50, "full_name": "Jürgen 日本語"}]

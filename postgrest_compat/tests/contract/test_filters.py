"""Contract: filter operators, not./any/all, logic trees, order. Layer: postgrest_compat (tests).

Rows of api.items (fixtures/schema.sql): 1 apple, 2 banana, 3 carrot, 4 durian.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.db, pytest.mark.http]


def ids(http, params: dict[str, str], path: str = "/items") -> list[int]:
    r = http.get(path, params={"select": "id", "order": "id", **params})
    assert r.status_code == 200, r.text
    return [row["id"] for row in r.json()]


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("id", "eq.1", [1]),
        ("id", "neq.1", [2, 3, 4]),
        ("qty", "gt.1", [1, 3]),
        ("qty", "gte.3", [1, 3]),
        ("qty", "lt.1", [2]),
        ("qty", "lte.1", [2, 4]),
        ("price", "eq.0.25", [2]),
        ("created", "eq.2024-02-15", [2]),
        ("created", "gt.2024-02-01", [2, 3]),
        ("mood", "eq.happy", [1]),
        ("name", "like.*an*", [2, 4]),
        ("name", "ilike.A*", [1]),
        ("name", "match.^c", [3]),
        ("name", "imatch.^C", [3]),
        ("name", "in.(apple,carrot)", [1, 3]),
        ("note", 'in.("crisp","a,b")', [1]),
        ("name", "in.()", []),
        ("name", "not.in.()", [1, 2, 3, 4]),
        ("price", "is.null", [3]),
        ("price", "is.NULL", [3]),
        ("price", "not.is.null", [1, 2, 4]),
        ("note", "is.not_null", [1, 4]),
        ("active", "is.true", [1, 2, 4]),
        ("active", "is.false", [3]),
        ("price", "isdistinct.1.5", [2, 3, 4]),
        ("search", "fts.fox", [1]),
        ("search", "fts(english).jumping", [2]),
        ("search", "plfts.lazy dog", [2]),
        ("search", "phfts(english).quick brown", [1]),
        ("search", "wfts.fox or cats", [1, 3]),
        ("body", "fts.fox", [1]),
        ("tags", "cs.{fruit}", [1, 2]),
        ("tags", "cd.{red,fruit,orange}", [1, 4]),
        ("tags", "ov.{red,orange}", [1, 3]),
        ("meta", 'cs.{"color":"red"}', [1]),
        ("during", "sl.[10,20)", [1, 2]),
        ("during", "sr.[10,20)", [4]),
        ("during", "nxr.[5,10)", [1, 2]),
        ("during", "nxl.[5,10)", [2, 4]),
        ("during", "adj.[5,10)", [1]),
        ("name", "like(any).{a*,c*}", [1, 3]),
        ("name", "like(all).{*a*,*n*}", [2, 4]),
        ("name", "ilike(any).{A*,*IAN}", [1, 4]),
        ("qty", "eq(any).{0,1}", [2, 4]),
        ("id", "gt(all).{1,2}", [3, 4]),
        ("name", "not.eq.apple", [2, 3, 4]),
        ("qty", "not.gt(any).{0,2}", [2]),
        ("data->>color", "eq.red", [1]),
        ("meta->nested->>a", "eq.2", [2]),
        ("meta->nested->a", "eq.2", [2]),
        ("meta->list->0->>n", "eq.x", [1]),
        ("name", "eq.apple", [1]),
    ],
)
def test_operator(http, key: str, value: str, expected: list[int]) -> None:
    assert ids(http, {key: value}) == expected


def test_plus_decodes_as_space(http) -> None:
    r = http.get("/items?select=id&search=plfts.lazy+dog")
    assert r.json() == [{"id": 2}]


def test_filters_on_unselected_columns_and_several_filters_are_anded(http) -> None:
    assert ids(http, {"active": "is.true", "qty": "gt.0"}) == [1, 4]


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("or", "(qty.eq.0,name.eq.carrot)", [2, 3]),
        ("and", "(active.is.true,qty.gt.0)", [1, 4]),
        ("not.or", "(id.eq.1,id.eq.2)", [3, 4]),
        ("not.and", "(active.is.true,qty.gt.0)", [2, 3]),
        ("or", "(and(active.is.true,qty.gte.10),name.eq.carrot)", [1, 3]),
        ("or", "(not.and(id.gt.1,id.lt.4),id.eq.2)", [1, 2, 4]),
        ("or", "(name.in.(apple,banana),id.eq.4)", [1, 2, 4]),
        ("or", '(note.eq."a,b",id.eq.3)', [3]),
        ("or", "(tags.cs.{red,fruit},id.eq.3)", [1, 3]),
        ("or", "(id.not.eq.1,price.is.null)", [2, 3, 4]),
        ("or", "(name.like(any).{a*,b*},id.eq.4)", [1, 2, 4]),
        ("or", "(meta->nested->>a.eq.1,id.eq.3)", [1, 3]),
        ("or", "(search.fts(english).fox,id.eq.4)", [1, 4]),
    ],
)
def test_logic_tree(http, key: str, value: str, expected: list[int]) -> None:
    assert ids(http, {key: value}) == expected


def test_logic_tree_is_anded_with_plain_filters(http) -> None:
    assert ids(http, {"or": "(id.eq.1,id.eq.2,id.eq.3)", "active": "is.true"}) == [1, 2]


def test_embedded_logic_tree_filters_the_embed_only(http) -> None:
    r = http.get("/projects", params={"select": "id,tasks(id)", "tasks.or": "(id.eq.1,id.eq.3)", "id": "lt.3"})
    assert sorted(r.json(), key=lambda p: p["id"]) == [{"id": 1, "tasks": [{"id": 1}]}, {"id": 2, "tasks": [{"id": 3}]}]


def test_or_with_embedded_null_filter(http) -> None:
    r = http.get("/clients", params={"select": "id,client_details(vat)", "or": "(client_details.is.null,id.eq.1)"})
    assert sorted(row["id"] for row in r.json()) == [1, 3]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("price.desc.nullslast", [4, 1, 2, 3]),
        ("price.desc", [3, 4, 1, 2]),
        ("price.asc.nullsfirst", [3, 2, 1, 4]),
        ("price", [2, 1, 4, 3]),
        ("active,name.desc", [3, 4, 2, 1]),
        ("meta->nested->a.desc.nullslast,id", [2, 1, 3, 4]),
    ],
)
def test_order(http, order: str, expected: list[int]) -> None:
    r = http.get("/items", params={"select": "id", "order": order})
    assert [row["id"] for row in r.json()] == expected


@pytest.mark.parametrize(
    "params",
    [
        {"id": "noop.0"},
        {"id": "eq"},
        {"order": "id.sideways"},
        {"or": "(id.eq.1"},
        {"price": "is.maybe"},
        {"id": "neq(any).{1,2}"},
    ],
)
def test_malformed_filters_are_pgrst100(http, params: dict[str, str]) -> None:
    r = http.get("/items", params=params)
    assert r.status_code == 400, r.text
    body = r.json()
    assert body["code"] == "PGRST100" and set(body) == {"code", "message", "details", "hint"}


def test_unknown_operator_message_is_the_parsec_text(http) -> None:
    body = http.get("/items", params={"id": "noop.0"}).json()
    assert body["message"] == '"failed to parse filter (noop.0)" (line 1, column 1)'
    assert body["details"] == 'unexpected "o" expecting "not" or operator (eq, gt, ...)'


def test_unknown_column_in_filter_is_42703(http) -> None:
    r = http.get("/items", params={"nope": "eq.1"})
    assert r.status_code == 400 and r.json()["code"] == "42703"


def test_quoted_column_names(http) -> None:
    assert ids(http, {'"name"': "eq.banana"}) == [2]

"""Contract: Accept negotiation — JSON, singular (PGRST116), CSV, nulls=stripped. Layer: postgrest_compat (tests)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.db, pytest.mark.http]

OBJECT = "application/vnd.pgrst.object+json"


@pytest.mark.parametrize("accept", [None, "*/*", "application/json", "application/json;q=0.9, text/html"])
def test_json_by_default(anon, accept) -> None:
    r = anon.get("/clients", params={"id": "eq.1"}, headers={"Accept": accept} if accept else {})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json; charset=utf-8"
    assert r.json() == [{"id": 1, "name": "Microsoft"}]


@pytest.mark.parametrize("accept", [OBJECT, "application/vnd.pgrst.object"])
def test_singular_object(anon, accept) -> None:
    r = anon.get("/clients", params={"id": "eq.1"}, headers={"Accept": accept})
    assert r.status_code == 200 and r.json() == {"id": 1, "name": "Microsoft"}
    assert r.headers["content-type"] == "application/vnd.pgrst.object+json; charset=utf-8"


@pytest.mark.parametrize(("params", "n"), [({"id": "eq.999"}, 0), ({}, 3)])
def test_singular_with_not_one_row_is_406(anon, params, n) -> None:
    r = anon.get("/clients", params=params, headers={"Accept": OBJECT})
    assert r.status_code == 406
    assert r.json() == {
        "code": "PGRST116",
        "message": "Cannot coerce the result to a single JSON object",
        "details": f"The result contains {n} rows",
        "hint": None,
    }
    assert r.headers["content-type"] == "application/json; charset=utf-8"


def test_singular_write_with_one_row(http) -> None:
    r = http.post(
        "/clients",
        json={"id": 2001, "name": "One"},
        headers={"Accept": OBJECT, "Prefer": "return=representation,tx=rollback"},
    )
    assert r.status_code == 201 and r.json() == {"id": 2001, "name": "One"}


def test_nulls_stripped(anon) -> None:
    r = anon.get(
        "/items",
        params={"select": "id,price,note", "id": "eq.3"},
        headers={"Accept": "application/vnd.pgrst.array+json;nulls=stripped"},
    )
    assert r.status_code == 200 and r.json() == [{"id": 3}]
    r = anon.get(
        "/items",
        params={"select": "id,price,note", "id": "eq.3"},
        headers={"Accept": "application/vnd.pgrst.object+json;nulls=stripped"},
    )
    assert r.json() == {"id": 3}


def test_csv_output(anon) -> None:
    r = anon.get("/projects", params={"order": "id", "id": "in.(1,5)"}, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["content-type"] == "text/csv; charset=utf-8"
    assert r.text == 'id,name,client_id\n1,"Windows 7",1\n5,Orphan,'


def test_csv_empty_result(anon) -> None:
    r = anon.get("/projects", params={"id": "eq.999"}, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.text == "\n"


def test_unavailable_media_type_is_406(anon) -> None:
    r = anon.get("/clients", headers={"Accept": "text/xml"})
    assert r.status_code == 406
    assert r.json() == {
        "code": "PGRST107",
        "message": "None of these media types are available: text/xml",
        "details": None,
        "hint": None,
    }


def test_q_values_pick_first_producible(anon) -> None:
    r = anon.get("/clients", params={"id": "eq.1"}, headers={"Accept": "text/xml;q=1, text/csv;q=0.5"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")

"""Contract: exact texts of the PGRST errors clients switch on (message, details, hint).

Layer: postgrest_compat (tests).

Texts from PostgREST's Error.hs (v12–v16).
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.db, pytest.mark.http]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"select": "id", "projects.id": "eq.1"},
            {
                "code": "PGRST108",
                "message": "'projects' is not an embedded resource in this request",
                "details": None,
                "hint": "Verify that 'projects' is included in the 'select' query parameter.",
            },
        ),
        (
            {"select": "id,projects(id)", "order": "projects(id)"},
            {
                "code": "PGRST118",
                "message": "A related order on 'projects' is not possible",
                "details": "'clients' and 'projects' do not form a many-to-one or one-to-one relationship",
                "hint": None,
            },
        ),
        (
            {"select": "id,projects(id)", "projects": "eq.1"},
            {
                "code": "PGRST120",
                "message": "Bad operator on the 'projects' embedded resource",
                "details": "Only is null or not is null filters are allowed on embedded resources",
                "hint": None,
            },
        ),
        (
            {"select": "id,users(id)"},
            {
                "code": "PGRST200",
                "message": "Could not find a relationship between 'clients' and 'users' in the schema cache",
                "details": "Searched for a foreign key relationship between 'clients' and 'users' in the schema 'api', "
                "but no matches were found.",
                "hint": None,
            },
        ),
    ],
)
def test_embedding_error_texts(anon, params, expected) -> None:
    assert anon.get("/clients", params=params).json() == expected


def test_function_not_found_texts(anon) -> None:
    assert anon.get("/rpc/add_thm", params={"a": "1"}).json() == {
        "code": "PGRST202",
        "message": "Could not find the function api.add_thm(a) in the schema cache",
        "details": "Searched for the function api.add_thm with parameter a, but no matches were found in the schema "
        "cache.",
        "hint": "Perhaps you meant to call the function api.add_them",
    }
    body = anon.post("/rpc/add_thm", json={"a": 1}).json()
    assert body["details"] == (
        "Searched for the function api.add_thm with parameter a or with a single unnamed json/jsonb parameter, "
        "but no matches were found in the schema cache."
    )


def test_put_and_aggregate_texts(http) -> None:
    assert http.put("/clients", params={"name": "eq.x"}, json={"id": 1, "name": "x"}).json() == {
        "code": "PGRST105",
        "message": "Filters must include all and only primary key columns with 'eq' operators",
        "details": None,
        "hint": None,
    }
    assert http.get("/items", params={"select": "qty.sum()"}).json() == {
        "code": "PGRST123",
        "message": "Use of aggregate functions is not allowed",
        "details": None,
        "hint": None,
    }

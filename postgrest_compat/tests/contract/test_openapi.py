"""Contract: OpenAPI (Swagger 2.0) at the root, comments as descriptions. Layer: postgrest_compat (tests)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.db, pytest.mark.http]


@pytest.mark.parametrize("accept", ["application/openapi+json", "application/json", "*/*"])
def test_root_is_swagger_2(anon, accept) -> None:
    r = anon.get("/", headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/openapi+json; charset=utf-8"
    spec = r.json()
    assert spec["swagger"] == "2.0"
    assert spec["info"]["title"] == "Fixture API"
    assert spec["info"]["description"] == "A small schema for the PostgREST contract tests."


def test_tables_functions_and_comments(anon) -> None:
    spec = anon.get("/").json()
    assert "/clients" in spec["paths"] and "/rpc/add_them" in spec["paths"]
    clients = spec["definitions"]["clients"]
    assert clients["required"] == ["id", "name"]
    assert clients["properties"]["name"]["description"] == "Legal name of the client"
    assert clients["properties"]["id"]["format"] == "integer"
    assert clients["properties"]["id"]["description"].startswith("Note:\nThis is a Primary Key.")
    assert spec["definitions"]["items"]["properties"]["mood"]["enum"] == ["sad", "ok", "happy"]
    assert spec["definitions"]["items"]["properties"]["note"]["maxLength"] == 40
    assert "rowFilter.clients.id" in spec["parameters"]


def test_head_root(anon) -> None:
    r = anon.head("/")
    assert r.status_code == 200 and r.content == b""

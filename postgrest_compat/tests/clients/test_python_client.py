"""The official Python `postgrest` client (PyPI, unmodified) driving postgrest-compat through a realistic flow.

Layer: postgrest_compat (tests). The client builds the URLs and headers; the server must answer as PostgREST does.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from postgrest import APIError, CountMethod, ReturnMethod, SyncPostgrestClient

from postgrest_compat.tests.contract.harness import token

pytestmark = [pytest.mark.db, pytest.mark.http]


@pytest.fixture(scope="module")
def client(clients_server) -> Iterator[SyncPostgrestClient]:
    with SyncPostgrestClient(clients_server[0], schema="api", timeout=15) as pg:
        pg.auth(token({"role": "authenticated", "sub": "alice"}))
        yield pg


@pytest.fixture(scope="module")
def anon(clients_server) -> Iterator[SyncPostgrestClient]:
    with SyncPostgrestClient(clients_server[0], schema="api", timeout=15) as pg:
        yield pg


def test_filters_or_not_order_range(anon) -> None:
    res = (
        anon.from_("items")
        .select("id,name")
        .or_("qty.eq.0,name.eq.carrot,name.eq.apple")
        .not_.is_("price", "null")
        .order("id", desc=True)
        .range(0, 0)
        .execute()
    )
    assert res.data == [{"id": 2, "name": "banana"}]


def test_operator_helpers(anon) -> None:
    q = anon.from_("items").select("id")
    assert q.in_("name", ["apple", "a,b"]).execute().data == [{"id": 1}]
    assert anon.from_("items").select("id").contains("tags", ["fruit"]).order("id").execute().data == [
        {"id": 1},
        {"id": 2},
    ]
    assert anon.from_("items").select("id").like_any_of("name", "a*,c*").order("id").execute().data == [
        {"id": 1},
        {"id": 3},
    ]
    assert anon.from_("items").select("id").text_search("search", "fox").execute().data == [{"id": 1}]
    assert anon.from_("items").select("id").range_lt("during", (10, 20)).order("id").execute().data == [
        {"id": 1},
        {"id": 2},
    ]
    assert anon.from_("items").select("id").match({"name": "durian", "qty": 1}).execute().data == [{"id": 4}]


def test_embedding_with_referenced_table_modifiers(anon) -> None:
    res = (
        anon.from_("clients")
        .select("id,name,projects(id,name)")
        .eq("id", 1)
        .order("id", desc=True, foreign_table="projects")
        .limit(1, foreign_table="projects")
        .execute()
    )
    assert res.data == [{"id": 1, "name": "Microsoft", "projects": [{"id": 2, "name": "Windows 10"}]}]
    res = anon.from_("clients").select("id,projects!inner(name)").eq("projects.name", "IOS").execute()
    assert res.data == [{"id": 2, "projects": [{"name": "IOS"}]}]


def test_exact_count(anon) -> None:
    res = anon.from_("tasks").select("id", count=CountMethod.exact).order("id").range(0, 2).execute()
    assert res.count == 8 and [r["id"] for r in res.data] == [1, 2, 3]


def test_single_and_maybe_single(anon) -> None:
    assert anon.from_("clients").select("name").eq("id", 2).single().execute().data == {"name": "Apple"}
    with pytest.raises(APIError) as err:
        anon.from_("clients").select("name").single().execute()
    assert err.value.code == "PGRST116" and err.value.details == "The result contains 3 rows"
    assert anon.from_("clients").select("name").eq("id", 999).maybe_single().execute() is None
    assert anon.from_("clients").select("name").eq("id", 1).maybe_single().execute().data == {"name": "Microsoft"}


def test_insert_upsert_update_delete_with_returning(client) -> None:
    res = client.from_("clients").insert([{"id": 100, "name": "Acme"}, {"id": 101, "name": "Globex"}]).execute()
    assert res.data == [{"id": 100, "name": "Acme"}, {"id": 101, "name": "Globex"}]
    res = client.from_("clients").upsert({"id": 100, "name": "Acme Corp"}).execute()
    assert res.data == [{"id": 100, "name": "Acme Corp"}]
    res = client.from_("settings").upsert({"key": "theme", "value": "light"}, on_conflict="key").execute()
    assert res.data == [{"key": "theme", "value": "light"}]
    res = client.from_("clients").upsert({"id": 100, "name": "ignored"}, ignore_duplicates=True).execute()
    assert res.data == []
    res = client.from_("clients").update({"name": "Globex Inc"}, count=CountMethod.exact).eq("id", 101).execute()
    assert res.data == [{"id": 101, "name": "Globex Inc"}] and res.count == 1
    res = client.from_("clients").delete(returning=ReturnMethod.minimal).in_("id", [100, 101]).execute()
    assert res.data == []
    assert client.from_("clients").select("id").gte("id", 100).execute().data == []


def test_insert_with_default_to_null_false(client) -> None:
    res = client.from_("items").insert({"name": "fig"}, default_to_null=False).execute()
    row = res.data[0]
    assert (row["qty"], row["active"], row["created"]) == (0, True, "2024-01-01")
    client.from_("items").delete().eq("id", row["id"]).execute()


def test_rpc(anon) -> None:
    assert anon.rpc("add_them", {"a": 1, "b": 2}).execute().data == 3
    assert anon.rpc("add_them", {"a": 5}, get=True).execute().data == 15
    res = anon.rpc("search_items", {"q": "an"}).select("id,name").order("id").execute()
    assert res.data == [{"id": 2, "name": "banana"}, {"id": 4, "name": "durian"}]
    res = anon.rpc("numbers", {"n": 4}, count=CountMethod.exact).execute()
    assert res.data == [1, 2, 3, 4] and res.count == 4
    assert anon.rpc("echo_json", {"x": [1, {"y": None}]}).execute().data == {"x": [1, {"y": None}]}
    assert anon.rpc("sum_all", {"v": [1, 2, 3]}, get=True).execute().data == 6


def test_error_objects(anon, client) -> None:
    cases = [
        (lambda: anon.from_("nope").select("*").execute(), "PGRST205"),
        (lambda: anon.from_("clients").select("id,nope").execute(), "42703"),
        (lambda: anon.from_("clients").select("*,users(*)").execute(), "PGRST200"),
        (lambda: anon.rpc("nope", {}).execute(), "PGRST202"),
        (lambda: anon.rpc("raise_pt", {}).execute(), "PT402"),
        (lambda: anon.from_("clients").insert({"id": 200, "name": "x"}).execute(), "42501"),
        (lambda: client.from_("clients").insert({"id": 1, "name": "dup"}).execute(), "23505"),
    ]
    for call, code in cases:
        with pytest.raises(APIError) as err:
            call()
        assert err.value.code == code, err.value
        assert err.value.message
    with pytest.raises(APIError) as err:
        anon.rpc("raise_p0001", {}).execute()
    assert (err.value.message, err.value.details, err.value.hint) == ("custom failure", "some detail", "some hint")


def test_csv_and_max_affected(anon, client) -> None:
    res = anon.from_("clients").select("id,name").order("id").limit(2).csv().execute()
    assert res.data == "id,name\n1,Microsoft\n2,Apple"
    with pytest.raises(APIError) as err:
        client.from_("tasks").update({"done": True}).eq("project_id", 1).max_affected(1).execute()
    assert err.value.code == "PGRST124" and err.value.details == "The query affects 2 rows"
    assert client.from_("tasks").select("done").eq("id", 2).single().execute().data == {"done": False}

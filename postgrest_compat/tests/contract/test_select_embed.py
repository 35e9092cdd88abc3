"""Contract: select grammar (aliases, casts, JSON paths) and resource embedding. Layer: postgrest_compat (tests)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.db, pytest.mark.http]


def get(http, path: str, **params: str):
    r = http.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_alias_cast_and_json_paths(http) -> None:
    rows = get(
        http,
        "/items",
        select="id,label:name,price::text,color:data->>color,meta->nested->>a,meta->list->0->>n,data->sizes->1",
        id="eq.1",
    )
    assert rows == [{"id": 1, "label": "apple", "price": "1.50", "color": "red", "a": "1", "n": "x", "sizes": 2}]


def test_json_arrow_keeps_json_and_double_arrow_gives_text(http) -> None:
    assert get(http, "/items", select="meta->nested", id="eq.2") == [{"nested": {"a": 2}}]
    assert get(http, "/items", select="meta->>nested", id="eq.2") == [{"nested": '{"a": 2}'}]


def test_empty_select_is_star_and_spaces_are_allowed(http) -> None:
    assert get(http, "/clients", select="", id="eq.1") == [{"id": 1, "name": "Microsoft"}]
    assert get(http, "/clients", select=" id , name ", id="eq.1") == [{"id": 1, "name": "Microsoft"}]


def test_computed_field_selectable_and_filterable(http) -> None:
    assert get(http, "/employees", select="id,full_name", full_name="eq.Jim Halpert") == [
        {"id": 4, "full_name": "Jim Halpert"}
    ]


def test_unknown_column_in_select_is_42703(http) -> None:
    r = http.get("/clients", params={"select": "id,nope"})
    assert r.status_code == 400 and r.json()["code"] == "42703"


def test_body_bytes_are_built_by_postgres(http) -> None:
    r = http.get("/projects", params={"select": "id,name,clients(id,name)", "id": "in.(1,5)", "order": "id"})
    assert r.text == (
        '[{"id":1,"name":"Windows 7","clients":{"id": 1, "name": "Microsoft"}}, \n'
        ' {"id":5,"name":"Orphan","clients":null}]'
    )
    assert r.headers["content-length"] == str(len(r.content))


def test_to_one_to_many_and_one_to_one(http) -> None:
    assert get(http, "/projects", select="id,clients(name)", id="eq.3") == [{"id": 3, "clients": {"name": "Apple"}}]
    assert get(http, "/clients", select="id,projects(id)", id="eq.3") == [{"id": 3, "projects": []}]
    assert get(http, "/clients", select="id,client_details(vat)", id="in.(1,3)", order="id") == [
        {"id": 1, "client_details": {"vat": "US123"}},
        {"id": 3, "client_details": None},
    ]


def test_many_to_many_through_junction(http) -> None:
    assert get(http, "/users", select="name,tasks(id)", id="eq.3") == [{"name": "Dwight Schrute", "tasks": [{"id": 8}]}]


def test_nested_embeds_and_embedded_modifiers(http) -> None:
    rows = get(
        http,
        "/clients",
        select="id,projects(id,tasks(id))",
        id="eq.1",
        **{"projects.order": "id.desc", "projects.limit": "1", "projects.tasks.order": "id.desc"},
    )
    assert rows == [{"id": 1, "projects": [{"id": 2, "tasks": [{"id": 4}, {"id": 3}]}]}]


def test_embedded_limit_applies_per_parent(http) -> None:
    rows = get(
        http,
        "/clients",
        select="id,projects(id)",
        order="id",
        id="lt.3",
        **{"projects.limit": "1", "projects.order": "id"},
    )
    assert rows == [{"id": 1, "projects": [{"id": 1}]}, {"id": 2, "projects": [{"id": 3}]}]


def test_embedded_filter_keeps_parents_and_inner_drops_them(http) -> None:
    rows = get(http, "/clients", select="id,projects(name)", order="id", **{"projects.name": "eq.IOS"})
    assert rows == [{"id": 1, "projects": []}, {"id": 2, "projects": [{"name": "IOS"}]}, {"id": 3, "projects": []}]
    rows = get(http, "/clients", select="id,projects!inner(name)", order="id", **{"projects.name": "eq.IOS"})
    assert rows == [{"id": 2, "projects": [{"name": "IOS"}]}]


def test_parent_filter_through_embed_null_checks(http) -> None:
    assert [r["id"] for r in get(http, "/clients", select="id,projects(id)", projects="not.is.null", order="id")] == [
        1,
        2,
    ]
    assert [r["id"] for r in get(http, "/clients", select="id,projects(id)", projects="is.null")] == [3]


def test_self_relationship_both_directions(http) -> None:
    assert get(http, "/employees", select="id,boss:manager_id(first_name)", id="eq.3") == [
        {"id": 3, "boss": {"first_name": "Michael"}}
    ]
    assert get(http, "/employees", select="id,reports:employees(id)", id="eq.2", **{"reports.order": "id"}) == [
        {"id": 2, "reports": [{"id": 3}, {"id": 4}]}
    ]


def test_hints_disambiguate(http) -> None:
    rows = get(
        http,
        "/orders",
        select="name,billing:addresses!orders_billing_fk(street),shipping:addresses!shipping_address_id(street)",
        name="eq.first",
    )
    assert rows == [{"name": "first", "billing": {"street": "Main St 1"}, "shipping": {"street": "Side St 2"}}]


def test_ambiguous_embed_is_pgrst201_with_300(http) -> None:
    r = http.get("/orders", params={"select": "*,addresses(*)"})
    assert r.status_code == 300
    body = r.json()
    assert body["code"] == "PGRST201"
    assert body["message"] == (
        "Could not embed because more than one relationship was found for 'orders' and 'addresses'"
    )
    assert body["hint"] == (
        "Try changing 'addresses' to one of the following: 'addresses!orders_billing_fk', "
        "'addresses!orders_shipping_fk'. Find the desired relationship in the 'details' key."
    )
    assert body["details"] == [
        {
            "cardinality": "many-to-one",
            "embedding": "orders with addresses",
            "relationship": "orders_billing_fk using orders(billing_address_id) and addresses(id)",
        },
        {
            "cardinality": "many-to-one",
            "embedding": "orders with addresses",
            "relationship": "orders_shipping_fk using orders(shipping_address_id) and addresses(id)",
        },
    ]


def test_no_relationship_is_pgrst200(http) -> None:
    r = http.get("/clients", params={"select": "id,users(id)"})
    assert r.status_code == 400
    body = r.json()
    assert body["code"] == "PGRST200"
    assert body["message"] == "Could not find a relationship between 'clients' and 'users' in the schema cache"
    assert isinstance(body["details"], str) and "hint" in body


def test_views_inherit_foreign_keys(http) -> None:
    assert get(http, "/projects_view", select="id,clients(name)", id="eq.3") == [
        {"id": 3, "clients": {"name": "Apple"}}
    ]
    assert get(http, "/books", select="title,users(name)", id="eq.1") == [
        {"title": "Paper", "users": {"name": "Michael Scott"}}
    ]


def test_spread_lifts_to_one_columns(http) -> None:
    assert get(http, "/projects", select="id,...clients(client_name:name)", id="eq.1") == [
        {"id": 1, "client_name": "Microsoft"}
    ]


def test_related_order_through_to_one(http) -> None:
    rows = get(http, "/projects", select="id,clients(name)", order="clients(name).desc.nullslast,id")
    assert [r["id"] for r in rows] == [1, 2, 3, 4, 5]


def test_related_order_through_to_many_is_pgrst118(http) -> None:
    r = http.get("/clients", params={"select": "id,projects(id)", "order": "projects(id)"})
    assert r.status_code == 400 and r.json()["code"] == "PGRST118"


def test_bad_operator_on_embed_is_pgrst120(http) -> None:
    r = http.get("/clients", params={"select": "id,projects(id)", "projects": "eq.1"})
    assert r.status_code == 400 and r.json()["code"] == "PGRST120"


def test_filter_on_unembedded_resource_is_pgrst108(http) -> None:
    r = http.get("/clients", params={"select": "id", "projects.id": "eq.1"})
    assert r.status_code == 400 and r.json()["code"] == "PGRST108"


def test_aggregates_disabled_is_pgrst123(http) -> None:
    r = http.get("/items", params={"select": "qty.sum()"})
    assert r.status_code == 400 and r.json()["code"] == "PGRST123"


def test_json_path_on_array_column_uses_to_jsonb(http) -> None:
    assert get(http, "/items", select="id,tags->0,first:scores->>0", id="eq.1") == [
        {"id": 1, "tags": "red", "first": "1"}
    ]


@pytest.mark.parametrize("select", ["id,projects(id", "id,,name", "id:", "id::", "projects(id))", "...projects"])
def test_malformed_select_is_pgrst100(http, select: str) -> None:
    r = http.get("/clients", params={"select": select})
    assert r.status_code == 400 and r.json()["code"] == "PGRST100", r.text


def test_to_many_embed_bytes_use_jsonb_formatting(http) -> None:
    r = http.get("/clients", params={"select": "id,projects(id,name)", "id": "eq.2", "projects.order": "id"})
    assert r.text == '[{"id":2,"projects":[{"id": 3, "name": "IOS"}, {"id": 4, "name": "OSX"}]}]'

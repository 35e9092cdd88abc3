"""Contract: limit/offset, Range header, Content-Range, 206/416, Prefer count. Layer: postgrest_compat (tests).

api.clients holds 3 rows; api.tasks holds 8.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.db, pytest.mark.http]


def test_read_without_count_has_star_total(http) -> None:
    r = http.get("/clients", params={"order": "id"})
    assert r.status_code == 200 and r.headers["content-range"] == "0-2/*"


def test_exact_count_full_page_is_200(http) -> None:
    r = http.get("/clients", headers={"Prefer": "count=exact"})
    assert r.status_code == 200 and r.headers["content-range"] == "0-2/3"
    assert r.headers["preference-applied"] == "count=exact"


def test_partial_page_with_count_is_206(http) -> None:
    r = http.get(
        "/tasks", params={"select": "id", "order": "id", "limit": "2", "offset": "3"}, headers={"Prefer": "count=exact"}
    )
    assert r.status_code == 206 and r.headers["content-range"] == "3-4/8"
    assert r.json() == [{"id": 4}, {"id": 5}]


def test_partial_page_without_count_is_200(http) -> None:
    r = http.get("/tasks", params={"limit": "2"})
    assert r.status_code == 200 and r.headers["content-range"] == "0-1/*"


@pytest.mark.parametrize("pref", ["count=planned", "count=estimated"])
def test_planned_and_estimated_counts(http, pref: str) -> None:
    r = http.get("/tasks", params={"limit": "1"}, headers={"Prefer": pref})
    first, total = r.headers["content-range"].split("/")
    assert first == "0-0" and int(total) > 0
    assert r.headers["preference-applied"] == pref


def test_range_header(http) -> None:
    r = http.get("/tasks", params={"select": "id", "order": "id"}, headers={"Range": "2-4", "Prefer": "count=exact"})
    assert r.status_code == 206 and r.headers["content-range"] == "2-4/8"
    assert [x["id"] for x in r.json()] == [3, 4, 5]


def test_open_range_and_range_unit_ignored(http) -> None:
    r = http.get("/tasks", params={"select": "id", "order": "id"}, headers={"Range": "6-", "Range-Unit": "items"})
    assert r.headers["content-range"] == "6-7/*" and [x["id"] for x in r.json()] == [7, 8]


def test_range_intersects_limit_offset(http) -> None:
    r = http.get(
        "/tasks", params={"select": "id", "order": "id", "offset": "1", "limit": "10"}, headers={"Range": "0-1"}
    )
    assert [x["id"] for x in r.json()] == [2]  # [0,1] ∩ [1,10]


def test_inverted_range_is_416(http) -> None:
    r = http.get("/tasks", headers={"Range": "5-2"})
    assert r.status_code == 416
    body = r.json()
    assert body["code"] == "PGRST103"
    assert body["details"] == (
        "The lower boundary must be lower than or equal to the upper boundary in the Range header."
    )


def test_offset_past_total_is_416_with_star_range(http) -> None:
    r = http.get("/clients", params={"offset": "9"}, headers={"Prefer": "count=exact"})
    assert r.status_code == 416 and r.headers["content-range"] == "*/3"
    body = r.json()
    assert body["message"] == "Requested range not satisfiable"
    assert body["details"] == "An offset of 9 was requested, but there are only 3 rows."


def test_empty_result_has_star_range(http) -> None:
    r = http.get("/clients", params={"id": "eq.999"}, headers={"Prefer": "count=exact"})
    assert r.status_code == 200 and r.headers["content-range"] == "*/0" and r.json() == []


def test_limit_zero_is_empty_200(http) -> None:
    r = http.get("/clients", params={"limit": "0"})
    assert r.status_code == 200 and r.json() == []


def test_non_integer_limit_is_ignored(http) -> None:
    r = http.get("/clients", params={"limit": "abc"})
    assert r.status_code == 200 and len(r.json()) == 3


def test_range_header_ignored_on_writes(http) -> None:
    r = http.patch("/clients", params={"id": "eq.1"}, json={"name": "Microsoft"}, headers={"Range": "5-2"})
    assert r.status_code == 204


def test_head_has_no_body_but_content_type_and_range(http) -> None:
    r = http.head("/clients", headers={"Prefer": "count=exact"})
    assert r.status_code == 200 and r.content == b"" and "content-length" not in r.headers
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["content-range"] == "0-2/3"


def test_max_rows_caps_reads(contract_server) -> None:
    import httpx

    from postgrest_compat.testing import running_server
    from postgrest_compat.tests.contract.harness import CONF, db_uri

    with running_server(str(CONF), {"PGRST_DB_URI": db_uri(contract_server[1]), "PGRST_DB_MAX_ROWS": "2"}) as url:
        r = httpx.get(
            url + "/tasks", params={"select": "id,users(id)", "order": "id"}, headers={"Prefer": "count=exact"}
        )
        assert r.status_code == 206 and r.headers["content-range"] == "0-1/8"
        assert len(r.json()) == 2
        r = httpx.get(url + "/users", params={"select": "id,tasks(id)", "id": "eq.1"})
        assert len(r.json()[0]["tasks"]) == 2
        r = httpx.get(url + "/rpc/numbers", params={"n": "5"})
        assert r.json() == [1, 2]

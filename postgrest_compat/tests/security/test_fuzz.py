"""Security: hypothesis fuzzing of query strings and headers: no 5xx, canary lives. Layer: postgrest_compat (tests)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postgrest_compat.tests.contract.harness import bearer
from postgrest_compat.tests.security.test_injection import INJECTIONS, assert_safe

pytestmark = [pytest.mark.db, pytest.mark.http]

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
META = "'\";()-,.:*!{}[]\\/=&%+<>|~@#$^ \t_"
ALPHA = "abcdefghijklmnopqrstuvwxyzNOTEQIN0123456789"
GRAMMAR = [
    "eq.",
    "not.",
    "in.(",
    "is.",
    "null",
    "or=(",
    "and(",
    "->",
    "->>",
    "::",
    "!inner",
    "!",
    "(",
    ")",
    ",",
    ".",
    "*",
    "{",
    "}",
    "desc",
    "nullsfirst",
    "id",
    "note",
    "like(any).",
    "fts(",
    "count()",
    "...",
    '"',
]

token_text = st.text(alphabet=META + ALPHA + "éü∑\u200b", max_size=24)
grammar_text = st.lists(st.sampled_from(GRAMMAR) | token_text, max_size=8).map("".join)
fuzz_text = st.one_of(token_text, grammar_text, st.sampled_from(INJECTIONS))
header_text = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40)


def check_canary(canary) -> None:
    assert canary() == [(1, "alive")]


@FUZZ
@given(key=fuzz_text, value=fuzz_text)
def test_filter_keys_and_values(server, canary, key: str, value: str) -> None:
    assert_safe(server.get("/canary", params={key: value}))
    assert_safe(server.get("/canary", params={"note": value}))


@FUZZ
@given(select=fuzz_text, order=fuzz_text)
def test_select_and_order(server, canary, select: str, order: str) -> None:
    assert_safe(server.get("/canary", params={"select": select}))
    assert_safe(server.get("/canary", params={"order": order}))
    assert_safe(server.get("/clients", params={"select": f"id,projects({select})", "projects.order": order}))


@FUZZ
@given(tree=fuzz_text)
def test_logic_trees(server, canary, tree: str) -> None:
    assert_safe(server.get("/canary", params={"or": f"({tree})"}))
    assert_safe(server.get("/canary", params={"not.and": tree}))


@FUZZ
@given(name=fuzz_text, value=fuzz_text)
def test_rpc_arguments(server, canary, name: str, value: str) -> None:
    assert_safe(server.get("/rpc/hello", params={name: value}))
    assert_safe(server.post("/rpc/add_them", json={name: value}))
    assert_safe(server.get("/rpc/hello", params={"name": value}))  # "eq.x"-like values are filters, not args
    r = server.post("/rpc/hello", json={"name": value})
    assert r.status_code == 200 and r.json() == f"Hello, {value}"


@FUZZ
@given(key=fuzz_text, value=fuzz_text)
def test_write_bodies_and_columns(server, canary, key: str, value: str) -> None:
    headers = {**bearer(), "Prefer": "return=representation"}
    assert_safe(server.post("/canary", params={"columns": key}, json={"id": 2, "note": value}, headers=headers))
    assert_safe(server.patch("/canary", params={"id": "eq.999", key: value}, json={"note": value}, headers=headers))
    assert_safe(server.delete("/canary", params={"note": f"eq.{value}", "id": "gt.1"}, headers=headers))
    check_canary(canary)


@FUZZ
@given(
    prefer=header_text,
    accept=header_text,
    range_=header_text,
    profile=header_text,
    content_type=header_text,
)
def test_headers(server, canary, prefer: str, accept: str, range_: str, profile: str, content_type: str) -> None:
    headers = {"Prefer": prefer, "Accept": accept, "Range": range_, "Accept-Profile": profile}
    assert_safe(server.get("/canary", headers={k: v.strip() for k, v in headers.items()}))
    write = {**bearer(), "Content-Type": content_type.strip(), "Prefer": f"tx=rollback,{prefer.strip()}"}
    assert_safe(server.post("/canary", content=b'{"id": 3, "note": "x"}', headers=write))


@FUZZ
@given(auth=header_text)
def test_authorization_header(server, canary, auth: str) -> None:
    r = server.get("/canary", headers={"Authorization": auth.strip()})
    assert_safe(r)


def test_canary_survived_everything(canary) -> None:
    check_canary(canary)

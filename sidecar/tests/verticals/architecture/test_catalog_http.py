"""The catalog, radar, search and advisor over HTTP (postgrest-compat with the repo's postgrest.conf): status codes
and PostgREST-shaped errors as a frontend sees them. Layer: vertical (architecture)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import psycopg
import pytest

from postgrest_compat.testing import running_server
from sidecar.chassis import tokens

pytestmark = pytest.mark.http

ROOT = Path(__file__).resolve().parents[4]
SECRET = "architecture-http-test-secret-0123456789abcdef"
ANSWERS = {
    "team_size": 6, "internal_tool": False, "expected_growth": "grow", "bounded_contexts": 3,
    "async_profile": "edges", "llm_produced_data": True, "multi_step_pipelines": False, "agentic_flows": False,
    "streaming_ux": "none", "test_fakes": False, "tenancy": "multi_shared", "customer": "b2b",
    "regulatory_audit": False, "device_classes": 1, "independent_deployability": False,
}  # fmt: skip


@pytest.fixture(scope="module")
def db(clone_database, admin_conninfo: str) -> str:
    name = clone_database("archhttp")
    with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={name}"), autocommit=True) as conn:
        conn.execute("select chassis.operator_session('tests', 'http fixtures')")
        conn.execute("select tests.personas()")
        conn.execute("set role operator")
        import_id = conn.execute("select architecture.catalog_import_begin_v1('global', 'http test')").fetchone()[0]
        conn.execute(
            """select architecture.catalog_import_pattern_v1(%s, jsonb_build_object(
                 'slug', 'saga-pattern', 'name', 'Saga Pattern', 'category', 'integration', 'complexity', 4,
                 'team_size', 'Medium (2+ engineers)', 'summary', 'Compensating transactions across services.',
                 'when_to_use', jsonb_build_array('Long-running business transactions'),
                 'when_not_to_use', jsonb_build_array('One database suffices'),
                 'key_components', jsonb_build_array(jsonb_build_object('name', 'Orchestrator', 'description', 'x')),
                 'pros', jsonb_build_array(jsonb_build_object('weight', 'high', 'text', 'No 2PC')),
                 'cons', jsonb_build_array(jsonb_build_object('weight', 'medium', 'text', 'Compensations')),
                 'overview', 'Sagas split a transaction into local steps.'))""",
            (import_id,),
        )
        conn.execute("select architecture.catalog_import_finish_v1(%s)", (import_id,))
    return name


@pytest.fixture(scope="module")
def api(db: str) -> Iterator[httpx.Client]:
    uri = f"postgresql://authenticator@/{db}?host={os.environ['PGHOST']}&port={os.environ['PGPORT']}"
    with (
        running_server(str(ROOT / "postgrest.conf"), {"PGRST_DB_URI": uri, "PGRST_JWT_SECRET": SECRET}) as url,
        httpx.Client(base_url=url, timeout=10) as client,
    ):
        yield client


def _auth(db: str, subject: str, tenant: str | None = None) -> dict[str, str]:
    with psycopg.connect(dbname=db) as conn:
        tenant_id = tokens.tenant_id_for(conn, tenant) if tenant else None
    identity = tokens.Identity(subject, f"{subject}@example.test", subject.title(), tenant_id)
    token = tokens.mint_token(identity, secret=SECRET, ttl=timedelta(minutes=5))
    return {"Authorization": f"Bearer {token}"}


def test_catalog_list_and_page_are_readable_by_members(api: httpx.Client, db: str) -> None:
    headers = _auth(db, "victor", "acme")
    listing = api.get("/architecture_patterns", params={"select": "slug,scope,complexity"}, headers=headers)
    assert listing.status_code == 200, listing.text
    assert listing.json() == [{"slug": "saga-pattern", "scope": "global", "complexity": 4}]
    page = api.get("/architecture_pattern_pages", params={"slug": "eq.saga-pattern"}, headers=headers)
    assert page.json()[0]["pros"] == [{"weight": "high", "text": "No 2PC"}]
    assert api.get("/architecture_patterns").status_code == 401


def test_search_is_a_get_rpc_with_hits_and_facets(api: httpx.Client, db: str) -> None:
    response = api.get("/rpc/architecture_search", params={"q": "compensating"}, headers=_auth(db, "mia", "acme"))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["hits"][0]["slug"] == "saga-pattern"
    assert "<mark>Compensating</mark>" in body["hits"][0]["snippet"]
    assert body["facets"]["category"] == [{"value": "integration", "count": 1}]
    empty = api.get("/rpc/architecture_search", params={"q": " "}, headers=_auth(db, "mia", "acme"))
    assert (empty.status_code, empty.json()["message"]) == (400, "empty search query")


def test_advisor_answers_with_400_naming_each_problem(api: httpx.Client, db: str) -> None:
    headers = _auth(db, "mia", "acme")
    bad = {**ANSWERS, "colour": "blue", "team_size": "six"}
    del bad["tenancy"]
    response = api.post("/rpc/architecture_advise", json={"answers": bad}, headers=headers)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "PT400"
    assert "unknown answer: colour" in body["message"]
    assert "missing answer: tenancy" in body["message"]
    assert "team_size must be a whole number" in body["message"]
    ok = api.post("/rpc/architecture_advise", json={"answers": ANSWERS, "label": "http"}, headers=headers)
    assert ok.status_code == 200, ok.text
    assert ok.json()["flavour"]["number"] == 3
    history = api.get("/architecture_assessments", params={"select": "label"}, headers=headers)
    assert history.json() == [{"label": "http"}]


def test_radar_rating_status_codes(api: httpx.Client, db: str) -> None:
    rate = {"slug": "saga-pattern", "ring": "trial", "reason": "billing pilot"}
    assert api.post("/rpc/architecture_rate_pattern", json=rate, headers=_auth(db, "victor", "acme")).status_code == 403
    assert api.post("/rpc/architecture_rate_pattern", json=rate, headers=_auth(db, "mia", "acme")).status_code == 200
    missing = {**rate, "slug": "nope"}
    assert api.post("/rpc/architecture_rate_pattern", json=missing, headers=_auth(db, "mia", "acme")).status_code == 404
    radar = api.get("/architecture_radar", params={"select": "slug,ring"}, headers=_auth(db, "gary", "globex"))
    assert radar.json() == []

"""`POST /architecture/documents` over HTTP: Markdown/HTML/text pasted or uploaded become sanitised articles and
engine captures; duplicates, viewers, bad input. Also keeps the SQL interpreter registration equal to Python's.
Layer: vertical. `user_tx` is provided the way the chassis plugin does it (a transaction as the caller)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import psycopg
import pytest
from litestar import Litestar, Request
from litestar.di import Provide
from litestar.testing import AsyncTestClient
from psycopg import AsyncConnection

from sidecar.errors import psycopg_error_handler
from sidecar.verticals.architecture.documents.routes import DocumentsController
from sidecar.verticals.architecture.interpreters.registration import INTERPRETERS

pytestmark = pytest.mark.db

MARKDOWN = """# Why we use the outbox

We publish events through an **outbox** table. <script>alert('x')</script>
[Read more](javascript:alert(1)) or [the docs](https://docs.example.test/outbox).
"""


@pytest.fixture(scope="module")
def seeded_db(module_db: str, db_conninfo: str) -> str:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
    return db_conninfo


@pytest.fixture
async def client(seeded_db: str) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async def user_tx(request: Request[Any, Any, Any]) -> AsyncIterator[AsyncConnection[Any]]:
        sub, tenant = request.headers["x-test-as"].split("@")
        conn = await AsyncConnection.connect(seeded_db)
        try:
            await conn.execute("select tests.authenticate_as(%s, %s)", (sub, tenant))
            yield conn
            await conn.commit()
        finally:
            await conn.close()

    app = Litestar(
        route_handlers=[DocumentsController],
        dependencies={"user_tx": Provide(user_tx)},
        exception_handlers={psycopg.Error: psycopg_error_handler},
    )
    async with AsyncTestClient(app=app) as test_client:
        yield test_client


def _rows(conninfo: str, sub: str, sql: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(conninfo) as conn:
        conn.execute("select tests.authenticate_as(%s, 'acme')", (sub,))
        return conn.execute(sql).fetchall()


async def test_pasted_markdown_becomes_a_sanitised_article_and_captures(
    client: AsyncTestClient[Litestar], seeded_db: str
) -> None:
    response = await client.post("/architecture/documents", json={"content": MARKDOWN},
                                 headers={"x-test-as": "mia@acme"})  # fmt: skip
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["created"], body["title"]) == (True, "Why we use the outbox")
    assert {i["kind"] for i in body["interpretations"]} == {"architecture.pattern_mentions", "architecture.insights"}
    [(html, text, kind)] = _rows(seeded_db, "mia", "select html, text, kind from api.architecture_articles")
    assert kind == "document"
    assert "<script" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html  # raw HTML in Markdown is shown as text, never rendered
    assert '<a href="https://docs.example.test/outbox" referrerpolicy="no-referrer" rel="noopener noreferrer">' in html
    assert text.startswith("Why we use the outbox\n\nWe publish events through an outbox table.")
    captures = _rows(seeded_db, "mia", "select count(*), min(content) from engine.captures")
    assert captures == [(1, text)]  # one capture of the article text, shared by both interpreters

    again = await client.post("/architecture/documents", json={"content": MARKDOWN, "title": "Other title"},
                              headers={"x-test-as": "adam@acme"})  # fmt: skip
    assert (again.status_code, again.json()["created"], again.json()["id"]) == (201, False, body["id"])


async def test_uploads_repair_encoding_and_accept_html_and_text(
    client: AsyncTestClient[Litestar], seeded_db: str
) -> None:
    files = [
        ("files", ("notes.txt", "Caf\u00e9 notes on sagas.\n\nSecond paragraph.".encode("windows-1252"), "text/plain")),
        ("files", ("page.html", b"<h1>Page</h1><p onclick='x()'>Circuit breakers <b>trip</b>.</p>", "text/html")),
    ]
    response = await client.post("/architecture/documents/upload", files=files, headers={"x-test-as": "mia@acme"})
    assert response.status_code == 201, response.text
    assert [d["title"] for d in response.json()] == ["Caf\u00e9 notes on sagas.", "Page"]
    rows = dict(_rows(seeded_db, "mia", "select title, html from api.architecture_articles where format <> 'markdown'"))
    assert rows["Caf\u00e9 notes on sagas."] == "<p>Caf\u00e9 notes on sagas.</p><p>Second paragraph.</p>"
    assert rows["Page"] == "<h1>Page</h1><p>Circuit breakers <b>trip</b>.</p>"


@pytest.mark.parametrize(
    ("who", "payload", "status"),
    [
        ("victor@acme", {"content": "A viewer's note."}, 403),
        ("mia@acme", {"content": "   "}, 400),
        ("mia@acme", {"content": "x", "format": "pdf"}, 400),
        ("mia@acme", {"content": "x", "unknown": 1}, 400),
    ],
)
async def test_refusals(client: AsyncTestClient[Litestar], who: str, payload: dict[str, Any], status: int) -> None:
    response = await client.post("/architecture/documents", json=payload, headers={"x-test-as": who})
    assert response.status_code == status, response.text


async def test_upload_of_an_unknown_extension_is_refused(client: AsyncTestClient[Litestar]) -> None:
    files = [("files", ("diagram.png", b"\x89PNG", "image/png"))]
    response = await client.post("/architecture/documents/upload", files=files, headers={"x-test-as": "mia@acme"})
    assert response.status_code == 400


def test_sql_registration_matches_the_python_interpreters(seeded_db: str) -> None:
    with psycopg.connect(seeded_db) as conn:
        rows = {
            (kind, version): (schema, model, prompt_hash)
            for kind, version, schema, model, prompt_hash in conn.execute(
                "select kind, version, output_schema, model, prompt_hash from engine.interpreters "
                "where kind like 'architecture.%'"
            )
        }
    assert rows == {(i.kind, i.version): (i.output_schema, i.model_label, i.prompt_hash) for i in INTERPRETERS}

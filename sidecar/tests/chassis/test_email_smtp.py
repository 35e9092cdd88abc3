"""Email through the outbox to a local SMTP server (aiosmtpd) started by the test; templates; console adapter.

Layer: chassis (tests).
"""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from email import message_from_bytes
from pathlib import Path

import psycopg
import pytest
from aiosmtpd.controller import Controller

from sidecar.chassis.email.console import ConsoleEmail
from sidecar.chassis.email.port import OutgoingEmail
from sidecar.chassis.email.service import send_queued_email
from sidecar.chassis.email.smtp import SmtpEmail
from sidecar.chassis.email.templates import TemplateError, add_template_dir, render

pytestmark = pytest.mark.db


class Inbox:
    """aiosmtpd handler keeping every envelope it accepted."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def tenant_id(db_conninfo: str) -> str:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
        conn.execute("update chassis.webhook_policy set max_attempts = 1")
        row = conn.execute("select tests.tenant_id('acme')::text").fetchone()
    assert row is not None
    return str(row[0])


def queue_email(db_conninfo: str, tenant_id: str, to: str, data: dict[str, object]) -> str:
    """Insert a queued message as the outbox row chassis.send_email() writes (the job itself is not needed here)."""
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        row = conn.execute(
            "insert into chassis.email_messages (tenant_id, kind, to_address, data, envelope)"
            " values (%s, 'invitation', %s, %s, '{}') returning id::text",
            (tenant_id, to, json.dumps(data)),
        ).fetchone()
    assert row is not None
    return str(row[0])


def status_of(db_conninfo: str, message_id: str) -> tuple[str, int, str | None]:
    with psycopg.connect(db_conninfo) as conn:
        row = conn.execute(
            "select status, attempt_count, last_error from chassis.email_messages where id = %s", (message_id,)
        ).fetchone()
    assert row is not None
    return row[0], row[1], row[2]


def sidecar_connect(db_conninfo: str):
    conninfo = db_conninfo.replace("user=postgres", "user=sidecar")

    @asynccontextmanager
    async def connect() -> AsyncIterator[psycopg.AsyncConnection]:
        async with await psycopg.AsyncConnection.connect(conninfo) as conn, conn.transaction():
            yield conn

    return connect


INVITE = {
    "inviter": "Olivia",
    "tenant_name": "Acme",
    "role": "member",
    "token": "inv_abc",
    "expires_at": "2030-01-01T00:00:00Z",
}


async def test_queued_invitation_is_delivered_over_smtp_once(smtp_server, db_conninfo, tenant_id, monkeypatch) -> None:
    inbox, port = smtp_server
    monkeypatch.setenv("SIDECAR_APP_URL", "https://app.example")
    message_id = queue_email(db_conninfo, tenant_id, "newbie@example.test", INVITE)
    sender = SmtpEmail("127.0.0.1", port, "Stance <no-reply@stance.test>")

    assert await send_queued_email(sidecar_connect(db_conninfo), sender, message_id) == "sent"
    assert len(inbox.received) == 1
    mail_from, rcpt, raw = inbox.received[0]
    assert mail_from == "no-reply@stance.test"
    assert rcpt == ["newbie@example.test"]
    parsed = message_from_bytes(raw)
    assert parsed["Subject"] == "Olivia invited you to Acme on Stance"
    assert "https://app.example/invitations/accept?token=inv_abc" in parsed.get_payload(decode=True).decode()
    assert status_of(db_conninfo, message_id) == ("sent", 1, None)

    assert await send_queued_email(sidecar_connect(db_conninfo), sender, message_id) is None
    assert len(inbox.received) == 1, "a duplicate job sends nothing"


async def test_unreachable_smtp_server_records_the_error(db_conninfo, tenant_id) -> None:
    message_id = queue_email(db_conninfo, tenant_id, "nobody@example.test", INVITE)
    sender = SmtpEmail("127.0.0.1", free_port(), "no-reply@stance.test", timeout=2)
    assert await send_queued_email(sidecar_connect(db_conninfo), sender, message_id) == "dead"
    status, attempts, error = status_of(db_conninfo, message_id)
    assert (status, attempts) == ("dead", 1)
    assert error is not None and "ConnectionRefusedError" in error


async def test_missing_template_data_is_an_error_not_a_half_filled_mail(db_conninfo, tenant_id, smtp_server) -> None:
    inbox, port = smtp_server
    message_id = queue_email(db_conninfo, tenant_id, "x@example.test", {"inviter": "Olivia"})
    sender = SmtpEmail("127.0.0.1", port, "no-reply@stance.test")
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("update chassis.webhook_policy set max_attempts = 5")
    try:
        outcome = await send_queued_email(sidecar_connect(db_conninfo), sender, message_id)
    finally:
        with psycopg.connect(db_conninfo, autocommit=True) as conn:
            conn.execute("update chassis.webhook_policy set max_attempts = 1")
    assert outcome == "dead", "a template that cannot render is dead at once, not retried"
    assert inbox.received == []
    assert "template" in (status_of(db_conninfo, message_id)[2] or "")


def test_templates_render_per_kind_and_layers_add_their_own(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="no email template"):
        render("tests.digest", {})
    (tmp_path / "tests.digest.txt").write_text("Subject: Digest for $who\nHello $who.\n")
    add_template_dir(tmp_path)
    assert render("tests.digest", {"who": "Mia"}) == ("Digest for Mia", "Hello Mia.\n")


async def test_console_adapter_logs_the_message_as_json(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="stance.email")
    await ConsoleEmail("no-reply@stance.test").send(OutgoingEmail("a@example.test", "Hi", "Body", "m1"))
    record = caplog.records[-1]
    assert record.getMessage() == "email to a@example.test: Hi"
    assert record.data["email"] == {
        "from": "no-reply@stance.test",
        "to": "a@example.test",
        "subject": "Hi",
        "text": "Body",
    }

"""The fake billing provider (`stance billing set-plan`) goes through the real ledger and guarded sync.

Layer: chassis (tests).
"""

from __future__ import annotations

import psycopg
import pytest

from sidecar.chassis.billing.settings import get_billing_settings
from sidecar.cli import main

pytestmark = pytest.mark.db


@pytest.fixture
def db(db_conninfo: str, monkeypatch: pytest.MonkeyPatch) -> str:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        if conn.execute("select count(*) from chassis.plans").fetchone() == (0,):
            conn.execute("select tests.personas()")
            conn.execute("select chassis.register_plan('free', 'Free', true)")
            conn.execute("select chassis.register_plan('pro', 'Pro')")
    monkeypatch.setenv("STANCE_DB_URL", db_conninfo)
    monkeypatch.setenv("SIDECAR_BILLING_PROVIDER", "fake")
    get_billing_settings.cache_clear()
    yield db_conninfo
    get_billing_settings.cache_clear()


def plan_and_events(db: str) -> tuple[str, int]:
    with psycopg.connect(db) as conn:
        plan = conn.execute("select chassis.tenant_plan_id(tests.tenant_id('acme'))").fetchone()
        events = conn.execute("select count(*) from chassis.billing_events where provider = 'fake'").fetchone()
    assert plan is not None and events is not None
    return plan[0], events[0]


def test_set_plan_moves_the_tenant_through_the_ledger(db, capsys) -> None:
    before = plan_and_events(db)
    assert main(["billing", "set-plan", "acme", "pro"]) == 0
    assert "acme: applied (plan pro)" in capsys.readouterr().out
    assert plan_and_events(db) == ("pro", before[1] + 1)
    assert main(["billing", "set-plan", "acme", "free"]) == 0
    assert plan_and_events(db) == ("free", before[1] + 2), "a later change wins (event.created guard)"


def test_unknown_plan_or_tenant_is_refused(db, capsys) -> None:
    assert main(["billing", "set-plan", "acme", "platinum"]) == 1
    assert "no plan matches" in capsys.readouterr().err
    assert main(["billing", "set-plan", "nowhere", "pro"]) == 1
    assert "no tenant with slug 'nowhere'" in capsys.readouterr().err


def test_refused_when_stripe_is_the_provider(db, monkeypatch, capsys) -> None:
    monkeypatch.setenv("SIDECAR_BILLING_PROVIDER", "stripe")
    get_billing_settings.cache_clear()
    assert main(["billing", "set-plan", "acme", "pro"]) == 1
    assert "Stripe owns plans" in capsys.readouterr().err

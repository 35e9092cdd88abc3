"""`stance ops` against a real database: questions print the ops views, actions need a reason and are audited.

Layer: chassis (tests).
"""

from __future__ import annotations

import psycopg
import pytest

from sidecar.cli import main

pytestmark = pytest.mark.db


@pytest.fixture(scope="module")
def seeded(db_conninfo: str) -> str:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
        conn.execute("select chassis.register_plan('free', 'Free', true)")
    return db_conninfo


@pytest.fixture
def db(seeded: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("STANCE_DB_URL", seeded)
    return seeded


def test_tenants_question_prints_the_view(db, capsys) -> None:
    assert main(["ops", "tenants", "--slug", "acme"]) == 0
    out = capsys.readouterr().out
    assert "acme" in out and "free" in out
    assert "globex" not in out, "--slug filters the view"


def test_action_without_reason_is_refused_by_the_cli(db) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["ops", "suspend", "globex"])
    assert exited.value.code == 2


def test_action_with_a_blank_reason_is_refused_by_sql(db, capsys) -> None:
    assert main(["ops", "suspend", "globex", "--reason", "  "]) == 1
    assert "suspend_tenant needs a reason" in capsys.readouterr().err
    with psycopg.connect(db) as conn:
        assert conn.execute("select status from chassis.tenants where slug = 'globex'").fetchone() == ("active",)


def test_suspend_and_reactivate_are_audited_with_operator_and_reason(db, capsys) -> None:
    assert main(["ops", "suspend", "globex", "--reason", "fraud check", "--as", "olga"]) == 0
    assert capsys.readouterr().out.strip() == "suspended"
    with psycopg.connect(db) as conn:
        row = conn.execute(
            "select a.envelope ->> 'operator', a.envelope ->> 'reason', a.new_row ->> 'status'"
            " from chassis.audit_log as a where a.table_name = 'chassis.tenants'"
            " and a.tenant_id = (select id from chassis.tenants where slug = 'globex') order by a.id desc limit 1"
        ).fetchone()
    assert row == ("olga", "suspend_tenant: fraud check", "suspended")
    assert main(["ops", "reactivate", "globex", "--reason", "cleared", "--as", "olga"]) == 0
    assert main(["ops", "audit", "--tenant-slug", "globex", "--since", "1 hour"]) == 0
    out = capsys.readouterr().out
    assert "reactivate_tenant: cleared" in out and "suspend_tenant: fraud check" in out


def test_audit_chain_question_reports_intact_chains(db, capsys) -> None:
    assert main(["ops", "audit-chain"]) == 0
    out = capsys.readouterr().out
    assert "acme" in out and "True" in out and "False" not in out


def test_unknown_tenant_is_an_error(db, capsys) -> None:
    assert main(["ops", "reactivate", "nowhere", "--reason", "x"]) == 1
    assert "no tenant nowhere" in capsys.readouterr().err


def test_job_questions_and_actions(db, capsys) -> None:
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("select chassis.register_task('tests_things__run', 'default')")
    with psycopg.connect(db) as conn:
        conn.execute("select tests.authenticate_as('olivia', 'acme')")
        row = conn.execute("select chassis.enqueue_job('tests_things__run', '{}')").fetchone()
    assert row is not None
    job_id = str(row[0])
    assert main(["ops", "queues", "--queue", "default"]) == 0
    assert "default" in capsys.readouterr().out
    assert main(["ops", "cancel-job", job_id, "--reason", "duplicate", "--as", "olga"]) == 0
    assert capsys.readouterr().out.strip() == "cancelled"
    assert main(["ops", "retry-job", job_id, "--reason", "not a duplicate", "--as", "olga"]) == 0
    assert capsys.readouterr().out.strip() == "todo"
    assert main(["ops", "retry-job", job_id, "--reason", "again"]) == 1
    assert "only failed, cancelled or aborted jobs are retried" in capsys.readouterr().err
    assert main(["ops", "failed-jobs"]) == 0
    assert "(0 rows)" in capsys.readouterr().out


def test_breaker_actions(db, capsys) -> None:
    assert main(["ops", "trip-breaker", "acme", "--reason", "runaway", "--as", "olga"]) == 0
    assert capsys.readouterr().out.strip() == "open"
    assert main(["ops", "breakers", "--tenant-slug", "acme"]) == 0
    assert "operator: runaway" in capsys.readouterr().out
    assert main(["ops", "reset-breaker", "acme", "--reason", "fixed", "--as", "olga"]) == 0
    assert capsys.readouterr().out.strip() == "closed"

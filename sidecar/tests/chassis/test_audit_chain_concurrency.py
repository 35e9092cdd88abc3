"""Concurrent writers of one tenant keep its audit hash chain gap-free and verifiable. Layer: chassis."""

from __future__ import annotations

import threading

import psycopg

WRITERS = 4
WRITES_PER_WRITER = 15


def _write_grants(conninfo: str, writer: int, errors: list[BaseException], start: threading.Barrier) -> None:
    try:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute("select chassis.operator_session(%s, 'concurrency test')", (f"writer-{writer}",))
            start.wait()
            for n in range(WRITES_PER_WRITER):
                with conn.transaction():
                    conn.execute(
                        "insert into chassis.resource_grants"
                        " (tenant_id, resource_type, resource_id, action, grantee_role)"
                        " values (tests.tenant_id('acme'), 'tests.widget', gen_random_uuid(), %s, 'viewer')",
                        ("chassis.tenant.update",),
                    )
                    # Keep the transaction open a moment so appends really overlap.
                    conn.execute("select pg_sleep(0.002 * %s)", (n % 3,))
    except BaseException as exc:
        errors.append(exc)


def test_concurrent_appends_to_one_tenant_chain_serialize(clone_database, admin_conninfo: str) -> None:
    conninfo = admin_conninfo.replace("dbname=postgres", f"dbname={clone_database('audit')}")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("select chassis.operator_session('setup', 'personas')")
        conn.execute("select tests.personas()")
        (before,) = conn.execute(
            "select count(*) from chassis.audit_log where tenant_id = tests.tenant_id('acme')"
        ).fetchone()

    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)
    threads = [threading.Thread(target=_write_grants, args=(conninfo, w, errors, start)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []

    with psycopg.connect(conninfo) as conn:
        seqs = [
            row[0]
            for row in conn.execute(
                "select seq from chassis.audit_log where tenant_id = tests.tenant_id('acme') order by seq"
            )
        ]
        assert seqs == list(range(1, before + WRITERS * WRITES_PER_WRITER + 1))
        assert conn.execute("select * from chassis.verify_audit_chain()").fetchall() == []

"""`stance ops …`: the operator console's common questions and actions from the shell. Layer: chassis.

Connects like `stance token` (STANCE_DB_URL or PG* variables, as an administrator), switches to the `operator`
role and runs the same `ops` views and functions an operator would in psql; every action needs `--reason` and
is audited by SQL (the operator name is `--as`, default $USER).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import sql

from sidecar.chassis import tokens

# name → (view, help, filter columns accepted as --<column> value)
QUESTIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "tenants": ("tenants", "tenants with status, plan, members, usage and LLM spend", ("slug", "status")),
    "queues": ("queues", "queue depth and age per queue", ("queue",)),
    "failed-jobs": ("failed_jobs", "dead and retrying jobs with their last error", ("queue", "state", "tenant_slug")),
    "stalled-jobs": ("stalled_jobs", "running jobs whose worker went quiet", ("queue",)),
    "breakers": ("breakers", "LLM budget and circuit-breaker state per tenant", ("tenant_slug",)),
    "audit": ("audit", "audit trail (newest first)", ("tenant_slug", "actor_email", "table_name")),
    "audit-chain": ("audit_chain", "hash-chain verification per chain", ()),
    "webhooks": ("webhook_health", "outbound webhook health per endpoint (24 h)", ("tenant_slug",)),
    "billing-events": ("billing_events", "provider events and their outcome", ("tenant_slug", "outcome")),
    "email": ("email_health", "email not sent yet or dead", ("tenant_slug", "status")),
}
# name → (ops function call with casts, help, positional arguments)
ACTIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "suspend": ("ops.suspend_tenant(%s, %s)", "suspend a tenant (slug or id)", ("tenant",)),
    "reactivate": ("ops.reactivate_tenant(%s, %s)", "reactivate a suspended tenant (slug or id)", ("tenant",)),
    "retry-job": ("ops.retry_job(%s::bigint, %s)", "put a dead/cancelled job back in its queue", ("job_id",)),
    "cancel-job": ("ops.cancel_job(%s::bigint, %s)", "cancel a waiting job or abort a running one", ("job_id",)),
    "trip-breaker": ("ops.trip_breaker(%s, %s)", "pause a tenant's LLM jobs", ("tenant",)),
    "reset-breaker": ("ops.reset_breaker(%s, %s)", "resume a tenant's LLM jobs", ("tenant",)),
    "rederive": ("ops.rederive_kind(%s, %s, %s)", "re-derive a tenant's captures of a kind", ("tenant", "kind")),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `stance ops` and its subcommands."""
    ops = subparsers.add_parser("ops", help="operator console: questions and audited actions")
    commands = ops.add_subparsers(dest="ops_command", required=True, metavar="<question|action>")
    for name, (_view, help_text, filters) in QUESTIONS.items():
        p = commands.add_parser(name, help=help_text)
        for column in filters:
            p.add_argument(f"--{column.replace('_', '-')}", dest=column, metavar="VALUE", help=f"only {column} = VALUE")
        p.add_argument("--since", metavar="INTERVAL", help="audit only: newer than now() - INTERVAL (e.g. '1 day')")
        p.add_argument("--limit", type=int, default=50, help="at most this many rows (default 50)")
        p.set_defaults(handler=_question, question=name)
    for name, (_call, help_text, arguments) in ACTIONS.items():
        p = commands.add_parser(name, help=help_text)
        for argument in arguments:
            p.add_argument(argument)
        p.add_argument("--reason", required=True, help="why (stored in the audit log)")
        p.add_argument("--as", dest="who", default=getpass.getuser(), help="operator name for the audit log")
        p.set_defaults(handler=_action, action=name)


def _connect() -> psycopg.Connection:
    conn = tokens.connect()
    conn.execute("set role operator")
    return conn


def question_query(name: str, filters: dict[str, str], since: str | None, limit: int) -> sql.Composed:
    """The select behind a question: its ops view, equality filters, optional time window, a limit."""
    view, _help, _columns = QUESTIONS[name]
    where = [sql.SQL("{} = {}").format(sql.Identifier(k), sql.Literal(v)) for k, v in filters.items()]
    if since and name == "audit":
        where.append(sql.SQL("at > now() - {}::interval").format(sql.Literal(since)))
    query = sql.SQL("select * from ops.{}").format(sql.Identifier(view))
    if where:
        query = sql.SQL("{} where {}").format(query, sql.SQL(" and ").join(where))
    if name == "audit":
        query = sql.SQL("{} order by at desc").format(query)
    return sql.SQL("{} limit {}").format(query, sql.Literal(limit))


def _print(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Aligned columns separated by ' | ' (psql's look), one line per row, never wrapped."""
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    print(" | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for row in cells:
        print(" | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))
    print(f"({len(cells)} rows)")


def _question(args: argparse.Namespace) -> int:
    _view, _help, columns = QUESTIONS[args.question]
    filters = {c: getattr(args, c) for c in columns if getattr(args, c, None) is not None}
    with _connect() as conn:
        cur = conn.execute(question_query(args.question, filters, args.since, args.limit))
        _print([d.name for d in cur.description or []], cur.fetchall())
    return 0


def _action(args: argparse.Namespace) -> int:
    call, _help, arguments = ACTIONS[args.action]
    params = [getattr(args, a) for a in arguments]
    try:
        with _connect() as conn:
            conn.execute("select set_config('stance.operator', %s, false)", (args.who,))
            row = conn.execute(f"select {call}", (*params, args.reason)).fetchone()
    except psycopg.Error as exc:
        print(f"stance ops {args.action}: {exc.diag.message_primary or exc}", file=sys.stderr)
        return 1
    print(row[0] if row else "")
    return 0

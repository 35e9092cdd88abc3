"""`stance billing set-plan TENANT PLAN`: the fake provider's plan change for make run. Layer: chassis.

Emits a Stripe-shaped subscription event and applies it as the sidecar role through the same ledger and guarded
sync as real webhooks (chassis.billing_apply_event_v1). Refused when SIDECAR_BILLING_PROVIDER=stripe.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

import psycopg

from sidecar.chassis import tokens
from sidecar.chassis.billing.service import fake_change_plan
from sidecar.chassis.billing.settings import get_billing_settings


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `stance billing`."""
    billing = subparsers.add_parser("billing", help="billing with the local fake provider")
    commands = billing.add_subparsers(dest="billing_command", required=True, metavar="<command>")
    set_plan = commands.add_parser("set-plan", help="move a tenant (slug) to a plan, as a provider event would")
    set_plan.add_argument("tenant", help="tenant slug")
    set_plan.add_argument("plan", help="plan id, e.g. pro")
    set_plan.set_defaults(handler=_set_plan)


async def _apply(tenant_id: str, plan: str) -> str:
    with tokens.connect() as admin:
        conninfo = admin.info.dsn
    async with await psycopg.AsyncConnection.connect(conninfo) as conn, conn.transaction():
        await conn.execute("set local role sidecar")
        return await fake_change_plan(conn, tenant_id, plan)


def _set_plan(args: argparse.Namespace) -> int:
    if get_billing_settings().provider != "fake":
        print("stance billing set-plan: only with SIDECAR_BILLING_PROVIDER=fake (Stripe owns plans)", file=sys.stderr)
        return 1
    try:
        with tokens.connect() as conn:
            tenant_id = tokens.tenant_id_for(conn, args.tenant)
        outcome = asyncio.run(_apply(tenant_id, args.plan))
    except (LookupError, psycopg.Error) as exc:
        message = exc.diag.message_primary if isinstance(exc, psycopg.Error) else str(exc)
        print(f"stance billing set-plan: {message}", file=sys.stderr)
        return 1
    print(f"{args.tenant}: {outcome} (plan {args.plan})")
    return 0

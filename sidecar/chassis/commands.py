"""`stance token` and `stance dev-tokens`: mint dev JWTs for the demo users. Layer: chassis."""

from __future__ import annotations

import argparse
import sys

from sidecar.chassis import tokens


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the chassis subcommands to the stance CLI."""
    token = subparsers.add_parser("token", help="mint a dev JWT for a subject (HS256, PGRST_JWT_SECRET)")
    token.add_argument("subject", help="JWT sub, e.g. olivia")
    token.add_argument("--tenant", metavar="SLUG", help="select this tenant (tenant_id claim)")
    token.add_argument("--ttl", default="1h", type=tokens.parse_ttl, help="lifetime: 3600, 90s, 30m, 1h, 7d")
    token.set_defaults(handler=_token)

    dev = subparsers.add_parser("dev-tokens", help="print a token per demo user (their team tenant selected)")
    dev.add_argument("--ttl", default="12h", type=tokens.parse_ttl, help="lifetime of each token")
    dev.set_defaults(handler=_dev_tokens)


def _token(args: argparse.Namespace) -> int:
    try:
        with tokens.connect() as conn:
            identity = tokens.identity_for(conn, args.subject, args.tenant)
    except LookupError as exc:
        print(f"stance token: {exc}", file=sys.stderr)
        return 1
    print(tokens.mint_token(identity, secret=tokens.jwt_secret(), ttl=args.ttl))
    return 0


def _dev_tokens(args: argparse.Namespace) -> int:
    secret = tokens.jwt_secret()
    with tokens.connect() as conn:
        users = tokens.demo_users(conn)
    for user in users:
        where = f"{user.role} of {user.tenant_slug}" if user.tenant_slug else "no team"
        label = f"{user.identity.subject} ({where}{'; ' + user.note if user.note else ''})"
        print(f"  {label}\n    {tokens.mint_token(user.identity, secret=secret, ttl=args.ttl)}")
    return 0

"""Dev JWTs shaped like docs/contracts.md (HS256 with PGRST_JWT_SECRET) and the demo users. Layer: chassis."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import psycopg

DEV_ISSUER = "https://dev.stance.local"
# The cluster `make run` owns (scripts/pg start dev): fallback for the secret and the connection.
DEV_CLUSTER = Path(__file__).resolve().parents[2] / ".pg" / "dev"
AUDIENCE = "stance"
_TTL = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$")
_UNITS = {"": "seconds", "s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


@dataclass(frozen=True)
class Identity:
    """Whom a token speaks for: subject plus optional profile and tenant."""

    subject: str
    email: str | None = None
    name: str | None = None
    tenant_id: str | None = None


def parse_ttl(text: str) -> timedelta:
    """Parse '3600', '90s', '30m', '1h' or '7d' into a positive timedelta."""
    match = _TTL.match(text)
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"invalid ttl {text!r}: use a positive number with s, m, h or d")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def jwt_secret() -> str:
    """The HS256 secret PostgREST verifies with: PGRST_JWT_SECRET, else the one `make run` generated."""
    secret = os.environ.get("PGRST_JWT_SECRET", "")
    if not secret and (DEV_CLUSTER / "jwt_secret").is_file():
        secret = (DEV_CLUSTER / "jwt_secret").read_text().strip()
    if len(secret) < 32:
        raise RuntimeError("PGRST_JWT_SECRET must be set to at least 32 characters (or run `make run` first)")
    return secret


def mint_token(
    identity: Identity, *, secret: str, ttl: timedelta, issuer: str = DEV_ISSUER, now: datetime | None = None
) -> str:
    """Sign the claims PostgREST and chassis.pre_request() expect."""
    issued = now or datetime.now(UTC)
    claims: dict[str, object] = {
        "role": "authenticated",
        "iss": issuer,
        "sub": identity.subject,
        "aud": AUDIENCE,
        "iat": int(issued.timestamp()),
        "exp": int((issued + ttl).timestamp()),
    }
    if identity.tenant_id:
        claims["tenant_id"] = identity.tenant_id
    if identity.email:
        claims["email"] = identity.email
    if identity.name:
        claims["name"] = identity.name
    return jwt.encode(claims, secret, algorithm="HS256")


def connect() -> psycopg.Connection:
    """Connect as a database administrator: STANCE_DB_URL, else libpq PG* variables, else the `make run` cluster
    (database 'stance' unless PGDATABASE says otherwise)."""
    url = os.environ.get("STANCE_DB_URL")
    if url:
        return psycopg.connect(url)
    dbname = os.environ.get("PGDATABASE", "stance")
    if "PGHOST" not in os.environ and (DEV_CLUSTER / "port").is_file():
        port = (DEV_CLUSTER / "port").read_text().strip()
        return psycopg.connect(host=str(DEV_CLUSTER / "sock"), port=port, user="postgres", dbname=dbname)
    return psycopg.connect(dbname=dbname)


def tenant_id_for(conn: psycopg.Connection, slug: str) -> str:
    """The id of the tenant with this slug; LookupError when there is none."""
    row = conn.execute("select id::text from chassis.tenants where slug = %s::extensions.citext", (slug,)).fetchone()
    if row is None:
        raise LookupError(f"no tenant with slug {slug!r}")
    return row[0]


def identity_for(conn: psycopg.Connection, subject: str, tenant_slug: str | None) -> Identity:
    """Profile of a known user (or just the subject for a newcomer), with the tenant resolved from its slug."""
    row = conn.execute(
        "select email::text, name from chassis.users where issuer = %s and subject = %s", (DEV_ISSUER, subject)
    ).fetchone()
    email, name = row if row else (f"{subject}@example.test", subject.title())
    tenant_id = tenant_id_for(conn, tenant_slug) if tenant_slug else None
    return Identity(subject=subject, email=email, name=name, tenant_id=tenant_id)


@dataclass(frozen=True)
class DemoUser:
    """A dev-issuer user with the team tenant a token should select."""

    identity: Identity
    tenant_slug: str | None
    role: str | None
    note: str


_DEMO_USERS_SQL = """
select u.subject, u.email::text, u.name, t.id::text, t.slug::text, m.role, u.status, t.status
from chassis.users as u
left join lateral (
  select m.tenant_id, m.role
  from chassis.memberships as m
  inner join chassis.tenants as t on t.id = m.tenant_id and t.kind = 'team'
  where m.user_id = u.id
  order by array_position(array['owner', 'admin', 'member', 'viewer'], m.role), t.slug
  limit 1
) as m on true
left join chassis.tenants as t on t.id = m.tenant_id
where u.issuer = %s
order by u.subject
"""


def demo_users(conn: psycopg.Connection) -> list[DemoUser]:
    """Every dev-issuer user, each with their highest-role team tenant."""
    users = []
    for subject, email, name, tenant_id, slug, role, user_status, tenant_status in conn.execute(
        _DEMO_USERS_SQL, (DEV_ISSUER,)
    ):
        notes = []
        if user_status != "active":
            notes.append(f"user {user_status}")
        if tenant_status and tenant_status != "active":
            notes.append(f"tenant {tenant_status}")
        users.append(
            DemoUser(
                identity=Identity(subject=subject, email=email, name=name, tenant_id=tenant_id),
                tenant_slug=slug,
                role=role,
                note=", ".join(notes),
            )
        )
    return users

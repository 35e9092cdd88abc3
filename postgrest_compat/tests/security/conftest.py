"""Fixtures for the security suite: a fixture database with a canary table, and servers per JWT setup.

Layer: postgrest_compat (tests).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from postgrest_compat.testing import running_server
from postgrest_compat.tests.contract.harness import CONF, admin_conninfo, db_uri, fixture_database

CANARY_SQL = """
create table api.canary (id int primary key, note text not null);
insert into api.canary values (1, 'alive');
alter table api.canary owner to authenticated;  -- an injected DROP/DELETE as the request role would succeed
grant select, insert, update, delete on api.canary to anon;
"""


@pytest.fixture(scope="session")
def security_db() -> Iterator[str]:
    """The fixture schema plus api.canary, owned by the request role so injected SQL could destroy it."""
    with fixture_database("pgrst_security") as name:
        with psycopg.connect(admin_conninfo(name), autocommit=True) as conn:
            conn.execute(CANARY_SQL)
        yield name


@pytest.fixture(scope="session")
def canary(security_db):
    """canary() → the canary rows as seen by the superuser ([] if the table is gone)."""

    def rows() -> list[tuple]:
        with psycopg.connect(admin_conninfo(security_db), autocommit=True) as conn:
            exists = conn.execute("select to_regclass('api.canary') is not null").fetchone()[0]
            return conn.execute("select id, note from api.canary order by id").fetchall() if exists else []

    return rows


def _serve(db: str, env: dict[str, str] | None = None, conf: Path = CONF) -> Iterator[httpx.Client]:
    with (
        running_server(str(conf), {"PGRST_DB_URI": db_uri(db), **(env or {})}) as url,
        httpx.Client(base_url=url, timeout=15) as client,
    ):
        yield client


@pytest.fixture(scope="session")
def server(security_db) -> Iterator[httpx.Client]:
    """fixtures/postgrest.conf as is: HS256 secret, anon role, no audience."""
    yield from _serve(security_db)


@pytest.fixture(scope="session")
def aud_server(security_db) -> Iterator[httpx.Client]:
    """jwt-aud = fixture."""
    yield from _serve(security_db, {"PGRST_JWT_AUD": "fixture"})


@pytest.fixture(scope="session")
def no_anon_server(security_db, tmp_path_factory) -> Iterator[httpx.Client]:
    """A postgrest.conf without db-anon-role: requests without a JWT are refused."""
    conf = tmp_path_factory.mktemp("conf") / "postgrest.conf"
    conf.write_text("".join(line for line in CONF.read_text().splitlines(True) if "db-anon-role" not in line))
    yield from _serve(security_db, conf=conf)


@pytest.fixture(scope="session")
def empty_anon_env_server(security_db) -> Iterator[httpx.Client]:
    """PGRST_DB_ANON_ROLE set to the empty string (PostgREST reads an empty value as unset)."""
    yield from _serve(security_db, {"PGRST_DB_ANON_ROLE": ""})


@pytest.fixture(scope="session")
def rsa_key():
    """An RSA private key; its public JWK is the RS server's jwt-secret."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def rs_server(security_db, rsa_key) -> Iterator[httpx.Client]:
    """jwt-secret = a JWKS holding one RSA public key (kid k1)."""
    jwk = json.loads(RSAAlgorithm.to_jwk(rsa_key.public_key()))
    jwk.update({"kid": "k1", "alg": "RS256", "use": "sig"})
    yield from _serve(security_db, {"PGRST_JWT_SECRET": json.dumps({"keys": [jwk]})})


@pytest.fixture(scope="session", params=[".app.role", "$.app.role"])
def nested_role_server(security_db, request) -> Iterator[httpx.Client]:
    """jwt-role-claim-key pointing inside a nested claim (JSPath, and v16's JSONPath)."""
    yield from _serve(security_db, {"PGRST_JWT_ROLE_CLAIM_KEY": request.param})

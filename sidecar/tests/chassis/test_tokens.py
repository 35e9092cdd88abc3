"""Dev JWTs from `stance token` / `stance dev-tokens` pass chassis.pre_request() as their persona. Layer: chassis."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import psycopg
import pytest

from sidecar import cli
from sidecar.chassis import tokens

ROOT = Path(__file__).resolve().parents[3]
SECRET = "s" * 40


def test_mint_token_has_the_contract_claims() -> None:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    token = tokens.mint_token(
        tokens.Identity("olivia", "o@acme.test", "Olivia", "7f1c6a2e-0000-4000-8000-000000000001"),
        secret=SECRET,
        ttl=timedelta(hours=1),
        now=now,
    )
    relaxed = {"verify_exp": False, "verify_iat": False}
    claims = jwt.decode(token, SECRET, algorithms=["HS256"], audience="stance", options=relaxed)
    assert claims == {
        "role": "authenticated",
        "iss": "https://dev.stance.local",
        "sub": "olivia",
        "aud": "stance",
        "iat": int(now.timestamp()),
        "exp": int(now.timestamp()) + 3600,
        "tenant_id": "7f1c6a2e-0000-4000-8000-000000000001",
        "email": "o@acme.test",
        "name": "Olivia",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3600", timedelta(hours=1)),
        ("90s", timedelta(seconds=90)),
        ("30m", timedelta(minutes=30)),
        ("7d", timedelta(days=7)),
    ],
)
def test_parse_ttl_accepts_units(text: str, expected: timedelta) -> None:
    assert tokens.parse_ttl(text) == expected


@pytest.mark.parametrize("text", ["", "0", "1w", "-5m", "h"])
def test_parse_ttl_rejects_nonsense(text: str) -> None:
    with pytest.raises(ValueError, match="invalid ttl"):
        tokens.parse_ttl(text)


def test_short_secret_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGRST_JWT_SECRET", "short")
    with pytest.raises(RuntimeError, match="PGRST_JWT_SECRET"):
        tokens.jwt_secret()


@pytest.fixture(scope="module")
def seeded_db(clone_database, admin_conninfo: str) -> str:
    name = clone_database("tok")
    seed = (ROOT / "sql" / "seed" / "chassis.sql").read_text()
    with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={name}")) as conn:
        conn.execute(seed)
    return name


def _pre_request(db: str, token: str) -> tuple[str | None, str | None]:
    """Run chassis.pre_request() exactly as PostgREST would for this token; return (subject, tenant role)."""
    claims = jwt.decode(token, SECRET, algorithms=["HS256"], audience="stance")
    with psycopg.connect(dbname=db) as conn:
        conn.execute(
            "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', %s, true)",
            (json.dumps(claims),),
        )
        conn.execute("select chassis.pre_request()")
        return conn.execute("select (select subject from api.me), chassis.current_tenant_role()").fetchone()


def test_token_command_resolves_the_tenant_slug(
    seeded_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PGRST_JWT_SECRET", SECRET)
    monkeypatch.setenv("PGDATABASE", seeded_db)
    monkeypatch.delenv("STANCE_DB_URL", raising=False)
    assert cli.main(["token", "adam", "--tenant", "acme", "--ttl", "5m"]) == 0
    token = capsys.readouterr().out.strip()
    assert _pre_request(seeded_db, token) == ("adam", "admin")
    assert cli.main(["token", "adam", "--tenant", "no-such-team"]) == 1
    assert "no tenant with slug 'no-such-team'" in capsys.readouterr().err


def test_dev_tokens_prints_one_working_token_per_demo_user(
    seeded_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PGRST_JWT_SECRET", SECRET)
    monkeypatch.setenv("PGDATABASE", seeded_db)
    assert cli.main(["dev-tokens"]) == 0
    lines = capsys.readouterr().out.splitlines()
    labels, minted = lines[0::2], [line.strip() for line in lines[1::2]]
    assert [label.split()[0] for label in labels] == ["adam", "dora", "gary", "mia", "olivia", "suzy", "victor"]
    by_subject = {label.split()[0]: token for label, token in zip(labels, minted, strict=True)}
    assert _pre_request(seeded_db, by_subject["olivia"]) == ("olivia", "owner")
    assert _pre_request(seeded_db, by_subject["victor"]) == ("victor", "viewer")
    assert _pre_request(seeded_db, by_subject["gary"]) == ("gary", "owner")
    with pytest.raises(psycopg.Error, match="user is deactivated") as deactivated:
        _pre_request(seeded_db, by_subject["dora"])
    assert deactivated.value.sqlstate == "PT403"
    with pytest.raises(psycopg.Error, match="tenant umbrella is suspended") as suspended:
        _pre_request(seeded_db, by_subject["suzy"])
    assert suspended.value.sqlstate == "PT403"

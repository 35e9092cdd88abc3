"""Config loading, SQLSTATE mapping, JWT verification and GUC order. Layer: postgrest_compat (tests)."""

from __future__ import annotations

import time

import pytest

from postgrest_compat.config import ConfigError, load_config
from postgrest_compat.context import transaction_settings
from postgrest_compat.errors import pg_error_response, sqlstate_status
from postgrest_compat.jwt import parse_role_claim_key, role_from_claims, verify_jwt
from postgrest_compat.testing import mint_jwt

SECRET = "reallyreallyreallyreallyverysafe"


def _conf(tmp_path, text: str, env: dict | None = None):
    p = tmp_path / "p.conf"
    p.write_text(text)
    return load_config(str(p), env or {})


def test_keys_env_overrides_and_interpolation(tmp_path) -> None:
    c = _conf(
        tmp_path,
        'db-uri = "$(MY_URI)"\ndb-schemas = "api, alt" # comment\ndb-max-rows = 5\napp.settings.x = "1"\n',
        {
            "MY_URI": "postgresql://u@h/d",
            "PGRST_DB_POOL": "3",
            "PGRST_APP_SETTINGS_Y": "2",
            "PGRST_DB_CHANNEL_ENABLED": "false",
        },
    )
    assert c["db-uri"] == "postgresql://u@h/d"
    assert c.schemas == ["api", "alt"] and c.max_rows == 5 and c["db-pool"] == 3
    assert c["db-channel-enabled"] is False
    assert c.app_settings == {"app.settings.x": "1", "app.settings.y": "2"}


def test_startup_failures(tmp_path) -> None:
    with pytest.raises(ConfigError, match="at least 32 characters"):
        _conf(tmp_path, 'jwt-secret = "short"\n')
    with pytest.raises(ConfigError, match="Invalid transaction termination"):
        _conf(tmp_path, 'db-tx-end = "maybe"\n')
    with pytest.raises(ConfigError, match="openFile: does not exist"):
        load_config(str(tmp_path / "missing.conf"), {})


@pytest.mark.parametrize(
    ("state", "msg", "auth", "status"),
    [
        ("23505", "", True, 409),
        ("23503", "", True, 409),
        ("25006", "", True, 405),
        ("P0001", "", True, 400),
        ("PT402", "", True, 402),
        ("42501", "", False, 401),
        ("42501", "", True, 403),
        ("42P01", "", True, 404),
        ("42883", "", True, 404),
        ("08006", "", True, 503),
        ("21000", "UPDATE requires a WHERE clause", True, 400),
        ("21000", "other", True, 500),
        ("22023", 'role "x" does not exist', True, 401),
        ("22P02", "", True, 400),
        ("57014", "", True, 500),
        ("53300", "", True, 503),
        ("XX000", "", True, 500),
    ],
)
def test_sqlstate_mapping(state: str, msg: str, auth: bool, status: int) -> None:
    assert sqlstate_status(state, msg, authenticated=auth) == status


def test_pg_error_response_shape() -> None:
    status, body, headers = pg_error_response("42501", "permission denied", None, None, authenticated=False)
    assert status == 401 and body == {"code": "42501", "details": None, "hint": None, "message": "permission denied"}
    assert ("WWW-Authenticate", "Bearer") in headers
    status, body, headers = pg_error_response(
        "PGRST", '{"code":"X1","message":"m"}', '{"status":418,"headers":{}}', None, authenticated=True
    )
    assert status == 418 and body["code"] == "X1"


def test_jwt_claims_checks(tmp_path) -> None:
    c = _conf(tmp_path, f'jwt-secret = "{SECRET}"\njwt-aud = "stance"\n')
    now = int(time.time())
    assert verify_jwt(c, mint_jwt(SECRET, {"role": "a", "aud": "stance"}))["role"] == "a"
    cases = [
        ({"exp": now - 100}, "JWT expired"),
        ({"nbf": now + 100}, "JWT not yet valid"),
        ({"iat": now + 100}, "JWT issued at future"),
        ({"aud": "other"}, "JWT not in audience"),
        ({"exp": "soon"}, "The JWT 'exp' claim must be a number"),
    ]
    for claims, message in cases:
        with pytest.raises(Exception) as exc:
            verify_jwt(c, mint_jwt(SECRET, claims))
        assert exc.value.code == "PGRST303" and exc.value.message == message
    assert verify_jwt(c, mint_jwt(SECRET, {"exp": now - 10}))  # within the 30 s skew
    for bad in [mint_jwt("x" * 40, {}), "a.b", mint_jwt(SECRET, {}, algorithm="HS512")]:
        with pytest.raises(Exception) as exc:
            verify_jwt(c, bad)
        assert exc.value.code == "PGRST301" and exc.value.status == 401
    unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJyb2xlIjoicG9zdGdyZXMifQ."
    with pytest.raises(Exception) as exc:
        verify_jwt(c, unsigned)
    assert exc.value.code == "PGRST301"


def test_role_claim_paths() -> None:
    claims = {"role": "r", "app": {"roles": ["x", "y"]}, "https://h/r": "q"}
    assert role_from_claims(parse_role_claim_key(".role"), claims) == "r"
    assert role_from_claims(parse_role_claim_key("$.app.roles[1]"), claims) == "y"
    assert role_from_claims(parse_role_claim_key('."https://h/r"'), claims) == "q"
    assert role_from_claims(parse_role_claim_key("$.missing"), claims) is None


def test_transaction_settings_order(tmp_path) -> None:
    c = _conf(tmp_path, 'db-extra-search-path = "extensions"\napp.settings.k = "v"\n')
    out = transaction_settings(
        c,
        role="anon",
        claims={},
        method="GET",
        path="/x",
        headers=[("X-A", "1"), ("Cookie", "a=1"), ("x-a", "2")],
        schema="api",
    )
    assert [k for k, _ in out] == [
        "search_path",
        "role",
        "request.jwt.claims",
        "request.method",
        "request.path",
        "request.headers",
        "request.cookies",
        "app.settings.k",
    ]
    assert out[0][1] == '"api", "extensions"' and out[2][1] == '{"role":"anon"}'
    assert out[5][1] == '{"x-a":"2"}' and out[6][1] == '{"a":"1"}'


def test_jwks_rs256_and_hs_rs_confusion(tmp_path) -> None:
    import json

    import jwt as pyjwt
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(pyjwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    jwk["kid"] = "k1"
    c = load_config(None, {"PGRST_JWT_SECRET": json.dumps({"keys": [jwk]})})
    good = pyjwt.encode({"role": "authenticated"}, key, algorithm="RS256", headers={"kid": "k1"})
    assert verify_jwt(c, good)["role"] == "authenticated"
    assert verify_jwt(c, pyjwt.encode({"role": "a"}, key, algorithm="RS256"))["role"] == "a"  # no kid: try each key
    wrong_kid = pyjwt.encode({"role": "a"}, key, algorithm="RS256", headers={"kid": "other"})
    pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    import base64
    import hashlib
    import hmac

    def b64(b: bytes) -> str:
        return base64.urlsafe_b64encode(b).rstrip(b"=").decode()

    head = b64(b'{"alg":"HS256","typ":"JWT"}') + "." + b64(b'{"role":"postgres"}')
    forged = head + "." + b64(hmac.new(pem, head.encode(), hashlib.sha256).digest())
    for bad in (wrong_kid, forged):
        with pytest.raises(Exception) as exc:
            verify_jwt(c, bad)
        assert exc.value.code == "PGRST301"

"""Security: every bad JWT is refused with PostgREST's code, status and header. Layer: postgrest_compat (tests)."""

from __future__ import annotations

import http.client
import json

import httpx
import jwt as pyjwt
import pytest
from cryptography.hazmat.primitives import serialization

from postgrest_compat.tests.contract.harness import JWT_SECRET, token
from postgrest_compat.tests.security.tokens import craft, now

pytestmark = [pytest.mark.db, pytest.mark.http]

CRYPTO_MESSAGES = {
    "No suitable key or wrong key type",
    "Wrong or unsupported encoding algorithm",
    "JWT cryptographic operation failed",
}


def call(client, jwt: str, path: str = "/clients"):
    return client.get(path, params={"select": "id", "limit": "1"}, headers={"Authorization": f"Bearer {jwt}"})


def assert_refused(r, code: str, message: str | None = None) -> dict:
    assert r.status_code == 401, r.text
    body = r.json()
    assert body["code"] == code and set(body) == {"code", "message", "details", "hint"}
    if message is not None:
        assert body["message"] == message
        assert r.headers["www-authenticate"] == (f'Bearer error="invalid_token", error_description="{message}"')
    return body


def authed(**claims: object) -> str:
    return token({"role": "authenticated", "sub": "alice", **claims})


def test_valid_token_is_accepted(server) -> None:
    assert call(server, authed(exp=now() + 60)).status_code == 200


@pytest.mark.parametrize(
    ("claims", "message"),
    [
        ({"exp": now() - 120}, "JWT expired"),
        ({"nbf": now() + 120}, "JWT not yet valid"),
        ({"iat": now() + 120}, "JWT issued at future"),
        ({"exp": "tomorrow"}, "The JWT 'exp' claim must be a number"),
    ],
)
def test_time_claims(server, claims, message) -> None:
    assert_refused(call(server, authed(**claims)), "PGRST303", message)


def test_thirty_seconds_of_clock_skew_are_tolerated(server) -> None:
    assert call(server, authed(exp=now() - 10, nbf=now() + 10, iat=now() + 10)).status_code == 200


@pytest.mark.parametrize("aud", ["fixture", ["other", "fixture"], None, []])
def test_audience_accepted(aud_server, aud) -> None:
    jwt = authed() if aud is None else authed(aud=aud)
    assert call(aud_server, jwt).status_code == 200


def test_wrong_audience(aud_server) -> None:
    assert_refused(call(aud_server, authed(aud="stance")), "PGRST303", "JWT not in audience")
    assert_refused(call(aud_server, authed(aud=["a", "b"])), "PGRST303", "JWT not in audience")


def test_audience_of_wrong_type(aud_server) -> None:
    r = call(aud_server, authed(aud=5))
    assert_refused(r, "PGRST303", "The JWT 'aud' claim must be a string or an array of strings")


def test_any_audience_passes_without_jwt_aud(server) -> None:
    assert call(server, authed(aud="whatever")).status_code == 200


def test_wrong_signature(server) -> None:
    jwt = pyjwt.encode({"role": "authenticated"}, "x" * 40, algorithm="HS256")
    body = assert_refused(call(server, jwt), "PGRST301")
    assert body["message"] in CRYPTO_MESSAGES


def test_tampered_payload(server) -> None:
    head, _, sig = authed().split(".")
    forged = craft({"alg": "HS256", "typ": "JWT"}, {"role": "postgres"}, None).split(".")[1]
    body = assert_refused(call(server, f"{head}.{forged}.{sig}"), "PGRST301")
    assert body["message"] in CRYPTO_MESSAGES


@pytest.mark.parametrize("alg", ["none", "None", "NONE"])
def test_alg_none(server, alg) -> None:
    jwt = craft({"alg": alg, "typ": "JWT"}, {"role": "authenticated", "sub": "alice"}, None)
    body = assert_refused(call(server, jwt), "PGRST301")
    assert body["message"] in CRYPTO_MESSAGES


def test_hs512_refused_with_a_plain_secret(server) -> None:
    jwt = pyjwt.encode({"role": "authenticated"}, JWT_SECRET + "x" * 40, algorithm="HS512")
    assert_refused(call(server, jwt), "PGRST301")


def test_rs256_accepted_by_jwks(rs_server, rsa_key) -> None:
    jwt = pyjwt.encode({"role": "authenticated", "sub": "alice"}, rsa_key, algorithm="RS256", headers={"kid": "k1"})
    assert call(rs_server, jwt).status_code == 200


def test_hs_rs_confusion(rs_server, rsa_key) -> None:
    pem = rsa_key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    for header in ({"alg": "HS256", "typ": "JWT"}, {"alg": "HS256", "typ": "JWT", "kid": "k1"}):
        body = assert_refused(call(rs_server, craft(header, {"role": "authenticated"}, pem)), "PGRST301")
        assert body["message"] in CRYPTO_MESSAGES


def test_unknown_kid(rs_server, rsa_key) -> None:
    jwt = pyjwt.encode({"role": "authenticated"}, rsa_key, algorithm="RS256", headers={"kid": "other"})
    assert_refused(call(rs_server, jwt), "PGRST301")


def test_hs_token_refused_by_rsa_only_server(rs_server) -> None:
    assert_refused(call(rs_server, authed()), "PGRST301")


@pytest.mark.parametrize(
    ("value", "message"),
    [("Bearer ", "Empty JWT is sent in Authorization header"), ("Bearer a.b", "Expected 3 parts in JWT; got 2")],
)
def test_malformed_bearer(server, value, message) -> None:
    url = httpx.URL(str(server.base_url))
    conn = http.client.HTTPConnection(url.host, url.port, timeout=10)
    try:  # http.client, unlike httpx, sends a header value with a trailing space
        conn.request("GET", "/clients", headers={"Authorization": value})
        resp = conn.getresponse()
        body = json.loads(resp.read())
    finally:
        conn.close()
    assert resp.status == 401 and body["code"] == "PGRST301" and body["message"] == message
    assert resp.getheader("WWW-Authenticate") == f'Bearer error="invalid_token", error_description="{message}"'


def test_bearer_scheme_is_case_insensitive(server) -> None:
    r = server.get("/clients", headers={"Authorization": f"bearer {authed()}"})
    assert r.status_code == 200


def test_unknown_role_is_401(server) -> None:
    r = call(server, token({"role": "nobody"}))
    assert r.status_code == 401 and r.json()["code"] == "22023"
    assert r.json()["message"] == 'role "nobody" does not exist'


@pytest.mark.parametrize("role", ["postgres", "pg_read_server_files", "pg_write_server_files"])
def test_escalation_to_ungranted_role_is_refused(server, role) -> None:
    r = call(server, token({"role": role}))
    assert r.status_code == 403 and r.json()["code"] == "42501"
    assert r.json()["message"] == f'permission denied to set role "{role}"'


def test_role_authenticator_gains_nothing(server, canary) -> None:
    jwt = token({"role": "authenticator"})
    for r in (
        call(server, jwt),
        call(server, jwt, "/canary"),
        server.post("/rpc/whoami", headers={"Authorization": f"Bearer {jwt}"}),
    ):
        assert r.status_code == 403 and r.json()["code"] == "42501"
    assert canary() == [(1, "alive")]


def test_role_claim_cannot_be_smuggled_in_other_claims(server) -> None:
    r = server.post("/rpc/whoami", headers={"Authorization": f"Bearer {token({'sub': 'x', 'Role': 'postgres'})}"})
    assert r.status_code == 200 and r.json()["role"] == "anon"


def test_no_anon_role_refuses_requests_without_jwt(no_anon_server) -> None:
    r = no_anon_server.get("/clients")
    assert r.status_code == 401
    assert r.json() == {"code": "PGRST302", "message": "Anonymous access is disabled", "details": None, "hint": None}
    assert r.headers["www-authenticate"] == "Bearer"
    assert call(no_anon_server, authed()).status_code == 200


def test_empty_anon_role_env_means_no_anon_role(empty_anon_env_server) -> None:
    r = empty_anon_env_server.get("/clients")
    assert r.status_code == 401 and r.json()["code"] == "PGRST302"


def test_nested_role_claim_key(nested_role_server) -> None:
    nested = token({"sub": "alice", "app": {"role": "authenticated"}})
    r = nested_role_server.post("/rpc/whoami", headers={"Authorization": f"Bearer {nested}"})
    assert r.status_code == 200 and r.json()["role"] == "authenticated"
    top = token({"sub": "alice", "role": "authenticated"})
    r = nested_role_server.post("/rpc/whoami", headers={"Authorization": f"Bearer {top}"})
    assert r.status_code == 200 and r.json()["role"] == "anon"

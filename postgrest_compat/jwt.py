"""JWT verification as PostgREST does it: HS256 secret or JWK/JWKS, claim checks, role claim path, cache.

Layer: postgrest_compat. Errors are PGRST300/301/302/303 shaped `ApiError`s.
"""

from __future__ import annotations

import base64
import json
import re
import time
from collections import OrderedDict
from typing import Any

import jwt as pyjwt

from postgrest_compat.config import Config
from postgrest_compat.errors import ApiError, anonymous_disabled, jwt_claims_error, jwt_error, pgrst

SKEW = 30
_HMAC = {"HS256", "HS384", "HS512"}
_ASYM = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}


class _Keys:
    """The verification keys derived from `jwt-secret`: (kid, alg-family, key object) triples."""

    def __init__(self, config: Config) -> None:
        self.keys: list[tuple[str | None, set[str], Any]] = []
        secret = config.get("jwt-secret")
        if secret is None:
            return
        text = str(secret).strip()
        if text.startswith("{"):
            data = json.loads(text)
            for jwk in data.get("keys", [data]) if isinstance(data, dict) else []:
                self._add_jwk(jwk)
        else:
            self.keys.append((None, {"HS256"}, config.jwt_secret_bytes))

    def _add_jwk(self, jwk: dict[str, Any]) -> None:
        kty = jwk.get("kty")
        if jwk.get("use") not in (None, "sig"):
            return
        if kty == "oct":
            raw = jwk.get("k", "")
            key = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
            algs = {jwk["alg"]} if jwk.get("alg") else set(_HMAC)
        else:
            key = pyjwt.PyJWK.from_dict(jwk).key
            if jwk.get("alg"):
                algs = {jwk["alg"]}
            elif kty == "RSA":
                algs = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"}
            elif kty == "EC":
                algs = {"ES256", "ES384", "ES512"}
            else:
                algs = {"EdDSA"}
        self.keys.append((jwk.get("kid"), algs, key))


class JwtVerifier:
    """Verifies bearer tokens against the configured keys, caching successful signature checks."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.keys = _Keys(config)
        self.max_entries = int(config.get("jwt-cache-max-entries") or 0)
        self.cache: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self.role_path = parse_role_claim_key(str(config.get("jwt-role-claim-key") or ".role"))

    def claims(self, token: str) -> dict[str, Any]:
        cached = self.cache.get(token)
        if cached is None:
            cached = self._decode(token)
            if self.max_entries > 0:
                self.cache[token] = cached
                if len(self.cache) > self.max_entries:
                    self.cache.popitem(last=False)
        validate_claims(cached, self.config.get("jwt-aud"))
        return cached

    def _decode(self, token: str) -> dict[str, Any]:
        if not token.strip():
            raise jwt_error("Empty JWT is sent in Authorization header")
        parts = token.split(".")
        if len(parts) != 3:
            raise jwt_error(f"Expected 3 parts in JWT; got {len(parts)}")
        if not self.keys.keys:
            raise pgrst("PGRST300", "Server lacks JWT secret")
        try:
            header = pyjwt.get_unverified_header(token)
        except pyjwt.PyJWTError:
            raise jwt_error("JWT cryptographic operation failed") from None
        alg = header.get("alg")
        if alg not in _HMAC | _ASYM:
            raise jwt_error("Wrong or unsupported encoding algorithm")
        kid = header.get("kid")
        candidates = [k for k in self.keys.keys if alg in k[1] and (kid is None or k[0] == kid)]
        if not candidates:
            raise jwt_error("No suitable key or wrong key type")
        for _kid, _algs, key in candidates:
            try:
                payload = pyjwt.decode(
                    token,
                    key,
                    algorithms=[alg],
                    options={"verify_exp": False, "verify_nbf": False, "verify_iat": False, "verify_aud": False,
                             "verify_iss": False, "verify_sub": False, "verify_jti": False},
                )  # fmt: skip
            except (pyjwt.InvalidSignatureError, pyjwt.InvalidKeyError, TypeError, ValueError):
                continue
            except pyjwt.DecodeError:
                raise jwt_error("JWT cryptographic operation failed") from None
            if not isinstance(payload, dict):
                raise jwt_claims_error("Parsing claims failed")
            return payload
        raise jwt_error("JWT cryptographic operation failed")


def validate_claims(claims: dict[str, Any], audience: str | None, now: float | None = None) -> None:
    """exp / nbf / iat with 30 s skew, and aud against `jwt-aud`; PGRST303 on failure."""
    now = time.time() if now is None else now
    exp = claims.get("exp")
    if exp is not None:
        if isinstance(exp, bool) or not isinstance(exp, int | float):
            raise jwt_claims_error("The JWT 'exp' claim must be a number")
        if now - SKEW > exp:
            raise jwt_claims_error("JWT expired")
    nbf = claims.get("nbf")
    if nbf is not None:
        if isinstance(nbf, bool) or not isinstance(nbf, int | float):
            raise jwt_claims_error("The JWT 'nbf' claim must be a number")
        if now + SKEW < nbf:
            raise jwt_claims_error("JWT not yet valid")
    iat = claims.get("iat")
    if iat is not None:
        if isinstance(iat, bool) or not isinstance(iat, int | float):
            raise jwt_claims_error("The JWT 'iat' claim must be a number")
        if now + SKEW < iat:
            raise jwt_claims_error("JWT issued at future")
    if audience is not None and "aud" in claims:
        aud = claims["aud"]
        if aud is None or aud == []:
            return
        if isinstance(aud, str):
            ok = aud == audience
        elif isinstance(aud, list) and all(isinstance(a, str) for a in aud):
            ok = audience in aud
        else:
            raise jwt_claims_error("The JWT 'aud' claim must be a string or an array of strings")
        if not ok:
            raise jwt_claims_error("JWT not in audience")


_SEG = re.compile(r"""\.(?:"((?:[^"\\]|\\.)*)"|([A-Za-z0-9_$@\-]+))|\[(\d+)\]|\[\s*(?:'([^']*)'|"([^"]*)")\s*\]""")


def parse_role_claim_key(spec: str) -> list[str | int]:
    """`.role`, `."https://x".roles[0]` (JSPath) or `$.role`, `$["k"][0]` (JSONPath) → key/index path."""
    s = spec.strip()
    if s.startswith("$"):
        s = s[1:]
    path: list[str | int] = []
    pos = 0
    while pos < len(s):
        m = _SEG.match(s, pos)
        if not m:
            raise ValueError(f"invalid jwt-role-claim-key: {spec}")
        quoted, plain, index, sq, dq = m.groups()
        if index is not None:
            path.append(int(index))
        else:
            path.append(next(v for v in (quoted, plain, sq, dq) if v is not None))
        pos = m.end()
    return path


def role_from_claims(path: list[str | int], claims: Any) -> str | None:
    value = claims
    for seg in path:
        if isinstance(seg, int) and isinstance(value, list) and -len(value) <= seg < len(value):
            value = value[seg]
        elif isinstance(seg, str) and isinstance(value, dict) and seg in value:
            value = value[seg]
        else:
            return None
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))


def verify_jwt(config: Config, token: str) -> dict[str, Any]:
    """Verify `token` against `config` and return its claims (no cache); raises ApiError PGRST30x."""
    return JwtVerifier(config).claims(token)


def authenticate(verifier: JwtVerifier, authorization: str | None) -> tuple[str, dict[str, Any], bool]:
    """(role, claims, has_token) for an Authorization header value; anon without a token."""
    config = verifier.config
    claims: dict[str, Any] = {}
    has_token = False
    if authorization is not None:
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() == "bearer":
            has_token = True
            claims = verifier.claims(token.strip())
    role = role_from_claims(verifier.role_path, claims) if has_token else None
    role = role or config.anon_role
    if role is None:
        raise anonymous_disabled()
    return role, claims, has_token


__all__ = ["ApiError", "JwtVerifier", "authenticate", "parse_role_claim_key", "role_from_claims", "verify_jwt"]

"""Hand-built JWTs PyJWT refuses to make (alg none, HMAC keyed with a public key). Layer: postgrest_compat (tests)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Mapping


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def craft(header: Mapping[str, object], claims: Mapping[str, object], hmac_key: bytes | None) -> str:
    """header.claims.signature — HS256 over `hmac_key`, or an empty signature when the key is None."""
    signing_input = f"{b64(json.dumps(dict(header)).encode())}.{b64(json.dumps(dict(claims)).encode())}"
    sig = b"" if hmac_key is None else hmac.new(hmac_key, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64(sig)}"


def now() -> int:
    return int(time.time())

"""Test helpers: run `postgrest-compat` as a subprocess on a free port, mint JWTs. Layer: postgrest_compat.

Used by this package's tests, the contract/client suites and other Stance tests.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import jwt as pyjwt


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ready(base_url: str) -> bool:
    try:
        resp = httpx.options(base_url + "/", timeout=2)
    except httpx.HTTPError:
        return False
    return resp.status_code not in (502, 503, 504)


@contextlib.contextmanager
def running_server(
    conf_path: str, env: Mapping[str, str] | None = None, *, timeout: float = 30.0, workers: int | None = None
) -> Iterator[str]:
    """Start `postgrest-compat conf_path` on a free port; yield the base URL once it answers with its schema cache
    loaded; stop it on exit. The server sees `conf_path` plus `env`: `PGRST_*` variables of the calling process are
    not inherited (another test's settings must never change this server's configuration)."""
    port = free_port()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PGRST_")}
    full_env.update(env or {})
    full_env["PGRST_SERVER_PORT"] = str(port)
    full_env["PGRST_SERVER_HOST"] = "127.0.0.1"
    if workers is not None:
        full_env["PGRST_SERVER_WORKERS"] = str(workers)
    full_env.setdefault("PGRST_SERVER_WORKERS", "1")
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [sys.executable, "-m", "postgrest_compat", conf_path],
        env=full_env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the worker processes are stopped with it
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"postgrest-compat exited with {proc.returncode}:\n{log.read().decode()}")
            if _ready(base_url):
                break
            if time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"postgrest-compat not ready after {timeout}s:\n{log.read().decode()}")
            time.sleep(0.1)
        yield base_url
    finally:
        _stop_group(proc)
        log.close()


def _stop_group(proc: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def mint_jwt(secret: str | bytes, claims: Mapping[str, Any], *, algorithm: str = "HS256", headers: dict | None = None):
    """Sign `claims` (e.g. {"role": "authenticated", "sub": "alice"}) for tests."""
    return pyjwt.encode(dict(claims), secret, algorithm=algorithm, headers=headers)

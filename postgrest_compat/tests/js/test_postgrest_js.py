"""Runs flow.test.mjs (official @supabase/postgrest-js, pinned in package.json) under node against postgrest-compat.

Layer: postgrest_compat (tests). scripts/bootstrap runs `npm ci` here; node's own test runner reports each step.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from postgrest_compat.tests.contract.harness import fixture_server, token

pytestmark = [pytest.mark.db, pytest.mark.http]

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def js_server() -> Iterator[str]:
    with fixture_server("pgrst_js") as (url, _db):
        yield url


def test_postgrest_js_flow(js_server: str) -> None:
    node = shutil.which("node")
    assert node, "node is required (scripts/bootstrap installs the toolchain)"
    assert (HERE / "node_modules" / "@supabase" / "postgrest-js").is_dir(), "run scripts/bootstrap (npm ci)"
    env = {**os.environ, "PGRST_URL": js_server, "PGRST_TOKEN": token({"role": "authenticated", "sub": "alice"})}
    proc = subprocess.run(
        [node, "--test", "--test-reporter=spec", "flow.test.mjs"],
        cwd=HERE,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ℹ pass 10" in proc.stdout and "ℹ fail 0" in proc.stdout, proc.stdout

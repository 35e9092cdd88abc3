"""`stance catalog import`: the operator CLI imports the real export, reports counts and refuses bad input.

Layer: vertical (architecture).
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from sidecar.cli import main

pytestmark = pytest.mark.db

EXPORT = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "layra-patterns.md"


def test_cli_imports_the_global_catalog_and_prints_the_report(
    db_conninfo: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("STANCE_DB_URL", db_conninfo)
    assert main(["catalog", "import", str(EXPORT), "--as", "pytest"]) == 0
    out = capsys.readouterr()
    assert "43/43" in out.err
    assert "created" in out.out and "consensus-algorithms" in out.out
    with psycopg.connect(db_conninfo) as conn:
        assert conn.execute("select count(*) from architecture.patterns where tenant_id is null").fetchone() == (43,)
        who = conn.execute(
            "select new_row ->> 'who' from chassis.audit_log where op = 'OPERATOR_SESSION' order by id desc limit 1"
        ).fetchone()
    assert who == ("pytest",)

    broken = tmp_path / "broken.md"
    broken.write_text(EXPORT.read_text().replace("## Overview", "## Overveiw", 1))
    assert main(["catalog", "import", str(broken)]) == 1
    assert "pattern 'Agent Orchestration', section 'Overview': required section is missing" in capsys.readouterr().err
    assert main(["catalog", "import", str(tmp_path / "missing.md")]) == 1

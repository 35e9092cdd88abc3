"""Layer discipline: the engine (SQL and Python) and the chassis job machinery never name a vertical concept;
only sidecar.engine.llm.pydantic_engine imports pydantic-ai. Layer: engine (tests).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
VOCABULARY = re.compile(
    r"\b(architecture|patterns?|adrs?|articles?|feeds?|radars?|advisors?|catalogs?|layra|madr)\b", re.IGNORECASE
)
# The workload-class queue named by the jobs contract (docs/contracts.md) is the one allowed mention.
ALLOWED = re.compile(r"""(['"])feeds\1""")
ENGINE_PATHS = [
    "sql/engine.sql", "sql/api/engine.sql", "sql/schemas/engine", "sql/functions/engine", "sql/policies/engine",
    "sql/api/engine", "sidecar/engine", "sql/tests/engine",
    "sidecar/chassis/jobs", "sql/schemas/chassis/jobs_queue.sql", "sql/schemas/chassis/jobs_tasks.sql",
    "sql/functions/chassis/enqueue_job.sql", "sql/functions/chassis/register_task.sql",
    "sql/functions/chassis/tenant_jobs.sql", "sql/functions/chassis/cancel_job.sql", "sql/policies/chassis/jobs.sql",
]  # fmt: skip


def source_files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for rel in paths:
        p = ROOT / rel
        out.extend(sorted(f for f in p.rglob("*") if f.suffix in (".py", ".sql")) if p.is_dir() else [p])
    return [f for f in out if "__pycache__" not in f.parts]


def offenders(files: list[Path]) -> list[str]:
    found: list[str] = []
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            for m in VOCABULARY.finditer(ALLOWED.sub("", line)):
                found.append(f"{f.name}:{n}: {m.group(0)}")
    return found


def test_engine_never_names_a_vertical_concept() -> None:
    files = source_files(ENGINE_PATHS)
    assert len(files) > 40
    assert offenders(files) == []


def test_the_scanner_catches_vertical_vocabulary(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text('"""Planted."""\nKIND = "x.article_claims"\nNOTE = "an ADR"\n', encoding="utf-8")
    assert [o.rsplit(": ", 1)[1] for o in offenders([planted])] == ["ADR"]
    planted.write_text('NOTE = "the Pattern catalog"\nQ = "feeds"\n', encoding="utf-8")
    assert [o.rsplit(": ", 1)[1] for o in offenders([planted])] == ["Pattern", "catalog"]


def test_only_one_module_imports_pydantic_ai() -> None:
    importers = [
        str(f.relative_to(ROOT))
        for f in (ROOT / "sidecar").rglob("*.py")
        if "tests" not in f.parts and re.search(r"^\s*(from|import) pydantic_ai\b", f.read_text(), re.MULTILINE)
    ]
    assert importers == ["sidecar/engine/llm/pydantic_engine.py"]

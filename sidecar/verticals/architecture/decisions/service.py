"""ADR Markdown import and export through the vertical's SQL, run as the caller. Layer: vertical (architecture).

Who may import or read what is decided by SQL (grants, RLS, `chassis.can`), never here. An import is one transaction:
records first (numbers kept when free, unnumbered Log4brains files numbered in date order), then their links, with
file numbers mapped to the numbers the server gave. A file the server refuses (PTxxx: rights, lifecycle) is reported
as failed, in a savepoint, and the others still land.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any, LiteralString
from uuid import UUID

import psycopg
from psycopg import AsyncConnection
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from sidecar.db import queries
from sidecar.verticals.architecture.decisions.model import SYMMETRIC_KINDS, DecisionFile, Relation
from sidecar.verticals.architecture.decisions.parser import parse
from sidecar.verticals.architecture.decisions.renderer import file_name, render, zip_all
from sidecar.verticals.architecture.decisions.schemas import FileReport, ImportReport

Q = queries("sidecar.verticals.architecture.decisions")


class NotFoundError(LookupError):
    """The record does not exist or the caller cannot see it."""


async def load(conn: AsyncConnection[Any], decision_id: UUID | None = None) -> list[DecisionFile]:
    """The caller's records (or one of them) as DecisionFiles, links in both directions."""
    async with conn.cursor(row_factory=dict_row) as cur:
        await cur.execute(Q["records"], {"id": decision_id})
        rows = await cur.fetchall()
        await cur.execute(Q["relations"], {"id": decision_id})
        links = await cur.fetchall()
    files: dict[Any, DecisionFile] = {}
    for row in rows:
        files[row["id"]] = DecisionFile(
            document=row["document"],
            status=row["status"],
            number=row["number"],
            status_raw=row["status_raw"],
            source_format=row["source_format"] or "madr4",
            uid=str(row["id"]),
        )
    for link in links:
        decision = files.get(link["decision_id"])
        if decision is None:
            continue
        if link["kind"] == "relies_on":
            decision.pattern_refs.append(link["pattern_slug"] or str(link["pattern_id"]))
        elif link["kind"] == "cites":
            decision.article_refs.append(link["article_ref"])
        else:
            # Symmetric kinds read the same from both ends; the other record's link is stored once either way.
            direction = "outgoing" if link["kind"] in SYMMETRIC_KINDS else link["direction"]
            decision.relations.append(Relation(link["kind"], link["other_number"], direction, link["scope_note"]))
    for decision in files.values():
        decision.relations.sort(key=lambda r: (r.kind, r.direction, r.target_number))
    return list(files.values())


async def export_one(conn: AsyncConnection[Any], decision_id: UUID) -> tuple[str, str]:
    """`(NNNN-title.md, MADR 4 Markdown)` of one record.

    Raises:
        NotFoundError: when the caller cannot see the record.
    """
    found = await load(conn, decision_id)
    if not found:
        raise NotFoundError("decision record not found")
    return file_name(found[0].number or 0, found[0].title), render(found[0])


async def export_zip(conn: AsyncConnection[Any]) -> bytes:
    """Every record of the caller's tenant as `docs/decisions/NNNN-title.md` plus `index.md`, zipped."""
    return zip_all(await load(conn))


def files_from_zip(data: bytes) -> list[tuple[str, str]]:
    """The Markdown files of a zip archive (index.md and README.md left out), as (path, text)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [
            (name, archive.read(name).decode("utf-8-sig"))
            for name in sorted(archive.namelist())
            if name.endswith(".md") and PurePosixPath(name).name.lower() not in ("index.md", "readme.md")
        ]


def _order(parsed: list[tuple[str, DecisionFile]]) -> list[tuple[str, DecisionFile]]:
    numbered = sorted((p for p in parsed if p[1].number is not None), key=lambda p: p[1].number or 0)
    dated = sorted((p for p in parsed if p[1].number is None), key=lambda p: (p[1].document.get("date") or "", p[0]))
    return numbered + dated


async def _resolve(conn: AsyncConnection[Any], sql: LiteralString, ref: str) -> Any:
    row = await (await conn.execute(sql, {"ref": ref})).fetchone()
    return row[0] if row else None


async def import_files(conn: AsyncConnection[Any], files: Sequence[tuple[str, str]]) -> ImportReport:
    """Import Markdown ADR files (any supported format) and report, per file, what happened and what did not map."""
    report = ImportReport(files=[])
    parsed: list[tuple[str, DecisionFile]] = []
    for path, text in files:
        try:
            parsed.append((path, parse(text, path)))
        except ValueError as error:
            report.files.append(FileReport(path=path, action="failed", problems=[str(error)]))
    imported: list[tuple[str, DecisionFile, dict[str, Any]]] = []
    numbers: dict[int, int] = {}
    for path, decision in _order(parsed):
        try:
            async with conn.transaction():  # a savepoint: one refused file does not abort the others
                cur = await conn.execute(
                    Q["import"],
                    {
                        "document": Jsonb(decision.document),
                        "number": decision.number,
                        "status": decision.status,
                        "status_raw": decision.status_raw,
                        "source_format": decision.source_format,
                        "source_path": path,
                        "uid": decision.uid if decision.uid and _is_uuid(decision.uid) else None,
                    },
                )
                row = await cur.fetchone()
        except psycopg.Error as error:
            if not (error.sqlstate or "").startswith("PT"):
                raise
            detail = error.diag.message_primary or str(error)
            report.files.append(FileReport(path=path, action="failed", warnings=decision.warnings, problems=[detail]))
            continue
        assert row is not None
        result: dict[str, Any] = row[0]
        if decision.number is not None:
            numbers[decision.number] = result["number"]
        imported.append((path, decision, result))
    for path, decision, result in imported:
        linked, problems = await _link(conn, result["id"], decision, numbers)
        renumbered = decision.number is not None and decision.number != result["number"]
        report.files.append(
            FileReport(
                path=path,
                action=result["action"],
                id=result["id"],
                number=result["number"],
                ref=result["ref"],
                source_format=decision.source_format,
                renumbered_from=decision.number if renumbered else None,
                links_added=linked,
                warnings=decision.warnings,
                problems=problems,
            )
        )
    return report


async def _link(
    conn: AsyncConnection[Any], decision_id: str, decision: DecisionFile, numbers: dict[int, int]
) -> tuple[int, list[str]]:
    """Store a file's links (record numbers mapped to the numbers given in this import); returns (added, problems)."""
    problems: list[str] = []
    links: list[dict[str, Any]] = [
        {**relation.as_json(), "target_number": numbers.get(relation.target_number, relation.target_number)}
        for relation in decision.relations
    ]
    for ref in decision.pattern_refs:
        pattern_id = await _resolve(conn, Q["pattern"], ref)
        if pattern_id is None:
            problems.append(f"pattern '{ref}' not found in the catalog")
        else:
            links.append({"kind": "relies_on", "pattern_id": str(pattern_id)})
    for ref in decision.article_refs:
        article_id = await _resolve(conn, Q["article"], ref)
        if article_id is None:
            problems.append(f"article '{ref}' not found")
        else:
            links.append({"kind": "cites", "article_id": str(article_id)})
    if not links:
        return 0, problems
    row = await (await conn.execute(Q["import_links"], {"id": decision_id, "links": Jsonb(links)})).fetchone()
    assert row is not None
    for problem in row[0]["problems"]:
        link = problem["link"]
        target = link.get("target_number") or link.get("pattern_id") or link.get("article_id")
        problems.append(f"{link.get('kind')} {target}: {problem['problem']}")
    return row[0]["linked"], problems


def _is_uuid(value: str) -> bool:
    try:
        UUID(value)
    except ValueError:
        return False
    return True

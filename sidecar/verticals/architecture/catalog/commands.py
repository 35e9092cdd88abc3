"""`stance catalog import <path-or-url>`: operators import the global pattern catalog, with a progress bar.

Layer: vertical (architecture). Connects like `stance ops` (STANCE_DB_URL, PG* variables or the `make run` cluster, as
an administrator), switches to the `operator` role, opens an audited operator session and runs the import service.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from typing import Any

from psycopg import AsyncConnection
from psycopg.conninfo import make_conninfo
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from sidecar.chassis import tokens
from sidecar.verticals.architecture.catalog.models import Pattern
from sidecar.verticals.architecture.catalog.parser import CatalogFormatError
from sidecar.verticals.architecture.catalog.service import import_export, parse_for_import
from sidecar.verticals.architecture.catalog.source import SourceError, read_export


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `stance catalog …` to the stance CLI."""
    catalog = subparsers.add_parser("catalog", help="architecture pattern catalog")
    commands = catalog.add_subparsers(dest="catalog_command", required=True, metavar="<catalog command>")
    imp = commands.add_parser("import", help="import a Layra export (file path or http(s) URL) as the global catalog")
    imp.add_argument("source", help="path or http(s) URL of the export (llms-full.txt shape)")
    imp.add_argument("--as", dest="who", default=getpass.getuser(), help="operator name for the audit log")
    imp.add_argument("--reason", default="global catalog import", help="why (recorded in the audit log)")
    imp.set_defaults(handler=_import)


def _conninfo() -> str:
    """Where `stance ops` would connect, as a libpq conninfo string."""
    with tokens.connect() as conn:
        return make_conninfo("", **conn.info.get_parameters(), password=conn.info.password or None)


async def run_import(
    conninfo: str, text: str, *, source: str, who: str, reason: str, console: Console
) -> dict[str, Any]:
    """Import `text` as the global catalog in one transaction, drawing a progress bar on `console`."""
    async with await AsyncConnection.connect(conninfo) as conn:
        await conn.execute("set role operator")
        await conn.execute("select chassis.operator_session(%s, %s)", (who, reason))
        export = await parse_for_import(conn, text, "global")
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[x]}"))
        with Progress(*columns, console=console, transient=False) as progress:
            task = progress.add_task("importing patterns", total=len(export.patterns), x="")

            def advance(pattern: Pattern, outcome: str) -> None:
                progress.update(task, advance=1, x=f"{pattern.slug}: {outcome}")

            report = await import_export(conn, export, scope="global", source=source, progress=advance)
        await conn.commit()
        return report


def print_report(report: dict[str, Any], console: Console) -> None:
    """Counts, section totals and every warning of an import report."""
    table = Table(title=f"import {report['import_id']} ({report['scope']})", show_header=True)
    table.add_column("count")
    table.add_column("value", justify="right")
    for key, value in {**report["counts"], **{f"section {k}": v for k, v in report["sections"].items()}}.items():
        table.add_row(key, str(value))
    console.print(table)
    if report["not_in_run"]:
        console.print(f"not in this run (kept): {', '.join(report['not_in_run'])}")
    for warning in report["warnings"]:
        where = " / ".join(part for part in (warning.get("pattern"), warning.get("section")) if part)
        console.print(f"[yellow]warning[/yellow] {where}: {warning['message']}")


def _import(args: argparse.Namespace) -> int:
    console = Console(stderr=True)
    try:
        text = read_export(args.source)
        report = asyncio.run(
            run_import(_conninfo(), text, source=args.source, who=args.who, reason=args.reason, console=console)
        )
    except (SourceError, CatalogFormatError) as exc:
        print(f"stance catalog import: {exc}", file=sys.stderr)
        return 1
    print_report(report, Console())
    return 0

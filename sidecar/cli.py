"""The `stance` developer CLI: argparse subcommands gathered from per-layer modules. Layer: sidecar (tooling).

Each module listed in COMMAND_MODULES exposes ``register(subparsers)``; it adds its subcommands and binds each to a
handler with ``parser.set_defaults(handler=fn)`` where ``fn(args) -> int``. Adding a module is one line below.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

COMMAND_MODULES: tuple[str, ...] = (
    "sidecar.chassis.commands",
    "sidecar.chassis.ops_cli",
    "sidecar.chassis.billing.commands",
    "sidecar.verticals.architecture.catalog.commands",
)


def build_parser() -> argparse.ArgumentParser:
    """Build the top-level parser with every registered subcommand."""
    parser = argparse.ArgumentParser(prog="stance", description="Stance developer commands.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="<command>")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse argv, run the chosen subcommand and return its exit status."""
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    raise SystemExit(main())

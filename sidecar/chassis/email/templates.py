"""Email templates per message kind: `templates/<kind>.txt`, first line `Subject: …`, `$name` placeholders.

Layer: chassis. Upper layers add their own directories with `add_template_dir()`; a missing template or a missing
placeholder value raises `TemplateError` (the message then goes dead with that error, not half-filled).
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

_DIRS: list[Path] = [Path(__file__).parent / "templates"]


class TemplateError(Exception):
    """No template for the kind, or the data lacks a placeholder."""


def add_template_dir(path: Path) -> None:
    """Let a layer provide templates for its own kinds (searched after the chassis's)."""
    if path not in _DIRS:
        _DIRS.append(path)


def render(kind: str, data: dict[str, Any]) -> tuple[str, str]:
    """Return (subject, text) for a message kind filled with data."""
    for directory in _DIRS:
        path = directory / f"{kind}.txt"
        if path.is_file():
            break
    else:
        raise TemplateError(f"no email template for kind {kind!r}")
    head, _, body = path.read_text(encoding="utf-8").partition("\n")
    if not head.startswith("Subject: "):
        raise TemplateError(f"template {path.name} must start with a 'Subject: ' line")
    values = {k: "" if v is None else str(v) for k, v in data.items()}
    try:
        return (
            string.Template(head.removeprefix("Subject: ")).substitute(values),
            string.Template(body.lstrip("\n")).substitute(values),
        )
    except (KeyError, ValueError) as exc:
        raise TemplateError(f"template {kind!r} needs {exc}") from exc

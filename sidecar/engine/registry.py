"""The interpreter registry verticals add to: kind + version → output model, instructions or a deterministic
function, evidence paths, reducer. Layer: engine. The SQL twin is `engine.register_interpreter()`.

A vertical registers at import time of its plugin module::

    registry.register(Interpreter(kind="<vertical>.<thing>", version="1", output=MyModel,
                                  instructions="...", evidence_paths=("claims[].evidence",), reducer=project))
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from psycopg import AsyncConnection
from pydantic import BaseModel

DETERMINISTIC = "deterministic"


@dataclass(frozen=True)
class CaptureInput:
    """What an interpreter sees of a capture."""

    capture_id: str
    tenant_id: str
    kind: str
    source: str
    content: str
    metadata: dict[str, Any]


# load(conn, capture) runs in the short read transaction (as the principal) and returns context for derive().
Loader = Callable[[AsyncConnection, CaptureInput], Awaitable[Any]]
# derive(capture, context) → payload, for deterministic interpreters (no model call, no cost).
DeterministicFn = Callable[[CaptureInput, Any], Any]
# reducer(conn, capture, derivation_id, payload) projects a finished derivation into the vertical's tables, in the
# same transaction that stores it (as the principal).
Reducer = Callable[[AsyncConnection, CaptureInput, str, dict[str, Any]], Awaitable[None]]


@dataclass(frozen=True)
class Interpreter:
    """One interpreter version. Exactly one of `instructions` (LLM) or `derive` (deterministic) is set."""

    kind: str
    version: str
    output: type[BaseModel]
    instructions: str | None = None
    derive: DeterministicFn | None = None
    load: Loader | None = None
    evidence_paths: tuple[str, ...] = ()
    reducer: Reducer | None = None
    max_output_tokens: int = 2048
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if (self.instructions is None) == (self.derive is None):
            raise ValueError(f"interpreter {self.kind}@{self.version}: set exactly one of instructions or derive")

    @property
    def deterministic(self) -> bool:
        return self.derive is not None

    @property
    def model_label(self) -> str:
        """What engine.interpreters.model records: 'deterministic' or 'llm'."""
        return DETERMINISTIC if self.deterministic else "llm"

    @property
    def output_schema(self) -> dict[str, Any]:
        return self.output.model_json_schema()

    @property
    def prompt_hash(self) -> str | None:
        """sha256 of instructions + output schema: changes whenever what the model is asked changes."""
        if self.instructions is None:
            return None
        blob = json.dumps({"i": self.instructions, "s": self.output_schema}, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()


_registry: dict[tuple[str, str], Interpreter] = {}


def register(interpreter: Interpreter) -> Interpreter:
    """Add (or replace, for the same kind and version) an interpreter."""
    _registry[(interpreter.kind, interpreter.version)] = interpreter
    return interpreter


def unregister(kind: str, version: str) -> None:
    _registry.pop((kind, version), None)


def get(kind: str, version: str) -> Interpreter | None:
    return _registry.get((kind, version))


def all_interpreters() -> list[Interpreter]:
    return sorted(_registry.values(), key=lambda i: (i.kind, i.version))

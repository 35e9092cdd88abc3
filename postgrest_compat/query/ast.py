"""Parsed request syntax: select items, fields with JSON paths, filters, logic trees, order terms.

Layer: postgrest_compat.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class JsonOp:
    arrow: str  # "->" or "->>"
    key: str
    is_index: bool


@dataclass(frozen=True)
class Field:
    name: str
    json_path: tuple[JsonOp, ...] = ()

    @property
    def default_key(self) -> str:
        """Output key without alias: the last JSON key of the path, else the column."""
        for op in reversed(self.json_path):
            if not op.is_index:
                return op.key
        return self.name


@dataclass
class SelectField:
    field: Field
    alias: str | None = None
    cast: str | None = None
    agg: str | None = None
    agg_cast: str | None = None


@dataclass
class SelectCount:
    alias: str | None = None
    cast: str | None = None


@dataclass
class SelectStar:
    pass


@dataclass
class SelectEmbed:
    name: str
    alias: str | None = None
    hint: str | None = None
    join: str | None = None  # "inner" | "left" | None
    spread: bool = False
    children: list = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.alias or self.name


@dataclass
class OpExpr:
    negated: bool
    op: str
    value: object  # str, or list[str] for "in"
    quant: str | None = None  # "any" | "all"
    lang: str | None = None


@dataclass
class Filter:
    field: Field
    expr: OpExpr


@dataclass
class Logic:
    op: str  # "and" | "or"
    negated: bool
    children: list  # Filter | Logic


@dataclass
class OrderTerm:
    field: Field
    relation: str | None = None
    direction: str | None = None  # "asc" | "desc"
    nulls: str | None = None  # "nullsfirst" | "nullslast"


@dataclass
class EmbedParams:
    """Per-embed-path modifiers taken from the query string (path () is the top level)."""

    filters: list[Filter] = field(default_factory=list)
    logic: list[Logic] = field(default_factory=list)
    order: list[OrderTerm] | None = None
    limit: int | None = None
    offset: int | None = None

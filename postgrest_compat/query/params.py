"""Query-string tokenisation (PostgREST's QueryParams.hs): reserved keys, embed-prefixed modifiers, filters,
logic trees, RPC arguments. Layer: postgrest_compat.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, unquote_plus

from postgrest_compat.errors import ApiError, pgrst
from postgrest_compat.query.ast import EmbedParams, Field, Filter
from postgrest_compat.query.filters import parse_filter_value, parse_logic, parse_order
from postgrest_compat.query.lexer import Cursor, parse_json_path, parse_name
from postgrest_compat.query.select import parse_select

RESERVED = ("select", "columns", "on_conflict")
_SAFE = ",.:()*!-_'\"{}[]>~$@"


@dataclass
class ParsedQuery:
    select: list
    columns: list[str] | None = None
    on_conflict: list[str] | None = None
    params: dict[tuple[str, ...], EmbedParams] = field(default_factory=dict)
    rpc_args: list[tuple[str, str]] = field(default_factory=list)
    canonical: str = ""
    has_limit_offset: bool = False

    def at(self, path: tuple[str, ...]) -> EmbedParams:
        return self.params.setdefault(path, EmbedParams())


def split_query(raw: str) -> list[tuple[str, str]]:
    """`+` decodes as a space; a key without `=` is dropped."""
    out = []
    for part in raw.split("&"):
        if "=" not in part:
            continue
        k, _, v = part.partition("=")
        out.append((unquote_plus(k), unquote_plus(v)))
    return out


def _split_path(key: str) -> list[str]:
    """Dot-separated key segments, honouring double quotes."""
    segs, buf, quoted = [], [], False
    for ch in key:
        if ch == '"':
            quoted = not quoted
            buf.append(ch)
        elif ch == "." and not quoted:
            segs.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    segs.append("".join(buf))
    return segs


def _filter_key(key: str):
    """`a.b.col->x` → (("a","b"), Field)."""
    cur = Cursor(key, "filter")
    path = [parse_name(cur)]
    while cur.eat("."):
        path.append(parse_name(cur))
    json_path = parse_json_path(cur)
    if not cur.at_end():
        raise cur.error('"." or "->"')
    return tuple(path[:-1]), Field(path[-1], json_path)


def _int(value: str) -> int | None:
    v = value.strip()
    if v.lstrip("-").isdigit():
        return int(v)
    return None


def _columns(value: str) -> list[str]:
    cur = Cursor(value, "columns")
    cols = [parse_name(cur)]
    while cur.eat(","):
        cols.append(parse_name(cur))
    if not cur.at_end():
        raise cur.error('"," or end of input')
    return cols


_OPERATORS = {"eq", "gte", "gt", "lte", "lt", "neq", "like", "ilike", "cs", "cd", "ov", "sl", "sr", "nxr", "nxl",
              "adj", "match", "imatch", "isdistinct"}  # fmt: skip
_FTS = {"fts", "plfts", "phfts", "wfts"}


def _is_filter(key: str, value: str) -> bool:
    """PostgREST's classification: an embed path in the key, or a value that starts with an operator."""
    if "." in key:
        return True
    parts = value.split(".")
    first = parts[0]
    if (first == "not" and len(parts) >= 2) or first in ("is", "in") or first in _OPERATORS or first in _FTS:
        return True
    paren = value.split("(")
    return len(paren) >= 2 and paren[0] in _FTS | _OPERATORS


def parse_query(raw: str, *, is_rpc: bool = False) -> ParsedQuery:
    pairs = split_query(raw)
    select_text = None
    pq = ParsedQuery(select=[])
    for key, value in pairs:
        if key == "select":  # the first occurrence of a reserved key wins (PostgREST's lookup)
            select_text = value if select_text is None else select_text
            continue
        if key == "columns":
            pq.columns = _columns(value) if pq.columns is None else pq.columns
            continue
        if key == "on_conflict":
            pq.on_conflict = _columns(value) if pq.on_conflict is None else pq.on_conflict
            continue
        segs = _split_path(key)
        last = segs[-1]
        if last in ("order", "limit", "offset") and len(segs) >= 1:
            path = tuple(s.strip('"') for s in segs[:-1])
            if last == "order":
                pq.at(path).order = parse_order(value)
            else:
                n = _int(value)
                if n is not None:
                    setattr(pq.at(path), last, n)
                    if not path:
                        pq.has_limit_offset = True
            continue
        if last in ("or", "and"):
            negated = len(segs) >= 2 and segs[-2] == "not"
            path = tuple(s.strip('"') for s in segs[: -2 if negated else -1])
            pq.at(path).logic.append(parse_logic(last, negated, value))
            continue
        if is_rpc and not _is_filter(key, value):  # RPC over GET/HEAD: a value without an operator is an argument
            pq.rpc_args.append((key, value))
            continue
        path, fld = _filter_key(key)
        pq.at(path).filters.append(Filter(fld, parse_filter_value(value)))
    pq.select = parse_select(select_text or "")
    pq.canonical = "&".join(
        f"{quote(k, safe=_SAFE)}={quote(v, safe=_SAFE)}"
        for k, v in sorted(split_query(raw))
        if not (is_rpc and (k, v) in pq.rpc_args)
    )
    return pq


def check_embed_paths(pq: ParsedQuery, embed_keys: set[tuple[str, ...]]) -> None:
    """Every embed-prefixed modifier must name an embed in `select` (PGRST108)."""
    for path in pq.params:
        if path and path not in embed_keys:
            name = path[-1]
            raise pgrst(
                "PGRST108",
                f"'{name}' is not an embedded resource in this request",
                None,
                f"Verify that '{name}' is included in the 'select' query parameter.",
            )


__all__ = ["ApiError", "ParsedQuery", "check_embed_paths", "parse_query", "split_query"]

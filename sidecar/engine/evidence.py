"""Evidence-quote verification: is a quote really in the capture text, and where? Layer: engine.

The ladder (first hit wins): exact → normalized (NFKC, casefold, quote/dash/space variants unified, soft hyphens
and zero-width characters dropped, line-break hyphenation joined, whitespace collapsed) → loose (also without
punctuation) → segments (pieces split on `...`, `…`, `[...]`, all found in order). Anything else is scored with
rapidfuzz's best partial alignment: ≥ 0.9 is `needs_review` (a typo — or a changed number), below is `not_found`.
A fuzzy match is never `verified`. Spans index the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from rapidfuzz import fuzz

FUZZY_THRESHOLD = 0.9
MIN_QUOTE_CHARS = 12
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ",
}  # fmt: skip
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.+|…)\s*")


@dataclass(frozen=True)
class QuoteMatch:
    """Result of checking one quote: status verified|needs_review|not_found, the rung that matched, the span."""

    path: str
    quote: str
    status: str
    method: str | None
    start: int | None
    end: int | None
    score: float

    @property
    def verified(self) -> bool:
        return self.status == "verified"

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _fold(text: str, *, loose: bool) -> tuple[str, list[int]]:
    """Normalised text plus, for every output character, the index of the original character it came from."""
    out: list[str] = []
    index: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        # "de-\n mand" → "demand": a hyphen at a line break joins the word.
        if ch in "-\u2010\u00ad" and i + 1 < n and text[i + 1] == "\n" and out and out[-1].isalpha():
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j].isalpha():
                i = j
                continue
        if ch in _DROP:
            i += 1
            continue
        for piece in unicodedata.normalize("NFKC", _MAP.get(ch, ch)).casefold():
            if loose and unicodedata.category(piece).startswith("P"):
                continue
            if piece.isspace():
                if not out or out[-1] == " ":
                    continue
                piece = " "
            out.append(piece)
            index.append(i)
        i += 1
    while out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


def _span(index: list[int], pos: int, length: int, source_len: int) -> tuple[int, int]:
    start = index[pos]
    end = index[pos + length - 1] + 1 if length else start
    return start, min(end, source_len)


def _find(quote: str, source: str, *, loose: bool) -> tuple[int, int] | None:
    q, _ = _fold(quote, loose=loose)
    s, index = _fold(source, loose=loose)
    q = q.strip()
    if not q:
        return None
    pos = s.find(q)
    return None if pos < 0 else _span(index, pos, len(q), len(source))


def _segments(quote: str, source: str) -> tuple[int, int] | None:
    pieces = [p for p in _ELLIPSIS.split(quote) if p.strip()]
    if len(pieces) < 2:
        return None
    s, index = _fold(source, loose=True)
    pos, first = 0, None
    end = 0
    for piece in pieces:
        q = _fold(piece, loose=True)[0].strip()
        if not q:
            continue
        found = s.find(q, pos)
        if found < 0:
            return None
        start, end = _span(index, found, len(q), len(source))
        first = start if first is None else first
        pos = found + len(q)
    return None if first is None else (first, end)


def verify_quote(quote: str, source: str, path: str = "") -> QuoteMatch:
    """Check one quote against the canonical source text given to the interpreter."""
    if len(quote.strip()) < MIN_QUOTE_CHARS:
        return QuoteMatch(path, quote, "not_found", None, None, None, 0.0)
    pos = source.find(quote)
    if pos >= 0:
        return QuoteMatch(path, quote, "verified", "exact", pos, pos + len(quote), 1.0)
    for method, loose in (("normalized", False), ("loose", True)):
        span = _find(quote, source, loose=loose)
        if span:
            return QuoteMatch(path, quote, "verified", method, span[0], span[1], 1.0)
    span = _segments(quote, source)
    if span:
        return QuoteMatch(path, quote, "verified", "segments", span[0], span[1], 1.0)
    q, _ = _fold(quote, loose=False)
    s, index = _fold(source, loose=False)
    alignment = fuzz.partial_ratio_alignment(q, s)
    score = round(alignment.score / 100.0, 3) if alignment else 0.0
    if alignment and score >= FUZZY_THRESHOLD and alignment.dest_end > alignment.dest_start:
        start, end = _span(index, alignment.dest_start, alignment.dest_end - alignment.dest_start, len(source))
        return QuoteMatch(path, quote, "needs_review", "fuzzy", start, end, score)
    return QuoteMatch(path, quote, "not_found", None, None, None, score)


def quotes_at(data: Any, path: str) -> Iterable[tuple[str, str]]:
    """(concrete path, quote) pairs at an evidence path such as `claims[].evidence` or `items[].quotes[]`."""
    parts = [p for p in path.split(".") if p]

    def walk(node: Any, i: int, where: str) -> Iterable[tuple[str, str]]:
        if i == len(parts):
            if isinstance(node, str):
                yield where, node
            elif isinstance(node, list):
                for n, item in enumerate(node):
                    if isinstance(item, str):
                        yield f"{where}.{n}", item
            return
        part = parts[i]
        many = part.endswith("[]")
        key = part[:-2] if many else part
        child = node.get(key) if isinstance(node, dict) else None
        prefix = f"{where}.{key}" if where else key
        if many and isinstance(child, list):
            for n, item in enumerate(child):
                yield from walk(item, i + 1, f"{prefix}.{n}")
        elif not many and child is not None:
            yield from walk(child, i + 1, prefix)

    yield from walk(data, 0, "")


def verify_evidence(data: Any, paths: Iterable[str], source: str) -> list[QuoteMatch]:
    """Every quote found at the interpreter's evidence paths, checked against the source."""
    return [verify_quote(q, source, where) for path in paths for where, q in quotes_at(data, path)]

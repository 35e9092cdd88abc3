"""Deterministic, offline pattern-mention finder: catalog names and aliases → sentences as evidence. Layer: vertical.

Matching is case-insensitive (acronyms such as RAG or MVC stay case-sensitive), tolerant of hyphen/space
variants and of inflection on the last word (plural, possessive, -y/-ies, -ing/-ed). Every evidence quote is a
verbatim slice of the input text, with its character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MAX_QUOTES_PER_PATTERN = 3
MAX_QUOTE_CHARS = 400
_SEP = r"(?:[\s\-\u2010\u2011\u2012\u2013_/]+|)"
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+|\n+")
_ACRONYM = re.compile(r"^[A-Z0-9]{2,6}s?$")


@dataclass(frozen=True)
class PatternTerms:
    """A catalog pattern as the finder sees it: slug, display name, also-known-as."""

    slug: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A verbatim evidence sentence and the term occurrence inside it."""

    quote: str
    start: int
    end: int
    matched: str


@dataclass(frozen=True)
class Mention:
    """All occurrences of one pattern in a text, with up to three evidence sentences."""

    pattern_slug: str
    name: str
    count: int
    evidence: tuple[Quote, ...]


def _specific(term: str) -> bool:
    """Derived sub-terms must stay specific: several words, a hyphenated compound, or an acronym."""
    return len(term.split()) > 1 or "-" in term or bool(_ACRONYM.match(term))


def _terms(pattern: PatternTerms) -> list[str]:
    found: list[str] = []

    def add(term: str) -> None:
        term = term.strip(" ()")
        if len(term) >= 3 and term.lower() not in {t.lower() for t in found}:
            found.append(term)

    stripped = re.sub(r"\s+patterns?$", "", pattern.name, flags=re.IGNORECASE)
    for raw in (pattern.name, stripped, *pattern.aliases):
        add(raw)
        for part in re.split(r"\s+/\s+|\s+&\s+", raw):
            if _specific(part.strip()):
                add(part)
    return found


def _inflect(word: str) -> str:
    lower = word.lower()
    if lower.endswith("ies"):
        return re.escape(word[:-3]) + r"(?:y|ies)"
    if lower.endswith("y") and len(word) > 3:
        return re.escape(word[:-1]) + r"(?:y|ies)(?:'s|\u2019s)?"
    if lower.endswith("ing") and len(word) > 5:
        return re.escape(word[:-3]) + r"(?:ing|ed)"
    if lower.endswith("s") and not lower.endswith("ss") and len(word) > 3:
        return re.escape(word[:-1]) + r"(?:s|es)?(?:'s|\u2019s|')?"
    return re.escape(word) + r"(?:s|es)?(?:'s|\u2019s|')?"


def term_regex(term: str) -> tuple[re.Pattern[str], bool]:
    """Compile one term; returns `(regex, on_lowered_text)`. Word boundaries are checked by the caller.

    Ordinary terms are matched against the lower-cased text without IGNORECASE so the regex engine can use the
    literal prefix; acronyms (RAG, MVC) are matched case-sensitively against the original text.
    """
    words = [w for w in re.split(r"[\s\-\u2010\u2011_]+", term) if w]
    if _ACRONYM.match(term.replace(" ", "")) and len(words) == 1:
        return re.compile(re.escape(words[0].rstrip("s")) + r"s?"), False
    lowered = [w.lower() for w in words]
    return re.compile(_SEP.join([*(re.escape(w) for w in lowered[:-1]), _inflect(lowered[-1])])), True


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences (or lines) of `text`, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in (*_SENTENCE_END.finditer(text), None):
        end = boundary.start() if boundary else len(text)
        piece_end = boundary.end() if boundary else len(text)
        head = start + (len(text[start:end]) - len(text[start:end].lstrip()))
        tail = end - (len(text[start:end]) - len(text[start:end].rstrip()))
        if tail > head:
            spans.append((head, tail))
        start = piece_end
    return spans


def _sentence_around(spans: Sequence[tuple[int, int]], text: str, pos: int, end: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            if e - s <= MAX_QUOTE_CHARS:
                return s, max(e, min(end, len(text)))
            left = text.rfind(" ", s, max(s, pos - MAX_QUOTE_CHARS // 2))
            right = text.find(" ", min(e, end + MAX_QUOTE_CHARS // 2), e)
            return (s if left < 0 else left + 1), (e if right < 0 else right)
    return pos, end


class MentionFinder:
    """Compiled once per catalog; `find(text)` is pure and deterministic."""

    def __init__(self, patterns: Iterable[PatternTerms]) -> None:
        self._patterns = [(p, [term_regex(t) for t in _terms(p)]) for p in patterns]

    def find(self, text: str) -> list[Mention]:
        """Mentions in catalog order of first appearance in the text."""
        spans = sentence_spans(text)
        found: list[tuple[int, Mention]] = []
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters lower-case to two; fall back to per-character lowering
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        for pattern, regexes in self._patterns:
            found_spans = sorted(
                {
                    (m.start(), m.end())
                    for rx, on_lowered in regexes
                    for m in rx.finditer(lowered if on_lowered else text)
                    if _bounded(text, m.start(), m.end())
                },
                key=lambda span: (span[0], -span[1]),
            )
            hits: list[tuple[int, int]] = []
            for span in found_spans:
                if not hits or span[0] >= hits[-1][1]:
                    hits.append(span)
            if not hits:
                continue
            quotes: list[Quote] = []
            for h_start, h_end in hits:
                s, e = _sentence_around(spans, text, h_start, h_end)
                if all(q.start != s for q in quotes):
                    quotes.append(Quote(text[s:e], s, e, text[h_start:h_end]))
                if len(quotes) == MAX_QUOTES_PER_PATTERN:
                    break
            found.append((hits[0][0], Mention(pattern.slug, pattern.name, len(hits), tuple(quotes))))
        return [m for _, m in sorted(found, key=lambda pair: pair[0])]

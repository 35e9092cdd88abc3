"""Catalog slugs and the resolution of Layra's related-pattern links to them. Layer: vertical (architecture)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """`CQRS / Event Sourcing` → `cqrs-event-sourcing` (ASCII, lower-case, dash-separated)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")


def _tokens(slug: str) -> tuple[str, ...]:
    return tuple(t for t in slug.split("-") if t)


def _prefix_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Each token of `short` starts a distinct token of `long`, in order (`pub-sub` ~ `publish-subscribe`)."""
    it = iter(long)
    return all(any(tok.startswith(s) for tok in it) for s in short)


@dataclass
class SlugIndex:
    """Names and aliases of every known pattern, to resolve external slugs and names against."""

    names: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, patterns: Mapping[str, Iterable[str]]) -> SlugIndex:
        """`patterns` maps each catalog slug to its name and aliases (all as display text)."""
        index = cls()
        for slug, labels in patterns.items():
            index.names[slug] = slug
            for label in labels:
                index.aliases.setdefault(slugify(label), set()).add(slug)
        return index

    def _keys(self) -> Iterable[tuple[tuple[str, ...], str]]:
        for key, slug in self.names.items():
            yield _tokens(key), slug
        for key, slugs in self.aliases.items():
            for slug in slugs:
                yield _tokens(key), slug

    def resolve_exact(self, text: str) -> tuple[str | None, str]:
        """Resolve a display name or slug only when it is a pattern's own slug or one unambiguous alias."""
        key = slugify(text)
        if key in self.names:
            return self.names[key], "exact"
        candidates = self.aliases.get(key, set())
        if len(candidates) == 1:
            return next(iter(candidates)), "alias"
        return None, "unresolved"

    def resolve(self, external_slug: str) -> tuple[str | None, str]:
        """Resolve an external slug: exact → alias → token prefixes (`pub-sub`) → a key it extends (`consensus-…`)."""
        found, how = self.resolve_exact(external_slug)
        if found:
            return found, how
        link = _tokens(slugify(external_slug))
        if not link:
            return None, "unresolved"
        by_tokens = {slug for key, slug in self._keys() if _prefix_subsequence(link, key)}
        if len(by_tokens) == 1:
            return next(iter(by_tokens)), "tokens"
        partial = {slug for key, slug in self._keys() if key and link[: len(key)] == key}
        if not by_tokens and len(partial) == 1:
            return next(iter(partial)), "partial"
        return None, "unresolved"

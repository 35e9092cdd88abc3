"""Encoding repair for fetched feeds: bytes → clean Unicode XML that feedparser reads as UTF-8. Layer: vertical.

Order (vertical notes §4.8): a BOM; valid UTF-8 wins over a wrong prolog or Content-Type; else the XML prolog's
encoding, then the Content-Type charset; else charset-normalizer's guess unless it
only names a Latin code page, where windows-1252 (the usual mislabel) is used. XML-illegal control
characters and NUL (Postgres text rejects it) are removed, and the prolog is rewritten to say UTF-8.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

_PROLOG_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_PROLOG_ENCODING_TEXT = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([A-Za-z0-9._-]+)(["'])""")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.IGNORECASE)
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip


# charset-normalizer guesses that mean "some Latin single-byte code page": decoded as windows-1252 instead.
_LATIN_GUESSES = frozenset({
    "cp1250", "cp1252", "cp1254", "cp1257", "cp775", "cp850", "cp437", "cp858", "latin_1", "iso8859_2",
    "iso8859_9", "iso8859_15", "mac_latin2", "mac_roman", "mac_iceland", "mac_turkish",
})  # fmt: skip


def _try(body: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return body.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return `(text, encoding_used)` for a fetched document; never raises on bad bytes."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            text = _try(body, "utf-8-sig" if encoding == "utf-8" else encoding)
            if text is not None:
                return clean_text(text), encoding
    text = _try(body, "utf-8")
    if text is not None:
        return clean_text(text), "utf-8"
    prolog = _PROLOG_ENCODING.search(body[:200])
    declared = prolog.group(1).decode("ascii") if prolog else None
    charset = _CHARSET.search(content_type or "")
    for candidate in (declared, charset.group(1) if charset else None):
        text = _try(body, candidate)
        if text is not None:
            return clean_text(text), str(candidate).lower()
    best = charset_normalizer.from_bytes(body).best()
    if best is not None and best.encoding not in _LATIN_GUESSES:
        return clean_text(str(best)), best.encoding
    # Short Western text is ambiguous between Latin code pages; mislabelled feeds are overwhelmingly windows-1252.
    text = _try(body, "windows-1252")
    if text is not None:
        return clean_text(text), "windows-1252"
    return clean_text(body.decode("latin-1")), "latin-1"


def clean_text(text: str) -> str:
    """Drop characters XML 1.0 and Postgres cannot hold."""
    return _ILLEGAL.sub("", text)


def as_utf8_xml(text: str) -> bytes:
    """UTF-8 bytes of `text` with any XML prolog encoding rewritten to utf-8."""
    return _PROLOG_ENCODING_TEXT.sub(r"\g<1>utf-8\g<3>", text, count=1).encode("utf-8")

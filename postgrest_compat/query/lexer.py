"""Shared recursive-descent helpers: a cursor over text, field names, quoted values and JSON paths.

Layer: postgrest_compat. Errors are PGRST100 with parsec-like "(line 1, column N)" positions.
"""

from __future__ import annotations

from postgrest_compat.errors import ApiError, parse_error
from postgrest_compat.query.ast import Field, JsonOp


class Cursor:
    def __init__(self, text: str, what: str) -> None:
        self.text = text
        self.pos = 0
        self.what = what
        self.depth = 0

    def nest(self) -> None:
        """Bound recursion (nested embeds or logic trees) so deep input is a 400, not a crash."""
        self.depth += 1
        if self.depth > 50:
            raise self.error("less nesting")

    def peek(self, n: int = 1) -> str:
        return self.text[self.pos : self.pos + n]

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def eat(self, s: str) -> bool:
        if self.text.startswith(s, self.pos):
            self.pos += len(s)
            return True
        return False

    def expect(self, s: str, expecting: str | None = None) -> None:
        if not self.eat(s):
            raise self.error(expecting or f'"{s}"')

    def skip_spaces(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] == " ":
            self.pos += 1

    def error(self, expecting: str) -> ApiError:
        if self.at_end():
            unexpected = "end of input"
        else:
            unexpected = f'"{self.text[self.pos]}"'
        return parse_error(self.what, self.text, self.pos + 1, f"unexpected {unexpected} expecting {expecting}")


def _is_name_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_ $"


def parse_quoted(cur: Cursor) -> str:
    """A double-quoted value with backslash escapes; the cursor is on the opening quote."""
    cur.expect('"')
    out = []
    while True:
        if cur.at_end():
            raise cur.error('"\\"" or any character')
        ch = cur.text[cur.pos]
        if ch == "\\" and cur.pos + 1 < len(cur.text):
            out.append(cur.text[cur.pos + 1])
            cur.pos += 2
            continue
        cur.pos += 1
        if ch == '"':
            return "".join(out)
        out.append(ch)


def parse_name(cur: Cursor, expecting: str = "field name (* or [a..z0..9_$])") -> str:
    """Field name: quoted, or name characters with inner dashes (not "->"); surrounding spaces trimmed."""
    cur.skip_spaces()
    if cur.peek() == '"':
        name = parse_quoted(cur)
        cur.skip_spaces()
        return name
    start = cur.pos
    text = cur.text
    while cur.pos < len(text):
        ch = text[cur.pos]
        if _is_name_char(ch):
            cur.pos += 1
        elif (
            ch == "-"
            and not text.startswith("->", cur.pos)
            and cur.pos + 1 < len(text)
            and (_is_name_char(text[cur.pos + 1]))
        ):
            cur.pos += 1
        else:
            break
    name = text[start : cur.pos].strip()
    if not name:
        cur.pos = start
        raise cur.error(expecting)
    return name


def parse_json_path(cur: Cursor) -> tuple[JsonOp, ...]:
    ops: list[JsonOp] = []
    while cur.peek(2) == "->":
        arrow = "->>" if cur.peek(3) == "->>" else "->"
        cur.pos += len(arrow)
        if cur.peek() == '"':
            ops.append(JsonOp(arrow, parse_quoted(cur), False))
            continue
        start = cur.pos
        if cur.peek() == "-":
            cur.pos += 1
        while cur.pos < len(cur.text) and cur.text[cur.pos].isdigit():
            cur.pos += 1
        digits = cur.text[start : cur.pos]
        if digits and digits != "-" and (cur.at_end() or cur.text[cur.pos] in "-:.,)(!" or cur.peek(2) == "->"):
            ops.append(JsonOp(arrow, digits, True))
            continue
        cur.pos = start
        while cur.pos < len(cur.text) and cur.text[cur.pos] not in "(-:.,>)!":
            cur.pos += 1
        key = cur.text[start : cur.pos]
        if not key:
            raise cur.error('"-", digit or any character')
        ops.append(JsonOp(arrow, key, False))
    return tuple(ops)


def parse_field(cur: Cursor) -> Field:
    name = parse_name(cur)
    return Field(name, parse_json_path(cur))


def parse_ident(cur: Cursor, expecting: str, *, spaces: bool = False) -> str:
    """Identifier characters [A-Za-z0-9_$] (and inner spaces for casts such as `character varying`)."""
    start = cur.pos
    while cur.pos < len(cur.text) and _is_name_char(cur.text[cur.pos]) and (spaces or cur.text[cur.pos] != " "):
        cur.pos += 1
    ident = cur.text[start : cur.pos].strip()
    if not ident:
        cur.pos = start
        raise cur.error(expecting)
    return ident

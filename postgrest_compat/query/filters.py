"""Horizontal filters (`[not.]op[(modifier)].value`), `or`/`and` logic trees and `order` terms.

Layer: postgrest_compat.
"""

from __future__ import annotations

from postgrest_compat.errors import ApiError, parse_error
from postgrest_compat.query.ast import Filter, Logic, OpExpr, OrderTerm
from postgrest_compat.query.lexer import Cursor, parse_field, parse_quoted

SIMPLE_OPS = ("eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "match", "imatch", "isdistinct",
              "cs", "cd", "ov", "sl", "sr", "nxr", "nxl", "adj")  # fmt: skip
QUANT_OPS = ("eq", "gt", "gte", "lt", "lte", "like", "ilike", "match", "imatch")
FTS_OPS = ("fts", "plfts", "phfts", "wfts")
ALL_OPS = (*SIMPLE_OPS, *FTS_OPS, "in", "is")
IS_VALUES = {"null": "null", "not_null": "not_null", "true": "true", "false": "false", "unknown": "unknown"}
EXPECTING_OP = '"not" or operator (eq, gt, ...)'


def _op_error(what: str, text: str, rest: str) -> ApiError:
    candidates = ["not.", *[o + "." for o in ALL_OPS], *[o + "(" for o in (*QUANT_OPS, *FTS_OPS)]]
    best = 0
    for c in candidates:
        n = 0
        while n < len(c) and n < len(rest) and c[n] == rest[n]:
            n += 1
        best = max(best, n)
    unexpected = f'"{rest[best]}"' if best < len(rest) else "end of input"
    return parse_error(what, text, 1, f"unexpected {unexpected} expecting {EXPECTING_OP}")


def _op_head(cur: Cursor, what: str, whole: str) -> OpExpr:
    """`[not.]op[(mod)].` — leaves the cursor on the value."""
    negated = cur.eat("not.")
    start = cur.pos
    while not cur.at_end() and cur.text[cur.pos].isalpha():
        cur.pos += 1
    op = cur.text[start : cur.pos]
    if op not in ALL_OPS:
        raise _op_error(what, whole, cur.text[start:])
    quant = lang = None
    if cur.peek() == "(":
        close = cur.text.find(")", cur.pos)
        mod = cur.text[cur.pos + 1 : close] if close > 0 else ""
        if op in QUANT_OPS and mod in ("any", "all"):
            quant = mod
        elif op in FTS_OPS and mod and close > 0:
            lang = mod
        else:
            cur.pos += 1
            raise cur.error('"." or "(any)"/"(all)"')
        cur.pos = close + 1
    if not cur.eat("."):
        raise cur.error('"."')
    return OpExpr(negated, op, None, quant, lang)


def _parse_list(cur: Cursor) -> list[str]:
    """`(a,b,"c,d")` with backslash escapes inside quotes."""
    cur.expect("(", '"("')
    items: list[str] = []
    if cur.eat(")"):
        return items
    while True:
        if cur.peek() == '"':
            items.append(parse_quoted(cur))
        else:
            start = cur.pos
            while not cur.at_end() and cur.text[cur.pos] not in ",)":
                cur.pos += 1
            items.append(cur.text[start : cur.pos])
        if cur.eat(")"):
            return items
        cur.expect(",", '"," or ")"')


def _finish(expr: OpExpr, value: str, cur: Cursor | None = None) -> OpExpr:
    if expr.op == "is":
        v = IS_VALUES.get(value.lower())
        if v is None:
            raise parse_error("filter", f"is.{value}", 4, f'unexpected "{value[:1]}" expecting null or trilean value '
                              "(unknown, true, false)")  # fmt: skip
        expr.value = v
    elif expr.quant is not None:
        expr.value = value
    else:
        expr.value = value
    return expr


def parse_filter_value(text: str) -> OpExpr:
    """The value of a filter key: `[not.]op[(mod)].value`."""
    whole = text
    cur = Cursor(text, "filter")
    expr = _op_head(cur, "filter", whole)
    rest = cur.text[cur.pos :]
    if expr.op == "in":
        items = _parse_list(cur)
        if not cur.at_end():
            raise cur.error("end of input")
        expr.value = items
        return expr
    return _finish(expr, rest)


# --- logic trees --------------------------------------------------------------------------------------------------


def parse_logic(op: str, negated: bool, value: str, what: str = "logic tree") -> Logic:
    """`or=(a.eq.1,and(b.gt.2,c.is.null))` → Logic."""
    key = ("not." if negated else "") + op
    cur = Cursor(key + value, what)
    cur.pos = len(key)
    children = _tree_body(cur)
    if not cur.at_end():
        raise cur.error("end of input")
    return Logic(op, negated, children)


def _tree_body(cur: Cursor) -> list:
    cur.expect("(", '"("')
    cur.nest()
    children = []
    while True:
        children.append(_tree_expr(cur))
        if cur.eat(")"):
            cur.depth -= 1
            return children
        cur.expect(",", '"," or ")"')


def _tree_expr(cur: Cursor):
    save = cur.pos
    negated = cur.eat("not.")
    for op in ("and", "or"):
        if cur.peek(len(op) + 1) == op + "(":
            cur.pos += len(op)
            return Logic(op, negated, _tree_body(cur))
    cur.pos = save
    field = parse_field(cur)
    cur.expect(".", '"." or "->"')
    start = cur.pos
    expr = _op_head(cur, cur.what, cur.text[start:])
    if expr.op == "in":
        expr.value = _parse_list(cur)
        return Filter(field, expr)
    if cur.peek() == '"':
        value = parse_quoted(cur)
    elif cur.peek() == "{":
        close = cur.text.find("}", cur.pos)
        if close < 0:
            raise cur.error('"}"')
        value = cur.text[cur.pos : close + 1]
        cur.pos = close + 1
    else:
        vstart = cur.pos
        while not cur.at_end() and cur.text[cur.pos] not in ",)":
            cur.pos += 1
        value = cur.text[vstart : cur.pos]
    return Filter(field, _finish(expr, value))


# --- order --------------------------------------------------------------------------------------------------------


def parse_order(text: str) -> list[OrderTerm]:
    cur = Cursor(text, "order")
    terms: list[OrderTerm] = []
    while True:
        field = parse_field(cur)
        term = OrderTerm(field)
        if cur.eat("("):
            term = OrderTerm(parse_field(cur), relation=field.name)
            cur.expect(")", '")"')
        while cur.eat("."):
            start = cur.pos
            while not cur.at_end() and cur.text[cur.pos].isalpha():
                cur.pos += 1
            word = cur.text[start : cur.pos]
            if word in ("asc", "desc") and term.direction is None and term.nulls is None:
                term.direction = word
            elif word in ("nullsfirst", "nullslast") and term.nulls is None:
                term.nulls = word
            else:
                cur.pos = start
                raise cur.error('"asc", "desc", "nullsfirst" or "nullslast"')
        terms.append(term)
        if cur.at_end():
            return terms
        cur.expect(",", '"," "." or end of input')

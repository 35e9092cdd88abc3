"""`select=` grammar: fields, aliases, casts, JSON paths, aggregates, count(), embeds, hints, spreads.

Layer: postgrest_compat.
"""

from __future__ import annotations

from postgrest_compat.query.ast import Field, SelectCount, SelectEmbed, SelectField, SelectStar
from postgrest_compat.query.lexer import Cursor, parse_ident, parse_json_path, parse_name

AGGREGATES = ("sum", "avg", "count", "max", "min")


def parse_select(text: str) -> list:
    """Parse a select parameter; empty or blank means `*`."""
    if not text.strip():
        return [SelectStar()]
    cur = Cursor(text, "select parameter")
    items = _items(cur, top=True)
    if not cur.at_end():
        raise cur.error('"," or end of input')
    return items


def _items(cur: Cursor, top: bool) -> list:
    items: list = []
    cur.skip_spaces()
    if not top and cur.peek() == ")":
        return items
    while True:
        items.append(_item(cur))
        cur.skip_spaces()
        if not cur.eat(","):
            break
        cur.skip_spaces()
    return items


def _cast(cur: Cursor) -> str | None:
    if cur.eat("::"):
        return parse_ident(cur, "cast type ([a..z0..9_$])", spaces=True)
    return None


def _item(cur: Cursor):
    cur.skip_spaces()
    if cur.eat("*"):
        return SelectStar()
    if cur.eat("..."):
        name = parse_name(cur)
        embed = SelectEmbed(name, spread=True)
        _embed_rest(cur, embed)
        return embed
    name = parse_name(cur)
    alias = None
    if cur.peek() == ":" and cur.peek(2) != "::":
        cur.pos += 1
        alias = name
        cur.skip_spaces()
        if cur.eat("..."):
            raise cur.error("field name (* or [a..z0..9_$])")
        name = parse_name(cur)
    if name == "count" and cur.eat("()"):
        return SelectCount(alias, _cast(cur))
    if cur.peek() in ("!", "("):
        embed = SelectEmbed(name, alias=alias)
        _embed_rest(cur, embed)
        return embed
    json_path = parse_json_path(cur)
    item = SelectField(Field(name, json_path), alias, _cast(cur))
    if cur.peek() == "." and not cur.peek(3) == "...":
        save = cur.pos
        cur.pos += 1
        agg = parse_ident(cur, "aggregate function")
        if agg not in AGGREGATES or not cur.eat("()"):
            cur.pos = save + 1
            raise cur.error('"sum()", "avg()", "count()", "max()" or "min()"')
        item.agg = agg
        item.agg_cast = _cast(cur)
    return item


def _embed_rest(cur: Cursor, embed: SelectEmbed) -> None:
    while cur.eat("!"):
        word = parse_name(cur, "hint or join type")
        if word in ("inner", "left"):
            embed.join = word
        elif embed.hint is None:
            embed.hint = word
        else:
            raise cur.error('"("')
    cur.skip_spaces()
    cur.expect("(", '"(" or "!"')
    cur.nest()
    embed.children = _items(cur, top=False)
    cur.depth -= 1
    cur.skip_spaces()
    cur.expect(")", '")" or ","')

"""Query-string, select, filter, logic-tree and order grammar. Layer: postgrest_compat (tests)."""

from __future__ import annotations

import pytest

from postgrest_compat.errors import ApiError
from postgrest_compat.query.ast import SelectCount, SelectEmbed, SelectField, SelectStar
from postgrest_compat.query.filters import parse_filter_value, parse_logic, parse_order
from postgrest_compat.query.params import parse_query, split_query
from postgrest_compat.query.select import parse_select


def test_select_aliases_casts_json_paths_and_embeds() -> None:
    items = parse_select("id, n:name::text,data->phones->0->>number,data->3,c:clients!fk!inner(*),...p(x),count()")
    assert isinstance(items[0], SelectField) and items[0].field.name == "id"
    assert (items[1].alias, items[1].cast) == ("n", "text")
    assert items[2].field.default_key == "number"
    assert items[3].field.default_key == "data"
    emb = items[4]
    assert isinstance(emb, SelectEmbed) and (emb.alias, emb.name, emb.hint, emb.join) == ("c", "clients", "fk", "inner")
    assert isinstance(emb.children[0], SelectStar)
    assert items[5].spread and items[5].name == "p"
    assert isinstance(items[6], SelectCount)


def test_empty_select_is_star_and_aggregates_parse() -> None:
    assert isinstance(parse_select("")[0], SelectStar)
    assert parse_select("qty.sum()")[0].agg == "sum"


@pytest.mark.parametrize("text", ["a,,b", "id,name(", "a::", "x.nope()", "a)"])
def test_malformed_select_is_pgrst100(text: str) -> None:
    with pytest.raises(ApiError) as exc:
        parse_select(text)
    assert exc.value.status == 400 and exc.value.code == "PGRST100"
    assert exc.value.message.startswith('"failed to parse select parameter (')


def test_operators_quantifiers_and_lists() -> None:
    e = parse_filter_value("not.like(any).{a*,b*}")
    assert (e.negated, e.op, e.quant, e.value) == (True, "like", "any", "{a*,b*}")
    assert parse_filter_value('in.(1,"a,b","q\\"x")').value == ["1", "a,b", 'q"x']
    assert parse_filter_value("fts(english).cat").lang == "english"
    assert parse_filter_value("is.NOT_NULL").value == "not_null"
    assert parse_filter_value("eq.a.b.c").value == "a.b.c"


def test_unknown_operator_message_matches_postgrest() -> None:
    with pytest.raises(ApiError) as exc:
        parse_filter_value("noop.0")
    assert exc.value.message == '"failed to parse filter (noop.0)" (line 1, column 1)'
    assert exc.value.details == 'unexpected "o" expecting "not" or operator (eq, gt, ...)'


def test_logic_trees_nest_and_quote() -> None:
    tree = parse_logic("or", False, '(a.eq.1,not.and(b.gt.2,c.in.(1,2)),d.eq."x,y",e.cs.{1,2})')
    assert tree.op == "or" and len(tree.children) == 4
    assert tree.children[1].negated and tree.children[1].op == "and"
    assert tree.children[2].expr.value == "x,y"
    assert tree.children[3].expr.value == "{1,2}"


def test_order_terms() -> None:
    terms = parse_order("a.desc.nullslast,b,clients(name).asc,data->>k")
    assert (terms[0].direction, terms[0].nulls) == ("desc", "nullslast")
    assert terms[2].relation == "clients" and terms[2].field.name == "name"
    assert terms[3].field.json_path[0].key == "k"
    with pytest.raises(ApiError):
        parse_order("a.sideways")


def test_query_params_classify_keys() -> None:
    pq = parse_query(
        "select=*,tasks(*)&id=eq.1&tasks.order=id.desc&tasks.limit=2&limit=x&not.or=(a.eq.1)&rel.or=(b.eq.2)"
    )
    top = pq.params[()]
    assert top.filters[0].field.name == "id" and top.limit is None
    assert top.logic[0].negated
    assert pq.params[("tasks",)].limit == 2
    assert pq.params[("rel",)].logic[0].op == "or"


def test_plus_decodes_as_space_and_keys_without_value_dropped() -> None:
    assert split_query("a=b+c&flag&x=%2B") == [("a", "b c"), ("x", "+")]


def test_rpc_arguments_vs_filters() -> None:
    pq = parse_query("a=1&v=1&v=2&id=eq.3", is_rpc=True)
    assert pq.rpc_args == [("a", "1"), ("v", "1"), ("v", "2")]
    assert pq.params[()].filters[0].field.name == "id"


def test_deep_nesting_is_a_parse_error_not_a_crash() -> None:
    with pytest.raises(ApiError) as exc:
        parse_select("a(" * 500 + ")" * 500)
    assert exc.value.code == "PGRST100"
    with pytest.raises(ApiError) as exc:
        parse_logic("or", False, "(" + "and(" * 500 + "a.eq.1" + ")" * 501)
    assert exc.value.code == "PGRST100"


def test_casts_allow_multiword_types_but_nothing_else() -> None:
    assert parse_select("name::character varying")[0].cast == "character varying"
    with pytest.raises(ApiError):
        parse_select("name::text)")
    with pytest.raises(ApiError):
        parse_select('name::text"')

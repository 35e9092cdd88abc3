"""Rendering one read level: select list, LATERAL embeds (to-one, to-many, M2M, spread, !inner), filters,
order and limits, recursively. Layer: postgrest_compat.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from postgrest_compat.errors import pgrst
from postgrest_compat.query.ast import EmbedParams, OrderTerm, SelectCount, SelectEmbed, SelectField, SelectStar
from postgrest_compat.relationships import find_relationship
from postgrest_compat.schema_cache import Relationship, SchemaCache, Table
from postgrest_compat.sql.filters import Params, field_sql, filter_sql, ident, logic_sql, qualified


@dataclass
class Level:
    """The rendered pieces of one level (the top relation or an embed)."""

    select: list[str] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    group: list[str] = field(default_factory=list)
    order: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    embeds: dict[str, tuple[Relationship, str]] = field(default_factory=dict)
    null_exprs: dict[str, str] = field(default_factory=dict)


def _row_ref(table: Table, ref: str) -> str:
    """A whole-row reference: the unqualified name when the relation is referenced schema-qualified."""
    return ident(table.name) if ref == qualified(table) else ref


class ReadRenderer:
    def __init__(self, sc: SchemaCache, params: Params, *, max_rows: int | None, aggregates: bool) -> None:
        self.sc = sc
        self.params = params
        self.max_rows = max_rows
        self.aggregates = aggregates
        self.counter = 0
        self.embed_paths: set[tuple[str, ...]] = set()

    def level(self, table: Table, ref: str, items: list, path: tuple[str, ...], mods: dict, *, star_cols=None):
        lvl = Level()
        has_agg = any(isinstance(i, SelectCount) or (isinstance(i, SelectField) and i.agg) for i in items)
        if has_agg and not self.aggregates:
            raise pgrst("PGRST123", "Use of aggregate functions is not allowed")
        for item in items:
            if isinstance(item, SelectStar):
                if star_cols is None:
                    lvl.select.append(f"{ref}.*")
                else:
                    lvl.select.extend(f"{ref}.{ident(c)}" for c in star_cols)
                lvl.keys.extend(table.columns)
            elif isinstance(item, SelectField):
                self._field(lvl, table, ref, item, has_agg)
            elif isinstance(item, SelectCount):
                expr = "pg_catalog.count(*)"
                if item.cast:
                    expr = f"CAST({expr} AS {item.cast})"
                key = item.alias or "count"
                lvl.select.append(f"{expr} AS {ident(key)}")
                lvl.keys.append(key)
            elif isinstance(item, SelectEmbed):
                self._embed(lvl, table, ref, item, path, mods)
        em: EmbedParams = mods.get(path) or EmbedParams()
        for flt in em.filters:
            lvl.where.append(filter_sql(ref, flt, table, self.params, lvl.null_exprs))
        for tree in em.logic:
            lvl.where.append(logic_sql(ref, tree, table, self.params, lvl.null_exprs))
        if em.order:
            lvl.order = [self._order(lvl, table, ref, t) for t in em.order]
        return lvl

    def _field(self, lvl: Level, table: Table, ref: str, item: SelectField, has_agg: bool) -> None:
        computed = self.sc.computed.get((table.schema, table.name, item.field.name))
        if computed is not None and item.field.name not in table.columns:
            expr = f"{ident(computed.schema)}.{ident(computed.name)}({_row_ref(table, ref)})"
        else:
            expr = field_sql(ref, item.field, table, self.params)
        key = item.alias or item.field.default_key
        if item.cast:
            expr = f"CAST({expr} AS {item.cast})"
        if item.agg:
            if has_agg:
                pass
            expr = f"{item.agg}({expr})"
            if item.agg_cast:
                expr = f"CAST({expr} AS {item.agg_cast})"
            key = item.alias or item.agg
        elif has_agg:
            lvl.group.append(expr)
        needs_alias = item.alias or item.field.json_path or item.agg or computed is not None
        lvl.select.append(f"{expr} AS {ident(key)}" if needs_alias else expr)
        lvl.keys.append(key)

    def _embed(self, lvl: Level, table: Table, ref: str, emb: SelectEmbed, path: tuple, mods: dict) -> None:
        rel = find_relationship(self.sc, table, emb.name, emb.hint)
        child = rel.foreign
        self.counter += 1
        alias = ident(f"{child.name}_{self.counter}")
        cpath = (*path, emb.key)
        legacy = (*path, emb.name)
        if emb.alias and legacy in mods and cpath not in mods:  # relation name instead of alias (deprecated)
            mods[cpath] = mods[legacy]
        self.embed_paths.add(cpath)
        if emb.alias is None or emb.alias != emb.name:
            self.embed_paths.add((*path, emb.name))
        sub = self.level(child, alias, emb.children, cpath, mods)
        conds = list(sub.where)
        if rel.computed is not None:
            fn = rel.computed
            from_sql = f"{ident(fn.schema)}.{ident(fn.name)}({_row_ref(table, ref)}) AS {alias}"
        elif rel.junction is not None:
            jal = ident(f"{rel.junction.name}_{self.counter}")
            from_sql = (
                f"{qualified(child)} AS {alias} INNER JOIN {qualified(rel.junction)} AS {jal} ON "
                + " AND ".join(
                    f"{jal}.{ident(jc)} = {alias}.{ident(fc)}" for jc, fc in zip(rel.jcols2, rel.fcolumns, strict=False)
                )
            )
            conds = [
                f"{jal}.{ident(jc)} = {ref}.{ident(c)}" for jc, c in zip(rel.jcols1, rel.columns, strict=False)
            ] + conds
        else:
            from_sql = f"{qualified(child)} AS {alias}"
            conds = [
                f"{alias}.{ident(fc)} = {ref}.{ident(c)}" for c, fc in zip(rel.columns, rel.fcolumns, strict=False)
            ] + conds
        em = mods.get(cpath) or EmbedParams()
        limit = em.limit
        if not rel.to_one and self.max_rows is not None:
            limit = self.max_rows if limit is None else min(limit, self.max_rows)
        sub_sql = "SELECT " + (", ".join(sub.select)) + f" FROM {from_sql}" + "".join(" " + j for j in sub.joins)
        if conds:
            sub_sql += " WHERE " + " AND ".join(conds)
        if sub.group:
            sub_sql += " GROUP BY " + ", ".join(sub.group)
        if sub.order:
            sub_sql += " ORDER BY " + ", ".join(sub.order)
        if limit is not None:
            sub_sql += f" LIMIT {int(limit)}"
        if em.offset:
            sub_sql += f" OFFSET {int(em.offset)}"
        join = "INNER JOIN LATERAL" if emb.join == "inner" else "LEFT JOIN LATERAL"
        key = emb.key
        output = bool(emb.children)
        if rel.to_one:
            lvl.joins.append(f"{join} ({sub_sql}) AS {alias} ON TRUE")
            lvl.null_exprs[key] = f"row_to_json({alias}.*)"
            if emb.spread and output:
                lvl.select.append(f"{alias}.*")
                lvl.keys.extend(sub.keys)
            elif output:
                lvl.select.append(f"row_to_json({alias}.*)::jsonb AS {ident(key)}")
                lvl.keys.append(key)
        elif emb.spread:
            if sub.group:
                raise pgrst(
                    "PGRST127", "Feature not implemented", "Aggregates are not supported in one-to-many spreads"
                )
            cols = ", ".join(f"COALESCE(json_agg({alias}.{ident(k)}), '[]')::jsonb AS {ident(k)}" for k in sub.keys)
            lvl.joins.append(f"{join} (SELECT {cols or '1'} FROM ({sub_sql}) AS {alias}) AS {alias} ON TRUE")
            lvl.null_exprs[key] = f"{alias}.*"
            lvl.select.append(f"{alias}.*")
            lvl.keys.extend(sub.keys)
        else:
            agg_alias = alias
            on = f"{alias}.{agg_alias} IS NOT NULL" if emb.join == "inner" else "TRUE"
            lvl.joins.append(
                f"{join} (SELECT json_agg({alias})::jsonb AS {agg_alias} FROM ({sub_sql}) AS {alias}) "
                f"AS {alias} ON {on}"
            )
            lvl.null_exprs[key] = f"{alias}.{agg_alias}"
            if output:
                lvl.select.append(f"COALESCE({alias}.{agg_alias}, '[]') AS {ident(key)}")
                lvl.keys.append(key)
        lvl.embeds[key] = (rel, alias)
        if emb.alias and emb.alias != emb.name:
            lvl.embeds.setdefault(emb.name, (rel, alias))

    def _order(self, lvl: Level, table: Table, ref: str, term: OrderTerm) -> str:
        if term.relation is not None:
            found = lvl.embeds.get(term.relation)
            if found is None or not found[0].to_one:
                raise pgrst(
                    "PGRST118",
                    f"A related order on '{term.relation}' is not possible",
                    f"'{table.name}' and '{term.relation}' do not form a many-to-one or one-to-one relationship",
                )
            rel = found[0]
            if rel.computed is not None:
                expr = field_sql(found[1], term.field, rel.foreign, self.params)
            else:  # a scalar subquery, so the column need not be selected in the embed
                self.counter += 1
                oal = ident(f"{rel.foreign.name}_o{self.counter}")
                conds = " AND ".join(f"{oal}.{ident(fc)} = {ref}.{ident(c)}"
                                     for c, fc in zip(rel.columns, rel.fcolumns, strict=False))  # fmt: skip
                col = field_sql(oal, term.field, rel.foreign, self.params)
                expr = f"(SELECT {col} FROM {qualified(rel.foreign)} AS {oal} WHERE {conds} LIMIT 1)"
        else:
            expr = field_sql(ref, term.field, table, self.params)
        if term.direction:
            expr += " " + term.direction.upper()
        if term.nulls:
            expr += " NULLS FIRST" if term.nulls == "nullsfirst" else " NULLS LAST"
        return expr

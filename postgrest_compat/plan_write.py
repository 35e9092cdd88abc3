"""Planning POST (insert, upsert), PATCH, PUT and DELETE into one `WITH pgrst_source AS (… RETURNING …)`
statement with the representation built in SQL. Layer: postgrest_compat.
"""

from __future__ import annotations

from postgrest_compat.errors import pgrst, unknown_column
from postgrest_compat.payload import Payload
from postgrest_compat.plan import Planned
from postgrest_compat.query.ast import EmbedParams
from postgrest_compat.query.params import ParsedQuery, check_embed_paths
from postgrest_compat.schema_cache import SchemaCache, Table
from postgrest_compat.sql.filters import Params, filter_sql, ident, logic_sql, qualified
from postgrest_compat.sql.select import ReadRenderer
from postgrest_compat.sql.statements import wrap_mutation


def _check_columns(table: Table, cols: list[str]) -> None:
    for c in cols:
        if c not in table.columns:
            raise unknown_column(c, table.name)


def _returning(table: Table, ret: str, track_inserted: bool) -> str:
    if ret == "representation":
        out = f"{qualified(table)}.*"
    elif ret == "headers-only" and table.pk:
        out = ", ".join(f"{qualified(table)}.{ident(c)}" for c in table.pk)
    else:
        out = "1"
    if track_inserted:
        out += f", ({qualified(table)}.xmax = 0) AS pgrst_inserted"
    return f" RETURNING {out}"


def _representation(sc: SchemaCache, config, table: Table, pq: ParsedQuery, params: Params, ret: str) -> str:
    if ret != "representation":
        return "SELECT 1 FROM pgrst_source"
    mods = dict(pq.params)
    top = mods.get(()) or EmbedParams()
    mods[()] = EmbedParams(order=top.order)
    r = ReadRenderer(sc, params, max_rows=None, aggregates=bool(config.get("db-aggregates-enabled")))
    ref = ident(table.name)
    lvl = r.level(table, ref, pq.select, (), mods, star_cols=list(table.columns))
    check_embed_paths(pq, r.embed_paths)
    sql = f"SELECT {', '.join(lvl.select) or 'NULL'} FROM pgrst_source AS {ref}" + "".join(" " + j for j in lvl.joins)
    if lvl.where:
        sql += " WHERE " + " AND ".join(lvl.where)
    if lvl.order:
        sql += " ORDER BY " + ", ".join(lvl.order)
    return sql


def _where(table: Table, pq: ParsedQuery, params: Params) -> str:
    top = pq.params.get(()) or EmbedParams()
    ref = qualified(table)
    conds = [filter_sql(ref, f, table, params) for f in top.filters]
    conds += [logic_sql(ref, t, table, params) for t in top.logic]
    return (" WHERE " + " AND ".join(conds)) if conds else ""


def _body_source(table: Table, cols: list[str], payload: Payload, params: Params, *, missing_default: bool) -> str:
    types = ", ".join(f"{ident(c)} {table.columns[c].type}" for c in cols)
    body = params.add(payload.json_text)
    if missing_default:
        defaults = ", ".join(
            f"{params.add(c)}::text, {table.columns[c].default}" for c in cols if table.columns[c].default is not None
        )
        rows = (f"(SELECT jsonb_build_object({defaults}) || pgrst_x AS pgrst_j "
                f"FROM jsonb_array_elements({body}::jsonb) AS pgrst_x) AS pgrst_rows")  # fmt: skip
        return f"{rows}, LATERAL jsonb_to_record(pgrst_rows.pgrst_j) AS pgrst_body({types})"
    return f"json_to_recordset({body}::json) AS pgrst_body({types})"


def plan_insert(sc: SchemaCache, config, table: Table, pq: ParsedQuery, payload: Payload, prefer, media: str,
                *, put: bool = False) -> Planned:  # fmt: skip
    params = Params()
    cols = pq.columns if pq.columns is not None else payload.keys
    _check_columns(table, cols)
    ret = prefer.get("return") or "minimal"
    applied: dict[str, str] = {}
    resolution = "merge-duplicates" if put else prefer.get("resolution")
    conflict = pq.on_conflict or table.pk
    if conflict:
        _check_columns(table, conflict)
    upsert = bool(resolution and conflict)
    if upsert and not put:
        applied["resolution"] = resolution
    missing_default = prefer.get("missing") == "default"
    if prefer.get("missing") and not put:
        applied["missing"] = prefer.get("missing")
    target = qualified(table)
    if not cols and payload.rows:
        mutation = f"INSERT INTO {target} DEFAULT VALUES"
    elif not cols:
        mutation = f"SELECT {', '.join(f'{target}.{ident(c)}' for c in table.columns) or '1'} FROM {target} WHERE false"
        if upsert:
            mutation = mutation.replace(" FROM ", ", false AS pgrst_inserted FROM ", 1)
        ret = ret if ret != "representation" else "representation"
        main = wrap_mutation(mutation, _representation(sc, config, table, pq, params, ret),
                             media if ret == "representation" else "none", pk=None, track_inserted=upsert)  # fmt: skip
        return Planned(main, params.values, 0, False, "mutation", table, inserted_tracked=upsert, applied=applied)
    else:
        source = _body_source(table, cols, payload, params, missing_default=missing_default)
        col_list = ", ".join(ident(c) for c in cols)
        mutation = (f"INSERT INTO {target} ({col_list}) SELECT {', '.join('pgrst_body.' + ident(c) for c in cols)} "
                    f"FROM {source}")  # fmt: skip
    if upsert:
        on = ", ".join(ident(c) for c in conflict)
        if resolution == "ignore-duplicates":
            mutation += f" ON CONFLICT ({on}) DO NOTHING"
        else:
            sets = (
                ", ".join(f"{ident(c)} = EXCLUDED.{ident(c)}" for c in cols)
                or f"{ident(conflict[0])} = EXCLUDED.{ident(conflict[0])}"
            )
            mutation += f" ON CONFLICT ({on}) DO UPDATE SET {sets}"
    mutation += _returning(table, ret, upsert)
    rep = _representation(sc, config, table, pq, params, ret)
    pk = table.pk if ret == "headers-only" else None
    main = wrap_mutation(mutation, rep, media if ret == "representation" else "none", pk=pk, track_inserted=upsert)
    return Planned(main, params.values, 0, False, "mutation", table, inserted_tracked=upsert, applied=applied)


def plan_update(sc: SchemaCache, config, table: Table, pq: ParsedQuery, payload: Payload, prefer, media: str):
    params = Params()
    cols = pq.columns if pq.columns is not None else payload.keys
    _check_columns(table, cols)
    ret = prefer.get("return") or "minimal"
    applied = {"missing": prefer.get("missing")} if prefer.get("missing") else {}
    target = qualified(table)
    where = _where(table, pq, params)
    if not cols:
        mutation = f"SELECT {', '.join(f'{target}.{ident(c)}' for c in table.columns) or '1'} FROM {target} WHERE false"
    else:
        types = ", ".join(f"{ident(c)} {table.columns[c].type}" for c in cols)
        row = params.add(__import__("orjson").dumps((payload.rows or [{}])[0]).decode())
        sets = ", ".join(f"{ident(c)} = pgrst_body.{ident(c)}" for c in cols)
        body = f"(SELECT * FROM json_to_record({row}::json) AS pgrst_b({types})) AS pgrst_body"
        mutation = f"UPDATE {target} SET {sets} FROM {body}{where}" + _returning(table, ret, False)
    rep = _representation(sc, config, table, pq, params, ret)
    main = wrap_mutation(mutation, rep, media if ret == "representation" else "none", pk=None, track_inserted=False)
    return Planned(main, params.values, 0, False, "mutation", table, applied=applied)


def plan_delete(sc: SchemaCache, config, table: Table, pq: ParsedQuery, prefer, media: str) -> Planned:
    params = Params()
    ret = prefer.get("return") or "minimal"
    mutation = f"DELETE FROM {qualified(table)}{_where(table, pq, params)}" + _returning(table, ret, False)
    rep = _representation(sc, config, table, pq, params, ret)
    main = wrap_mutation(mutation, rep, media if ret == "representation" else "none", pk=None, track_inserted=False)
    return Planned(main, params.values, 0, False, "mutation", table)


def check_put(table: Table, pq: ParsedQuery, payload: Payload) -> None:
    top = pq.params.get(()) or EmbedParams()
    if pq.has_limit_offset:
        raise pgrst("PGRST114", "limit/offset querystring parameters are not allowed for PUT")
    eqs = {f.field.name: f.expr.value for f in top.filters if f.expr.op == "eq" and not f.expr.negated
           and not f.expr.quant and not f.field.json_path}  # fmt: skip
    if not table.pk or top.logic or len(top.filters) != len(eqs) or set(eqs) != set(table.pk):
        raise pgrst("PGRST105", "Filters must include all and only primary key columns with 'eq' operators")
    rows = payload.rows or []
    if len(rows) != 1:
        raise pgrst("PGRST102", "Payload values do not match URL in primary key column(s)") if rows else \
            pgrst("PGRST102", "Empty or invalid json")  # fmt: skip
    row = rows[0]
    for c in table.pk:
        if c not in row or _as_text(row[c]) != eqs[c]:
            raise pgrst("PGRST115", "Payload values do not match URL in primary key column(s)")


def _as_text(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)

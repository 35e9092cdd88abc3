"""Schema cache: relations, columns, keys, relationships (FK, views via pg_rewrite, M2M) and functions.

Layer: postgrest_compat. Loaded in one read-only transaction; reloaded on NOTIFY.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from postgrest_compat import catalog_sql as q


@dataclass
class Column:
    name: str
    type: str
    nullable: bool
    default: str | None
    description: str | None
    typname: str
    typtype: str
    category: str
    max_len: int | None
    enum: list[str] | None
    basetype: str
    generated: bool

    @property
    def is_json(self) -> bool:
        return self.basetype in ("json", "jsonb")

    @property
    def is_tsvector(self) -> bool:
        return self.basetype == "tsvector"


@dataclass
class Table:
    oid: int
    schema: str
    name: str
    kind: str
    description: str | None
    insertable: bool
    updatable: bool
    deletable: bool
    columns: dict[str, Column] = field(default_factory=dict)
    pk: list[str] = field(default_factory=list)
    uniques: list[list[str]] = field(default_factory=list)

    @property
    def qualified(self) -> tuple[str, str]:
        return (self.schema, self.name)


@dataclass
class Relationship:
    table: Table
    foreign: Table
    cardinality: str  # M2O O2M O2O M2M
    constraint: str
    columns: list[str]
    fcolumns: list[str]
    junction: Table | None = None
    jconstraint1: str = ""
    jcols1: list[str] = field(default_factory=list)  # junction columns pointing at `table`
    jconstraint2: str = ""
    jcols2: list[str] = field(default_factory=list)  # junction columns pointing at `foreign`
    computed: Any = None  # Function for computed relationships

    @property
    def to_one(self) -> bool:
        return self.cardinality in ("M2O", "O2O")


@dataclass
class Param:
    name: str
    type: str
    mode: str
    has_default: bool


@dataclass
class Function:
    oid: int
    schema: str
    name: str
    description: str | None
    params: list[Param]
    variadic: bool
    retset: bool
    volatility: str
    return_kind: str  # scalar composite void
    return_type: str
    ret_table: Table | None
    settings: list[tuple[str, str]]
    rows_one: bool = False

    @property
    def required(self) -> set[str]:
        return {p.name for p in self.params if not p.has_default}

    @property
    def signature(self) -> str:
        return ", ".join(f"{p.name} => {p.type}" if p.name else p.type for p in self.params)


_TARGET = re.compile(r":resno (\d+) :resname (\S+) :ressortgroupref \d+ :resorigtbl (\d+) :resorigcol (\d+)")


@dataclass
class SchemaCache:
    tables: dict[tuple[str, str], Table] = field(default_factory=dict)
    by_oid: dict[int, Table] = field(default_factory=dict)
    rels: dict[tuple[str, str], list[Relationship]] = field(default_factory=dict)
    functions: dict[tuple[str, str], list[Function]] = field(default_factory=list)  # type: ignore[arg-type]
    computed: dict[tuple[str, str, str], Function] = field(default_factory=dict)
    role_settings: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    schema_comments: dict[str, str | None] = field(default_factory=dict)
    privileges: dict[int, tuple[bool, bool, bool, bool]] = field(default_factory=dict)


def _view_columns(action: str, ncols: int) -> dict[int, tuple[int, int]]:
    """View attnum → (base relation oid, base attnum) from the top-level target list (last occurrence wins)."""
    out: dict[int, tuple[int, int]] = {}
    for m in _TARGET.finditer(action):
        resno, tbl, col = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if 1 <= resno <= ncols:
            out[resno] = (tbl, col) if tbl else (0, 0)
    if " :setOperations {" in action:
        return {}
    return {k: v for k, v in out.items() if v[0]}


async def load_schema_cache(conn: Any, schemas: list[str], anon_role: str | None = None) -> SchemaCache:
    sc = SchemaCache(functions={})
    cur = conn.cursor()
    await cur.execute(q.RELATIONS)
    for oid, nsp, name, kind, desc, upd in await cur.fetchall():
        t = Table(oid, nsp, name, kind, desc, bool(upd & 8), bool(upd & 4), bool(upd & 16))
        sc.tables[(nsp, name)] = t
        sc.by_oid[oid] = t
    attnames: dict[tuple[int, int], str] = {}
    await cur.execute(q.COLUMNS)
    for row in await cur.fetchall():
        relid, attnum, name = row[0], row[1], row[2]
        t = sc.by_oid.get(relid)
        if t is None:
            continue
        t.columns[name] = Column(name, *row[3:])
        attnames[(relid, attnum)] = name
    await cur.execute(q.CONSTRAINTS)
    fks = []
    for conname, contype, relid, frelid, conkey, confkey in await cur.fetchall():
        t = sc.by_oid.get(relid)
        if t is None:
            continue
        cols = [attnames.get((relid, k), "") for k in conkey]
        if contype == "p":
            t.pk = cols
        elif contype == "u":
            t.uniques.append(cols)
        elif frelid in sc.by_oid:
            fcols = [attnames.get((frelid, k), "") for k in confkey]
            fks.append((conname, t, sc.by_oid[frelid], cols, fcols))
    views = await _load_views(cur, sc, attnames)
    _build_relationships(sc, fks, views)
    await _load_functions(cur, sc, schemas)
    await cur.execute(q.ROLE_SETTINGS)
    for role, settings in await cur.fetchall():
        for item in settings or []:
            k, _, v = item.partition("=")
            sc.role_settings.setdefault(role, []).append((k, v))
    await cur.execute(q.SCHEMA_COMMENTS, (schemas,))
    sc.schema_comments = dict(await cur.fetchall())
    if anon_role:
        await cur.execute(q.PRIVILEGES, (anon_role, anon_role, anon_role, anon_role, schemas))
        sc.privileges = {r[0]: tuple(r[1:]) for r in await cur.fetchall()}
    return sc


async def _load_views(cur: Any, sc: SchemaCache, attnames: dict[tuple[int, int], str]):
    """For each view: {view column → (base table, base column)}, following view-on-view chains."""
    await cur.execute(q.VIEW_DEFS)
    direct: dict[int, dict[str, tuple[int, str]]] = {}
    for relid, action in await cur.fetchall():
        v = sc.by_oid.get(relid)
        if v is None:
            continue
        mapping = _view_columns(action, len(v.columns))
        names = list(v.columns)
        direct[relid] = {
            names[i - 1]: (tbl, attnames.get((tbl, col), "")) for i, (tbl, col) in mapping.items() if i <= len(names)
        }
    resolved: dict[int, dict[str, tuple[Table, str]]] = {}
    for relid, mapping in direct.items():
        out: dict[str, tuple[Table, str]] = {}
        for vcol, (tbl, col) in mapping.items():
            seen = 0
            while tbl in direct and seen < 10 and col in direct[tbl]:
                tbl, col = direct[tbl][col]
                seen += 1
            if tbl in sc.by_oid and tbl not in direct:
                out[vcol] = (sc.by_oid[tbl], col)
        resolved[relid] = out
        view = sc.by_oid[relid]
        base_pk: dict[int, list[str]] = {}
        for vcol, (base, col) in out.items():
            if col in base.pk:
                base_pk.setdefault(base.oid, []).append((vcol, col))
        for base_oid, pairs in base_pk.items():
            base = sc.by_oid[base_oid]
            if {c for _, c in pairs} == set(base.pk) and not view.pk:
                view.pk = [next(v for v, c in pairs if c == pk) for pk in base.pk]
    return resolved


def _aliases(sc: SchemaCache, table: Table, cols: list[str], views: dict[int, dict[str, tuple[Table, str]]]):
    """(relation, columns) for `table` itself and every view exposing all of `cols` from it."""
    out = [(table, cols)]
    for vid, mapping in views.items():
        rev = {(base.oid, col): vcol for vcol, (base, col) in mapping.items()}
        vcols = [rev.get((table.oid, c)) for c in cols]
        if all(vcols):
            out.append((sc.by_oid[vid], vcols))
    return out


def _is_unique(table: Table, cols: list[str]) -> bool:
    return set(cols) == set(table.pk) or any(set(cols) == set(u) for u in table.uniques)


def _build_relationships(sc: SchemaCache, fks: list, views: dict[int, dict[str, tuple[Table, str]]]) -> None:
    def add(rel: Relationship) -> None:
        sc.rels.setdefault(rel.table.qualified, []).append(rel)

    for conname, t, u, cols, fcols in fks:
        one = _is_unique(t, cols)
        for rt, rcols in _aliases(sc, t, cols, views):
            for ru, rfcols in _aliases(sc, u, fcols, views):
                add(Relationship(rt, ru, "O2O" if one else "M2O", conname, rcols, rfcols))
                add(Relationship(ru, rt, "O2O" if one else "O2M", conname, rfcols, rcols))
    by_table: dict[int, list] = {}
    for fk in fks:
        by_table.setdefault(fk[1].oid, []).append(fk)
    for _jid, jfks in by_table.items():
        for c1, j, a, cols1, fcols1 in jfks:
            if not j.pk or not set(cols1) <= set(j.pk):
                continue
            for c2, _j2, b, cols2, fcols2 in jfks:
                if c1 == c2 or not set(cols2) <= set(j.pk):
                    continue
                for ra, rafcols in _aliases(sc, a, fcols1, views):
                    for rb, rbfcols in _aliases(sc, b, fcols2, views):
                        add(Relationship(ra, rb, "M2M", c1, rafcols, rbfcols, j, c1, cols1, c2, cols2))


async def _load_functions(cur: Any, sc: SchemaCache, schemas: list[str]) -> None:
    await cur.execute(q.FUNCTIONS, (schemas,))
    for row in await cur.fetchall():
        (oid, nsp, name, desc, argnames, argtypes, argmodes, ndefaults, variadic, _rettype, retset, vol,
         rettyptype, typrelid, rettypename, config, argtypenames, rettypname, rows_one) = row  # fmt: skip
        params: list[Param] = []
        modes = argmodes or ["i"] * len(argtypes)
        inputs = [i for i, m in enumerate(modes) if m in ("i", "b", "v")]
        for pos, i in enumerate(inputs):
            pname = argnames[i] if i < len(argnames) else ""
            has_default = pos >= len(inputs) - (ndefaults or 0)
            params.append(Param(pname or "", argtypenames[i], modes[i], has_default))
        ret_table = sc.by_oid.get(typrelid) if typrelid else None
        if rettypname == "void":
            kind = "void"
        elif rettyptype == "c" or "t" in modes or (rettypname == "record"):
            kind = "composite"
        else:
            kind = "scalar"
        settings = [tuple(s.split("=", 1)) for s in config if "=" in s]
        fn = Function(oid, nsp, name, desc, params, variadic, retset, vol, kind, rettypename, ret_table,
                      settings, bool(rows_one))  # fmt: skip
        sc.functions.setdefault((nsp, name), []).append(fn)
        if len(params) == 1 and not params[0].has_default:
            arg_table = _table_by_type(sc, params[0].type, nsp)
            if arg_table is not None:
                if ret_table is not None and kind == "composite":
                    rel = Relationship(arg_table, ret_table, "M2O" if (not retset or rows_one) else "O2M", name, [],
                                       [], computed=fn)  # fmt: skip
                    lst = sc.rels.setdefault(arg_table.qualified, [])
                    lst[:] = [r for r in lst if not (r.foreign.name == name and r.computed is None)]
                    lst.append(rel)
                elif not retset and kind == "scalar":
                    sc.computed[(arg_table.schema, arg_table.name, name)] = fn


def _table_by_type(sc: SchemaCache, typname: str, default_schema: str) -> Table | None:
    schema, _, name = typname.rpartition(".")
    return sc.tables.get((schema or default_schema, name.strip('"')))

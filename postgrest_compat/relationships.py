"""Resolving `target[!hint]` embeds against the schema cache (PostgREST's findRel), PGRST200/201 errors.

Layer: postgrest_compat.
"""

from __future__ import annotations

from postgrest_compat.errors import ApiError, pgrst
from postgrest_compat.schema_cache import Relationship, SchemaCache, Table

CARDINALITY = {"M2O": "many-to-one", "O2M": "one-to-many", "O2O": "one-to-one", "M2M": "many-to-many"}


def _describe(rel: Relationship) -> dict[str, str]:
    if rel.junction is not None:
        text = (f"{rel.junction.name} using {rel.jconstraint1}({', '.join(rel.jcols1)}) and "
                f"{rel.jconstraint2}({', '.join(rel.jcols2)})")  # fmt: skip
    else:
        text = (f"{rel.constraint} using {rel.table.name}({', '.join(rel.columns)}) and "
                f"{rel.foreign.name}({', '.join(rel.fcolumns)})")  # fmt: skip
    return {
        "cardinality": CARDINALITY[rel.cardinality],
        "embedding": f"{rel.table.name} with {rel.foreign.name}",
        "relationship": text,
    }


def _hint_name(rel: Relationship) -> str:
    if rel.junction is not None:
        return rel.junction.name
    return rel.constraint


def find_relationship(sc: SchemaCache, origin: Table, target: str, hint: str | None) -> Relationship:
    rels = sc.rels.get(origin.qualified, [])
    schema = origin.schema
    computed = [r for r in rels if r.computed is not None and r.computed.name == target]
    if computed:  # computed relationships override same-name ones
        return computed[0]
    rels = [r for r in rels if r.computed is None]
    if hint is None:
        found = [r for r in rels if r.foreign.schema == schema and r.foreign.name == target]
        if not found:
            found = [r for r in rels if r.junction is None and r.computed is None and r.foreign.schema == schema
                     and (r.constraint == target or (r.to_one and r.columns == [target]))]  # fmt: skip
            if len(found) > 1:
                found = [r for r in found if r.cardinality != "O2M"] or found
    else:
        found = [
            r
            for r in rels
            if r.foreign.schema == schema
            and r.foreign.name == target
            and (
                hint == r.constraint
                or [hint] == r.columns
                or [hint] == r.fcolumns
                or (r.junction is not None and r.junction.name == hint)
            )
        ]
    if len(found) > 1 and all(r.table is r.foreign for r in found):
        # self-relationship: the table name means the one-to-many side, a hint on the FK column the same
        found = [r for r in found if r.cardinality == "O2M"] or found
    unique: list[Relationship] = []
    for r in found:
        if not any(u.cardinality == r.cardinality and u.constraint == r.constraint and u.foreign is r.foreign
                   and u.junction is r.junction for u in unique):  # fmt: skip
            unique.append(r)
    if not unique:
        raise no_relationship(origin, target, hint, rels)
    if len(unique) > 1:
        raise ambiguous(origin, target, unique)
    return unique[0]


def no_relationship(origin: Table, target: str, hint: str | None, rels: list[Relationship]) -> ApiError:
    using = f"' using the hint '{hint}" if hint is not None else ""
    details = (f"Searched for a foreign key relationship between '{origin.name}' and '{target}{using}' in the "
               f"schema '{origin.schema}', but no matches were found.")  # fmt: skip
    names = sorted({r.foreign.name for r in rels if r.foreign.schema == origin.schema})
    hint_text = None
    close = _closest(target, [n for n in names if n != target])
    if close and target not in names:
        hint_text = f"Perhaps you meant '{close}' instead of '{target}'."
    return pgrst(
        "PGRST200",
        f"Could not find a relationship between '{origin.name}' and '{target}' in the schema cache",
        details,
        hint_text,
    )


def ambiguous(origin: Table, target: str, rels: list[Relationship]) -> ApiError:
    options = ", ".join(f"'{target}!{_hint_name(r)}'" for r in rels)
    return pgrst(
        "PGRST201",
        f"Could not embed because more than one relationship was found for '{origin.name}' and '{target}'",
        [_describe(r) for r in rels],
        f"Try changing '{target}' to one of the following: {options}. Find the desired relationship in the "
        "'details' key.",
    )


def _closest(word: str, names: list[str]) -> str | None:
    from difflib import get_close_matches

    match = get_close_matches(word, names, n=1, cutoff=0.6)
    return match[0] if match else None

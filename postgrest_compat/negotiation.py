"""Content negotiation (Accept with q-values), Prefer parsing and Preference-Applied. Layer: postgrest_compat."""

from __future__ import annotations

from dataclasses import dataclass, field

from postgrest_compat.errors import not_acceptable, pgrst

JSON = "application/json"
OBJECT = "application/vnd.pgrst.object+json"
ARRAY = "application/vnd.pgrst.array+json"
CSV = "text/csv"
OPENAPI = "application/openapi+json"


@dataclass
class Media:
    kind: str  # json object csv openapi
    stripped: bool = False

    @property
    def content_type(self) -> str:
        if self.kind == "object":
            return OBJECT + (";nulls=stripped" if self.stripped else "") + "; charset=utf-8"
        if self.kind == "csv":
            return "text/csv; charset=utf-8"
        if self.kind == "openapi":
            return "application/openapi+json; charset=utf-8"
        if self.stripped:
            return ARRAY + ";nulls=stripped; charset=utf-8"
        return "application/json; charset=utf-8"


def _parse_accept(header: str) -> list[tuple[str, dict[str, str]]]:
    items = []
    for n, part in enumerate(header.split(",")):
        bits = [b.strip() for b in part.split(";")]
        if not bits[0]:
            continue
        params = {}
        for b in bits[1:]:
            k, _, v = b.partition("=")
            params[k.strip().lower()] = v.strip().strip('"')
        try:
            q = float(params.pop("q", "1"))
        except ValueError:
            q = 0.0
        items.append((-q, n, bits[0].lower(), params))
    items.sort()
    return [(t, p) for _, _, t, p in items]


def negotiate(accept: str | None, *, root: bool = False) -> Media:
    """First producible media type in q order; PGRST107 (406) otherwise."""
    for mtype, params in _parse_accept(accept or "*/*"):
        stripped = params.get("nulls") == "stripped"
        if mtype in ("*/*", "application/*"):
            return Media("openapi" if root else "json")
        if mtype == JSON:
            return Media("json", stripped)
        if root:
            if mtype == OPENAPI:
                return Media("openapi")
            continue
        if mtype in (OBJECT, "application/vnd.pgrst.object"):
            return Media("object", stripped)
        if mtype in (ARRAY, "application/vnd.pgrst.array"):
            return Media("json", stripped)
        if mtype in (CSV, "text/*"):
            return Media("csv")
    raise not_acceptable(accept or "")


PREF_VALUES = {
    "return": ("minimal", "headers-only", "representation"),
    "count": ("exact", "planned", "estimated"),
    "resolution": ("merge-duplicates", "ignore-duplicates"),
    "missing": ("default", "null"),
    "handling": ("strict", "lenient"),
    "tx": ("commit", "rollback"),
}
APPLIED_ORDER = ("resolution", "missing", "return", "count", "tx", "handling", "timezone", "max-affected")


@dataclass
class Prefer:
    values: dict[str, str] = field(default_factory=dict)
    invalid: list[str] = field(default_factory=list)

    def get(self, key: str) -> str | None:
        return self.values.get(key)


def parse_prefer(headers: list[str]) -> Prefer:
    """Split on commas; the first occurrence of a preference wins; unknown tokens are collected."""
    pref = Prefer()
    for header in headers:
        for token in header.split(","):
            token = token.strip()
            if not token:
                continue
            k, _, v = token.partition("=")
            k, v = k.strip(), v.strip()
            if k in PREF_VALUES and v in PREF_VALUES[k]:
                pref.values.setdefault(k, v)
            elif k == "timezone" and v:
                pref.values.setdefault(k, v)
            elif k == "max-affected" and v.isdigit():
                pref.values.setdefault(k, v)
            else:
                pref.invalid.append(token)
    if pref.invalid and pref.values.get("handling") == "strict":
        raise pgrst("PGRST122", "Invalid preferences given with handling=strict",
                    f"Invalid preferences: {', '.join(pref.invalid)}")  # fmt: skip
    return pref


def preference_applied(applied: dict[str, str]) -> str | None:
    parts = [f"{k}={applied[k]}" for k in APPLIED_ORDER if k in applied]
    return ", ".join(parts) if parts else None

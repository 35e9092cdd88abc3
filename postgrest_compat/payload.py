"""Request bodies (ApiRequest/Payload.hs): JSON object/array, CSV, urlencoded; PGRST102 on bad input.

Layer: postgrest_compat.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from urllib.parse import parse_qsl

import orjson

from postgrest_compat.errors import invalid_body


@dataclass
class Payload:
    json_text: str  # a JSON array of objects (or the raw body when `columns=` was given)
    keys: list[str]
    is_array: bool
    rows: list | None  # parsed rows when available


def media_of(content_type: str | None) -> str:
    return (content_type or "application/json").split(";")[0].strip().lower()


def parse_payload(body: bytes, content_type: str | None, *, columns: list[str] | None) -> Payload:
    media = media_of(content_type)
    if media in ("application/json", "application/vnd.pgrst.object+json", "application/vnd.pgrst.object"):
        return _json(body, columns)
    if media == "text/csv":
        return _csv(body)
    if media == "application/x-www-form-urlencoded":
        row = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        return Payload(orjson.dumps([row]).decode(), list(row), False, [row])
    raise invalid_body(f"Content-Type not acceptable: {media}")


def _json(body: bytes, columns: list[str] | None) -> Payload:
    try:
        data = orjson.loads(body) if body.strip() else None
    except orjson.JSONDecodeError:
        raise invalid_body("Empty or invalid json") from None
    if data is None and not body.strip():
        raise invalid_body("Empty or invalid json")
    if isinstance(data, dict):
        rows, is_array = [data], False
    elif isinstance(data, list):
        rows, is_array = data, True
    else:
        rows, is_array = [], True
    if columns is not None:
        if not all(isinstance(r, dict) for r in rows):
            raise invalid_body("All object keys must match")
        return Payload(orjson.dumps(rows).decode(), columns, is_array, rows)
    keys: list[str] = []
    if rows:
        if not all(isinstance(r, dict) for r in rows):
            raise invalid_body("All object keys must match")
        keys = list(rows[0])
        first = set(keys)
        if any(set(r) != first for r in rows[1:]):
            raise invalid_body("All object keys must match")
    return Payload(orjson.dumps(rows).decode(), keys, is_array, rows)


def _csv(body: bytes) -> Payload:
    text = body.decode("utf-8", "replace")
    reader = csv.reader(io.StringIO(text))
    lines = [line for line in reader if line]
    if not lines:
        return Payload("[]", [], True, [])
    header = lines[0]
    rows = []
    for line in lines[1:]:
        if len(line) != len(header):
            raise invalid_body("All lines must have same number of fields")
        rows.append({k: (None if v == "NULL" else v) for k, v in zip(header, line, strict=True)})
    return Payload(orjson.dumps(rows).decode(), header, True, rows)

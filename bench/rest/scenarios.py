"""The three bench-rest scenarios as HTTP requests and as the equivalent SQL (the psycopg baseline). Layer: bench.

User `u1` owns posts whose id ≡ 1 (mod 10) (bench/rest/schema.sql); RLS hides every other row.
"""

from __future__ import annotations

import json
import random

SUB = "u1"
OWN_IDS = list(range(1, 10001, 10))
CLAIMS = json.dumps({"role": "authenticated", "sub": SUB})

PREAMBLE = (
    "select set_config('search_path', '\"api\", \"public\"', true), set_config('role', 'authenticated', true),"
    " set_config('request.jwt.claims', %s, true), set_config('request.method', %s, true)"
)

SQL = {
    "get": "select coalesce(json_agg(_t), '[]')::text from (select p.* from api.posts as p where p.id = %s) as _t",
    "list": (
        "select coalesce(json_agg(_t), '[]')::text from (select p.id, p.title, row_to_json(a.*)::jsonb as author"
        " from api.posts as p left join lateral (select x.name from api.authors as x where x.id = p.author_id) as a"
        " on true order by p.id limit 20 offset %s) as _t"
    ),
    "post": "insert into api.posts (author_id, title, body) values (%s, %s, %s)",
}

TITLES = {
    "get": "GET one row by PK (JWT + RLS)",
    "list": "GET 20 rows + 1 embed",
    "post": "POST one row",
}


def http_request(scenario: str, host: str, auth: str) -> bytes:
    """One raw HTTP/1.1 keep-alive request for `scenario`."""
    head = f"Host: {host}\r\nAuthorization: Bearer {auth}\r\n"
    if scenario == "get":
        return f"GET /posts?select=*&id=eq.{random.choice(OWN_IDS)} HTTP/1.1\r\n{head}\r\n".encode()
    if scenario == "list":
        offset = random.randrange(0, 900)
        path = f"/posts?select=id,title,author:authors(name)&order=id&limit=20&offset={offset}"
        return f"GET {path} HTTP/1.1\r\n{head}\r\n".encode()
    body = json.dumps({"author_id": random.randint(1, 100), "title": "bench", "body": "bench body"}).encode()
    return (
        f"POST /posts HTTP/1.1\r\n{head}Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )


def sql_args(scenario: str) -> tuple:
    """(method, main statement params) for the psycopg baseline."""
    if scenario == "get":
        return "GET", (random.choice(OWN_IDS),)
    if scenario == "list":
        return "GET", (random.randrange(0, 900),)
    return "POST", (random.randint(1, 100), "bench", "bench body")

"""Load generator for bench-rest, run as its own process: N concurrent keep-alive HTTP clients (raw sockets) or N
concurrent psycopg transactions (the baseline) for a fixed time; writes JSON (latencies, elapsed, errors).
Layer: bench.

Usage: loadgen.py http <scenario> <host:port> <jwt> <seconds> <concurrency> <result.json>
       loadgen.py sql <scenario> <conninfo> <connections> <seconds> <concurrency> <result.json>
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

import uvloop

from bench.rest.scenarios import CLAIMS, PREAMBLE, SQL, http_request, sql_args


async def read_response(reader: asyncio.StreamReader) -> int:
    """Read one HTTP/1.1 response (Content-Length or chunked body); return its status."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def http_worker(scenario, host, port, jwt, stop, latencies, errors) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            writer.write(http_request(scenario, f"{host}:{port}", jwt))
            status = await read_response(reader)
            latencies.append(time.perf_counter() - t0)
            if status >= 300:
                errors.append(status)
    finally:
        writer.close()


async def sql_worker(scenario, pool: asyncio.Queue, stop, latencies, errors) -> None:
    while time.perf_counter() < stop:
        method, params = sql_args(scenario)
        t0 = time.perf_counter()
        conn = await pool.get()
        try:  # one round trip: BEGIN, the set_config preamble, the main statement, COMMIT, pipelined
            async with conn.pipeline() as pipe:
                await conn.execute("begin read only" if method == "GET" else "begin")
                await conn.execute(PREAMBLE, (CLAIMS, method), prepare=True)
                cur = await conn.execute(SQL[scenario], params, prepare=True)
                await conn.execute("commit")
                await pipe.sync()
                if cur.description:
                    await cur.fetchall()
        except Exception as exc:  # counted and reported, never hidden
            errors.append(type(exc).__name__)
        finally:
            pool.put_nowait(conn)
        latencies.append(time.perf_counter() - t0)
        await asyncio.sleep(0)  # let the woken waiter take the connection (asyncio.Queue is not fair otherwise)


async def main(argv: list[str]) -> dict:
    mode, scenario, target, extra, seconds, concurrency = argv
    seconds_f, n = float(seconds), int(concurrency)
    latencies: list[float] = []
    errors: list = []
    if mode == "http":
        host, port = target.rsplit(":", 1)
        warm = time.perf_counter() + 1.0
        await asyncio.gather(*(http_worker(scenario, host, int(port), extra, warm, [], []) for _ in range(n)))
        start = time.perf_counter()
        stop = start + seconds_f
        await asyncio.gather(
            *(http_worker(scenario, host, int(port), extra, stop, latencies, errors) for _ in range(n))
        )
    else:
        from psycopg import AsyncConnection

        pool: asyncio.Queue = asyncio.Queue()  # a bare connection queue: no pool bookkeeping in the baseline
        conns = [await AsyncConnection.connect(target, autocommit=True) for _ in range(int(extra))]
        for conn in conns:
            pool.put_nowait(conn)
        warm = time.perf_counter() + 1.0
        await asyncio.gather(*(sql_worker(scenario, pool, warm, [], []) for _ in range(n)))
        start = time.perf_counter()
        stop = start + seconds_f
        await asyncio.gather(*(sql_worker(scenario, pool, stop, latencies, errors) for _ in range(n)))
        for conn in conns:
            await conn.close()
    elapsed = time.perf_counter() - start
    return {
        "latencies": latencies,
        "elapsed": elapsed,
        "errors": len(errors),
        "error_sample": [str(e) for e in errors[:3]],
    }


if __name__ == "__main__":
    result = uvloop.run(main(sys.argv[1:7]))
    Path(sys.argv[7]).write_text(json.dumps(result))

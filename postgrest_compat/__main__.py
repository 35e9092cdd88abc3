"""`postgrest-compat <postgrest.conf>`: validate the config like PostgREST, then serve with granian workers.

Layer: postgrest_compat.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from postgrest_compat.config import ConfigError, load_config

VERSION = "16.0 (postgrest-compat)"


def _log(msg: str) -> None:
    stamp = time.strftime("%d/%b/%Y:%H:%M:%S %z")
    print(f"{stamp}: {msg}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ("-h", "--help"):
        print("Usage: postgrest-compat [FILENAME]")
        return
    if args and args[0] in ("-v", "--version"):
        print(f"PostgREST {VERSION}")
        return
    path = args[0] if args else None
    try:
        config = load_config(path, os.environ)
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        sys.exit(1)
    _log(f"Starting PostgREST {VERSION}...")
    workers = int(config.get("server-workers") or 0) or min(os.cpu_count() or 1, 2)
    os.environ["POSTGREST_COMPAT_CONFIG"] = os.path.abspath(path) if path else ""
    os.environ["POSTGREST_COMPAT_WORKERS"] = str(workers)
    host = config.get("server-host")
    if host in ("!4", "*4", "*"):
        host = "0.0.0.0"
    elif host in ("!6", "*6"):
        host = "::"
    port = int(config.get("server-port"))
    _log("Attempting to connect to the database...")
    _log(f"Listening on port {port}")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s: %(message)s", datefmt="%d/%b/%Y:%H:%M:%S %z")
    logging.getLogger("psycopg.pool").setLevel(logging.CRITICAL)
    socket = config.get("server-unix-socket")
    if os.environ.get("POSTGREST_COMPAT_HTTP", "granian") == "uvicorn":
        # lenient request-line parsing (raw `"`, `->>` in URLs typed into curl), at ~60% of granian's throughput
        import uvicorn

        uvicorn.run("postgrest_compat.app:app", host=host, port=port, uds=socket, workers=workers, loop="uvloop",
                    http="h11", log_level="warning", access_log=False, server_header=False)  # fmt: skip
        return
    from granian import Granian
    from granian.constants import Interfaces, Loops

    Granian(
        "postgrest_compat.app:app",
        address=host,
        port=port,
        uds=Path(socket) if socket else None,
        interface=Interfaces.ASGI,
        workers=workers,
        loop=Loops.uvloop,
        log_enabled=False,
        backlog=2048,
    ).serve()


if __name__ == "__main__":
    main()

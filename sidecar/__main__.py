"""`python -m sidecar serve|worker`: the HTTP sidecar (uvicorn) or the procrastinate worker. Layer: core."""

from __future__ import annotations

import argparse
import asyncio

from sidecar import logs
from sidecar.settings import get_settings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sidecar")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP sidecar")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    worker = sub.add_parser("worker", help="run the job worker")
    worker.add_argument("--queues", help="comma-separated queues (default: all)")
    worker.add_argument("--concurrency", type=int)
    args = parser.parse_args(argv)
    settings = get_settings()
    logs.configure(settings.log_level)
    if args.command == "serve":
        import uvicorn

        from sidecar.app import create_app

        uvicorn.run(
            create_app(settings), host=args.host or settings.host, port=args.port or settings.port,
            log_config=None, access_log=False,
        )  # fmt: skip
    else:
        from sidecar.chassis.jobs.worker import run_worker

        queues = tuple(q for q in (args.queues or "").split(",") if q) or settings.worker_queues
        asyncio.run(run_worker(settings, queues=queues, concurrency=args.concurrency))


if __name__ == "__main__":
    main()

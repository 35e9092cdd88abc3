"""A local OpenAI-compatible chat-completions server for tests and benchmarks (stdlib only, 127.0.0.1:0).

Layer: engine (tests). Scripted outputs answer in order (the last repeats): a dict is sent as JSON, a str as is
(so broken JSON can be scripted), an int as an HTTP error status. With tools offered the output is a forced tool
call, else message content; `stream: true` answers SSE chunks plus a usage chunk. Usage is deterministic:
prompt = len(json(messages)) // 4, completion = len(output) // 4. Every request body is recorded.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class StubState:
    def __init__(self, outputs: list[Any], delay: float) -> None:
        self.outputs = outputs
        self.delay = delay
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    def next_output(self) -> Any:
        with self.lock:
            n = len(self.requests)
            return self.outputs[min(n, len(self.outputs)) - 1] if self.outputs else {}


def _handler(state: StubState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            return

        def _send(self, status: int, body: bytes, ctype: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("content-type", ctype)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            req = json.loads(self.rfile.read(int(self.headers.get("content-length", "0"))))
            with state.lock:
                state.requests.append(req)
            out = state.next_output()
            if state.delay:
                time.sleep(state.delay)
            if isinstance(out, int):
                self._send(
                    out, json.dumps({"error": {"message": f"stub error {out}", "type": "server_error"}}).encode()
                )
                return
            text = out if isinstance(out, str) else json.dumps(out)
            usage = {"prompt_tokens": len(json.dumps(req.get("messages", []))) // 4,
                     "completion_tokens": max(1, len(text) // 4),
                     "prompt_tokens_details": {"cached_tokens": 0}}  # fmt: skip
            usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
            tools = req.get("tools") or []
            if tools:
                call = {"index": 0, "id": f"call_{len(state.requests)}", "type": "function",
                        "function": {"name": tools[0]["function"]["name"], "arguments": text}}  # fmt: skip
                message: dict[str, Any] = {"role": "assistant", "content": None, "tool_calls": [call]}
                finish = "tool_calls"
            else:
                message = {"role": "assistant", "content": text}
                finish = "stop"
            base = {"id": f"chatcmpl-{len(state.requests)}", "created": int(time.time()), "model": req["model"]}
            if not req.get("stream"):
                body = {**base, "object": "chat.completion", "usage": usage,
                        "choices": [{"index": 0, "message": message, "finish_reason": finish}]}  # fmt: skip
                self._send(200, json.dumps(body).encode())
                return
            chunk = {**base, "object": "chat.completion.chunk"}
            chunks = [
                {**chunk, "choices": [{"index": 0, "delta": message, "finish_reason": None}]},
                {**chunk, "choices": [{"index": 0, "delta": {}, "finish_reason": finish}]},
                {**chunk, "choices": [], "usage": usage},
            ]
            payload = "".join(f"data: {json.dumps(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
            self._send(200, payload.encode(), "text/event-stream")

    return Handler


@contextmanager
def openai_stub(outputs: list[Any], *, delay: float = 0.0) -> Iterator[tuple[str, StubState]]:
    """Run the stub; yields (base_url ending in /v1, state)."""
    state = StubState(outputs, delay)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", state
    finally:
        server.shutdown()
        server.server_close()

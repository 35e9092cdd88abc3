"""`python worker_main.py …`: the real worker entry point with the engine tests' interpreters registered.

Layer: engine (tests). Used by the crash-safety test (and the benchmark) to run workers as subprocesses.
"""

from __future__ import annotations

import sys

from engine_support import CLAIMS, WORDS

from sidecar.__main__ import main
from sidecar.engine import registry

if __name__ == "__main__":
    for interpreter in (WORDS, CLAIMS):
        registry.register(interpreter)
    main(["worker", *sys.argv[1:]])

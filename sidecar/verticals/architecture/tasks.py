"""The architecture vertical's worker entry: importing it registers the vertical's jobs and interpreters.
Layer: vertical. Imported by `python -m sidecar worker` when SIDECAR_VERTICALS names `architecture`.
"""

from __future__ import annotations

import sidecar.verticals.architecture.feeds.tasks
import sidecar.verticals.architecture.interpreters.registration  # noqa: F401

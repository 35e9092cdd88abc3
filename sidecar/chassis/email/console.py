"""Console email adapter: each message is one JSON log line (the default for make run). Layer: chassis."""

from __future__ import annotations

import json
import logging

from sidecar.chassis.email.port import OutgoingEmail

log = logging.getLogger("stance.email")


class ConsoleEmail:
    """Writes messages to the `stance.email` logger instead of sending them."""

    def __init__(self, sender: str) -> None:
        self.sender = sender

    async def send(self, email: OutgoingEmail) -> None:
        """Log the whole message."""
        log.info(
            json.dumps(
                {
                    "email": {"from": self.sender, "to": email.to, "subject": email.subject, "text": email.text},
                    "message_id": email.message_id,
                }
            )
        )

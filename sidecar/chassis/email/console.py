"""Console email adapter: each message is one log line carrying the whole message as structured data (the
default for make run; the JSON log formatter writes it under "data"). Layer: chassis."""

from __future__ import annotations

import logging

from sidecar.chassis.email.port import OutgoingEmail

log = logging.getLogger("stance.email")


class ConsoleEmail:
    """Writes messages to the `stance.email` logger instead of sending them."""

    def __init__(self, sender: str) -> None:
        self.sender = sender

    async def send(self, email: OutgoingEmail) -> None:
        """Log the whole message."""
        message = {"from": self.sender, "to": email.to, "subject": email.subject, "text": email.text}
        log.info(
            "email to %s: %s",
            email.to,
            email.subject,
            extra={"data": {"email": message, "message_id": email.message_id}},
        )

"""The email adapter port and the message it carries. Layer: chassis."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class OutgoingEmail:
    """A rendered message: one recipient, a subject and a plain-text body."""

    to: str
    subject: str
    text: str
    message_id: str


class EmailSender(Protocol):
    """Delivers one rendered message or raises; implementations: console (dev), SMTP."""

    async def send(self, email: OutgoingEmail) -> None:
        """Hand the message to the transport; raise on any failure so the send is retried."""
        ...

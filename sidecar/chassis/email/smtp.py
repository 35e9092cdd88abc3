"""SMTP email adapter (stdlib smtplib in a worker thread), optional STARTTLS and login. Layer: chassis."""

from __future__ import annotations

import asyncio
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid

from sidecar.chassis.email.port import OutgoingEmail


class SmtpEmail:
    """Sends through one SMTP server; a refused recipient or a broken connection raises."""

    def __init__(
        self,
        host: str,
        port: int,
        sender: str,
        *,
        username: str = "",
        password: str = "",
        starttls: bool = False,
        timeout: float = 15.0,
    ) -> None:
        self.host = host
        self.port = port
        self.sender = sender
        self.username = username
        self.password = password
        self.starttls = starttls
        self.timeout = timeout

    def _message(self, email: OutgoingEmail) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = email.to
        msg["Subject"] = email.subject
        msg["Message-ID"] = make_msgid(idstring=email.message_id, domain=self.sender.rsplit("@", 1)[-1])
        msg.set_content(email.text)
        return msg

    def _send_blocking(self, email: OutgoingEmail) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.username:
                smtp.login(self.username, self.password)
            smtp.send_message(self._message(email))

    async def send(self, email: OutgoingEmail) -> None:
        """Send in a thread so the event loop keeps running."""
        await asyncio.to_thread(self._send_blocking, email)

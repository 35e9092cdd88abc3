"""Email settings from SIDECAR_EMAIL_* / SIDECAR_SMTP_* environment variables; builds the adapter. Layer: chassis."""

from __future__ import annotations

import os

from sidecar.chassis.email.console import ConsoleEmail
from sidecar.chassis.email.port import EmailSender
from sidecar.chassis.email.smtp import SmtpEmail


def sender_from_env() -> EmailSender:
    """`SIDECAR_EMAIL_ADAPTER=console` (default) or `smtp` (SIDECAR_SMTP_HOST, _PORT, _USER, _PASSWORD, _STARTTLS)."""
    sender = os.environ.get("SIDECAR_EMAIL_FROM", "Stance <no-reply@stance.local>")
    adapter = os.environ.get("SIDECAR_EMAIL_ADAPTER", "console")
    if adapter == "console":
        return ConsoleEmail(sender)
    if adapter == "smtp":
        return SmtpEmail(
            os.environ.get("SIDECAR_SMTP_HOST", "localhost"),
            int(os.environ.get("SIDECAR_SMTP_PORT", "25")),
            sender,
            username=os.environ.get("SIDECAR_SMTP_USER", ""),
            password=os.environ.get("SIDECAR_SMTP_PASSWORD", ""),
            starttls=os.environ.get("SIDECAR_SMTP_STARTTLS", "") in ("1", "true", "yes"),
        )
    raise ValueError(f"SIDECAR_EMAIL_ADAPTER must be console or smtp, not {adapter!r}")


def app_url() -> str:
    """Base URL of the web app, for links in emails."""
    return os.environ.get("SIDECAR_APP_URL", "http://localhost:5173").rstrip("/")

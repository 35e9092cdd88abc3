"""Email edge: adapter port, console and SMTP adapters, templates per kind, the send job's service. Layer: chassis."""

from __future__ import annotations

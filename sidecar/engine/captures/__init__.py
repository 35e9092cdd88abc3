"""Captures over HTTP: command-then-poll (202 + status URL). Layer: engine."""

from __future__ import annotations

"""Prompt files of the architecture vertical's LLM interpreters (package data). Layer: vertical."""

from __future__ import annotations

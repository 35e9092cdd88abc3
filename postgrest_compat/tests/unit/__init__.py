"""Unit and smoke tests of postgrest_compat. Layer: postgrest_compat (tests)."""

from __future__ import annotations

"""Vertical test settings: real model requests are disallowed for every architecture test (the LLM interpreter runs
through pydantic-ai's FunctionModel only), whether or not the engine suite is collected too. Layer: vertical (tests).
"""

from __future__ import annotations

import pydantic_ai.models

pydantic_ai.models.ALLOW_MODEL_REQUESTS = False

"""The engine layer of the sidecar: captures → registered interpreters → validated, evidence-checked derivations.

Layer: engine. Never names a vertical concept; verticals register interpreters in `sidecar.engine.registry`.
"""

from __future__ import annotations

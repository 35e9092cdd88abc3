"""create_app composition: chassis and engine always, verticals by name — a missing vertical is skipped only when
the environment did not name it. Layer: chassis (tests)."""

from __future__ import annotations

import dataclasses

import pytest

from sidecar.app import create_app, vertical_plugins
from sidecar.settings import get_settings


def test_default_vertical_may_be_missing_but_a_named_one_must_exist() -> None:
    base = get_settings()
    assert vertical_plugins(dataclasses.replace(base, verticals=("nonexistent",), verticals_explicit=False)) == []
    with pytest.raises(ModuleNotFoundError):
        vertical_plugins(dataclasses.replace(base, verticals=("nonexistent",), verticals_explicit=True))


def test_app_routes_without_verticals() -> None:
    app = create_app(dataclasses.replace(get_settings(), verticals=(), verticals_explicit=True))
    paths = {route.path for route in app.routes}
    assert {"/healthz", "/readyz", "/captures", "/events", "/schema/openapi.json"} <= paths

"""postgrest.conf parsing: PostgREST's keys, defaults, PGRST_* env overrides and $(VAR) interpolation.

Layer: postgrest_compat.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class ConfigError(Exception):
    """Invalid configuration; the message is what PostgREST prints before exiting."""


DEFAULTS: dict[str, Any] = {
    "db-uri": "postgresql://",
    "db-schemas": "public",
    "db-anon-role": None,
    "db-pre-request": None,
    "db-root-spec": None,
    "db-max-rows": None,
    "db-pool": 10,
    "db-pool-acquisition-timeout": 10,
    "db-pool-max-idletime": 30,
    "db-pool-max-lifetime": 1800,
    "db-extra-search-path": "public",
    "db-tx-end": "commit",
    "db-prepared-statements": True,
    "db-channel": "pgrst",
    "db-channel-enabled": True,
    "db-aggregates-enabled": False,
    "db-plan-enabled": False,
    "db-config": True,
    "db-hoisted-tx-settings": "statement_timeout,plan_filter.statement_cost_limit,default_transaction_isolation",
    "jwt-secret": None,
    "jwt-secret-is-base64": False,
    "jwt-aud": None,
    "jwt-role-claim-key": ".role",
    "jwt-cache-max-entries": 1000,
    "jwt-cache-max-lifetime": 0,
    "openapi-mode": "follow-privileges",
    "openapi-security-active": False,
    "openapi-server-proxy-uri": None,
    "server-host": "!4",
    "server-port": 3000,
    "server-unix-socket": None,
    "server-cors-allowed-origins": None,
    "server-timing-enabled": False,
    "server-trace-header": None,
    "server-workers": 0,
    "client-error-verbosity": "verbose",
    "log-level": "error",
    "log-query": False,
    "admin-server-port": None,
    "url-use-legacy-target-names": True,
}
BOOL_KEYS = {k for k, v in DEFAULTS.items() if isinstance(v, bool)}
INT_KEYS = {k for k, v in DEFAULTS.items() if isinstance(v, int) and not isinstance(v, bool)} | {
    "db-max-rows",
    "admin-server-port",
}


@dataclass
class Config:
    """Resolved configuration (file + env), with derived values the server needs."""

    values: dict[str, Any]
    app_settings: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    @property
    def schemas(self) -> list[str]:
        return [s.strip() for s in str(self.values["db-schemas"]).split(",") if s.strip()]

    @property
    def extra_search_path(self) -> list[str]:
        return [s.strip() for s in str(self.values["db-extra-search-path"] or "").split(",") if s.strip()]

    @property
    def max_rows(self) -> int | None:
        return self.values["db-max-rows"]

    @property
    def anon_role(self) -> str | None:
        return self.values["db-anon-role"]

    @property
    def jwt_secret_bytes(self) -> bytes | None:
        secret = self.values["jwt-secret"]
        if secret is None:
            return None
        if self.values["jwt-secret-is-base64"]:
            text = secret.strip().replace("-", "+").replace("_", "/")
            return base64.b64decode(text + "=" * (-len(text) % 4))
        return secret.encode()


_LINE = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*=\s*(.*?)\s*$")
_INTERP = re.compile(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")


def _parse_value(raw: str, key: str, env: Mapping[str, str]) -> Any:
    if raw.startswith('"'):
        out, i = [], 1
        while i < len(raw):
            ch = raw[i]
            if ch == "\\" and i + 1 < len(raw):
                out.append({"n": "\n", "t": "\t"}.get(raw[i + 1], raw[i + 1]))
                i += 2
                continue
            if ch == '"':
                rest = raw[i + 1 :].strip()
                if rest and not rest.startswith("#"):
                    raise ConfigError(f"Error in config: unexpected text after the value of {key}")
                return _INTERP.sub(lambda m: env.get(m.group(1), ""), "".join(out))
            out.append(ch)
            i += 1
        raise ConfigError(f"Error in config: unterminated string for {key}")
    value = raw.split("#", 1)[0].strip()
    if value in ("true", "false"):
        return value == "true"
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    if not value:
        raise ConfigError(f"Error in config: missing value for {key}")
    return value


def _parse_file(text: str, env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        m = _LINE.match(line)
        if not m:
            raise ConfigError(f'Error in config: syntax error on line {n}: "{stripped}"')
        out[m.group(1)] = _parse_value(m.group(2), m.group(1), env)
    return out


def _coerce(key: str, value: Any) -> Any:
    if key in BOOL_KEYS and isinstance(value, str):
        low = value.strip().lower()
        if low in ("true", "on", "yes", "1"):
            return True
        if low in ("false", "off", "no", "0"):
            return False
        raise ConfigError(f"Invalid boolean value for {key}: {value}")
    if key in INT_KEYS and value is not None and not isinstance(value, int):
        try:
            return int(str(value).strip())
        except ValueError:
            raise ConfigError(f"Invalid integer value for {key}: {value}") from None
    return value


def _read_at_file(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("@"):
        try:
            with open(value[1:], encoding="utf-8") as fh:
                return fh.read().strip()
        except OSError as exc:
            raise ConfigError(f"{value[1:]}: openFile: does not exist ({exc.strerror})") from None
    return value


def load_config(path: str | None, env: Mapping[str, str]) -> Config:
    """Read `path` (optional) and apply PGRST_* overrides; raises ConfigError with PostgREST's messages."""
    file_values: dict[str, Any] = {}
    if path:
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except OSError as exc:
            raise ConfigError(f"{path}: openFile: does not exist ({exc.strerror})") from None
        file_values = _parse_file(text, env)
    values = dict(DEFAULTS)
    app_settings: dict[str, str] = {}
    for key, value in file_values.items():
        if key.startswith("app.settings."):
            app_settings[key] = str(value).lower() if isinstance(value, bool) else str(value)
        elif key in DEFAULTS:
            values[key] = value
    for name, value in env.items():
        if not name.startswith("PGRST_"):
            continue
        rest = name[len("PGRST_") :].lower()
        if rest.startswith("app_settings_"):
            app_settings["app.settings." + rest[len("app_settings_") :]] = value
            continue
        key = rest.replace("_", "-")
        if key in DEFAULTS:
            values[key] = value
    for key, value in list(values.items()):
        if isinstance(value, str) and not value.strip() and DEFAULTS[key] is None:
            values[key] = None  # an empty value means unset (e.g. PGRST_DB_ANON_ROLE="")
    for key in ("jwt-secret", "db-uri"):
        values[key] = _read_at_file(values[key])
    for key in list(values):
        values[key] = _coerce(key, values[key])
    _validate(values)
    return Config(values, app_settings)


def _validate(values: dict[str, Any]) -> None:
    if values["db-tx-end"] not in ("commit", "commit-allow-override", "rollback", "rollback-allow-override"):
        raise ConfigError("Invalid transaction termination. Check your configuration.")
    if values["openapi-mode"] not in ("follow-privileges", "ignore-privileges", "disabled"):
        raise ConfigError("Invalid openapi-mode. Check your configuration.")
    if values["client-error-verbosity"] not in ("verbose", "minimal"):
        raise ConfigError("Invalid client-error-verbosity. Check your configuration.")
    if not str(values["db-schemas"]).strip():
        raise ConfigError("db-schemas must contain at least one schema")
    secret = values["jwt-secret"]
    if secret is not None:
        secret = str(secret)
        values["jwt-secret"] = secret
        if not secret.lstrip().startswith("{") and not values["jwt-secret-is-base64"] and len(secret) < 32:
            raise ConfigError("The JWT secret must be at least 32 characters long.")
    if values["db-pool"] is not None and values["db-pool"] < 1:
        raise ConfigError("db-pool must be greater than zero")
    if values["db-max-rows"] is not None and values["db-max-rows"] < 0:
        values["db-max-rows"] = None

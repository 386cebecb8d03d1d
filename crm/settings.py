"""Runtime settings, read once from the environment into a frozen object.

`Settings.from_env()` is the only place that reads `os.environ`; everything else receives a
`Settings`. Tests build their own with `Settings.from_env({...})` or `dataclasses.replace`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

Env = Literal["development", "test", "production"]
ENVIRONMENTS: tuple[Env, ...] = ("development", "test", "production")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_Getter = Callable[[str], str | None]

# Only development and test may run without JWT_SECRET; they get a per-environment,
# obviously-not-secret key so a local run needs no setup. Production has no default at all.
_INSECURE_DEV_SECRETS: dict[Env, str] = {
    "development": "insecure-development-secret-never-use-in-production-0000",
    "test": "insecure-test-secret-never-use-in-production-000000000000",
}
MIN_SECRET_BYTES = 32  # HS256: a key shorter than the hash output weakens it (RFC 7518 3.2)


class SettingsError(ValueError):
    """The environment does not describe a runnable configuration."""


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite:///crm.sqlite3"
    env: Env = "development"
    jwt_secret: str = _INSECURE_DEV_SECRETS["development"]
    jwt_audience: str = "pathsix-crm"
    jwt_issuer: str = "pathsix-crm"
    access_token_minutes: int = 15
    refresh_token_days: int = 30
    sentry_dsn: str | None = None
    cors_origins: tuple[str, ...] = ()
    log_level: str = "INFO"
    max_body_bytes: int = 1024 * 1024
    # PostgreSQL pool (seed: 10-20 connections + 5 overflow): kept open / at most.
    db_pool_min: int = 10
    db_pool_max: int = 25
    db_pool_timeout: int = 30  # seconds to wait for a connection before answering 503
    # Reports (crm/reports/runner.py): at most this many at once per process, each statement
    # cancelled after this many milliseconds (PostgreSQL), and as long to wait for a turn.
    report_concurrency: int = 4
    report_timeout_ms: int = 10_000

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings in `environ` (default `os.environ`); SettingsError when they are wrong."""
        source = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            value = source.get(name, "").strip()
            return value or None

        env_name = get("CRM_ENV") or "development"
        if env_name not in ENVIRONMENTS:
            raise SettingsError(
                f"CRM_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env_name!r}."
            )
        env: Env = env_name

        secret = get("JWT_SECRET")
        if secret is None:
            if env not in _INSECURE_DEV_SECRETS:
                raise SettingsError(
                    f"JWT_SECRET is required when CRM_ENV={env}: set it to a random string of at "
                    f'least {MIN_SECRET_BYTES} bytes (e.g. `python -c "import secrets; '
                    f'print(secrets.token_urlsafe(48))"`).'
                )
            secret = _INSECURE_DEV_SECRETS[env]
        elif len(secret.encode()) < MIN_SECRET_BYTES:
            raise SettingsError(f"JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes long.")

        log_level = (get("LOG_LEVEL") or "INFO").upper()
        if log_level not in LOG_LEVELS:
            raise SettingsError(
                f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {log_level!r}."
            )

        origins = tuple(o.strip().rstrip("/") for o in (get("CORS_ORIGINS") or "").split(","))
        origins = tuple(o for o in origins if o)
        if "*" in origins:
            raise SettingsError(
                "CORS_ORIGINS must list origins exactly; '*' cannot be used with credentials."
            )

        pool_min = _positive_int(get, "DB_POOL_MIN", 10)
        pool_max = _positive_int(get, "DB_POOL_MAX", 25)
        if pool_min > pool_max:
            raise SettingsError(
                f"DB_POOL_MIN ({pool_min}) must not exceed DB_POOL_MAX ({pool_max})."
            )

        return cls(
            database_url=get("DATABASE_URL") or cls.database_url,
            env=env,
            jwt_secret=secret,
            jwt_audience=get("JWT_AUDIENCE") or cls.jwt_audience,
            jwt_issuer=get("JWT_ISSUER") or cls.jwt_issuer,
            access_token_minutes=_positive_int(get, "ACCESS_TOKEN_MINUTES", 15),
            refresh_token_days=_positive_int(get, "REFRESH_TOKEN_DAYS", 30),
            sentry_dsn=get("SENTRY_DSN"),
            cors_origins=origins,
            log_level=log_level,
            max_body_bytes=_positive_int(get, "MAX_BODY_BYTES", 1024 * 1024),
            db_pool_min=pool_min,
            db_pool_max=pool_max,
            db_pool_timeout=_positive_int(get, "DB_POOL_TIMEOUT", 30),
            report_concurrency=_positive_int(get, "REPORT_CONCURRENCY", 4),
            report_timeout_ms=_positive_int(get, "REPORT_TIMEOUT_MS", 10_000),
        )


def _positive_int(get: _Getter, name: str, default: int) -> int:
    raw = get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}.") from None
    if value <= 0:
        raise SettingsError(f"{name} must be greater than zero, not {value}.")
    return value

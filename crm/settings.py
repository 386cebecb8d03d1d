"""Runtime settings, read once from the environment into a frozen object.

`Settings.from_env()` is the only place that reads `os.environ`; everything else receives a
`Settings`. Tests build their own with `Settings.from_env({...})` or `dataclasses.replace`.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

import limits

Env = Literal["development", "test", "production"]
ENVIRONMENTS: tuple[Env, ...] = ("development", "test", "production")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LogFormat = Literal["console", "json"]
LOG_FORMATS: tuple[LogFormat, ...] = ("console", "json")
_BOOLEANS = {
    **dict.fromkeys(("true", "1", "yes", "on"), True),
    **dict.fromkeys(("false", "0", "no", "off"), False),
}
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


# Production keeps access lines up to a quarter of a second and writes them together
# (crm.observability.access says what that saves); elsewhere each is written at once.
ACCESS_LOG_FLUSH_MS_PRODUCTION = 250


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
    # PostgreSQL: the tables' owner, for migrations and operator commands (crm migrate, tenant
    # create, user create, demo); None: DATABASE_URL. The app itself connects with
    # DATABASE_URL as a member of crm_app, which owns nothing (migration d7f3b1e92a60).
    migration_database_url: str | None = None
    # Open the row-level-security wall for each request's tenant (app.tenant_id). Off only to
    # measure its cost, with a DATABASE_URL role that bypasses row-level security.
    db_row_security: bool = True
    # Rate limits (crm.ratelimit), in `limits`' notation ("5/minute", "100 per 10 seconds").
    # Login: per client address and per account (seed A2: 5 a minute); refresh: per address;
    # change-password: per user; api: every other authenticated request, per user ("off" for
    # load benchmarks that drive one user far beyond any person).
    rate_limit_login: str = "5/minute"
    rate_limit_refresh: str = "30/minute"
    rate_limit_password: str = "5/minute"  # noqa: S105 - a rate
    rate_limit_api: str | None = "1200/minute"
    # Shared limiter storage for several workers or servers; memory (per process) without it.
    redis_url: str | None = None
    # Peers whose X-Forwarded-For names the client (a load balancer); empty: the socket address.
    trusted_proxies: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    # Observability (crm/observability/): console lines for a person in development, JSON
    # lines for a log collector everywhere else.
    log_format: LogFormat = "console"
    slow_statement_ms: int = 200
    slow_request_ms: int = 500
    # Access lines and request metrics kept this long and done together (crm.observability.
    # kept); 0: each as its request ends. Production's default is ACCESS_LOG_FLUSH_MS_PRODUCTION.
    access_log_flush_ms: int = 0
    metrics_enabled: bool = True
    sentry_traces_sample_rate: float = 0.0
    # Reports (crm/reports/runner.py): at most this many at once per process, each statement
    # cancelled after this many milliseconds (PostgreSQL), and as long to wait for a turn.
    report_concurrency: int = 4
    report_timeout_ms: int = 10_000

    @property
    def owner_database_url(self) -> str:
        """Where migrations and operator commands connect: the tables' owner."""
        return self.migration_database_url or self.database_url

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

        log_format = (get("LOG_FORMAT") or ("console" if env == "development" else "json")).lower()
        if log_format not in LOG_FORMATS:
            raise SettingsError(
                f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}."
            )

        database_url = get("DATABASE_URL") or cls.database_url
        if env == "production":
            _refuse_unsafe_production(secret, database_url, log_level)

        return cls(
            rate_limit_login=_rate(get, "RATE_LIMIT_LOGIN", cls.rate_limit_login),
            rate_limit_refresh=_rate(get, "RATE_LIMIT_REFRESH", cls.rate_limit_refresh),
            rate_limit_password=_rate(get, "RATE_LIMIT_PASSWORD", cls.rate_limit_password),
            rate_limit_api=(
                None
                if (get("RATE_LIMIT_API") or "").lower() == "off"
                else _rate(get, "RATE_LIMIT_API", cls.rate_limit_api or "")
            ),
            redis_url=_redis_url(get),
            trusted_proxies=_networks(get, "TRUSTED_PROXIES"),
            database_url=database_url,
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
            migration_database_url=get("MIGRATION_DATABASE_URL"),
            db_row_security=_boolean(get, "DB_ROW_SECURITY", True),
            log_format=log_format,
            slow_statement_ms=_positive_int(get, "SLOW_STATEMENT_MS", 200),
            slow_request_ms=_positive_int(get, "SLOW_REQUEST_MS", 500),
            access_log_flush_ms=_whole_number(
                get,
                "ACCESS_LOG_FLUSH_MS",
                ACCESS_LOG_FLUSH_MS_PRODUCTION if env == "production" else 0,
            ),
            metrics_enabled=_boolean(get, "METRICS_ENABLED", True),
            sentry_traces_sample_rate=_fraction(get, "SENTRY_TRACES_SAMPLE_RATE", 0.0),
            report_concurrency=_positive_int(get, "REPORT_CONCURRENCY", 4),
            report_timeout_ms=_positive_int(get, "REPORT_TIMEOUT_MS", 10_000),
        )


def _refuse_unsafe_production(secret: str, database_url: str, log_level: str) -> None:
    """What a production start-up refuses, one line each (a short secret is refused anywhere)."""
    if secret in _INSECURE_DEV_SECRETS.values():
        raise SettingsError(
            "JWT_SECRET is one of the published development keys: set a random one for "
            "CRM_ENV=production."
        )
    if database_url.startswith("sqlite"):
        raise SettingsError(
            "DATABASE_URL is SQLite: CRM_ENV=production needs PostgreSQL "
            "(postgresql://user:password@host/database)."
        )
    if log_level == "DEBUG":
        raise SettingsError(
            "LOG_LEVEL=DEBUG is debug output, which may carry personal data: use INFO or above "
            "with CRM_ENV=production."
        )


def _boolean(get: _Getter, name: str, default: bool) -> bool:
    raw = get(name)
    if raw is None:
        return default
    value = _BOOLEANS.get(raw.lower())
    if value is None:
        raise SettingsError(f"{name} must be true or false (or on/off), not {raw!r}.")
    return value


def _fraction(get: _Getter, name: str, default: float) -> float:
    raw = get(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number from 0 to 1, not {raw!r}.") from None
    if not 0.0 <= value <= 1.0:
        raise SettingsError(f"{name} must be a number from 0 to 1, not {raw!r}.")
    return value


def _whole_number(get: _Getter, name: str, default: int, *, least: int = 0) -> int:
    """A whole number, `least` or more."""
    raw = get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}.") from None
    if value < least:
        bound = "greater than zero" if least == 1 else f"{least} or more"
        raise SettingsError(f"{name} must be {bound}, not {value}.")
    return value


def _positive_int(get: _Getter, name: str, default: int) -> int:
    return _whole_number(get, name, default, least=1)


def _rate(get: _Getter, name: str, default: str) -> str:
    raw = get(name) or default
    try:
        limits.parse(raw)
    except ValueError:
        raise SettingsError(
            f"{name} must be a rate such as 5/minute or 100 per 10 seconds, not {raw!r}."
        ) from None
    return raw


def _redis_url(get: _Getter) -> str | None:
    raw = get("REDIS_URL")
    if raw is not None and not raw.startswith(("redis://", "rediss://", "unix://")):
        raise SettingsError(
            f"REDIS_URL must start with redis://, rediss:// or unix://, not {raw!r}."
        )
    return raw


def _networks(get: _Getter, name: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    networks = []
    for part in (get(name) or "").split(","):
        if part.strip():
            try:
                networks.append(ipaddress.ip_network(part.strip(), strict=False))
            except ValueError:
                raise SettingsError(
                    f"{name} must list addresses or CIDR networks (10.0.0.0/8), "
                    f"not {part.strip()!r}."
                ) from None
    return tuple(networks)

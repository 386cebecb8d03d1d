"""Production start-up refuses an unsafe configuration, one clear line for each reason."""

from __future__ import annotations

import pytest

from crm.cli import main
from crm.settings import (
    _INSECURE_DEV_SECRETS,
    ACCESS_LOG_FLUSH_MS_PRODUCTION,
    Settings,
    SettingsError,
)

SECRET = "s" * 48
POSTGRES = "postgresql://crm@db.internal/crm"
SAFE = {"CRM_ENV": "production", "JWT_SECRET": SECRET, "DATABASE_URL": POSTGRES}


def test_a_safe_production_configuration_starts_with_json_logs() -> None:
    settings = Settings.from_env(SAFE)
    assert settings.is_production
    assert settings.log_format == "json"
    assert (settings.slow_statement_ms, settings.slow_request_ms) == (200, 500)
    # access lines kept a moment and written together (crm.observability.access)
    assert settings.access_log_flush_ms == ACCESS_LOG_FLUSH_MS_PRODUCTION > 0
    assert Settings.from_env({**SAFE, "ACCESS_LOG_FLUSH_MS": "0"}).access_log_flush_ms == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"JWT_SECRET": ""}, "JWT_SECRET is required"),
        ({"JWT_SECRET": "short-secret"}, "at least 32 bytes"),
        ({"JWT_SECRET": _INSECURE_DEV_SECRETS["development"]}, "published development keys"),
        ({"JWT_SECRET": _INSECURE_DEV_SECRETS["test"]}, "published development keys"),
        ({"DATABASE_URL": ""}, "DATABASE_URL is SQLite"),
        ({"DATABASE_URL": "sqlite:////var/lib/crm.sqlite3"}, "DATABASE_URL is SQLite"),
        ({"LOG_LEVEL": "debug"}, "LOG_LEVEL=DEBUG"),
    ],
)
def test_production_refuses(change: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message) as refused:
        Settings.from_env({**SAFE, **change})
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize("env", ["development", "test"])
def test_development_and_test_keep_their_conveniences(env: str) -> None:
    settings = Settings.from_env({"CRM_ENV": env, "LOG_LEVEL": "DEBUG"})
    assert settings.database_url.startswith("sqlite")
    assert settings.access_log_flush_ms == 0  # each access line as its request ends


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT"),
        ({"SLOW_STATEMENT_MS": "0"}, "SLOW_STATEMENT_MS"),
        ({"SLOW_REQUEST_MS": "soon"}, "SLOW_REQUEST_MS"),
        ({"METRICS_ENABLED": "maybe"}, "METRICS_ENABLED"),
        ({"SENTRY_TRACES_SAMPLE_RATE": "2"}, "SENTRY_TRACES_SAMPLE_RATE"),
        ({"ACCESS_LOG_FLUSH_MS": "-1"}, "ACCESS_LOG_FLUSH_MS must be 0 or more"),
        ({"ACCESS_LOG_FLUSH_MS": "1s"}, "ACCESS_LOG_FLUSH_MS must be a whole number"),
    ],
)
def test_wrong_observability_settings_are_named(environ: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(environ)


def test_crm_serve_refuses_production_sqlite_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CRM_ENV", "production")
    monkeypatch.setenv("JWT_SECRET", SECRET)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert main(["serve", "--workers", "2"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "DATABASE_URL is SQLite" in err


def test_crm_serve_refuses_reload_in_production(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in SAFE.items():
        monkeypatch.setenv(name, value)
    assert main(["serve", "--reload"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "--reload" in err

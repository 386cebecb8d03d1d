"""CORS from settings (exact origins, credentials), and reading the settings themselves."""

from __future__ import annotations

import httpx
import pytest

from crm.settings import Settings, SettingsError
from tests.api.conftest import assert_error

ALLOWED = "https://app.pathsix.example"


@pytest.mark.anyio
async def test_an_allowed_origin_is_echoed_exactly_with_credentials(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/api/health", headers={"Origin": ALLOWED})
    assert response.headers["access-control-allow-origin"] == ALLOWED
    assert response.headers["access-control-allow-credentials"] == "true"


@pytest.mark.anyio
async def test_error_answers_carry_cors_headers_too(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/nowhere", headers={"Origin": ALLOWED})
    assert_error(response, 404)
    assert response.headers["access-control-allow-origin"] == ALLOWED


@pytest.mark.anyio
async def test_another_origin_gets_no_cors_headers(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.anyio
async def test_preflight(client: httpx.AsyncClient) -> None:
    ok = await client.options(
        "/api/leads/",
        headers={
            "Origin": ALLOWED,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert ok.status_code == 200
    assert ok.headers["access-control-allow-origin"] == ALLOWED
    refused = await client.options(
        "/api/leads/",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert_error(refused, 400)


def test_defaults() -> None:
    settings = Settings.from_env({})
    assert settings.env == "development"
    assert settings.database_url == "sqlite:///crm.sqlite3"
    assert (settings.access_token_minutes, settings.refresh_token_days) == (15, 30)
    assert settings.max_body_bytes == 1024 * 1024
    assert settings.cors_origins == ()


def test_production_requires_a_jwt_secret() -> None:
    with pytest.raises(SettingsError, match="JWT_SECRET is required"):
        Settings.from_env({"CRM_ENV": "production"})
    secret = "x" * 40
    production = {
        "CRM_ENV": "production",
        "JWT_SECRET": secret,
        "DATABASE_URL": "postgresql://db/crm",
    }
    assert Settings.from_env(production).jwt_secret == secret


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"CRM_ENV": "staging"}, "CRM_ENV"),
        ({"JWT_SECRET": "short"}, "at least 32 bytes"),
        ({"CORS_ORIGINS": "*"}, "CORS_ORIGINS"),
        ({"ACCESS_TOKEN_MINUTES": "0"}, "ACCESS_TOKEN_MINUTES"),
        ({"MAX_BODY_BYTES": "lots"}, "MAX_BODY_BYTES"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
    ],
)
def test_wrong_settings_are_named(environ: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(environ)


def test_cors_origins_are_a_comma_list() -> None:
    settings = Settings.from_env({"CORS_ORIGINS": " https://a.example/ ,http://b.example:3000,"})
    assert settings.cors_origins == ("https://a.example", "http://b.example:3000")

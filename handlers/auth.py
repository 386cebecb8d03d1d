"""/api/auth: login, refresh, logout, me, change-password (crm.sessions does the work)."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from crm import responses, sessions
from crm.db import Database
from crm.ratelimit import RateLimits
from crm.scope import Scope
from crm.settings import Settings


async def login(
    body: dict[str, Any], db: Database, settings: Settings, rate_limits: RateLimits
) -> Response:
    # Per account, before any password hash is computed (the address was counted already).
    await rate_limits.hit_account(body["email"])
    session = await sessions.login(
        db,
        email=body["email"],
        password=body["password"],
        tenant=body.get("tenant"),
        refresh_days=settings.refresh_token_days,
    )
    return responses.record(session.as_json())


async def refresh(body: dict[str, Any], db: Database) -> Response:
    return responses.record((await sessions.refresh(db, body["refresh_token"])).as_json())


async def logout(scope: Scope) -> Response:
    await sessions.logout(scope)
    return responses.no_content()


async def me(scope: Scope) -> Response:
    return responses.record(await sessions.me(scope))


async def change_password(body: dict[str, Any], scope: Scope) -> Response:
    await sessions.change_password(
        scope, current=body["current_password"], new=body["new_password"]
    )
    return responses.no_content()

"""/api/users: admin-only management of the users of the admin's own tenant.

Tenants themselves are provisioned with the CLI (`crm tenant create`), never through the API.
The rules (no self-demotion, a last admin stays) are in crm.users.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from crm import responses, standard, users
from crm.scope import Scope


async def list_users(scope: Scope, **params: Any) -> Response:
    return await standard.list_page(users.USER, scope, params)


async def create_user(body: dict[str, Any], scope: Scope) -> Response:
    return responses.record(await users.create(scope, body), 201)


async def get_user(id: str, scope: Scope) -> Response:
    return await standard.get(users.USER, scope, id)


async def update_user(id: str, body: dict[str, Any], scope: Scope) -> Response:
    return responses.record(await users.update(scope, id, body))

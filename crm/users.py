"""Users of a tenant, managed by its admins: the rules the contract cannot say.

- An admin cannot deactivate or demote themselves (403): they would lock themselves out.
- The tenant keeps at least one active admin (409): checked inside the transaction that makes
  the change, with the other admins' rows locked on PostgreSQL (SQLite's write transaction is
  exclusive), so two admins demoting each other at once cannot both succeed.
- Deactivating a user also revokes their sessions, so reactivating them later does not revive
  old tokens. (Deactivation itself is effective at once through the session guard.)
- Emails are stored lower-cased: login is case-insensitive and the (tenant_id, email) key
  then refuses the same address in another case.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import bindparam as P

from crm import passwords, sessions, statements
from crm.db import Query, Row
from crm.errors import Conflict, Forbidden
from crm.scope import ADMIN, Scope
from generated import tables
from generated.python.resources import RESOURCES

USER = RESOURCES["User"]
_users, _sessions = tables.users, tables.auth_sessions

# scope-ok: runs inside Scope-checked operations (require_admin first), tenant from the Scope
# Every active admin, the target included, locked in id order: two admins demoting each other
# at once then lock the same rows in the same order, so one waits for the other instead of
# the two deadlocking (which PostgreSQL breaks by failing one of them: a 503).
_ACTIVE_ADMINS = Query(
    ("active_admins",),
    lambda: (
        sa.select(_users.c.id)
        .where(
            _users.c.tenant_id == P("_tid", type_=_users.c.tenant_id.type),
            _users.c.role == P("admin_role", type_=_users.c.role.type),
            _users.c.is_active,
        )
        .order_by(_users.c.id)
        .with_for_update()
    ),
)


def _is_caller(scope: Scope, id: str) -> bool:
    """Whether the path's id names the caller, however the uuid is spelled (upper case too)."""
    try:
        return uuid.UUID(str(id)) == scope.user_id
    except ValueError:
        return False


async def create(scope: Scope, body: Mapping[str, Any]) -> Row:
    scope.require_admin()
    values = {k: v for k, v in body.items() if k != "password"}
    values["email"] = values["email"].lower()
    password_hash = await passwords.hash_password_async(body["password"])
    return await scope.create(USER, values, server_values={"password_hash": password_hash})


async def update(scope: Scope, id: str, body: Mapping[str, Any]) -> Row:
    scope.require_admin()
    values = dict(body)
    if "email" in values:
        values["email"] = values["email"].lower()
    demotes = values.get("role", ADMIN) != ADMIN
    deactivates = values.get("is_active", True) is False
    if (demotes or deactivates) and _is_caller(scope, id):
        raise Forbidden("You cannot deactivate yourself or remove your own admin role.")
    if not (demotes or deactivates):
        return await scope.update(USER, id, values)

    now = datetime.now(UTC)
    params = scope.params(**values, id=id, _now=now, admin_role=ADMIN)
    async with scope.db.transaction() as tx:
        admins = await tx.fetch_all(_ACTIVE_ADMINS, params)
        target = await tx.fetch_one(statements.get(USER, visible=False, deleted=None), params)
        others = [a for a in admins if target is None or a["id"] != target["id"]]
        if target is None:
            row = None
        else:
            if target["role"] == ADMIN and target["is_active"] and not others:
                raise Conflict(
                    "This is the organisation's last active admin: make another user an admin "
                    "first."
                )
            row = await tx.fetch_one(
                statements.update(USER, list(values), visible=False, deleted=None), params
            )
            if deactivates:
                await tx.execute(
                    sessions.REVOKE_ALL_OF_USER,
                    {"tenant_id": scope.tenant_id, "user_id": id, "now": now},
                )
    if row is None:
        return await scope.get(USER, id)  # 404, or 401 if the caller's session ended
    result: Row = row
    return result

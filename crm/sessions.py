"""Login sessions: log in, refresh with rotation and reuse detection, log out, change password.

```
login          email + password -> auth_sessions row + first refresh token + access token
refresh        refresh token    -> that token marked used, the next one issued (rotation)
               a used token presented again -> the whole session revoked (reuse detection)
logout         the access token's session revoked
change_password  new hash; every other session of the user revoked
```

A refresh token is `<tenant id><token id>.<secret>` (two UUIDs as 64 hex digits): they find
the row by its primary key `(tenant_id, id)` (no index serves an id alone, and a lookup that
names its tenant can be routed to that tenant's node); the secret is 256 random bits stored
only as its SHA-256 and compared in constant time. A token with a wrong secret is just
refused; only a *genuine* token that was already used revokes its session, so knowing an id
is not enough to log someone out.

These statements run before there is a Scope (login and refresh know no tenant yet) or act on
the caller's own user and session rows, so they live here rather than in `crm.scope`; each one
still names its tenant explicitly once the tenant is known.  # scope-ok: authentication itself
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import bindparam as P

from crm import auth, passwords
from crm.db import Database, Query, Row
from crm.errors import Forbidden, Unauthorized
from crm.ids import new_id
from crm.scope import Scope
from crm.statements import session_guard
from generated import tables
from generated.python.resources import RESOURCES

LOGIN_FAILED = "The email or password is not correct."
SEVERAL_TENANTS = (
    "This email has an account in more than one organisation: "
    "say which one with the tenant field (its short name)."
)
WRONG_PASSWORD = "The current password is not correct."  # noqa: S105 - a message

_users, _tenants = tables.users, tables.tenants
_sessions, _tokens = tables.auth_sessions, tables.refresh_tokens
_USER_FIELDS = [_users.c[f] for f in RESOURCES["User"].fields if f in _users.c]
_TENANT_FIELDS = [_tenants.c[f] for f in RESOURCES["Tenant"].fields if f in _tenants.c]


@dataclass(frozen=True)
class Login:
    """What login and refresh answer: the SessionEnvelope's data."""

    access_token: str
    refresh_token: str
    expires_in: int
    user: Row
    tenant: Row

    def as_json(self) -> dict[str, Any]:
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "token_type": "Bearer",
            "expires_in": self.expires_in,
            "user": self.user,
            "tenant": self.tenant,
        }


def _tenant_row(row: Row) -> Row:
    return {str(c.name): row[f"tenant__{c.name}"] for c in _TENANT_FIELDS}


def _user_row(row: Row) -> Row:
    return {str(c.name): row[c.name] for c in _USER_FIELDS}


# --- statements ---------------------------------------------------------------------------


def _candidates(with_slug: bool) -> Query:
    """Users with this email (stored lower-cased), in any tenant or in the named one."""

    def build() -> sa.Select[Any]:
        where = [_users.c.email == P("email", type_=_users.c.email.type)]
        if with_slug:
            where.append(_tenants.c.slug == P("slug", type_=_tenants.c.slug.type))
        return (
            sa.select(
                *_USER_FIELDS,
                _users.c.password_hash,
                *[c.label(f"tenant__{c.name}") for c in _TENANT_FIELDS],
            )
            .join(_tenants, _tenants.c.id == _users.c.tenant_id)
            .where(*where)
        )

    return Query(("login_candidates", with_slug), build)


# PostgreSQL with row-level security: the tenants where an email has an account, through the
# one narrow way across the wall (SECURITY DEFINER, migration d7f3b1e92a60); each candidate is
# then read behind its own tenant's wall.
_LOGIN_TENANTS = Query(
    ("login_tenants",),
    lambda: sa.select(sa.column("tenant_id", sa.Uuid)).select_from(
        sa.func.crm_login_tenants(
            P("email", type_=sa.String), P("slug", type_=sa.String)
        ).table_valued("tenant_id")
    ),
)


async def _login_candidates(db: Database, params: dict[str, Any]) -> list[Row]:
    """The accounts login may open: users with this email, in any tenant or the named one."""
    query = _candidates("slug" in params)
    if not db.row_security:
        return await db.fetch_all(query, params)
    tenants = await db.fetch_all(_LOGIN_TENANTS, {"slug": None, **params})
    rows: list[Row] = []
    for found in tenants:
        rows += await db.for_tenant(found["tenant_id"]).fetch_all(query, params)
    return rows


_NEW_SESSION = Query(
    ("new_session",),
    lambda: sa.insert(_sessions).values(
        id=P("session_id", type_=_sessions.c.id.type),
        tenant_id=P("tenant_id", type_=_sessions.c.tenant_id.type),
        user_id=P("user_id", type_=_sessions.c.user_id.type),
        expires_at=P("expires_at", type_=_sessions.c.expires_at.type),
        revoked_at=sa.null(),
        created_at=P("now", type_=_sessions.c.created_at.type),
        updated_at=P("now", type_=_sessions.c.updated_at.type),
    ),
)

_NEW_TOKEN = Query(
    ("new_refresh_token",),
    lambda: sa.insert(_tokens).values(
        id=P("token_id", type_=_tokens.c.id.type),
        tenant_id=P("tenant_id", type_=_tokens.c.tenant_id.type),
        session_id=P("session_id", type_=_tokens.c.session_id.type),
        token_hash=P("token_hash", type_=_tokens.c.token_hash.type),
        used_at=sa.null(),
        created_at=P("now", type_=_tokens.c.created_at.type),
        updated_at=P("now", type_=_tokens.c.updated_at.type),
    ),
)

_LAST_LOGIN = Query(
    ("last_login",),
    lambda: (
        sa.update(_users)
        .where(
            _users.c.tenant_id == P("tenant_id", type_=_users.c.tenant_id.type),
            _users.c.id == P("user_id", type_=_users.c.id.type),
        )
        .values(last_login_at=P("now", type_=_users.c.last_login_at.type))
        .returning(_users.c.last_login_at)
    ),
)


def _token_lookup() -> sa.Select[Any]:
    return (
        sa.select(
            _tokens.c.token_hash,
            _tokens.c.used_at,
            _tokens.c.session_id,
            _sessions.c.revoked_at,
            _sessions.c.expires_at,
            *_USER_FIELDS,
            *[c.label(f"tenant__{c.name}") for c in _TENANT_FIELDS],
        )
        .join(
            _sessions,
            sa.and_(
                _sessions.c.tenant_id == _tokens.c.tenant_id,
                _sessions.c.id == _tokens.c.session_id,
            ),
        )
        .join(
            _users,
            sa.and_(
                _users.c.tenant_id == _sessions.c.tenant_id, _users.c.id == _sessions.c.user_id
            ),
        )
        .join(_tenants, _tenants.c.id == _tokens.c.tenant_id)
        .where(
            _tokens.c.tenant_id == P("tenant_id", type_=_tokens.c.tenant_id.type),
            _tokens.c.id == P("token_id", type_=_tokens.c.id.type),
        )
    )


_TOKEN = Query(("refresh_token_lookup",), _token_lookup)

# Marks the token used only if it still is the current one: of two concurrent refreshes with
# the same token, exactly one wins; the other is treated as reuse.
_USE_TOKEN = Query(
    ("use_refresh_token",),
    lambda: (
        sa.update(_tokens)
        .where(
            _tokens.c.tenant_id == P("tenant_id", type_=_tokens.c.tenant_id.type),
            _tokens.c.id == P("token_id", type_=_tokens.c.id.type),
            _tokens.c.used_at.is_(None),
        )
        .values(
            used_at=P("now", type_=_tokens.c.used_at.type),
            updated_at=P("now", type_=_tokens.c.updated_at.type),
        )
        .returning(_tokens.c.id)
    ),
)


def _revoke(which: str) -> Query:
    """Revoke sessions: `one` (`session_id`), every live one of `user_id` but `session_id`
    (`others`: a password change), or every live one of `user_id` (`all`: deactivation)."""

    def build() -> sa.Update:
        where = [
            _sessions.c.tenant_id == P("tenant_id", type_=_sessions.c.tenant_id.type),
            _sessions.c.revoked_at.is_(None),
        ]
        if which == "one":
            where.append(_sessions.c.id == P("session_id", type_=_sessions.c.id.type))
        else:
            where.append(_sessions.c.user_id == P("user_id", type_=_sessions.c.user_id.type))
        if which == "others":
            where.append(_sessions.c.id != P("session_id", type_=_sessions.c.id.type))
        return (
            sa.update(_sessions)
            .where(*where)
            .values(
                revoked_at=P("now", type_=_sessions.c.revoked_at.type),
                updated_at=P("now", type_=_sessions.c.updated_at.type),
            )
            .returning(_sessions.c.id)
        )

    return Query(("revoke_sessions", which), build)


_REVOKE_ONE = _revoke("one")
_REVOKE_OTHERS = _revoke("others")
REVOKE_ALL_OF_USER = _revoke("all")

# The caller's own user and tenant rows, behind the session guard (me, change-password).
_ME = Query(
    ("me",),
    lambda: (
        sa.select(
            *_USER_FIELDS,
            _users.c.password_hash,
            *[c.label(f"tenant__{c.name}") for c in _TENANT_FIELDS],
        )
        .join(_tenants, _tenants.c.id == _users.c.tenant_id)
        .where(
            _users.c.tenant_id == P("_tid", type_=_users.c.tenant_id.type),
            _users.c.id == P("_uid", type_=_users.c.id.type),
            session_guard(),
        )
    ),
)

_SET_PASSWORD = Query(
    ("set_password",),
    lambda: (
        sa.update(_users)
        .where(
            _users.c.tenant_id == P("_tid", type_=_users.c.tenant_id.type),
            _users.c.id == P("_uid", type_=_users.c.id.type),
            session_guard(),
        )
        .values(
            password_hash=P("password_hash", type_=_users.c.password_hash.type),
            updated_at=P("now", type_=_users.c.updated_at.type),
        )
        .returning(_users.c.id)
    ),
)


# --- operations ---------------------------------------------------------------------------


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _new_refresh_token(tenant_id: uuid.UUID) -> tuple[uuid.UUID, str, str]:
    token_id = new_id()
    secret = secrets.token_urlsafe(32)
    return token_id, f"{tenant_id.hex}{token_id.hex}.{secret}", _hash(secret)


async def login(
    db: Database, *, email: str, password: str, tenant: str | None, refresh_days: int
) -> Login:
    """A new session for the one active account these credentials open; 401 otherwise.

    Exactly one argon2 verification per login, whatever the email names: no account (the
    dummy hash), one, or several in different tenants (a cost that grew with the number of
    accounts told an attacker how many tenants an email is in). With several live accounts and
    no `tenant`, the password is checked against one of them (the oldest): right, and the
    answer asks for the tenant; wrong, the usual 401. Unknown email, wrong password, inactive
    user and inactive tenant all answer the same 401 after the same work.
    """
    params: dict[str, Any] = {"email": email.lower()}
    if tenant is not None:
        params["slug"] = tenant
    candidates = await _login_candidates(db, params)
    live = sorted(
        (r for r in candidates if r["is_active"] and r["tenant__is_active"]),
        key=lambda r: (r["created_at"], str(r["id"])),
    )
    target = live[0] if live else (candidates[0] if candidates else None)
    password_hash = target["password_hash"] if target is not None else passwords.DUMMY_HASH
    correct = await passwords.verify_password_async(password_hash, password)
    if not correct or not live:
        raise Unauthorized(LOGIN_FAILED)
    if len(live) > 1:
        raise Unauthorized(SEVERAL_TENANTS)
    row = live[0]
    now = datetime.now(UTC)
    session_id = new_id()
    token_id, refresh_token, token_hash = _new_refresh_token(row["tenant_id"])
    ids = {"tenant_id": row["tenant_id"], "user_id": row["id"], "session_id": session_id}
    async with db.for_tenant(row["tenant_id"]).transaction() as tx:
        await tx.execute(
            _NEW_SESSION, {**ids, "now": now, "expires_at": now + timedelta(days=refresh_days)}
        )
        await tx.execute(
            _NEW_TOKEN, {**ids, "now": now, "token_id": token_id, "token_hash": token_hash}
        )
        await tx.execute(_LAST_LOGIN, {**ids, "now": now})
    user = _user_row(row) | {"last_login_at": now}
    return _issue(user, _tenant_row(row), session_id, refresh_token)


def _issue(user: Row, tenant: Row, session_id: uuid.UUID, refresh_token: str) -> Login:
    access = auth.issue_access_token(
        user_id=str(user["id"]),
        tenant_id=str(tenant["id"]),
        role=user["role"],
        session_id=str(session_id),
    )
    return Login(access, refresh_token, auth.access_token_seconds(), user, tenant)


async def refresh(db: Database, token: str) -> Login:
    """Trade a refresh token for the next one and a new access token (with the current role)."""
    ids_text, _, secret = token.partition(".")
    try:
        if len(ids_text) != 64:
            raise ValueError(ids_text)
        tenant_id, token_id = uuid.UUID(hex=ids_text[:32]), uuid.UUID(hex=ids_text[32:])
    except ValueError:
        raise Unauthorized() from None
    # The token names its tenant: everything below runs behind that tenant's wall only.
    db_tenant = db.for_tenant(tenant_id)
    row = await db_tenant.fetch_one(_TOKEN, {"tenant_id": tenant_id, "token_id": token_id})
    if row is None or not hmac.compare_digest(row["token_hash"], _hash(secret)):
        raise Unauthorized()
    now = datetime.now(UTC)
    ids = {"tenant_id": row["tenant_id"], "session_id": row["session_id"], "token_id": token_id}
    if row["used_at"] is not None:
        # A genuine token, already traded: someone holds a copy. End the whole session.
        await db_tenant.execute(_REVOKE_ONE, {**ids, "now": now})
        raise Unauthorized()
    if (
        row["revoked_at"] is not None
        or row["expires_at"] <= now
        or not row["is_active"]
        or not row["tenant__is_active"]
    ):
        raise Unauthorized()
    next_id, next_token, next_hash = _new_refresh_token(row["tenant_id"])
    async with db_tenant.transaction() as tx:
        used = await tx.fetch_one(_USE_TOKEN, {**ids, "now": now})
        if used is not None:
            await tx.execute(
                _NEW_TOKEN, {**ids, "now": now, "token_id": next_id, "token_hash": next_hash}
            )
    if used is None:  # lost a race with another refresh of the same token: that is reuse
        await db_tenant.execute(_REVOKE_ONE, {**ids, "now": now})
        raise Unauthorized()
    return _issue(_user_row(row), _tenant_row(row), row["session_id"], next_token)


async def logout(scope: Scope) -> None:
    revoked = await scope.db.fetch_one(
        _REVOKE_ONE,
        {"tenant_id": scope.tenant_id, "session_id": scope.session_id, "now": datetime.now(UTC)},
    )
    if revoked is None:
        raise Unauthorized()


async def me(scope: Scope) -> dict[str, Row]:
    row = await scope.db.fetch_one(_ME, scope.params())
    if row is None:
        raise Unauthorized()
    return {"user": _user_row(row), "tenant": _tenant_row(row)}


async def change_password(scope: Scope, *, current: str, new: str) -> None:
    """Set a new password and end every other session of the user (this one stays)."""
    row = await scope.db.fetch_one(_ME, scope.params())
    if row is None:
        raise Unauthorized()
    if not await passwords.verify_password_async(row["password_hash"], current):
        raise Forbidden(WRONG_PASSWORD)
    new_hash = await passwords.hash_password_async(new)
    now = datetime.now(UTC)
    async with scope.db.transaction() as tx:
        changed = await tx.fetch_one(_SET_PASSWORD, scope.params(password_hash=new_hash, now=now))
        if changed is not None:
            await tx.execute(
                _REVOKE_OTHERS,
                {
                    "tenant_id": scope.tenant_id,
                    "user_id": scope.user_id,
                    "session_id": scope.session_id,
                    "now": now,
                },
            )
    if changed is None:
        raise Unauthorized()

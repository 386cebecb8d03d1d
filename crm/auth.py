"""Access tokens: issue them, and verify them for Connexion's `bearerAuth` scheme.

`decode_token` is the spec's `x-bearerInfoFunc` (`crm.auth.decode_token`). Connexion calls it
synchronously on the event loop for every secured operation, so it does CPU work only: an HS256
signature check with pyjwt, `exp`/`aud`/`iss` enforced, and the claims `exp`, `iat`, `sub`,
`tenant_id`, `role`, `jti` required. Every failure (missing or malformed header, expired, wrong
signature, `alg: none` or any other algorithm, wrong audience or issuer, a tampered or missing
claim) raises the same `Unauthorized`, so a caller cannot learn which check failed; the reason
is logged at debug level only.

The key, audience and issuer come from the `Settings` the app was built with
(`configure(settings)`, called by `crm.app.create_app`), because Connexion resolves the function
by its dotted name and cannot pass it arguments.

The claim `sid` names the login session (`auth_sessions`). A valid signature is not the end
of it: every statement a request runs checks that this session is live, the user active with
this role and the tenant active (`crm.statements.session_guard`), so logout, a password
change, deactivation and a role change take effect on the very next request. Login, refresh
rotation and revocation live in `crm.sessions`.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from crm.errors import Unauthorized
from crm.settings import Settings

log = logging.getLogger(__name__)

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ("exp", "iat", "sub", "tenant_id", "role", "sid", "jti")
TOKEN_REJECTED = "Your session is not valid or has expired: please log in again."  # noqa: S105 - a message
# A request that carries no bearer token at all: nothing expired, the caller never logged in.
TOKEN_MISSING = "Authentication required: log in and send `Authorization: Bearer <token>`."  # noqa: S105


@dataclass(frozen=True)
class _TokenConfig:
    secret: str
    audience: str
    issuer: str
    lifetime: timedelta


_config: _TokenConfig | None = None


def configure(settings: Settings) -> None:
    """Use `settings`' key, audience, issuer and lifetime for every later call."""
    global _config  # one process, one key: set once at app start
    _verified.clear()
    _config = _TokenConfig(
        secret=settings.jwt_secret,
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
        lifetime=timedelta(minutes=settings.access_token_minutes),
    )


def _current() -> _TokenConfig:
    if _config is None:
        configure(Settings.from_env())
    assert _config is not None
    return _config


def issue_access_token(
    *,
    user_id: str,
    tenant_id: str,
    role: str,
    session_id: str,
    now: datetime | None = None,
    lifetime: timedelta | None = None,
) -> str:
    """A signed access token for the user; `now`/`lifetime` exist for tests and the CLI."""
    config = _current()
    issued = now or datetime.now(UTC)
    claims = {
        "sub": str(user_id),
        "tenant_id": str(tenant_id),
        "role": role,
        "sid": str(session_id),
        "iat": issued,
        "exp": issued + (lifetime if lifetime is not None else config.lifetime),
        "jti": uuid.uuid4().hex,
        "aud": config.audience,
        "iss": config.issuer,
    }
    return jwt.encode(claims, config.secret, algorithm=ALGORITHM)


def access_token_seconds() -> int:
    return int(_current().lifetime.total_seconds())


# Verified tokens, until they expire: a client sends the same token on every request for its
# whole lifetime, and the signature check is the costliest part of authentication
# (docs/architecture.md "The hot path", item 4). The key is the whole token, signature
# included, so a changed token is a miss; a hit is still checked against `exp`. Bounded:
# cleared when full.
_verified: dict[str, tuple[float, dict[str, Any]]] = {}
_VERIFIED_MAX = 10_000


def decode_token(token: str) -> dict[str, Any]:
    """The verified claims of `token`, or `Unauthorized` with one message for every failure."""
    cached = _verified.get(token)
    if cached is not None:
        if time.time() < cached[0]:
            return cached[1]
        del _verified[token]
    claims = _verify(token)
    if len(_verified) >= _VERIFIED_MAX:
        _verified.clear()
    _verified[token] = (float(claims["exp"]), claims)
    return claims


def _verify(token: str) -> dict[str, Any]:
    config = _current()
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            config.secret,
            algorithms=[ALGORITHM],  # a fixed list: `alg: none` and RS/HS confusion fail here
            audience=config.audience,
            issuer=config.issuer,
            options={"require": [*REQUIRED_CLAIMS, "aud", "iss"]},
        )
    except jwt.PyJWTError as exc:
        log.debug("token rejected: %s", exc)
        raise Unauthorized(TOKEN_REJECTED) from None
    for claim in ("sub", "tenant_id", "role", "sid", "jti"):
        if not isinstance(claims.get(claim), str) or not claims[claim]:
            log.debug("token rejected: claim %s is not a non-empty string", claim)
            raise Unauthorized(TOKEN_REJECTED)
    return claims

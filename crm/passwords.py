"""Password hashing: argon2id with argon2-cffi's defaults (RFC 9106 low-memory profile).

Hashing costs tens of milliseconds of CPU on purpose, so the async API runs it in a worker
thread: the event loop keeps serving other requests while one login is being checked.
`DUMMY_HASH` lets a login for an unknown email spend the same time as a wrong password, so
the answer's timing does not tell the two apart.
"""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from crm.settings import Settings

_PRODUCTION = PasswordHasher()  # argon2id, t=3, m=64 MiB, p=4: about 0.1 s per hash here
# CRM_ENV=test only: still argon2id, at minimum cost, so a test suite that logs in hundreds of
# times stays fast. Hashes record their parameters, so either hasher verifies the other's.
_TEST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
_hasher = _PRODUCTION
_DUMMY_SECRET = "not-a-real-password: evens out the time of unknown-email logins"  # noqa: S105
DUMMY_HASH = _hasher.hash(_DUMMY_SECRET)


def configure(settings: Settings) -> None:
    """Pick the hashing cost for `settings.env` (called by the app factory and the CLI)."""
    global _hasher, DUMMY_HASH  # one process, one cost profile
    hasher = _TEST if settings.env == "test" else _PRODUCTION
    if hasher is not _hasher:
        _hasher = hasher
        DUMMY_HASH = _hasher.hash(_DUMMY_SECRET)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def hash_password_async(password: str) -> str:
    return await asyncio.to_thread(hash_password, password)


async def verify_password_async(password_hash: str, password: str) -> bool:
    return await asyncio.to_thread(verify_password, password_hash, password)

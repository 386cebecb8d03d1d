"""Rate limits: brute force on login, refresh and change-password, and a budget per user.

```
budget    key                          default      counted in
login     client address               5/minute     count_request, before the body is read
login     account (the email)          5/minute     handlers.auth.login, before any hash
refresh   client address               30/minute    count_request
password  user (change-password)       5/minute     count_request, token verified
api       user (every other secured)   1200/minute  count_request, token verified
```

Every attempt counts, successful or not, and is counted *before* the work it limits: a refused
login costs one limiter lookup, never an argon2 verification, so a flood of wrong passwords does
not queue hashing work in front of other people's logins. The brute-force windows are moving
windows (`limits`' MovingWindowRateLimiter): "the sixth attempt within any 60 seconds" exactly;
the generous per-user budget is a fixed window (one counter per user and minute).

Storage: in memory, per process, by default (the per-user budget on `MemoryFixedWindow`, below);
`REDIS_URL` shares the counts between workers and
servers (several `crm serve --workers` processes each keep their own counts in memory). An
unreachable Redis makes login, refresh and change-password answer 503 (refusing them for a
moment is safer than letting brute force through unlimited); the per-user budget lets
requests through meanwhile (an outage of the limiter is not an outage of the API).

A refusal is a 429 in the standard error shape with `Retry-After` (seconds) and the rate-limit
headers of draft-ietf-httpapi-ratelimit-headers-06, the version clients and gateways commonly
implement: `RateLimit-Limit`, `RateLimit-Remaining` (0) and `RateLimit-Reset` (seconds).

The client address is the socket's peer unless that peer is a trusted proxy
(`TRUSTED_PROXIES`): then X-Forwarded-For is read from the right, past every trusted proxy, to
the first address a trusted proxy vouches for. A client cannot pick its own key by sending the
header itself.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import math
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import limits
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import FixedWindowRateLimiter, MovingWindowRateLimiter, RateLimiter
from limits.errors import StorageError
from limits.util import WindowStats
from starlette.datastructures import Headers
from starlette.types import Scope

from crm.errors import ServiceUnavailable, TooManyRequests
from crm.settings import Settings

log = logging.getLogger(__name__)

LOGIN_OPERATION = "handlers.auth.login"
REFRESH_OPERATION = "handlers.auth.refresh"
PASSWORD_OPERATION = "handlers.auth.change_password"  # noqa: S105 - an operationId
KEY_PREFIX = "crm-limits"

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class Limiter(Protocol):
    """What a budget counts with: `limits`' async strategies, or `MemoryFixedWindow`."""

    async def hit(self, item: limits.RateLimitItem, *identifiers: str) -> bool: ...

    async def get_window_stats(
        self, item: limits.RateLimitItem, *identifiers: str
    ) -> WindowStats: ...


class MemoryFixedWindow:
    """`limits`' FixedWindowRateLimiter over its async MemoryStorage, counted in a dict.

    The per-user budget is counted on every request. `limits`' in-memory storage starts an
    asyncio Task to sweep expired keys on every increment (the sweep finishes within the loop's
    next turn, so the next increment starts another) and takes an asyncio.Lock per key: together
    more CPU than the rest of the count. The event loop runs one request at a time, so
    no lock is needed, and expired windows are swept here at most once per window length.

    The same counts: a window opens at a key's first hit and lasts `item.get_expiry()` seconds
    (it is over once that time is reached), `hit` is true while the count is within the
    amount, and the stats of a key with no open window are (now, amount).
    tests/unit/test_ratelimit_window.py compares it with `limits` on random sequences of hits.
    """

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._windows: dict[tuple[str, ...], list[float]] = {}  # key -> [ends at, count]
        self._sweep_at = 0.0

    async def hit(self, item: limits.RateLimitItem, *identifiers: str) -> bool:
        return self.count(item, *identifiers)

    async def get_window_stats(self, item: limits.RateLimitItem, *identifiers: str) -> WindowStats:
        return self.stats(item, *identifiers)

    def count(self, item: limits.RateLimitItem, *identifiers: str) -> bool:
        """`hit`, at once: nothing here waits."""
        now = self._clock()
        window = self._windows.get(identifiers)
        if window is None or window[0] <= now:
            self._sweep(now, item.get_expiry())
            window = self._windows[identifiers] = [now + item.get_expiry(), 0]
        window[1] += 1
        return window[1] <= item.amount

    def stats(self, item: limits.RateLimitItem, *identifiers: str) -> WindowStats:
        now = self._clock()
        window = self._windows.get(identifiers)
        if window is None or window[0] <= now:
            return WindowStats(now, item.amount)
        return WindowStats(window[0], max(0, item.amount - int(window[1])))

    def _sweep(self, now: float, expiry: float) -> None:
        # One pass per window length keeps the dict to the users of about two windows.
        if now < self._sweep_at:
            return
        self._sweep_at = now + expiry
        for key in [k for k, (ends, _) in self._windows.items() if ends <= now]:
            del self._windows[key]


@dataclass(frozen=True)
class Budget:
    name: str
    item: limits.RateLimitItem
    message: str
    limiter: RateLimiter | Limiter
    # Storage unreachable: refuse (503) where brute force is the risk, let the request through
    # where only fairness is (the per-user budget), rather than take the whole API down.
    fail_open: bool = False


class RateLimits:
    """The app's budgets over one storage; `hit` counts an attempt or raises 429."""

    def __init__(self, settings: Settings) -> None:
        self.storage: Storage = (
            RedisStorage(
                f"async+{settings.redis_url}",
                implementation="redispy",
                wrap_exceptions=True,
                key_prefix=KEY_PREFIX,
                # An unreachable Redis must answer within a request's patience, not hang it.
                socket_connect_timeout=2.0,
                socket_timeout=2.0,
            )
            if settings.redis_url
            else MemoryStorage()
        )
        # Brute-force budgets are small and exact: a moving window. The per-user budget runs on
        # every request and is generous: a fixed window, one counter, about half the cost.
        exact = MovingWindowRateLimiter(self.storage)
        self.login = Budget(
            "login",
            limits.parse(settings.rate_limit_login),
            "Too many login attempts: wait {seconds} s before trying again.",
            exact,
        )
        self.refresh = Budget(
            "refresh",
            limits.parse(settings.rate_limit_refresh),
            "Too many token refreshes: wait {seconds} s before trying again.",
            exact,
        )
        self.password = Budget(
            "password",
            limits.parse(settings.rate_limit_password),
            "Too many password changes: wait {seconds} s before trying again.",
            exact,
        )
        self.api: Budget | None = (
            Budget(
                "api",
                limits.parse(settings.rate_limit_api),
                "Too many requests: wait {seconds} s before trying again.",
                FixedWindowRateLimiter(self.storage) if settings.redis_url else MemoryFixedWindow(),
                fail_open=True,
            )
            if settings.rate_limit_api
            else None
        )
        self.trusted_proxies = settings.trusted_proxies

    async def hit(self, budget: Budget, *key: str) -> None:
        """Count one attempt of `key` against `budget`; TooManyRequests when it is spent."""
        try:
            if await budget.limiter.hit(budget.item, budget.name, *key):
                return
            reset, _ = await budget.limiter.get_window_stats(budget.item, budget.name, *key)
        except StorageError as exc:
            log.error("rate limit storage unreachable: %s", exc.storage_error)
            if budget.fail_open:
                return
            raise ServiceUnavailable(headers={"Retry-After": "1"}) from None
        raise _refused(budget, reset)

    def hit_now(self, budget: Budget, *key: str) -> Awaitable[None] | None:
        """`hit`, counted at once when the budget counts in this process's memory (None: the
        count is done), else the awaitable that counts (a shared storage, a moving window)."""
        limiter = budget.limiter
        if not isinstance(limiter, MemoryFixedWindow):
            return self.hit(budget, *key)
        if not limiter.count(budget.item, budget.name, *key):
            raise _refused(budget, limiter.stats(budget.item, budget.name, *key).reset_time)
        return None

    async def hit_account(self, email: str) -> None:
        """Count a login attempt on the account `email` names (in any tenant).

        Hashed, so the storage (Redis) holds no email addresses."""
        digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
        await self.hit(self.login, "account", digest)

    def client_address(self, scope: Scope) -> str:
        return client_address(scope, self.trusted_proxies)

    async def close(self) -> None:
        bridge = getattr(self.storage, "bridge", None)
        storage: Any = getattr(bridge, "storage", None)
        if storage is not None and hasattr(storage, "aclose"):
            await storage.aclose()


def _refused(budget: Budget, reset: float) -> TooManyRequests:
    """The 429 of a spent budget whose window resets at `reset` (seconds since the epoch)."""
    seconds = max(1, math.ceil(reset - time.time()))
    return TooManyRequests(
        budget.message.format(seconds=seconds),
        {"limit": str(budget.item), "retry_after": seconds},
        retry_after=seconds,
        headers={
            "RateLimit-Limit": str(budget.item.amount),
            "RateLimit-Remaining": "0",
            "RateLimit-Reset": str(seconds),
        },
    )


def client_address(scope: Scope, trusted: Sequence[Network]) -> str:
    """The client's address: the socket peer, or what trusted proxies say it is."""
    client = scope.get("client")
    peer = client[0] if client else "unknown"
    if not trusted or not _is_trusted(peer, trusted):
        return str(peer)
    forwarded = Headers(scope=scope).getlist("x-forwarded-for")
    hops = [h.strip() for value in forwarded for h in value.split(",") if h.strip()]
    address = str(peer)
    # Right to left: each entry was appended by the hop after it; stop at the first one that
    # is not a trusted proxy. Entries further left were written by the client and mean nothing.
    for hop in reversed(hops):
        address = hop[:64]
        if not _is_trusted(hop, trusted):
            break
    return address


def _is_trusted(address: str, trusted: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def count_request(rate_limits: RateLimits, scope: Scope) -> Awaitable[None] | None:
    """Count a routed request against its budget, before validation and the handler run:
    None when the count is done (the per-user budget in memory), else the awaitable that
    counts. TooManyRequests when the budget is spent.

    Called after Connexion's routing and security (crm.app.OperationMiddleware): the operation
    is known and, for secured operations, the token is verified, so the per-user budgets key on
    the user id of a genuine token, never on something a client made up. A request refused here
    is never validated nor handled. The limiter is also handed to login's handler
    (`rate_limits`) for the per-account count, which needs the validated body.
    """
    extensions = scope.setdefault("extensions", {})
    context = extensions.setdefault("connexion_context", {})
    operation = extensions.get("connexion_routing", {}).get("operation_id")
    claims = context.get("token_info")
    if operation == LOGIN_OPERATION:
        # Only login's handler takes it (standard handlers take every context entry).
        context["rate_limits"] = rate_limits
        return rate_limits.hit(rate_limits.login, "address", rate_limits.client_address(scope))
    if operation == REFRESH_OPERATION:
        return rate_limits.hit(rate_limits.refresh, "address", rate_limits.client_address(scope))
    if claims is None:
        return None
    user = str(claims.get("sub"))
    if operation == PASSWORD_OPERATION:
        return _password_and_api(rate_limits, user)
    if rate_limits.api is not None:
        return rate_limits.hit_now(rate_limits.api, "user", user)
    return None


async def _password_and_api(rate_limits: RateLimits, user: str) -> None:
    await rate_limits.hit(rate_limits.password, "user", user)
    if rate_limits.api is not None:
        await rate_limits.hit(rate_limits.api, "user", user)

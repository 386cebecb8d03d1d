"""crm.ratelimit.MemoryFixedWindow counts as `limits`' FixedWindowRateLimiter over its async
MemoryStorage does (the per-user budget's counter before it).

Both limiters see the same generated sequence of hits by a few users, with the clock moved
between hits by amounts that land before, on and after a window's end; after every hit the
verdict and the window's stats (reset time, remaining) must be equal. The clock is one fake
shared by both: `limits` reads `time.time()` in its memory storage module.
"""

from __future__ import annotations

import asyncio
import types

import limits
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import FixedWindowRateLimiter

from crm.ratelimit import MemoryFixedWindow

ITEM = limits.parse("3/10 seconds")
EXPIRY = ITEM.get_expiry()

steps = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c"]),
        # 0 (same instant), around the window's end, and arbitrary fractions of it
        st.one_of(
            st.sampled_from([0.0, EXPIRY, EXPIRY - 0.001, EXPIRY + 0.001, EXPIRY / 2]),
            st.floats(min_value=0, max_value=2 * EXPIRY, allow_nan=False),
        ),
    ),
    min_size=1,
    max_size=60,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def time(self) -> float:
        return self.now


@settings(max_examples=200, deadline=None)
@given(sequence=steps)
def test_same_verdicts_and_stats_as_limits(sequence: list[tuple[str, float]]) -> None:
    clock = Clock()

    async def run() -> None:
        reference = FixedWindowRateLimiter(MemoryStorage())
        ours = MemoryFixedWindow(clock=clock.time)
        for user, advance in sequence:
            clock.now += advance
            expected = await reference.hit(ITEM, "api", "user", user)
            assert await ours.hit(ITEM, "api", "user", user) == expected
            for other in ("a", "b", "c"):
                assert await ours.get_window_stats(
                    ITEM, "api", "user", other
                ) == await reference.get_window_stats(ITEM, "api", "user", other)

    with pytest.MonkeyPatch.context() as patch:  # a fresh clock for every generated sequence
        patch.setattr("limits.aio.storage.memory.time", types.SimpleNamespace(time=clock.time))
        asyncio.run(run())


def test_refuses_past_the_amount_until_the_window_ends() -> None:
    clock = Clock()
    ours = MemoryFixedWindow(clock=clock.time)

    async def run() -> list[bool]:
        verdicts = [await ours.hit(ITEM, "u") for _ in range(4)]
        clock.now += EXPIRY - 0.5
        verdicts.append(await ours.hit(ITEM, "u"))
        clock.now += 0.5  # the window opened EXPIRY ago: it is over
        verdicts.append(await ours.hit(ITEM, "u"))
        return verdicts

    assert asyncio.run(run()) == [True, True, True, False, False, True]


def test_expired_windows_are_swept() -> None:
    clock = Clock()
    ours = MemoryFixedWindow(clock=clock.time)

    async def run() -> None:
        for user in range(100):
            await ours.hit(ITEM, str(user))
        clock.now += 2 * EXPIRY
        await ours.hit(ITEM, "late")

    asyncio.run(run())
    assert list(ours._windows) == [("late",)]


def test_hit_now_counts_and_refuses_as_hit_does() -> None:
    """The per-user budget counted at once (`RateLimits.hit_now`, the request path) and
    through `hit` (the awaitable path): the same passes, then the same 429."""
    from crm.errors import TooManyRequests
    from crm.ratelimit import RateLimits
    from crm.settings import Settings

    def limits_of() -> RateLimits:
        return RateLimits(Settings.from_env({"CRM_ENV": "test", "RATE_LIMIT_API": "2/minute"}))

    now, later = limits_of(), limits_of()
    assert now.api is not None
    assert later.api is not None
    assert now.hit_now(now.api, "user", "u") is None  # counted: nothing to await
    assert now.hit_now(now.api, "user", "u") is None
    asyncio.run(later.hit(later.api, "user", "u"))
    asyncio.run(later.hit(later.api, "user", "u"))
    with pytest.raises(TooManyRequests) as at_once:
        now.hit_now(now.api, "user", "u")
    with pytest.raises(TooManyRequests) as awaited:
        asyncio.run(later.hit(later.api, "user", "u"))
    assert str(at_once.value) == str(awaited.value)
    assert at_once.value.details == awaited.value.details
    assert now.hit_now(now.api, "user", "someone else") is None  # a budget per user

"""Work a request leaves for a moment later, done for many requests at once.

The access line (crm.observability.access) and the request's metrics (crm.observability.metrics)
are kept when ACCESS_LOG_FLUSH_MS is above 0 (production's default: 250) and done together
when the oldest is that old, as nginx's `access_log ... flush=` does. Done as each request
ends, that work runs code that has left the CPU's caches since the last request: measured in
process with 32 detail requests in flight (docs/architecture.md, "The hot path"), keeping the
metrics too took detail's API ÷ baseline CPU (means) from about 1.47 to 1.40.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Kept(Generic[T]):
    """Items kept until `flush` hands them to `done`: `seconds` after the first (0: at once),
    when `at_most` are waiting, or when the caller flushes (the app's shutdown, a scrape)."""

    def __init__(self, done: Callable[[list[T]], None], at_most: int) -> None:
        self.done = done
        self.at_most = at_most
        self.seconds = 0.0  # 0: nothing is kept
        self.waiting: list[T] = []
        # the loop a flush is scheduled on: an item added on another loop (a closed one's
        # timer never fires) schedules one on its own
        self.armed: asyncio.AbstractEventLoop | None = None

    def add(self, item: T) -> None:
        self.waiting.append(item)
        if len(self.waiting) >= self.at_most:
            self.flush()
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop to wait on: now
            self.flush()
            return
        if self.armed is not loop:
            loop.call_later(self.seconds, self.flush)
            self.armed = loop

    def flush(self) -> None:
        self.armed = None
        waiting, self.waiting = self.waiting, []
        if waiting:
            self.done(waiting)

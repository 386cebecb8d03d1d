"""The access line, one per request: straight to our handler when `logging` would add nothing.

`access_log.info(...)` walks the whole `logging` machinery for a line whose every step is known
in advance: the caller's frame looked up, a LogRecord made, the logger tree walked for handlers,
the handler's lock, the formatter reading the record back. That was about a tenth of a small
request's CPU. When the configuration is the one `logs.configure` installs (the record would
reach exactly one handler, ours, with the JSON formatter, and nothing filters or patches along
the way), the line is built here as `JsonLineFormatter` would build it and handed to that
handler. Any other configuration (console format, a filter, another handler, a patched Logger,
e.g. by sentry-sdk's logging integration, which records lines as breadcrumbs) goes through
`access_log.info`. tests/unit/test_access_line.py compares the two lines.

Buffered (ACCESS_LOG_FLUSH_MS, production's default 250): a direct line's parts (its fields,
the request's id, the time it ended) are kept, and the lines are built and written together
when the oldest is that old, when FLUSH_AT_LINES are waiting, and when the app shuts down
(`flush`; also at exit), as nginx's `access_log ... flush=` does. Building and writing each line
as its request ends costs a request its share of a write and runs code that has left the CPU's
caches since the last request: measured in process (bench/inprocess.py's way, detail as the
bench user), the API's CPU per request fell by about a tenth of the baseline's, nearly what
writing no access line at all saves. The line is the same, its `time` the request's end. What
a crash (SIGKILL, the OOM killer) loses: the lines of the last quarter second.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import time
from typing import Any

import structlog

from crm.observability import context, logs
from crm.observability.kept import Kept
from crm.settings import Settings

access_log = logging.getLogger("crm.access")

_LEVEL = logging.INFO
# What a direct line skips; replaced by anyone (sentry-sdk patches callHandlers), it must run.
LOGGER_STEPS = ("handle", "callHandlers", "makeRecord")


FLUSH_AT_LINES = 512  # a buffer this full is written at once, whatever its age

# One kept line: the handler it goes to, the request's id, µs since 1970 as it ended, fields.
_Line = tuple[logs.CrmLogHandler, str | None, int, dict[str, Any]]


def _write_kept(waiting: list[_Line]) -> None:
    """The kept lines, each to the handler it was kept for, in their order."""
    for handler, kept in itertools.groupby(waiting, key=lambda line: line[0]):
        lines = [
            logs.json_line(
                "request",
                access_log.name,
                "info",
                fields,
                bound=False,
                request_id=request_id,
                micros=micros,
            )
            for _, request_id, micros, fields in kept
        ]
        handler.write_lines(lines, access_log.name, _LEVEL)


_buffer: Kept[_Line] = Kept(_write_kept, FLUSH_AT_LINES)


def configure(settings: Settings) -> None:
    """Buffer for ACCESS_LOG_FLUSH_MS (the lines kept so far are written first)."""
    flush()
    _buffer.seconds = settings.access_log_flush_ms / 1000


def write(fields: dict[str, Any]) -> None:
    """The access line of `fields`, as `access_log.info("request", extra=fields)` writes it."""
    handler = _direct_handler()
    if handler is None:
        access_log.info("request", extra=fields)
        return
    if _buffer.seconds > 0:
        request = context.current()
        request_id = request.request_id if request is not None else None
        _buffer.add((handler, request_id, time.time_ns() // 1000, fields))
        return
    # nothing is bound with structlog.contextvars (_direct_handler checked): none to merge
    line = logs.json_line("request", access_log.name, "info", fields, bound=False)
    handler.write_line(line, access_log.name, _LEVEL)


def flush() -> None:
    """Write the lines kept so far."""
    _buffer.flush()


atexit.register(flush)  # a process that exits without the app's shutdown: its lines written


def _direct_handler() -> logs.CrmLogHandler | None:
    """The one handler an INFO record of crm.access would reach, when a direct line is its line."""
    logger = access_log
    if (
        type(logger) is not logging.Logger
        or logger.filters
        or not logger.isEnabledFor(_LEVEL)
        or not _logging_unpatched()
        or logging.getLogRecordFactory() is not logging.LogRecord
        or _structlog_bound()
    ):
        return None
    reached: list[logging.Handler] = []
    current: logging.Logger | None = logger
    while current is not None:
        reached.extend(current.handlers)
        current = current.parent if current.propagate else None
    if len(reached) != 1:
        return None
    (handler,) = reached
    if (
        type(handler) is not logs.CrmLogHandler
        or handler.filters
        or handler.level > _LEVEL
        or type(handler.formatter) is not logs.JsonLineFormatter
    ):
        return None
    return handler


_unpatched: tuple[object, ...] = ()  # the steps last found to be logging's own


def _logging_unpatched() -> bool:
    """Whether Logger's steps are still logging's own (a patch may come before or after us)."""
    global _unpatched
    steps = (logging.Logger.handle, logging.Logger.callHandlers, logging.Logger.makeRecord)
    if steps == _unpatched:
        return True
    for step in steps:
        code = getattr(step, "__code__", None)
        if code is None or code.co_filename != logging.__file__:
            return False
    _unpatched = steps
    return True


def _structlog_bound() -> bool:
    """Whether anything is bound with structlog.contextvars (the formatter would add it)."""
    # structlog keeps a ContextVar per name ever bound; private, hence the guarded read.
    bound = getattr(structlog.contextvars, "_CONTEXT_VARS", None)
    if not isinstance(bound, dict):
        return True  # cannot tell: let the formatter look
    if not bound:
        return False
    return any(var.get() is not Ellipsis for var in bound.values())

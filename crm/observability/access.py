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
"""

from __future__ import annotations

import logging
from typing import Any

import structlog

from crm.observability import logs

access_log = logging.getLogger("crm.access")

_LEVEL = logging.INFO
# What a direct line skips; replaced by anyone (sentry-sdk patches callHandlers), it must run.
LOGGER_STEPS = ("handle", "callHandlers", "makeRecord")


def write(fields: dict[str, Any]) -> None:
    """The access line of `fields`, as `access_log.info("request", extra=fields)` writes it."""
    handler = _direct_handler()
    if handler is None:
        access_log.info("request", extra=fields)
        return
    # nothing is bound with structlog.contextvars (_direct_handler checked): none to merge
    line = logs.json_line("request", access_log.name, "info", fields, bound=False)
    handler.write_line(line, access_log.name, _LEVEL)


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

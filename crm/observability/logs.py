"""Every log line through one handler on the root logger, formatted by structlog.

The code logs with the standard library (`logging.getLogger(__name__)`, `extra={...}` for
fields); structlog's ProcessorFormatter adds the time, level, logger name and the request's
contextvars (`request_id`) to every line, ours and the libraries' (uvicorn runs with
`log_config=None`, so its lines come here too). `Settings.log_format`: `console` for a person
(development default), `json` for a collector (one object per line; test and production).
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

import orjson
import structlog

from crm.settings import Settings


def _drop_color_message(
    _logger: object, _name: str, event: structlog.typing.EventDict
) -> structlog.typing.EventDict:
    event.pop("color_message", None)  # uvicorn's ANSI-coloured copy of the message
    return event


_SHARED: list[structlog.typing.Processor] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.ExtraAdder(),
    _drop_color_message,
    structlog.processors.TimeStamper(fmt="iso", utc=True, key="time"),
]


def _orjson(value: object, **_: object) -> str:
    # orjson: the access line is formatted on every request (bench/observability.py)
    return orjson.dumps(value, default=repr).decode()


class CrmLogHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Ours, so that configuring again (one app per test) replaces it instead of adding one.

    Writes to whatever `sys.stderr` is when a line is written (test runners and process
    managers swap it), unless `setStream` gave it a stream of its own.
    """

    def __init__(self) -> None:
        logging.Handler.__init__(self)
        self._own: TextIO | None = None

    @property
    def stream(self) -> TextIO:
        return self._own if self._own is not None else sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        self._own = value


def formatter(log_format: str) -> logging.Formatter:
    if log_format == "json":
        final: list[structlog.typing.Processor] = [
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(serializer=_orjson),
        ]
    else:
        final = [structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty())]
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_SHARED,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *final],
    )


def configure(settings: Settings) -> CrmLogHandler:
    """Install (or replace) the root handler; the handler, for tests that read its stream."""
    handler = CrmLogHandler()
    handler.setFormatter(formatter(settings.log_format))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, CrmLogHandler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(settings.log_level)
    logging.getLogger("crm").setLevel(settings.log_level)
    return handler


def installed_handler() -> CrmLogHandler | None:
    return next((h for h in logging.getLogger().handlers if isinstance(h, CrmLogHandler)), None)

"""Every log line through one handler on the root logger, formatted by structlog.

The code logs with the standard library (`logging.getLogger(__name__)`, `extra={...}` for
fields); structlog's ProcessorFormatter adds the time, level, logger name and the
request's id (crm.observability.context, set by the middleware) to every line, ours and the
libraries' (uvicorn runs with `log_config=None`, so its lines come here too). Values bound
with structlog.contextvars come after the id. `Settings.log_format`: `console` for a person
(development default), `json` for a collector (one object per line; test and production).
"""

from __future__ import annotations

import contextvars
import json
import logging
import sys
import time
from datetime import UTC, datetime
from typing import Any, TextIO

import orjson
import structlog

from crm.observability import context
from crm.settings import Settings


def _drop_color_message(
    _logger: object, _name: str, event: structlog.typing.EventDict
) -> structlog.typing.EventDict:
    event.pop("color_message", None)  # uvicorn's ANSI-coloured copy of the message
    return event


def _add_request_id(
    _logger: object, _name: str, event: structlog.typing.EventDict
) -> structlog.typing.EventDict:
    # From the request's record, not structlog's bound contextvars: binding those per request
    # (a token per variable, a copy of the context per line) cost more than the line itself.
    record = context.current()
    if record is not None:
        event.setdefault("request_id", record.request_id)
    return event


_SHARED: list[structlog.typing.Processor] = [
    _add_request_id,
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.ExtraAdder(),
    _drop_color_message,
    structlog.processors.TimeStamper(fmt="iso", utc=True, key="time"),
]


def _orjson(value: object, **_: object) -> str:
    # orjson: the access line is formatted on every request (bench/observability.py)
    try:
        return orjson.dumps(value, default=repr).decode()
    except orjson.JSONEncodeError:
        # What orjson refuses and the standard encoder writes: a str with a lone surrogate
        # (a JSON body's "\ud800" decodes to one), an integer over 64 bits. The line is still
        # written, the surrogate as its escape, rather than lost to handleError's traceback.
        return json.dumps(value, default=repr, separators=(",", ":"))


_CURRENT: Any = object()  # json_line's request id and time when none are given: the current


def json_line(
    message: str,
    logger: str,
    level: str,
    fields: dict[str, Any],
    *,
    bound: bool = True,
    request_id: str | None = _CURRENT,
    micros: int | None = None,
) -> str:
    """One JSON line, as the structlog chain writes it for a plain record: the message, the
    request's id, the values bound with structlog.contextvars (unless `bound` is False: the
    caller knows none are), level, logger name, the record's own fields, time. The one place
    this line is built (JsonLineFormatter and crm.observability.access). `request_id` and
    `micros` (µs since 1970), when given, stand for the current request's id and the clock:
    a line built after its request ended (access lines, buffered) keeps that request's."""
    event: dict[str, Any] = {"event": message}
    if request_id is _CURRENT:
        request = context.current()
        request_id = request.request_id if request is not None else None
    if request_id is not None:
        event["request_id"] = request_id
    if bound:
        values = contextvars.copy_context()
        for var in values:
            if var.name.startswith(_CONTEXT_PREFIX) and values[var] is not Ellipsis:
                event.setdefault(var.name[len(_CONTEXT_PREFIX) :], values[var])
    event["level"] = level
    event["logger"] = logger
    event.update(fields)
    event.pop("color_message", None)
    event["time"] = now() if micros is None else iso_time(micros)
    return _orjson(event)


def now() -> str:
    """The `time` of a line, as structlog's TimeStamper(fmt="iso", utc=True) writes it."""
    return iso_time(time.time_ns() // 1000)


# (second, its "YYYY-MM-DDTHH:MM:SS"): building a datetime and its ISO text for every line cost
# more than the rest of the access line; within a second only the microseconds change.
_second: tuple[int, str] = (0, "1970-01-01T00:00:00")


def iso_time(micros: int) -> str:
    """`datetime.now(tz=UTC).isoformat().replace("+00:00", "Z")` for that many µs since 1970."""
    global _second
    second, fraction = divmod(micros, 1_000_000)
    cached, text = _second
    if cached != second:
        text = datetime.fromtimestamp(second, tz=UTC).replace(tzinfo=None).isoformat()
        _second = (second, text)
    # isoformat() leaves the fraction out when it is zero
    return f"{text}.{fraction:06d}Z" if fraction else f"{text}Z"


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

    def write_line(self, line: str, name: str, level: int) -> None:
        """`line`, already formatted, written as `emit` writes a formatted record.

        Under the lock `Handler.handle` holds around `emit`; an error is reported as `emit`
        reports one (`handleError`, with a record made for it: none was made to write it).
        """
        self.write_lines([line], name, level)

    def write_lines(self, lines: list[str], name: str, level: int) -> None:
        """Several formatted lines in one write, as `write_line` writes one."""
        try:
            with self.lock:  # type: ignore[union-attr]  # created by Handler.__init__
                stream = self.stream
                terminator = self.terminator
                stream.write(terminator.join(lines) + terminator)
                if stream and hasattr(stream, "flush"):
                    stream.flush()
        except RecursionError:  # as StreamHandler.emit: see bpo-36272
            raise
        except Exception:
            record = logging.makeLogRecord({"name": name, "levelno": level, "msg": lines[0]})
            record.levelname = logging.getLevelName(level)
            self.handleError(record)


def formatter(log_format: str) -> logging.Formatter:
    if log_format == "json":
        return JsonLineFormatter(_structlog_formatter(log_format))
    return _structlog_formatter(log_format)


def _structlog_formatter(log_format: str) -> logging.Formatter:
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


# The attributes every LogRecord has; the rest came with `extra=` (structlog's ExtraAdder).
_RECORD_KEYS = frozenset(logging.LogRecord("name", 0, "pathname", 0, "msg", (), None).__dict__)
_CONTEXT_PREFIX = "structlog_"  # structlog.contextvars' names for bound values


class JsonLineFormatter(logging.Formatter):
    """The JSON line of the structlog chain above, written directly for a plain record.

    Production writes one access line per request; through the chain (a record copy, six
    processors, each a call) it cost about a tenth of a small request's server CPU
    (bench/results/load.md). Same keys, same order, same values: tests/unit/test_log_lines.py
    compares the two on records of every kind. A record with a traceback or a stack, or one
    that structlog's own logger made, goes through the chain.
    """

    def __init__(self, chain: logging.Formatter) -> None:
        super().__init__()
        self.chain = chain

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_info or record.exc_text or record.stack_info or hasattr(record, "_logger"):
            return self.chain.format(record)
        level = record.levelname.lower()
        fields = {k: v for k, v in record.__dict__.items() if k not in _RECORD_KEYS}
        return json_line(
            record.getMessage(), record.name, "warning" if level == "warn" else level, fields
        )

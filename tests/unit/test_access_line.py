"""The access line written directly (crm.observability.access) is the line `logging` writes.

Each test installs the app's own handler (as `logs.configure` does for the app) on a buffer,
writes the access line both ways and compares the text, with only `time` (read from the clock
by each) taken out. The configurations where `logging` would add something (a filter, another
handler, a patched Logger, console lines, structlog-bound values) must go through `logging`.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest
import structlog
from prometheus_client import REGISTRY

from crm.observability import access, context, logs, metrics
from crm.observability.requests import new_request_id, request_id_from
from crm.settings import Settings

FIELDS: dict[str, Any] = {
    "method": "GET",
    "path": "/api/leads/x",
    "route": "/api/leads/{lead_id}",
    "operation_id": "handlers.leads.get_lead",
    "status": 200,
    "duration_ms": 1.5,
    "statements": 1,
    "tenant_id": None,
    "user_id": "u-é",
}
_TIME = re.compile(r',"time":"[^"]*"')
# Taken when the tests are collected, before any test has initialised sentry-sdk.
_UNPATCHED = {name: getattr(logging.Logger, name) for name in access.LOGGER_STEPS}


@pytest.fixture(autouse=True)
def as_the_app_has_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The root logger as the app has it: pytest adds capturing handlers of its own around each
    test's call (another handler rightly turns the direct line off), so none is let in."""
    root = logging.getLogger()
    ours = [h for h in root.handlers if isinstance(h, logs.CrmLogHandler)]
    monkeypatch.setattr(root, "handlers", ours)

    def add_ours_only(handler: logging.Handler) -> None:
        if isinstance(handler, logs.CrmLogHandler):
            logging.Logger.addHandler(root, handler)

    monkeypatch.setattr(root, "addHandler", add_ours_only)
    # And logging unpatched: sentry-sdk, once initialised by another test, patches callHandlers
    # for the rest of the process (rightly turning the direct line off; see the test below).
    for name, step in _UNPATCHED.items():
        monkeypatch.setattr(logging.Logger, name, step)


@pytest.fixture
def buffer() -> Iterator[io.StringIO]:
    handler = logs.configure(Settings.from_env({"CRM_ENV": "test", "LOG_LEVEL": "INFO"}))
    stream = io.StringIO()
    handler.setStream(stream)
    yield stream
    logs.configure(Settings.from_env({"CRM_ENV": "test"}))


def _both_ways(buffer: io.StringIO, request_id: str | None = "req-1") -> tuple[str, str]:
    """(the line `access.write` wrote, the line `access_log.info` wrote)."""
    token = context.start(request_id)[1] if request_id else None
    try:
        access.write(dict(FIELDS))
        access.access_log.info("request", extra=dict(FIELDS))
    finally:
        if token is not None:
            context.finish(token)
    lines = buffer.getvalue().splitlines()
    assert len(lines) == 2
    return lines[0], lines[1]


@pytest.mark.parametrize("request_id", ["req-1", None])
def test_the_direct_line_is_the_logged_line_byte_for_byte_but_time(
    buffer: io.StringIO, request_id: str | None
) -> None:
    assert access._direct_handler() is logs.installed_handler()  # else both are logging's
    direct, logged = _both_ways(buffer, request_id)
    assert _TIME.sub("", direct) == _TIME.sub("", logged)
    assert list(orjson.loads(direct))[-1] == "time"
    assert (orjson.loads(direct).get("request_id")) == request_id


def test_the_direct_line_does_not_call_logging(
    buffer: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: Any, **__: Any) -> None:
        raise AssertionError("went through logging")

    monkeypatch.setattr(access.access_log, "info", refuse)
    monkeypatch.setattr(access.access_log, "makeRecord", refuse)
    _, token = context.start("req-2")
    try:
        access.write(dict(FIELDS))
    finally:
        context.finish(token)
    assert orjson.loads(buffer.getvalue())["request_id"] == "req-2"


def test_a_filter_on_the_access_logger_sees_every_line(buffer: io.StringIO) -> None:
    seen: list[logging.LogRecord] = []

    def keep(record: logging.LogRecord) -> bool:
        seen.append(record)
        return False  # dropped: no line at all

    access.access_log.addFilter(keep)
    try:
        assert access._direct_handler() is None
        access.write(dict(FIELDS))
    finally:
        access.access_log.removeFilter(keep)
    assert [record.getMessage() for record in seen] == ["request"]
    assert buffer.getvalue() == ""


def test_another_handler_gets_the_line_too(buffer: io.StringIO) -> None:
    other = io.StringIO()
    handler = logging.StreamHandler(other)
    logging.getLogger("crm").addHandler(handler)
    try:
        assert access._direct_handler() is None
        access.write(dict(FIELDS))
    finally:
        logging.getLogger("crm").removeHandler(handler)
    assert other.getvalue() == "request\n"
    assert orjson.loads(buffer.getvalue())["event"] == "request"


def test_a_patched_logger_is_not_bypassed(
    buffer: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sentry-sdk's logging integration patches callHandlers to keep lines as breadcrumbs."""
    original = logging.Logger.callHandlers
    called: list[str] = []

    def call_handlers(self: logging.Logger, record: logging.LogRecord) -> None:
        called.append(record.name)
        original(self, record)

    monkeypatch.setattr(logging.Logger, "callHandlers", call_handlers)
    access.write(dict(FIELDS))
    assert called == ["crm.access"]
    assert orjson.loads(buffer.getvalue())["event"] == "request"


def test_structlog_bound_values_are_kept(buffer: io.StringIO) -> None:
    with structlog.contextvars.bound_contextvars(extra_value=3):
        assert access._direct_handler() is None
        access.write(dict(FIELDS))
    assert orjson.loads(buffer.getvalue())["extra_value"] == 3
    buffer.seek(0)
    buffer.truncate()
    assert access._direct_handler() is not None  # unbound again: the direct line is back


def test_console_lines_go_through_logging() -> None:
    handler = logs.configure(Settings.from_env({"CRM_ENV": "development", "LOG_LEVEL": "INFO"}))
    stream = io.StringIO()
    handler.setStream(stream)
    try:
        assert access._direct_handler() is None
        _, token = context.start("req-console")
        try:
            access.write(dict(FIELDS))
        finally:
            context.finish(token)
    finally:
        logs.configure(Settings.from_env({"CRM_ENV": "test"}))
    text = stream.getvalue()
    assert "req-console" in text
    assert "handlers.leads.get_lead" in text
    with pytest.raises(orjson.JSONDecodeError):
        orjson.loads(text)


def test_no_line_when_the_level_is_above_info(buffer: io.StringIO) -> None:
    logs.configure(Settings.from_env({"CRM_ENV": "test", "LOG_LEVEL": "WARNING"})).setStream(buffer)
    access.write(dict(FIELDS))
    assert buffer.getvalue() == ""


@pytest.mark.parametrize("micros", [0, 1, 999_999, 1_000_000, 1_764_254_421_000_000, 17 * 10**14])
def test_iso_time_is_datetimes_isoformat(micros: int) -> None:
    second, fraction = divmod(micros, 1_000_000)
    expected = datetime.fromtimestamp(second, tz=UTC).replace(microsecond=fraction)
    assert logs.iso_time(micros) == expected.isoformat().replace("+00:00", "Z")


def test_now_is_the_clock() -> None:
    stamp = logs.now()
    assert stamp.endswith("Z")
    gap = datetime.now(tz=UTC) - datetime.fromisoformat(stamp[:-1]).replace(tzinfo=UTC)
    assert abs(gap.total_seconds()) < 5


def test_a_new_request_id_is_a_version_4_uuid() -> None:
    made = {new_request_id() for _ in range(2000)}
    assert len(made) == 2000
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122


def test_the_request_id_is_the_first_header_when_safe() -> None:
    assert request_id_from([(b"host", b"x"), (b"x-request-id", b"abc.1")]) == "abc.1"
    replaced = request_id_from([(b"x-request-id", b"bad id"), (b"x-request-id", b"good")])
    assert uuid.UUID(replaced).version == 4  # the first one decides, as Headers.get
    assert uuid.UUID(request_id_from([(b"x-request-id", b"\xe9")])).version == 4
    assert uuid.UUID(request_id_from([])).version == 4


def test_cached_metric_children_count_on_the_registrys_labels() -> None:
    labels = {"operation_id": "tests.access.cached", "status": "204"}

    def count() -> float:
        return REGISTRY.get_sample_value("crm_http_requests_total", labels) or 0.0

    def observed() -> float:
        name = "crm_http_request_duration_seconds_count"
        return REGISTRY.get_sample_value(name, labels) or 0.0

    before, before_observed = count(), observed()
    for _ in range(3):
        metrics.observe_request("tests.access.cached", 204, 0.01)
    assert count() - before == 3
    assert observed() - before_observed == 3
    unrouted = {"operation_id": metrics.UNROUTED, "status": "404"}
    was = REGISTRY.get_sample_value("crm_http_requests_total", unrouted) or 0.0
    metrics.observe_request(None, 404, 0.01)
    assert REGISTRY.get_sample_value("crm_http_requests_total", unrouted) == was + 1


# --- buffered lines (ACCESS_LOG_FLUSH_MS) -----------------------------------------------------


@pytest.fixture
def kept(buffer: io.StringIO, monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """Buffering on, for a minute: within a test only `flush` (or a full buffer) writes."""
    monkeypatch.setattr(access._buffer, "seconds", 60.0)
    yield buffer
    access.flush()
    access._buffer.armed = None


def _write_as(request_id: str | None, fields: dict[str, Any] | None = None) -> None:
    token = context.start(request_id)[1] if request_id else None
    try:
        access.write(dict(fields or FIELDS))
    finally:
        if token is not None:
            context.finish(token)


@pytest.mark.anyio
async def test_a_kept_line_is_the_line_its_request_would_have_written(
    kept: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    ended = 1_790_000_000_123_456_789  # ns: the clock as the request ends
    monkeypatch.setattr(time, "time_ns", lambda: ended)
    monkeypatch.setattr(access._buffer, "seconds", 0.0)
    _write_as("req-7")  # unbuffered: written now
    (at_once,) = kept.getvalue().splitlines()
    kept.truncate(0)
    kept.seek(0)

    monkeypatch.setattr(access._buffer, "seconds", 60.0)
    _write_as("req-7")
    assert kept.getvalue() == ""  # kept
    monkeypatch.setattr(time, "time_ns", lambda: ended + 30 * 10**9)  # written 30 s later
    access.flush()
    assert kept.getvalue().splitlines() == [at_once]  # same request id, same time: its end
    expected = datetime.fromtimestamp(ended // 10**9, tz=UTC).replace(microsecond=123456)
    assert orjson.loads(at_once)["time"] == expected.isoformat().replace("+00:00", "Z")


@pytest.mark.anyio
async def test_kept_lines_are_written_in_order_once_the_interval_is_over(
    kept: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(access._buffer, "seconds", 0.05)
    for n in range(3):
        _write_as(f"req-{n}")
    assert kept.getvalue() == ""
    await asyncio.sleep(0.5)  # the loop runs the scheduled flush
    ids = [orjson.loads(line)["request_id"] for line in kept.getvalue().splitlines()]
    assert ids == ["req-0", "req-1", "req-2"]


@pytest.mark.anyio
async def test_a_full_buffer_is_written_at_once(
    kept: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(access._buffer, "at_most", 4)
    for n in range(3):
        _write_as(f"req-{n}")
    assert kept.getvalue() == ""
    _write_as("req-3")
    assert len(kept.getvalue().splitlines()) == 4


def test_without_a_running_loop_a_line_is_written_at_once(kept: io.StringIO) -> None:
    _write_as("req-1")
    assert orjson.loads(kept.getvalue())["request_id"] == "req-1"


@pytest.mark.anyio
async def test_a_line_logging_must_see_is_never_kept(kept: io.StringIO) -> None:
    """A filter on crm.access: the line goes through logging, at once, as unbuffered."""
    seen: list[str] = []

    def keep(record: logging.LogRecord) -> bool:
        seen.append(record.getMessage())
        return True

    access.access_log.addFilter(keep)
    try:
        _write_as("req-1")
    finally:
        access.access_log.removeFilter(keep)
    assert seen == ["request"]
    assert orjson.loads(kept.getvalue())["request_id"] == "req-1"


# --- request metrics kept with the lines ------------------------------------------------------


def _requests_counted(status: int) -> float:
    labels = {"operation_id": "handlers.leads.get_lead", "status": str(status)}
    return REGISTRY.get_sample_value("crm_http_requests_total", labels) or 0.0


@pytest.mark.anyio
async def test_kept_requests_are_counted_before_a_scrape_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(metrics._kept, "seconds", 60.0)
    was = _requests_counted(299)
    for _ in range(3):
        metrics.observe_request("handlers.leads.get_lead", 299, 0.01)
    assert _requests_counted(299) == was  # kept: the loop has not flushed them yet

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await metrics.serve(object(), {"method": "GET", "path": metrics.PATH}, send)  # type: ignore[arg-type]
    exposed = sent[-1]["body"].decode()
    line = 'crm_http_requests_total{operation_id="handlers.leads.get_lead",status="299"}'
    assert f"{line} {was + 3}" in exposed
    assert _requests_counted(299) == was + 3


@pytest.mark.anyio
async def test_kept_requests_are_counted_once_the_interval_is_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(metrics._kept, "seconds", 0.05)
    was = _requests_counted(298)
    metrics.observe_request("handlers.leads.get_lead", 298, 0.01)
    metrics.observe_request("handlers.leads.get_lead", 298, 0.02)
    assert _requests_counted(298) == was
    await asyncio.sleep(0.5)  # the loop runs the scheduled flush
    assert _requests_counted(298) == was + 2

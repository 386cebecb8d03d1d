"""The JSON line formatter writes what structlog's chain writes (crm.observability.logs).

Each record is formatted by both, the direct `JsonLineFormatter` and the structlog
ProcessorFormatter it stands in for: the same keys in the same order and the same values. Only
`time` is read from the clock by each, so it is compared by shape and closeness. The request's
id comes from its record (crm.observability.context), values bound with structlog after it.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime
from typing import Any

import orjson
import pytest
import structlog

from crm.observability import context, logs


def _record(
    name: str, level: int, msg: str, args: tuple[Any, ...] = (), **extra: Any
) -> logging.LogRecord:
    logger = logging.getLogger(name)
    return logger.makeRecord(name, level, __file__, 1, msg, args, None, extra=extra or None)


RECORDS = [
    lambda: _record(
        "crm.access",
        logging.INFO,
        "request",
        method="GET",
        path="/api/leads/x",
        route="/api/leads/{lead_id}",
        operation_id="handlers.leads.get",
        status=200,
        duration_ms=1.5,
        statements=1,
        tenant_id=None,
        user_id="u",
    ),
    lambda: _record("crm.slow", logging.WARNING, "slow statement", sql="SELECT 1", duration_ms=9.0),
    lambda: _record("uvicorn.error", logging.INFO, "Started %s [%d]", ("server", 7)),
    lambda: _record("x", logging.CRITICAL, "odd values", value=object(), n=float("inf")),
    lambda: _record("y", logging.ERROR, "colored", color_message="\x1b[31mred", level_hint=3),
    lambda: _record("z", logging.DEBUG, "unicode é %s", ("args",)),
]


def _parse(line: str) -> dict[str, Any]:
    return orjson.loads(line)  # type: ignore[no-any-return]


@pytest.mark.parametrize("request_id", [None, "req-9"])
@pytest.mark.parametrize("bound", [{}, {"request_id": "req-1"}, {"request_id": "r", "other": 2}])
@pytest.mark.parametrize("make", RECORDS)
def test_the_direct_line_is_the_chains_line(
    make: Any, bound: dict[str, Any], request_id: str | None
) -> None:
    direct = logs.formatter("json")
    assert isinstance(direct, logs.JsonLineFormatter)  # else this compares the chain with itself
    chain = direct.chain
    token = context.start(request_id)[1] if request_id else None
    try:
        with structlog.contextvars.bound_contextvars(**bound):
            ours, theirs = _parse(direct.format(make())), _parse(chain.format(make()))
    finally:
        if token is not None:
            context.finish(token)
    assert list(ours) == list(theirs)
    if request_id:  # the record's id first, before (and over) structlog's values
        assert list(ours)[:2] == ["event", "request_id"]
        assert ours["request_id"] == request_id
    ours_time, theirs_time = ours.pop("time"), theirs.pop("time")
    assert ours == theirs
    for stamp in (ours_time, theirs_time):
        assert stamp.endswith("Z")
    gap = datetime.fromisoformat(ours_time[:-1]) - datetime.fromisoformat(theirs_time[:-1])
    assert abs(gap.total_seconds()) < 5


@pytest.mark.parametrize("log_format", ["direct", "chain"])
def test_a_value_orjson_refuses_is_still_written(log_format: str) -> None:
    """A lone surrogate (what a JSON body's "\\ud800" decodes to) and an integer over 64 bits:
    the line is written, each value read back as it was logged."""
    direct = logs.formatter("json")
    assert isinstance(direct, logs.JsonLineFormatter)
    formatter = direct if log_format == "direct" else direct.chain
    record = _record("crm.x", logging.WARNING, "name %s", ("a\ud800b",), big=2**70, z="\udfff")
    line = json.loads(formatter.format(record))
    assert (line["event"], line["big"], line["z"]) == ("name a\ud800b", 2**70, "\udfff")
    assert line["level"] == "warning"


def test_a_traceback_goes_through_the_chain() -> None:
    direct = logs.formatter("json")
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.getLogger("crm").makeRecord(
            "crm", logging.ERROR, __file__, 1, "failed", (), sys.exc_info()
        )
    line = _parse(direct.format(record))
    assert "ValueError: boom" in line["exception"]
    assert line["event"] == "failed"


@pytest.mark.parametrize("log_format", ["json", "console"])
def test_the_requests_record_gives_every_line_its_id(log_format: str) -> None:
    record = logging.getLogger("crm.slow").makeRecord(
        "crm.slow", logging.WARNING, __file__, 1, "slow statement", (), None
    )
    _, token = context.start("req-from-the-record")
    try:
        line = logs.formatter(log_format).format(record)
    finally:
        context.finish(token)
    assert "req-from-the-record" in line
    assert "req-from-the-record" not in logs.formatter(log_format).format(record)

"""Every statement crm.db runs is reported here: counted for its request, logged when slow.

crm.db executes compiled SQL with the bare drivers (no SQLAlchemy engine, so no engine events):
it times each statement and calls `observed(sql, seconds)`, the one place that knows.
"""

from __future__ import annotations

import logging

from crm.observability import context, metrics
from crm.settings import Settings

log = logging.getLogger("crm.slow")

SQL_SHOWN = 200  # characters of a slow statement in its log line (no parameter values)
_slow_seconds = Settings.slow_statement_ms / 1000


def configure(settings: Settings) -> None:
    global _slow_seconds
    _slow_seconds = settings.slow_statement_ms / 1000


def observed(sql: str, seconds: float) -> None:
    record = context.current()
    if record is not None:
        record.statements += 1
        record.statement_seconds += seconds
    if seconds >= _slow_seconds:
        metrics.SLOW_STATEMENTS.inc()
        log.warning(
            "slow statement",
            extra={"sql": " ".join(sql.split())[:SQL_SHOWN], "duration_ms": _ms(seconds)},
        )


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)

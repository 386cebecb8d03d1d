"""Every report statement is pinned to the caller's tenant and carries the session guard.

The same check as tests/unit/test_statement_tenancy.py, over every statement builder of
crm/reports (found by introspection: a builder added later is checked without being listed),
in every visibility mode and with and without dates. Visibility itself is
crm.statements.visible_to_caller; tests/api/test_report_figures.py shows its effect.
"""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.dialects import postgresql

from crm.db import Query
from crm.reports import follow_ups, leads, people, pipeline, projects, upcoming
from crm.reports.request import ALL, CALLER, USER, ReportRequest
from tests.unit.test_statement_tenancy import untethered

NOW = datetime(2026, 1, 1, tzinfo=UTC)
MODULES = [pipeline, leads, projects, people, follow_ups, upcoming]


def requests() -> Iterator[ReportRequest]:
    for mode in (ALL, CALLER, USER):
        user = uuid.uuid4() if mode == USER else None
        yield ReportRequest(mode=mode, now=NOW, user_id=user)
        yield ReportRequest(mode=mode, now=NOW, start=NOW, end=NOW, user_id=user)


def builders() -> Iterator[tuple[str, Query]]:
    for module in MODULES:
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if (
                fn.__module__ != module.__name__
                or inspect.signature(fn).return_annotation != "Query"
            ):
                continue
            extra = list(inspect.signature(fn).parameters)[1:]
            for request in requests():
                if extra == ["resource_name"]:
                    for resource in ("Client", "Lead"):
                        yield f"{module.__name__}.{name}({resource})", fn(request, resource)
                else:
                    yield f"{module.__name__}.{name}", fn(request)


BUILT = list(builders())


def test_every_report_module_has_builders() -> None:
    names = {n.split("(")[0] for n, _ in BUILT}
    assert len(names) >= 13, names  # follow-ups counts and lists its overdue rows at once


@pytest.mark.parametrize(
    ("name", "query"), BUILT, ids=[f"{n}-{i}" for i, (n, _) in enumerate(BUILT)]
)
def test_every_report_statement_is_tied_to_the_token_tenant(name: str, query: Query) -> None:
    statement = query.build()
    assert untethered(statement) == []
    sql = str(statement.compile(dialect=postgresql.psycopg.dialect()))  # type: ignore[no-untyped-call]
    assert "guard_session" in sql, name

"""The resource engine's binding and list conventions, without a database.

- Every operationId of openapi.yaml binds: to the resource's own handler when its module
  defines that function, else to the standard operation; every report to handlers/reports.py.
- The list filters the spec declares and the ones the runtime reads (`ResourceInfo.filters`)
  are the same, every date field's `_after` / `_before` included.
- A keyword argument a list does not know is an error, never dropped.
"""

from __future__ import annotations

import importlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from connexion.exceptions import ResolverError

from crm.listing import CONNEXION_CONTEXT, ListRequest
from crm.resolver import find_handler
from generated.python.resources import OPERATIONS, REPORTS, RESOURCES

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
NOT_FILTERS = {
    "limit",
    "offset",
    "include_total",
    "cursor",
    "sort_by",
    "sort_order",
    "q",
    "trash",
    "user_id",
    "id",
}
BASE = {"limit": 25, "offset": 0, "sort_by": "created_at", "sort_order": "desc"}


def spec_operations() -> dict[str, tuple[str, str, dict[str, Any]]]:
    out = {}
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            out[op["operationId"]] = (method, path, op)
    return out


def test_every_resource_operation_of_the_spec_is_in_the_generated_table() -> None:
    declared = {
        op_id
        for op_id in spec_operations()
        if op_id.split(".")[1] not in ("auth", "health", "reports", "search")
    }
    assert declared == set(OPERATIONS)


@pytest.mark.parametrize("operation_id", sorted(spec_operations()))
def test_every_operation_binds(operation_id: str) -> None:
    handler = find_handler(operation_id)
    assert callable(handler)
    module_name, _, name = operation_id.rpartition(".")
    try:
        own = getattr(importlib.import_module(module_name), name, None)
    except ModuleNotFoundError:
        own = None
    if own is not None:
        assert handler is own  # the resource's own behaviour wins
    else:
        assert handler.__module__ == "crm.standard"


def test_every_report_has_its_own_handler() -> None:
    reports = [op_id for op_id in spec_operations() if op_id.startswith("handlers.reports.")]
    assert len(reports) == len(REPORTS)
    for op_id in reports:
        assert find_handler(op_id).__module__ == "handlers.reports"


def test_an_unknown_operation_is_a_resolver_error() -> None:
    with pytest.raises(ResolverError):
        find_handler("handlers.reports.get_no_such_report")


@pytest.mark.parametrize(
    "operation_id", sorted(o for o, op in OPERATIONS.items() if "list" in op.kind)
)
def test_spec_filters_are_the_runtime_filters(operation_id: str) -> None:
    _, _, op = spec_operations()[operation_id]
    resource = RESOURCES[OPERATIONS[operation_id].resource]
    in_spec = {p["name"] for p in op["parameters"]} - NOT_FILTERS
    runtime = {f.param for f in resource.filters}
    parent = OPERATIONS[operation_id].parent
    if parent is not None:  # a children list is narrowed by its path, not by that filter
        runtime -= {f.param for f in resource.filters if f.column == parent}
    assert in_spec == runtime


def test_a_date_filter_other_than_created_at_is_read() -> None:
    # `opened_after` once parsed back as a field "opened_at" that does not exist: dropped
    accounts = RESOURCES["Account"]
    request = ListRequest.parse(accounts, {**BASE, "opened_after": "2026-01-01"})
    assert request.filters == (("opened_on", ">=", "2026-01-01"),)
    tasks = RESOURCES["Task"]
    by_param = {f.param: f for f in tasks.filters}
    assert (by_param["due_after"].column, by_param["due_after"].op) == ("due_at", ">=")
    # a date-time filter is read as one instant in UTC (issue 10: extreme offsets)
    request = ListRequest.parse(tasks, {**BASE, "due_after": "2026-01-01T02:00:00+02:00"})
    instant = datetime(2026, 1, 1, tzinfo=UTC)
    assert request.filters == (("due_at", ">=", instant),)
    assert request.params()["f_due_at_after"] == instant


def test_connexion_context_is_not_a_filter_and_an_unknown_name_is_an_error() -> None:
    leads = RESOURCES["Lead"]
    context = dict.fromkeys(CONNEXION_CONTEXT, object())
    assert ListRequest.parse(leads, {**BASE, **context}).filters == ()
    with pytest.raises(TypeError, match="created_since"):
        ListRequest.parse(leads, {**BASE, "created_since": "2026-01-01T00:00:00Z"})


def test_a_children_list_is_narrowed_by_its_parent() -> None:
    projects = RESOURCES["Project"]
    request = ListRequest.parse(projects, BASE, parent=("client_id", "c-1"))
    assert request.filters == (("client_id", "=", "c-1"),)
    assert request.reference_filters(projects) == {"client_id": "c-1"}

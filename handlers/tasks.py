"""What is particular to tasks: completed_at, set by the server when the status becomes done
(kept while it stays done) and cleared when it leaves done. Every other operation of
/api/tasks is the standard one (crm.resolver, crm.standard).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from crm import standard
from crm.scope import Scope, create_defaults
from generated.python.models import TaskStatus
from generated.python.resources import RESOURCES

TASK = RESOURCES["Task"]
DONE = TaskStatus.done.value


def _completion(values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(values to write, values to write only while null)."""
    if "status" not in values:
        return {}, {}
    if values["status"] == DONE:
        return {}, {"completed_at": datetime.now(UTC)}
    return {"completed_at": None}, {}


async def create_task(body: dict[str, Any], scope: Scope) -> Response:
    written, first = _completion({**create_defaults(TASK.name), **body})
    return await standard.create(TASK, scope, body, server_values={**written, **first})


async def update_task(id: str, body: dict[str, Any], scope: Scope) -> Response:
    written, first = _completion(body)
    return await standard.update(TASK, scope, id, body, server_values=written, set_if_null=first)


async def bulk_status_tasks(body: dict[str, Any], scope: Scope) -> Response:
    written, first = _completion(body)
    return await standard.bulk_status(TASK, scope, body, server_values=written, set_if_null=first)

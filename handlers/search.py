"""/api/search: one search across the resources whose contracts say `global-search`."""

from __future__ import annotations

from starlette.responses import Response

from crm import responses
from crm.scope import Scope
from generated.python.resources import RESOURCES

SEARCHED = tuple(r for r in RESOURCES.values() if r.global_search)


async def search(q: str, scope: Scope, limit: int) -> Response:
    groups = await scope.search(SEARCHED, q, limit)
    return responses.json({"data": {"q": q, "groups": groups}})

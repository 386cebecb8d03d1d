"""GET /health (liveness) and GET /ready (readiness), both public (`security: []` in the spec)."""

from __future__ import annotations

from starlette.responses import Response

from crm import readiness, responses
from crm.db import Database


async def get_health() -> Response:
    # The process answers: nothing else is checked, so this stays cheap (see get_ready).
    return responses.json({"status": "ok"})


async def get_ready(db: Database) -> Response:
    await readiness.check(db)
    return responses.json({"status": "ready"})

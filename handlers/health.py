"""GET /health: public (the spec gives it `security: []`); 503 when the database is down."""

from __future__ import annotations

from starlette.responses import Response

from crm import responses
from crm.db import Database


async def get_health(db: Database) -> Response:
    await db.ping()
    return responses.json({"status": "ok"})

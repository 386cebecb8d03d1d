"""GET /health: liveness, public (the spec gives it `security: []`)."""

from __future__ import annotations


async def get_health() -> dict[str, str]:
    """The process is up and serving. (The database check and its 503 come with `crm.db`.)"""
    return {"status": "ok"}

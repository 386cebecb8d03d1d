"""`uvicorn bench.load.api_app:create --factory`: the API from the environment.

Used only when `crm serve` is not available; it builds the same app `crm serve` serves
(`crm.app.create_app(Settings.from_env())`).
"""

from __future__ import annotations

from typing import Any

from crm.app import create_app
from crm.settings import Settings


def create() -> Any:
    return create_app(Settings.from_env())

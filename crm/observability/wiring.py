"""What crm.app calls: configure the process, install the middleware on an app."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from connexion import AsyncApp
from connexion.middleware import MiddlewarePosition

from crm.db import Database
from crm.observability import access, logs, metrics, sentry, statements
from crm.observability.requests import ObservabilityMiddleware, routes_of
from crm.settings import Settings


def configure(settings: Settings) -> None:
    logs.configure(settings)
    access.configure(settings)
    metrics.configure(settings)
    statements.configure(settings)
    sentry.init(settings)


def install(
    app: AsyncApp, settings: Settings, spec: Mapping[str, Any], db: Database, base_path: str
) -> None:
    # Outermost of the positions Connexion offers (inside its last-resort ServerErrorMiddleware):
    # every answer, errors included, passes through and is logged and counted.
    app.add_middleware(
        ObservabilityMiddleware,
        position=MiddlewarePosition.BEFORE_EXCEPTION,
        settings=settings,
        routes=routes_of(spec, base_path),
        db=db,
    )

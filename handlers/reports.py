"""/api/reports/*: the ten business reports (crm.reports computes them)."""

from __future__ import annotations

from typing import Any

from connexion import request
from starlette.responses import Response

from crm import reports
from crm.scope import Scope
from crm.settings import Settings


async def _answer(name: str, scope: Scope, settings: Settings, params: dict[str, Any]) -> Response:
    return await reports.answer(name, scope, params, settings, request.headers.get("accept"))


async def get_pipeline_report(scope: Scope, settings: Settings, **params: Any) -> Response:
    return await _answer("PipelineReport", scope, settings, params)


async def get_lead_source_report(scope: Scope, settings: Settings, **params: Any) -> Response:
    return await _answer("LeadSourceReport", scope, settings, params)


async def get_conversion_rate_report(scope: Scope, settings: Settings, **params: Any) -> Response:
    return await _answer("ConversionRateReport", scope, settings, params)


async def get_revenue_by_client_report(scope: Scope, settings: Settings, **params: Any) -> Response:
    return await _answer("RevenueByClientReport", scope, settings, params)


async def get_user_activity_report(scope: Scope, settings: Settings, **params: Any) -> Response:
    return await _answer("UserActivityReport", scope, settings, params)


async def get_follow_ups_report(scope: Scope, settings: Settings, **params: Any) -> Response:
    return await _answer("FollowUpsReport", scope, settings, params)


async def get_client_retention_report(scope: Scope, settings: Settings, **params: Any) -> Response:
    return await _answer("ClientRetentionReport", scope, settings, params)


async def get_project_performance_report(
    scope: Scope, settings: Settings, **params: Any
) -> Response:
    return await _answer("ProjectPerformanceReport", scope, settings, params)


async def get_upcoming_tasks_report(scope: Scope, settings: Settings, **params: Any) -> Response:
    return await _answer("UpcomingTasksReport", scope, settings, params)


async def get_revenue_forecast_report(scope: Scope, settings: Settings, **params: Any) -> Response:
    return await _answer("RevenueForecastReport", scope, settings, params)

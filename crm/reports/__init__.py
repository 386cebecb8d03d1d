"""The ten business reports (REPORTS.md): one module per family, one aggregate statement per
figure group, every statement scoped like the lists (crm.reports.request).

    report contract (contracts/reports/*.json)  ->  handlers/reports.py  ->  answer()
        -> ReportRequest.parse (dates, user_id, limit)  ->  runner.run (limit, timeout)
        -> the report's statements  ->  JSON, or its `x-report.csv` rows as text/csv
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any

from starlette.responses import Response

from crm import responses
from crm.listing import CONNEXION_CONTEXT
from crm.reports import follow_ups, leads, people, pipeline, projects, runner, upcoming
from crm.reports.request import ReportRequest
from crm.scope import Scope
from crm.settings import Settings
from generated.python.resources import REPORTS
from generated.python.schemas import schema_for

# report contract title -> what computes it
COMPUTE: dict[str, runner.Report] = {
    "PipelineReport": pipeline.pipeline,
    "LeadSourceReport": leads.lead_source,
    "ConversionRateReport": leads.conversion_rate,
    "RevenueByClientReport": projects.revenue_by_client,
    "UserActivityReport": people.user_activity,
    "FollowUpsReport": follow_ups.follow_ups,
    "ClientRetentionReport": follow_ups.client_retention,
    "ProjectPerformanceReport": projects.project_performance,
    "UpcomingTasksReport": upcoming.upcoming_tasks,
    "RevenueForecastReport": projects.revenue_forecast,
}


async def compute(
    name: str, scope: Scope, params: Mapping[str, Any], settings: Settings, *, now: datetime
) -> dict[str, Any]:
    """The report `name` (its contract's title) for this caller, as the JSON body."""
    info = REPORTS[name]
    values = {k: v for k, v in params.items() if k not in CONNEXION_CONTEXT}
    request = ReportRequest.parse(scope, values, now=now, admin_only=info.admin_only)
    return await runner.run(COMPUTE[name], scope, request, settings)


async def answer(
    name: str, scope: Scope, params: Mapping[str, Any], settings: Settings, accept: str | None
) -> Response:
    body = await compute(name, scope, params, settings, now=datetime.now(UTC))
    table = REPORTS[name].csv
    if table is not None and responses.wants_csv(accept):
        filename = REPORTS[name].path.rsplit("/", 1)[-1]
        return responses.csv_rows(body[table], csv_columns(name), filename)
    return responses.json(body)


@cache
def csv_columns(name: str) -> list[str]:
    """The columns of a report's CSV: the properties of its table's row, in contract order."""
    schema = schema_for(name)["$defs"]
    rows = schema[name]["properties"][REPORTS[name].csv]["items"]["$ref"].rsplit("/", 1)[-1]
    return list(schema[rows]["properties"])

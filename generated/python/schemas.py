"""The contracts as one bundle, and validators for each named schema.

generated from contracts/ by python -m codegen; do not edit
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from generated.python.validator import ContractValidator

BUNDLE: dict[str, Any] = json.loads((Path(__file__).parent / "bundle.json").read_text("utf-8"))
NAMES: tuple[str, ...] = (
    'Account',
    'AccountCreate',
    'AccountEnvelope',
    'AccountPage',
    'AccountStatus',
    'AccountUpdate',
    'Address',
    'AssignRequest',
    'AuthSession',
    'AuthSessionCreate',
    'AuthSessionUpdate',
    'BulkCount',
    'BulkRequest',
    'BulkResult',
    'ChangePasswordRequest',
    'Client',
    'ClientCreate',
    'ClientEnvelope',
    'ClientPage',
    'ClientRetentionReport',
    'ClientRetentionStatusRow',
    'ClientStatus',
    'ClientUpdate',
    'Contact',
    'ContactCreate',
    'ContactEnvelope',
    'ContactPage',
    'ContactUpdate',
    'ConversionRateOverall',
    'ConversionRateReport',
    'ConversionRateUserRow',
    'Date',
    'Email',
    'Error',
    'FollowUpInactiveClientRow',
    'FollowUpInactiveLeadRow',
    'FollowUpOverdueRow',
    'FollowUpStatus',
    'FollowUpsReport',
    'Health',
    'Id',
    'Interaction',
    'InteractionCreate',
    'InteractionEnvelope',
    'InteractionPage',
    'InteractionType',
    'InteractionUpdate',
    'Lead',
    'LeadCreate',
    'LeadEnvelope',
    'LeadPage',
    'LeadSource',
    'LeadSourceReport',
    'LeadSourceRow',
    'LeadStatus',
    'LeadUpdate',
    'LoginRequest',
    'LongText',
    'Me',
    'MeEnvelope',
    'Money',
    'Note',
    'NoteCreate',
    'NoteEnvelope',
    'NotePage',
    'NoteUpdate',
    'PageMeta',
    'Password',
    'PersonName',
    'Phone',
    'PhoneLabel',
    'PipelineLeadRow',
    'PipelineProjectRow',
    'PipelineReport',
    'Project',
    'ProjectCreate',
    'ProjectEnvelope',
    'ProjectPage',
    'ProjectPerformanceReport',
    'ProjectPerformanceSummary',
    'ProjectStatus',
    'ProjectUpdate',
    'RefreshRequest',
    'RefreshToken',
    'RefreshTokenCreate',
    'RefreshTokenUpdate',
    'RevenueByClientReport',
    'RevenueByClientRow',
    'RevenueForecastMonthRow',
    'RevenueForecastReport',
    'RevenueForecastSummary',
    'Role',
    'Session',
    'SessionEnvelope',
    'ShortText',
    'Slug',
    'Task',
    'TaskCreate',
    'TaskEnvelope',
    'TaskPage',
    'TaskStatus',
    'TaskUpdate',
    'Tenant',
    'TenantCreate',
    'TenantUpdate',
    'Timestamp',
    'Token',
    'UpcomingTaskRow',
    'UpcomingTaskSource',
    'UpcomingTasksReport',
    'User',
    'UserActivityReport',
    'UserActivityRow',
    'UserCreate',
    'UserEnvelope',
    'UserPage',
    'UserUpdate',
    'ValueType',
    'Zip',
)


def schema_for(name: str) -> dict[str, Any]:
    """A standalone schema for one named contract: a $ref into the bundle's $defs."""
    return {"$ref": f"#/$defs/{name}", "$defs": BUNDLE["$defs"]}


@cache
def validator_for(name: str) -> Any:
    """The project's 2020-12 validator (formats and exact multipleOf) for one named schema."""
    if name not in NAMES:
        raise KeyError(name)
    return ContractValidator(schema_for(name))

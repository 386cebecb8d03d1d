"""The business meanings reports give to the contracts' enums (REPORTS.md), named once.

The labels come from the generated enums; which of them count as won, open or overdue is
the reports' rule, written here and nowhere else.
"""

from __future__ import annotations

from generated.python.models import (
    ClientStatus,
    FollowUpStatus,
    LeadSource,
    LeadStatus,
    ProjectStatus,
    TaskStatus,
    ValueType,
)

LEAD_STATUSES = [s.value for s in LeadStatus]
PROJECT_STATUSES = [s.value for s in ProjectStatus]
CLIENT_STATUSES = [s.value for s in ClientStatus]
LEAD_SOURCES = [s.value for s in LeadSource]

CONVERTED = LeadStatus.converted.value
QUALIFIED = LeadStatus.qualified.value
OPEN_LEADS = [LeadStatus.new.value, LeadStatus.contacted.value, LeadStatus.qualified.value]

WON = ProjectStatus.completed.value
LOST = ProjectStatus.cancelled.value
OPEN_PROJECTS = [ProjectStatus.pending.value, ProjectStatus.active.value]
# revenue-forecast weights, in tenths (so weighted sums stay whole numbers of tenths of a cent)
WEIGHT_TENTHS = {
    ProjectStatus.pending.value: 3,
    ProjectStatus.active.value: 6,
    ProjectStatus.completed.value: 10,
    ProjectStatus.cancelled.value: 0,
}
# a project's value per year: monthly x 12, yearly and one-time as entered
ANNUAL_FACTOR = {
    ValueType.monthly.value: 12,
    ValueType.yearly.value: 1,
    ValueType.one_time.value: 1,
}

ACTIVE_CLIENT = ClientStatus.active.value
INACTIVE_CLIENT = ClientStatus.inactive.value

OPEN_TASKS = [TaskStatus.todo.value, TaskStatus.in_progress.value]
OPEN_FOLLOW_UPS = [FollowUpStatus.pending.value, FollowUpStatus.rescheduled.value]

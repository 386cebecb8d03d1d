# generated from contracts/ by python -m codegen; do not edit (through datamodel-code-generator)

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from generated.python.types import (
    ContractModel,
    Date,
    DateTime,
    EmailText_0b336843f8,
    JsonBool,
    JsonInt,
    JsonObject,
    JsonStr,
    MinProperties1,
    NullableDate,
    NullableDateTime,
    NullableJsonInt,
    NullableJsonStr,
    NullableNumberMultipleOf_0_01,
    NullableNumberMultipleOf_0_1,
    NullableUuid,
    NumberMultipleOf_0_01,
    OneOf_1d8fc6ceb1,
    Uuid,
)
from pydantic import MISSING, ConfigDict, Field, RootModel


class ContractBundle(RootModel[Any]):
    root: Annotated[Any, Field(title="ContractBundle")]
    """
    The bundle root; every contract is one of the named models below.
    """


class AccountStatus(StrEnum):
    active = "active"
    inactive = "inactive"
    closed = "closed"


class AccountUpdate(MinProperties1):
    """
    A partial update of an Account: only the fields sent change; null clears a nullable field.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    client_id: Uuid | MISSING = MISSING
    """
    The client holding this account.
    """
    account_number: Annotated[
        JsonStr | MISSING, Field(examples=["ACC-1001"], max_length=100, min_length=1)
    ] = MISSING
    """
    Unique within the tenant.
    """
    account_name: Annotated[NullableJsonStr | None | MISSING, Field(max_length=255)] = MISSING
    status: AccountStatus | MISSING = MISSING
    opened_on: NullableDate | None | MISSING = MISSING
    notes: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING


class Address(RootModel[JsonStr]):
    root: Annotated[JsonStr, Field(max_length=255)]


class AssignRequest(ContractModel):
    """
    The body of assign.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    assigned_to: NullableUuid
    """
    The user to assign to; null unassigns.
    """


class Result(StrEnum):
    done = "done"
    not_found = "not_found"
    not_allowed = "not_allowed"
    invalid = "invalid"


class Action(StrEnum):
    delete = "delete"
    restore = "restore"
    purge = "purge"


class ClientStatus(StrEnum):
    new = "new"
    prospect = "prospect"
    active = "active"
    inactive = "inactive"


class ConversionRateOverall(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    total_leads: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    converted: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    """
    Leads with status converted.
    """
    conversion_rate: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=100)]
    """
    converted / total_leads as a percentage; 0 when there are no leads.
    """
    avg_days_to_convert: Annotated[NullableNumberMultipleOf_0_1, Field(ge=0, le=1000000)]
    """
    Mean of converted_at - created_at in days over converted leads; null when there are none.
    """


class DateModel(RootModel[Date]):
    root: Date
    """
    Calendar date, YYYY-MM-DD.
    """


class Error(ContractModel):
    """
    The one body of every non-2xx answer. error is a sentence a person can read; details carries machine-readable context (for validation errors, each failing field by its path).
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    error: Annotated[JsonStr, Field(min_length=1)]
    details: JsonObject
    """
    Open object: its keys depend on the error.
    """


class FollowUpStatus(StrEnum):
    pending = "pending"
    completed = "completed"
    rescheduled = "rescheduled"
    cancelled = "cancelled"


class Health(ContractModel):
    """
    The answer of the health check.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    status: Annotated[JsonStr, Field(max_length=50, min_length=1)]


class InteractionType(StrEnum):
    call = "call"
    email = "email"
    meeting = "meeting"
    other = "other"


class LeadSource(StrEnum):
    Website = "Website"
    Referral = "Referral"
    Cold_Call = "Cold Call"
    Email_Campaign = "Email Campaign"
    Social_Media = "Social Media"
    Trade_Show = "Trade Show"
    Advertisement = "Advertisement"
    Partner = "Partner"
    Other = "Other"


class LeadSourceRow(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    source: LeadSource | OneOf_1d8fc6ceb1
    """
    null: the leads with no source (the Unknown row).
    """
    total_leads: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    converted: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    """
    Leads with status converted.
    """
    qualified: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    """
    Leads with status qualified.
    """
    conversion_rate: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=100)]
    """
    converted / total_leads as a percentage; 0 when there are no leads.
    """


class LeadStatus(StrEnum):
    new = "new"
    contacted = "contacted"
    qualified = "qualified"
    lost = "lost"
    converted = "converted"


class LongText(RootModel[JsonStr]):
    root: Annotated[JsonStr, Field(max_length=20000)]


class NoteCreate(ContractModel):
    """
    The body that creates a Note.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    client_id: NullableUuid | None | MISSING = MISSING
    lead_id: NullableUuid | None | MISSING = MISSING
    project_id: NullableUuid | None | MISSING = MISSING
    body: Annotated[
        JsonStr, Field(examples=["Prefers email after 3 pm."], max_length=20000, min_length=1)
    ]


class NoteUpdate(MinProperties1):
    """
    A partial update of a Note: only the fields sent change; null clears a nullable field.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    client_id: NullableUuid | None | MISSING = MISSING
    lead_id: NullableUuid | None | MISSING = MISSING
    project_id: NullableUuid | None | MISSING = MISSING
    body: Annotated[
        JsonStr | MISSING,
        Field(examples=["Prefers email after 3 pm."], max_length=20000, min_length=1),
    ] = MISSING


class PageMeta(ContractModel):
    """
    What every list answer carries beside items.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    limit: Annotated[JsonInt, Field(ge=1, le=100)]
    """
    Page size; 25 unless asked otherwise.
    """
    offset: Annotated[JsonInt, Field(ge=0, le=1000000000)]
    total: Annotated[JsonInt | MISSING, Field(ge=0, le=1000000000)] = MISSING
    """
    Number of matching records; present only when include_total=true.
    """
    next_cursor: NullableUuid | None | MISSING = MISSING
    """
    The cursor of the next page (the id of this page's last record); absent when the page is not full.
    """


class PersonName(RootModel[JsonStr]):
    root: Annotated[JsonStr, Field(max_length=100, min_length=1)]


class Phone(RootModel[JsonStr]):
    root: Annotated[JsonStr, Field(max_length=20, min_length=7, pattern="^[+]?[0-9 ().-]{7,20}$")]
    """
    A phone number as typed: digits with an optional leading +, and spaces, dots, dashes or parentheses.
    """


class PhoneLabel(StrEnum):
    work = "work"
    mobile = "mobile"
    home = "home"
    fax = "fax"
    other = "other"


class PipelineLeadRow(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    status: LeadStatus
    count: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]


class ProjectPerformanceSummary(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    total_projects: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    won: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    """
    Completed projects.
    """
    lost: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    """
    Cancelled projects.
    """
    pending: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    """
    Open projects: pending and active.
    """
    win_rate: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=100)]
    """
    won / total_projects as a percentage; 0 when there are no projects.
    """
    avg_value: Annotated[NullableNumberMultipleOf_0_01, Field(ge=0, le=999999999999.99)]
    """
    Mean project value, as entered; null when there are no projects.
    """
    avg_duration_days: Annotated[NullableNumberMultipleOf_0_1, Field(ge=0, le=1000000)]
    """
    Mean of end_date - start_date in days over completed projects having both; null when there are none.
    """


class ProjectStatus(StrEnum):
    active = "active"
    pending = "pending"
    completed = "completed"
    cancelled = "cancelled"


class RefreshTokenCreate(ContractModel):
    """
    The body that creates a RefreshToken.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    session_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    token_hash: Annotated[JsonStr, Field(max_length=64, min_length=64, pattern="^[0-9a-f]{64}$")]
    """
    Hex SHA-256 of the token's secret part.
    """
    used_at: NullableDateTime | None | MISSING = MISSING
    """
    When it was traded for the next token; null while it is the current one.
    """


class RefreshTokenUpdate(MinProperties1):
    """
    A partial update of a RefreshToken: only the fields sent change; null clears a nullable field.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    session_id: Uuid | MISSING = MISSING
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    token_hash: Annotated[
        JsonStr | MISSING, Field(max_length=64, min_length=64, pattern="^[0-9a-f]{64}$")
    ] = MISSING
    """
    Hex SHA-256 of the token's secret part.
    """
    used_at: NullableDateTime | None | MISSING = MISSING
    """
    When it was traded for the next token; null while it is the current one.
    """


class ReportBound(RootModel[JsonStr]):
    root: Annotated[
        JsonStr,
        Field(
            pattern="^(?:(?:1[0-9]{3}|[2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[1-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)-02-29)(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:[.][0-9]{1,6})?)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?$"
        ),
    ]
    """
    A report's start_date or end_date: an ISO date (2024-01-31) or date-time (2024-01-31T09:00, seconds, fractions and an offset optional; UTC without one), in the years 1000 to 9998. The grammar is exact: every value it matches is a real day and time, and one any offset keeps within the years a server can hold.
    """


class RevenueByClientRow(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    client_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    client_name: Annotated[JsonStr, Field(max_length=100, min_length=1)]
    total_projects: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    total_value: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=70368744177663.99)]
    """
    Sum of the value of all the client's projects.
    """
    won_value: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=70368744177663.99)]
    """
    Sum over completed projects.
    """
    pending_value: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=70368744177663.99)]
    """
    Sum over open (pending and active) projects.
    """


class RevenueForecastMonthRow(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    month: Annotated[
        JsonStr, Field(max_length=7, min_length=7, pattern="^[0-9]{4}-(0[1-9]|1[0-2])$")
    ]
    """
    YYYY-MM.
    """
    weighted_forecast: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=70368744177663.99)]
    """
    A sum of amounts, in a report: at most two decimals, and below 2^46, where every two-decimal amount is still a distinct JavaScript number that prints back as itself (above it, doubles are more than a cent apart).
    """


class RevenueForecastSummary(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    total_pipeline_value: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=70368744177663.99)]
    """
    Annualised value of pending, active and completed projects.
    """
    weighted_forecast: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=70368744177663.99)]
    """
    Sum of annualised value x weight.
    """
    won_value: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=70368744177663.99)]
    """
    Annualised value of completed projects.
    """
    pending_value: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=70368744177663.99)]
    """
    Annualised value of pending and active projects.
    """


class Role(StrEnum):
    admin = "admin"
    user = "user"


class SearchHit(ContractModel):
    """
    One matching record: its id, a label to show, the first searchable field that matched and that field's text.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    label: Annotated[JsonStr, Field(max_length=20000)]
    field: Annotated[JsonStr, Field(max_length=64, min_length=1)]
    text: Annotated[JsonStr, Field(max_length=20000)]


class TokenType(StrEnum):
    Bearer = "Bearer"


class ShortText(RootModel[JsonStr]):
    root: Annotated[JsonStr, Field(max_length=100)]


class TaskStatus(StrEnum):
    todo = "todo"
    in_progress = "in_progress"
    done = "done"
    cancelled = "cancelled"


class TaskUpdate(MinProperties1):
    """
    A partial update of a Task: only the fields sent change; null clears a nullable field.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    title: Annotated[
        JsonStr | MISSING,
        Field(examples=["Call back about the quote"], max_length=200, min_length=1),
    ] = MISSING
    description: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING
    due_at: NullableDateTime | None | MISSING = MISSING
    status: TaskStatus | MISSING = MISSING
    assigned_to: NullableUuid | None | MISSING = MISSING
    """
    Who should do it; any user who can edit the task may set it.
    """
    client_id: NullableUuid | None | MISSING = MISSING
    lead_id: NullableUuid | None | MISSING = MISSING
    project_id: NullableUuid | None | MISSING = MISSING


class TenantCreate(ContractModel):
    """
    The body that creates a Tenant.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    name: Annotated[JsonStr, Field(max_length=100, min_length=1)]
    """
    Display name, e.g. the company name.
    """
    slug: Annotated[JsonStr, Field(max_length=50, min_length=1, pattern="^[a-z0-9]+(-[a-z0-9]+)*$")]
    """
    URL-safe short name, unique across the installation: lowercase letters and digits in dash-separated words.
    """
    is_active: JsonBool = True
    """
    An inactive tenant's users cannot log in or use the API.
    """


class TenantUpdate(MinProperties1):
    """
    A partial update of a Tenant: only the fields sent change; null clears a nullable field.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    name: Annotated[JsonStr | MISSING, Field(max_length=100, min_length=1)] = MISSING
    """
    Display name, e.g. the company name.
    """
    slug: Annotated[
        JsonStr | MISSING, Field(max_length=50, min_length=1, pattern="^[a-z0-9]+(-[a-z0-9]+)*$")
    ] = MISSING
    """
    URL-safe short name, unique across the installation: lowercase letters and digits in dash-separated words.
    """
    is_active: JsonBool | MISSING = MISSING
    """
    An inactive tenant's users cannot log in or use the API.
    """


class UpcomingTaskSource(StrEnum):
    """
    What a row of the upcoming-tasks report comes from: a task, an interaction scheduled in the window, or an open follow-up of an interaction.
    """

    task = "task"
    interaction = "interaction"
    follow_up = "follow_up"


class User(ContractModel):
    """
    A person who logs in to one tenant. Users are never deleted, only deactivated (is_active false), so every record they created or were assigned keeps its author.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    tenant_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    email: EmailText_0b336843f8
    """
    Login name; unique within the tenant.
    """
    name: PersonName | OneOf_1d8fc6ceb1
    """
    Display name; reports fall back to the email when it is null.
    """
    role: Role
    is_active: JsonBool
    """
    false: the user cannot log in; their records stay.
    """
    last_login_at: NullableDateTime
    """
    Set by the server at each successful login.
    """
    created_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    updated_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """


class UserActivityRow(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    user_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    user_email: EmailText_0b336843f8
    """
    An email address under the project's one email rule (see codegen/formats.py): a dot-atom local part, '@', and a dotted hostname whose last label is alphabetic.
    """
    user_name: PersonName | OneOf_1d8fc6ceb1
    assigned_leads: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    """
    Leads currently assigned to the user.
    """
    assigned_clients: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    """
    Clients currently assigned to the user.
    """
    interactions_logged: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    """
    Interactions the user created in the date range.
    """
    projects_created: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    """
    Projects the user created in the date range.
    """


class UserCreate(ContractModel):
    """
    The body that creates an User.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    email: EmailText_0b336843f8
    """
    Login name; unique within the tenant.
    """
    name: PersonName | OneOf_1d8fc6ceb1 | MISSING = MISSING
    """
    Display name; reports fall back to the email when it is null.
    """
    role: Role = "user"
    is_active: JsonBool = True
    """
    false: the user cannot log in; their records stay.
    """
    password: Annotated[JsonStr, Field(max_length=128, min_length=8)]
    """
    The initial password: required on create, stored only as a hash (server column password_hash), never returned. Changed through the auth routes, not by update.
    """


class UserEnvelope(ContractModel):
    """
    One User record.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    data: User
    message: Annotated[JsonStr | MISSING, Field(max_length=500)] = MISSING


class UserPage(ContractModel):
    """
    One page of User records.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    items: Annotated[list[User], Field(max_length=100)]
    limit: Annotated[JsonInt, Field(ge=1, le=100)]
    """
    Page size; 25 unless asked otherwise.
    """
    offset: Annotated[JsonInt, Field(ge=0, le=1000000000)]
    total: Annotated[JsonInt | MISSING, Field(ge=0, le=1000000000)] = MISSING
    """
    Number of matching records; present only when include_total=true.
    """
    next_cursor: NullableUuid | None | MISSING = MISSING
    """
    The cursor of the next page (the id of this page's last record); absent when the page is not full.
    """


class UserUpdate(MinProperties1):
    """
    A partial update of an User: only the fields sent change; null clears a nullable field.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    email: EmailText_0b336843f8 | MISSING = MISSING
    """
    Login name; unique within the tenant.
    """
    name: PersonName | OneOf_1d8fc6ceb1 | MISSING = MISSING
    """
    Display name; reports fall back to the email when it is null.
    """
    role: Role | MISSING = MISSING
    is_active: JsonBool | MISSING = MISSING
    """
    false: the user cannot log in; their records stay.
    """


class ValueType(StrEnum):
    one_time = "one_time"
    monthly = "monthly"
    yearly = "yearly"


class Zip(RootModel[JsonStr]):
    root: Annotated[JsonStr, Field(max_length=20)]


class Account(ContractModel):
    """
    A billing or service account number held by a client (not a customer company). Visible to whoever can see its client; removed with the client when the client is purged.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    tenant_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    client_id: Uuid
    """
    The client holding this account.
    """
    account_number: Annotated[JsonStr, Field(examples=["ACC-1001"], max_length=100, min_length=1)]
    """
    Unique within the tenant.
    """
    account_name: Annotated[NullableJsonStr, Field(max_length=255)]
    status: AccountStatus
    opened_on: NullableDate
    notes: Annotated[NullableJsonStr, Field(max_length=20000)]
    created_by: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    created_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    updated_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """


class AccountCreate(ContractModel):
    """
    The body that creates an Account.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    client_id: Uuid
    """
    The client holding this account.
    """
    account_number: Annotated[JsonStr, Field(examples=["ACC-1001"], max_length=100, min_length=1)]
    """
    Unique within the tenant.
    """
    account_name: Annotated[NullableJsonStr | None | MISSING, Field(max_length=255)] = MISSING
    status: AccountStatus = "active"
    opened_on: NullableDate | None | MISSING = MISSING
    notes: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING


class AccountEnvelope(ContractModel):
    """
    One Account record.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    data: Account
    message: Annotated[JsonStr | MISSING, Field(max_length=500)] = MISSING


class AccountPage(ContractModel):
    """
    One page of Account records.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    items: Annotated[list[Account], Field(max_length=100)]
    limit: Annotated[JsonInt, Field(ge=1, le=100)]
    """
    Page size; 25 unless asked otherwise.
    """
    offset: Annotated[JsonInt, Field(ge=0, le=1000000000)]
    total: Annotated[JsonInt | MISSING, Field(ge=0, le=1000000000)] = MISSING
    """
    Number of matching records; present only when include_total=true.
    """
    next_cursor: NullableUuid | None | MISSING = MISSING
    """
    The cursor of the next page (the id of this page's last record); absent when the page is not full.
    """


class AuthSession(ContractModel):
    """
    One login: the family of refresh tokens that login started. Access tokens carry its id (claim sid), and every authenticated statement checks that it is not revoked, so logout, a password change and refresh-token reuse end it on the very next request. No routes of its own.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    tenant_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    user_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    expires_at: DateTime
    """
    The family ends here whatever its refreshes: a fresh login is due.
    """
    revoked_at: NullableDateTime
    """
    Set by logout, a password change, or reuse of a rotated refresh token.
    """
    created_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    updated_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """


class AuthSessionCreate(ContractModel):
    """
    The body that creates an AuthSession.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    user_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    expires_at: DateTime
    """
    The family ends here whatever its refreshes: a fresh login is due.
    """
    revoked_at: NullableDateTime | None | MISSING = MISSING
    """
    Set by logout, a password change, or reuse of a rotated refresh token.
    """


class AuthSessionUpdate(MinProperties1):
    """
    A partial update of an AuthSession: only the fields sent change; null clears a nullable field.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    user_id: Uuid | MISSING = MISSING
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    expires_at: DateTime | MISSING = MISSING
    """
    The family ends here whatever its refreshes: a fresh login is due.
    """
    revoked_at: NullableDateTime | None | MISSING = MISSING
    """
    Set by logout, a password change, or reuse of a rotated refresh token.
    """


class BulkItemResult(ContractModel):
    """
    What happened to one id: done; not_found (no such record, or one the caller cannot see); not_allowed (the caller may not do this to it, or dependent records block a purge); invalid (the record is not in the state the action needs, e.g. restoring a live record).
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    result: Result


class BulkOutcome(ContractModel):
    """
    One result per distinct id, in the order sent, and how many were done.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    done: Annotated[JsonInt, Field(ge=0, le=500)]
    results: Annotated[list[BulkItemResult], Field(max_length=500)]


class BulkRequest(ContractModel):
    """
    The body of a bulk delete, restore or purge; purge is admin-only.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    action: Action
    ids: Annotated[list[Uuid], Field(max_length=500, min_length=1)]
    """
    The records a bulk operation acts on: each id gets its own result.
    """


class BulkResult(ContractModel):
    """
    The answer of a bulk operation.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    data: BulkOutcome
    message: Annotated[JsonStr | MISSING, Field(max_length=500)] = MISSING


class ChangePasswordRequest(ContractModel):
    """
    The body of change-password; the other sessions of the user are revoked.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    current_password: Annotated[JsonStr, Field(max_length=128, min_length=1)]
    new_password: Annotated[JsonStr, Field(max_length=128, min_length=8)]
    """
    A password as chosen by a user: 8 to 128 characters.
    """


class Client(ContractModel):
    """
    A customer company or person, often converted from a lead.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    tenant_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    name: Annotated[JsonStr, Field(examples=["Babbage & Co"], max_length=100, min_length=1)]
    """
    Company or person name.
    """
    contact_person: Annotated[NullableJsonStr, Field(max_length=100)]
    contact_title: Annotated[NullableJsonStr, Field(max_length=100)]
    email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8
    phone: Phone | OneOf_1d8fc6ceb1
    phone_label: PhoneLabel
    secondary_phone: Phone | OneOf_1d8fc6ceb1
    secondary_phone_label: PhoneLabel | OneOf_1d8fc6ceb1
    address: Annotated[NullableJsonStr, Field(max_length=255)]
    city: Annotated[NullableJsonStr, Field(max_length=100)]
    state: Annotated[NullableJsonStr, Field(max_length=100)]
    zip: Annotated[NullableJsonStr, Field(max_length=20)]
    type: Annotated[NullableJsonStr, Field(max_length=50)]
    """
    Business type, free text.
    """
    notes: Annotated[NullableJsonStr, Field(max_length=20000)]
    status: ClientStatus
    source_lead_id: NullableUuid
    """
    The lead this client was converted from; set on create when a lead is converted. Purging that lead clears it.
    """
    converted_at: NullableDateTime
    """
    Set by the server when the client is created with a source_lead_id.
    """
    assigned_to: NullableUuid
    """
    The user this client is assigned to; changed by the admin-only assign operation.
    """
    created_by: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    created_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    updated_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    deleted_at: NullableDateTime
    deleted_by: NullableUuid
    """
    Who moved it to the trash; null while live.
    """


class ClientBulkStatus(ContractModel):
    """
    The body of a bulk status change: every listed Client gets this status.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    ids: Annotated[list[Uuid], Field(max_length=500, min_length=1)]
    """
    The records a bulk operation acts on: each id gets its own result.
    """
    status: ClientStatus


class ClientCreate(ContractModel):
    """
    The body that creates a Client.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    name: Annotated[JsonStr, Field(examples=["Babbage & Co"], max_length=100, min_length=1)]
    """
    Company or person name.
    """
    contact_person: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    contact_title: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8 | MISSING = MISSING
    phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    phone_label: PhoneLabel = "work"
    secondary_phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    secondary_phone_label: PhoneLabel | OneOf_1d8fc6ceb1 | MISSING = MISSING
    address: Annotated[NullableJsonStr | None | MISSING, Field(max_length=255)] = MISSING
    city: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    state: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    zip: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20)] = MISSING
    type: Annotated[NullableJsonStr | None | MISSING, Field(max_length=50)] = MISSING
    """
    Business type, free text.
    """
    notes: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING
    status: ClientStatus = "new"
    source_lead_id: NullableUuid | None | MISSING = MISSING
    """
    The lead this client was converted from; set on create when a lead is converted. Purging that lead clears it.
    """


class ClientEnvelope(ContractModel):
    """
    One Client record.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    data: Client
    message: Annotated[JsonStr | MISSING, Field(max_length=500)] = MISSING


class ClientPage(ContractModel):
    """
    One page of Client records.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    items: Annotated[list[Client], Field(max_length=100)]
    limit: Annotated[JsonInt, Field(ge=1, le=100)]
    """
    Page size; 25 unless asked otherwise.
    """
    offset: Annotated[JsonInt, Field(ge=0, le=1000000000)]
    total: Annotated[JsonInt | MISSING, Field(ge=0, le=1000000000)] = MISSING
    """
    Number of matching records; present only when include_total=true.
    """
    next_cursor: NullableUuid | None | MISSING = MISSING
    """
    The cursor of the next page (the id of this page's last record); absent when the page is not full.
    """


class ClientRetentionStatusRow(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    status: ClientStatus
    count: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    recent_interactions: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    """
    Clients of this status with an interaction in the last recent_days.
    """


class ClientUpdate(MinProperties1):
    """
    A partial update of a Client: only the fields sent change; null clears a nullable field.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    name: Annotated[
        JsonStr | MISSING, Field(examples=["Babbage & Co"], max_length=100, min_length=1)
    ] = MISSING
    """
    Company or person name.
    """
    contact_person: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    contact_title: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8 | MISSING = MISSING
    phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    phone_label: PhoneLabel | MISSING = MISSING
    secondary_phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    secondary_phone_label: PhoneLabel | OneOf_1d8fc6ceb1 | MISSING = MISSING
    address: Annotated[NullableJsonStr | None | MISSING, Field(max_length=255)] = MISSING
    city: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    state: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    zip: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20)] = MISSING
    type: Annotated[NullableJsonStr | None | MISSING, Field(max_length=50)] = MISSING
    """
    Business type, free text.
    """
    notes: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING
    status: ClientStatus | MISSING = MISSING
    source_lead_id: NullableUuid | None | MISSING = MISSING
    """
    The lead this client was converted from; set on create when a lead is converted. Purging that lead clears it.
    """


class Contact(ContractModel):
    """
    A person at a client or a lead. Visible to whoever can see that client or lead; a contact with neither is visible to its creator.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    tenant_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    client_id: NullableUuid
    lead_id: NullableUuid
    first_name: Annotated[JsonStr, Field(max_length=100, min_length=1)]
    last_name: PersonName | OneOf_1d8fc6ceb1
    title: Annotated[NullableJsonStr, Field(max_length=100)]
    """
    Job title.
    """
    email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8
    phone: Phone | OneOf_1d8fc6ceb1
    phone_label: PhoneLabel
    secondary_phone: Phone | OneOf_1d8fc6ceb1
    secondary_phone_label: PhoneLabel | OneOf_1d8fc6ceb1
    notes: Annotated[NullableJsonStr, Field(max_length=20000)]
    created_by: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    created_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    updated_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """


class ContactCreate(ContractModel):
    """
    The body that creates a Contact.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    client_id: NullableUuid | None | MISSING = MISSING
    lead_id: NullableUuid | None | MISSING = MISSING
    first_name: Annotated[JsonStr, Field(max_length=100, min_length=1)]
    last_name: PersonName | OneOf_1d8fc6ceb1 | MISSING = MISSING
    title: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    """
    Job title.
    """
    email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8 | MISSING = MISSING
    phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    phone_label: PhoneLabel = "work"
    secondary_phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    secondary_phone_label: PhoneLabel | OneOf_1d8fc6ceb1 | MISSING = MISSING
    notes: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING


class ContactEnvelope(ContractModel):
    """
    One Contact record.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    data: Contact
    message: Annotated[JsonStr | MISSING, Field(max_length=500)] = MISSING


class ContactPage(ContractModel):
    """
    One page of Contact records.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    items: Annotated[list[Contact], Field(max_length=100)]
    limit: Annotated[JsonInt, Field(ge=1, le=100)]
    """
    Page size; 25 unless asked otherwise.
    """
    offset: Annotated[JsonInt, Field(ge=0, le=1000000000)]
    total: Annotated[JsonInt | MISSING, Field(ge=0, le=1000000000)] = MISSING
    """
    Number of matching records; present only when include_total=true.
    """
    next_cursor: NullableUuid | None | MISSING = MISSING
    """
    The cursor of the next page (the id of this page's last record); absent when the page is not full.
    """


class ContactUpdate(MinProperties1):
    """
    A partial update of a Contact: only the fields sent change; null clears a nullable field.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    client_id: NullableUuid | None | MISSING = MISSING
    lead_id: NullableUuid | None | MISSING = MISSING
    first_name: Annotated[JsonStr | MISSING, Field(max_length=100, min_length=1)] = MISSING
    last_name: PersonName | OneOf_1d8fc6ceb1 | MISSING = MISSING
    title: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    """
    Job title.
    """
    email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8 | MISSING = MISSING
    phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    phone_label: PhoneLabel | MISSING = MISSING
    secondary_phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    secondary_phone_label: PhoneLabel | OneOf_1d8fc6ceb1 | MISSING = MISSING
    notes: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING


class ConversionRateUserRow(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    user_id: NullableUuid
    """
    The assignee; null on the row of unassigned leads.
    """
    user_email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8
    """
    The assignee's email; null on the row of unassigned leads.
    """
    total_leads: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    converted: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    conversion_rate: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=100)]
    avg_days_to_convert: Annotated[NullableNumberMultipleOf_0_1, Field(ge=0, le=1000000)]


class FollowUpInactiveClientRow(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    client_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    client_name: Annotated[JsonStr, Field(max_length=100, min_length=1)]
    status: ClientStatus
    assigned_to: NullableUuid
    days_since_interaction: Annotated[NullableJsonInt, Field(ge=0, le=1000000)]
    """
    Whole days since the latest interaction; null when never contacted.
    """
    last_interaction_date: NullableDateTime
    """
    contact_date of the latest interaction; null when never contacted.
    """


class FollowUpInactiveLeadRow(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    lead_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    lead_name: Annotated[JsonStr, Field(max_length=100, min_length=1)]
    status: LeadStatus
    assigned_to: NullableUuid
    days_since_interaction: Annotated[NullableJsonInt, Field(ge=0, le=1000000)]
    """
    Whole days since the latest interaction; null when never contacted.
    """
    last_interaction_date: NullableDateTime
    """
    contact_date of the latest interaction; null when never contacted.
    """


class FollowUpOverdueRow(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    The interaction.
    """
    interaction_type: InteractionType
    summary: Annotated[JsonStr, Field(max_length=255, min_length=1)]
    follow_up_at: DateTime
    """
    When the follow-up was due.
    """
    follow_up_status: FollowUpStatus
    days_overdue: Annotated[JsonInt, Field(ge=0, le=1000000)]
    """
    Whole days between follow_up_at and now.
    """
    client_id: NullableUuid
    client_name: Annotated[NullableJsonStr, Field(max_length=100)]
    lead_id: NullableUuid
    lead_name: Annotated[NullableJsonStr, Field(max_length=100)]
    project_id: NullableUuid
    project_name: Annotated[NullableJsonStr, Field(max_length=255)]
    created_by: Uuid
    """
    The interaction's author.
    """


class FollowUpsReport(ContractModel):
    """
    Overdue follow-ups, and clients and open leads with no interaction in the last inactive_days.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    overdue_interactions: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    """
    Open follow-ups (pending, rescheduled) due before now.
    """
    overdue: list[FollowUpOverdueRow]
    """
    Those follow-ups, oldest first.
    """
    inactive_clients: list[FollowUpInactiveClientRow]
    """
    Most inactive first; never-contacted clients first of all.
    """
    inactive_leads: list[FollowUpInactiveLeadRow]
    """
    Open leads (new, contacted, qualified) only; most inactive first, never-contacted first of all.
    """


class Interaction(ContractModel):
    """
    One entry of the activity log: a call, email or meeting with a client, a lead or about a project, with an optional follow-up. Visible to whoever can see the record it hangs off.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    tenant_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    client_id: NullableUuid
    lead_id: NullableUuid
    project_id: NullableUuid
    interaction_type: InteractionType
    contact_date: DateTime
    """
    When the interaction took place (or is scheduled to).
    """
    summary: Annotated[
        JsonStr, Field(examples=["Intro call: interested in a demo"], max_length=255, min_length=1)
    ]
    outcome: Annotated[NullableJsonStr, Field(max_length=255)]
    notes: Annotated[NullableJsonStr, Field(max_length=20000)]
    follow_up_at: NullableDateTime
    """
    When the follow-up is due, if one is planned.
    """
    follow_up_status: FollowUpStatus | OneOf_1d8fc6ceb1
    contact_person: Annotated[NullableJsonStr, Field(max_length=100)]
    """
    Overrides the parent's contact person for this interaction.
    """
    email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8
    """
    Overrides the parent's email for this interaction.
    """
    phone: Phone | OneOf_1d8fc6ceb1
    """
    Overrides the parent's phone for this interaction.
    """
    created_by: Uuid
    """
    The author.
    """
    created_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    updated_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """


class InteractionCreate(ContractModel):
    """
    The body that creates an Interaction.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    client_id: NullableUuid | None | MISSING = MISSING
    lead_id: NullableUuid | None | MISSING = MISSING
    project_id: NullableUuid | None | MISSING = MISSING
    interaction_type: InteractionType = "other"
    contact_date: DateTime
    """
    When the interaction took place (or is scheduled to).
    """
    summary: Annotated[
        JsonStr, Field(examples=["Intro call: interested in a demo"], max_length=255, min_length=1)
    ]
    outcome: Annotated[NullableJsonStr | None | MISSING, Field(max_length=255)] = MISSING
    notes: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING
    follow_up_at: NullableDateTime | None | MISSING = MISSING
    """
    When the follow-up is due, if one is planned.
    """
    follow_up_status: FollowUpStatus | OneOf_1d8fc6ceb1 | MISSING = MISSING
    contact_person: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    """
    Overrides the parent's contact person for this interaction.
    """
    email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8 | MISSING = MISSING
    """
    Overrides the parent's email for this interaction.
    """
    phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    """
    Overrides the parent's phone for this interaction.
    """


class InteractionEnvelope(ContractModel):
    """
    One Interaction record.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    data: Interaction
    message: Annotated[JsonStr | MISSING, Field(max_length=500)] = MISSING


class InteractionPage(ContractModel):
    """
    One page of Interaction records.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    items: Annotated[list[Interaction], Field(max_length=100)]
    limit: Annotated[JsonInt, Field(ge=1, le=100)]
    """
    Page size; 25 unless asked otherwise.
    """
    offset: Annotated[JsonInt, Field(ge=0, le=1000000000)]
    total: Annotated[JsonInt | MISSING, Field(ge=0, le=1000000000)] = MISSING
    """
    Number of matching records; present only when include_total=true.
    """
    next_cursor: NullableUuid | None | MISSING = MISSING
    """
    The cursor of the next page (the id of this page's last record); absent when the page is not full.
    """


class InteractionUpdate(MinProperties1):
    """
    A partial update of an Interaction: only the fields sent change; null clears a nullable field.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    client_id: NullableUuid | None | MISSING = MISSING
    lead_id: NullableUuid | None | MISSING = MISSING
    project_id: NullableUuid | None | MISSING = MISSING
    interaction_type: InteractionType | MISSING = MISSING
    contact_date: DateTime | MISSING = MISSING
    """
    When the interaction took place (or is scheduled to).
    """
    summary: Annotated[
        JsonStr | MISSING,
        Field(examples=["Intro call: interested in a demo"], max_length=255, min_length=1),
    ] = MISSING
    outcome: Annotated[NullableJsonStr | None | MISSING, Field(max_length=255)] = MISSING
    notes: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING
    follow_up_at: NullableDateTime | None | MISSING = MISSING
    """
    When the follow-up is due, if one is planned.
    """
    follow_up_status: FollowUpStatus | OneOf_1d8fc6ceb1 | MISSING = MISSING
    contact_person: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    """
    Overrides the parent's contact person for this interaction.
    """
    email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8 | MISSING = MISSING
    """
    Overrides the parent's email for this interaction.
    """
    phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    """
    Overrides the parent's phone for this interaction.
    """


class Lead(ContractModel):
    """
    A prospective customer, before conversion to a client.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    tenant_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    name: Annotated[JsonStr, Field(examples=["Ada Lovelace Ltd"], max_length=100, min_length=1)]
    """
    Company or person name.
    """
    contact_person: Annotated[NullableJsonStr, Field(max_length=100)]
    contact_title: Annotated[NullableJsonStr, Field(max_length=100)]
    email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8
    phone: Phone | OneOf_1d8fc6ceb1
    phone_label: PhoneLabel
    secondary_phone: Phone | OneOf_1d8fc6ceb1
    secondary_phone_label: PhoneLabel | OneOf_1d8fc6ceb1
    address: Annotated[NullableJsonStr, Field(max_length=255)]
    city: Annotated[NullableJsonStr, Field(max_length=100)]
    state: Annotated[NullableJsonStr, Field(max_length=100)]
    zip: Annotated[NullableJsonStr, Field(max_length=20)]
    type: Annotated[NullableJsonStr, Field(max_length=50)]
    """
    Business type, free text.
    """
    notes: Annotated[NullableJsonStr, Field(max_length=20000)]
    status: LeadStatus
    source: LeadSource | OneOf_1d8fc6ceb1
    assigned_to: NullableUuid
    """
    The user this lead is assigned to; changed by the admin-only assign operation.
    """
    converted_at: NullableDateTime
    """
    Set by the server when the status first becomes converted.
    """
    created_by: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    created_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    updated_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    deleted_at: NullableDateTime
    deleted_by: NullableUuid
    """
    Who moved it to the trash; null while live.
    """


class LeadBulkStatus(ContractModel):
    """
    The body of a bulk status change: every listed Lead gets this status.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    ids: Annotated[list[Uuid], Field(max_length=500, min_length=1)]
    """
    The records a bulk operation acts on: each id gets its own result.
    """
    status: LeadStatus


class LeadCreate(ContractModel):
    """
    The body that creates a Lead.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    name: Annotated[JsonStr, Field(examples=["Ada Lovelace Ltd"], max_length=100, min_length=1)]
    """
    Company or person name.
    """
    contact_person: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    contact_title: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8 | MISSING = MISSING
    phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    phone_label: PhoneLabel = "work"
    secondary_phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    secondary_phone_label: PhoneLabel | OneOf_1d8fc6ceb1 | MISSING = MISSING
    address: Annotated[NullableJsonStr | None | MISSING, Field(max_length=255)] = MISSING
    city: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    state: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    zip: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20)] = MISSING
    type: Annotated[NullableJsonStr | None | MISSING, Field(max_length=50)] = MISSING
    """
    Business type, free text.
    """
    notes: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING
    status: LeadStatus = "new"
    source: LeadSource | OneOf_1d8fc6ceb1 | MISSING = MISSING


class LeadEnvelope(ContractModel):
    """
    One Lead record.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    data: Lead
    message: Annotated[JsonStr | MISSING, Field(max_length=500)] = MISSING


class LeadPage(ContractModel):
    """
    One page of Lead records.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    items: Annotated[list[Lead], Field(max_length=100)]
    limit: Annotated[JsonInt, Field(ge=1, le=100)]
    """
    Page size; 25 unless asked otherwise.
    """
    offset: Annotated[JsonInt, Field(ge=0, le=1000000000)]
    total: Annotated[JsonInt | MISSING, Field(ge=0, le=1000000000)] = MISSING
    """
    Number of matching records; present only when include_total=true.
    """
    next_cursor: NullableUuid | None | MISSING = MISSING
    """
    The cursor of the next page (the id of this page's last record); absent when the page is not full.
    """


class LeadSourceReport(ContractModel):
    """
    Leads per lead source: the standard sources in the order of shared_types.json, then one row with source null for leads without a source (shown as Unknown).
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    sources: list[LeadSourceRow]


class LeadUpdate(MinProperties1):
    """
    A partial update of a Lead: only the fields sent change; null clears a nullable field.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    name: Annotated[
        JsonStr | MISSING, Field(examples=["Ada Lovelace Ltd"], max_length=100, min_length=1)
    ] = MISSING
    """
    Company or person name.
    """
    contact_person: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    contact_title: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8 | MISSING = MISSING
    phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    phone_label: PhoneLabel | MISSING = MISSING
    secondary_phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    secondary_phone_label: PhoneLabel | OneOf_1d8fc6ceb1 | MISSING = MISSING
    address: Annotated[NullableJsonStr | None | MISSING, Field(max_length=255)] = MISSING
    city: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    state: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = MISSING
    zip: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20)] = MISSING
    type: Annotated[NullableJsonStr | None | MISSING, Field(max_length=50)] = MISSING
    """
    Business type, free text.
    """
    notes: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING
    status: LeadStatus | MISSING = MISSING
    source: LeadSource | OneOf_1d8fc6ceb1 | MISSING = MISSING


class LoginRequest(ContractModel):
    """
    The body of login. Email is matched case-insensitively.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    email: EmailText_0b336843f8
    """
    An email address under the project's one email rule (see codegen/formats.py): a dot-atom local part, '@', and a dotted hostname whose last label is alphabetic.
    """
    password: Annotated[JsonStr, Field(max_length=128, min_length=1)]
    """
    Any length up to 128: the policy applies when a password is chosen, not when it is typed.
    """
    tenant: Annotated[
        JsonStr | MISSING, Field(max_length=50, min_length=1, pattern="^[a-z0-9]+(-[a-z0-9]+)*$")
    ] = MISSING
    """
    The tenant's slug; needed only when the email has an account in more than one tenant.
    """


class Note(ContractModel):
    """
    A dated, authored note on a client, a lead or a project. Visible to whoever can see the record it hangs off; a note with no parent is visible to its author.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    tenant_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    client_id: NullableUuid
    lead_id: NullableUuid
    project_id: NullableUuid
    body: Annotated[
        JsonStr, Field(examples=["Prefers email after 3 pm."], max_length=20000, min_length=1)
    ]
    created_by: Uuid
    """
    The author.
    """
    created_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    updated_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """


class NoteEnvelope(ContractModel):
    """
    One Note record.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    data: Note
    message: Annotated[JsonStr | MISSING, Field(max_length=500)] = MISSING


class NotePage(ContractModel):
    """
    One page of Note records.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    items: Annotated[list[Note], Field(max_length=100)]
    limit: Annotated[JsonInt, Field(ge=1, le=100)]
    """
    Page size; 25 unless asked otherwise.
    """
    offset: Annotated[JsonInt, Field(ge=0, le=1000000000)]
    total: Annotated[JsonInt | MISSING, Field(ge=0, le=1000000000)] = MISSING
    """
    Number of matching records; present only when include_total=true.
    """
    next_cursor: NullableUuid | None | MISSING = MISSING
    """
    The cursor of the next page (the id of this page's last record); absent when the page is not full.
    """


class PipelineProjectRow(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    status: ProjectStatus
    count: Annotated[JsonInt, Field(ge=0, le=9007199254740991)]
    total_value: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=70368744177663.99)]
    """
    Sum of the projects' value, as entered (not annualised).
    """


class PipelineReport(ContractModel):
    """
    Sales pipeline: leads per lead status, projects and their summed value per project status. Every status appears, in the order of shared_types.json, with 0 where there are none.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    leads: list[PipelineLeadRow]
    projects: list[PipelineProjectRow]


class Project(ContractModel):
    """
    A deal or piece of work for a client or a lead, or standalone. Visible to whoever can see its client or lead; a standalone project is visible to its creator and assignee.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    tenant_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    client_id: NullableUuid
    """
    The client this project belongs to, if any. A client with projects cannot be purged.
    """
    lead_id: NullableUuid
    """
    The lead this project belongs to, if any. A lead with projects cannot be purged.
    """
    name: Annotated[JsonStr, Field(examples=["Website relaunch"], max_length=255, min_length=1)]
    description: Annotated[NullableJsonStr, Field(max_length=20000)]
    type: Annotated[NullableJsonStr, Field(max_length=50)]
    """
    Business type, free text.
    """
    status: ProjectStatus
    value: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=999999999999.99)]
    """
    The project's worth per value_type period (one-time, per month or per year).
    """
    value_type: ValueType
    start_date: NullableDate
    end_date: NullableDate
    """
    Expected or actual close; not before start_date.
    """
    primary_contact_name: Annotated[NullableJsonStr, Field(max_length=100)]
    primary_contact_title: Annotated[NullableJsonStr, Field(max_length=100)]
    primary_contact_email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8
    primary_contact_phone: Phone | OneOf_1d8fc6ceb1
    primary_contact_phone_label: PhoneLabel | OneOf_1d8fc6ceb1
    notes: Annotated[NullableJsonStr, Field(max_length=20000)]
    assigned_to: NullableUuid
    """
    The user this project is assigned to; changed by the admin-only assign operation.
    """
    created_by: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    created_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    updated_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    deleted_at: NullableDateTime
    deleted_by: NullableUuid
    """
    Who moved it to the trash; null while live.
    """


class ProjectBulkStatus(ContractModel):
    """
    The body of a bulk status change: every listed Project gets this status.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    ids: Annotated[list[Uuid], Field(max_length=500, min_length=1)]
    """
    The records a bulk operation acts on: each id gets its own result.
    """
    status: ProjectStatus


class ProjectCreate(ContractModel):
    """
    The body that creates a Project.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    client_id: NullableUuid | None | MISSING = MISSING
    """
    The client this project belongs to, if any. A client with projects cannot be purged.
    """
    lead_id: NullableUuid | None | MISSING = MISSING
    """
    The lead this project belongs to, if any. A lead with projects cannot be purged.
    """
    name: Annotated[JsonStr, Field(examples=["Website relaunch"], max_length=255, min_length=1)]
    description: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING
    type: Annotated[NullableJsonStr | None | MISSING, Field(max_length=50)] = MISSING
    """
    Business type, free text.
    """
    status: ProjectStatus = "pending"
    value: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=999999999999.99)] = 0
    """
    The project's worth per value_type period (one-time, per month or per year).
    """
    value_type: ValueType = "one_time"
    start_date: NullableDate | None | MISSING = MISSING
    end_date: NullableDate | None | MISSING = MISSING
    """
    Expected or actual close; not before start_date.
    """
    primary_contact_name: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = (
        MISSING
    )
    primary_contact_title: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = (
        MISSING
    )
    primary_contact_email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8 | MISSING = MISSING
    primary_contact_phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    primary_contact_phone_label: PhoneLabel | OneOf_1d8fc6ceb1 | MISSING = MISSING
    notes: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING


class ProjectEnvelope(ContractModel):
    """
    One Project record.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    data: Project
    message: Annotated[JsonStr | MISSING, Field(max_length=500)] = MISSING


class ProjectPage(ContractModel):
    """
    One page of Project records.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    items: Annotated[list[Project], Field(max_length=100)]
    limit: Annotated[JsonInt, Field(ge=1, le=100)]
    """
    Page size; 25 unless asked otherwise.
    """
    offset: Annotated[JsonInt, Field(ge=0, le=1000000000)]
    total: Annotated[JsonInt | MISSING, Field(ge=0, le=1000000000)] = MISSING
    """
    Number of matching records; present only when include_total=true.
    """
    next_cursor: NullableUuid | None | MISSING = MISSING
    """
    The cursor of the next page (the id of this page's last record); absent when the page is not full.
    """


class ProjectPerformanceReport(ContractModel):
    """
    Project outcomes: won = completed, lost = cancelled, pending = open (pending + active).
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    summary: ProjectPerformanceSummary


class ProjectUpdate(MinProperties1):
    """
    A partial update of a Project: only the fields sent change; null clears a nullable field.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    client_id: NullableUuid | None | MISSING = MISSING
    """
    The client this project belongs to, if any. A client with projects cannot be purged.
    """
    lead_id: NullableUuid | None | MISSING = MISSING
    """
    The lead this project belongs to, if any. A lead with projects cannot be purged.
    """
    name: Annotated[
        JsonStr | MISSING, Field(examples=["Website relaunch"], max_length=255, min_length=1)
    ] = MISSING
    description: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING
    type: Annotated[NullableJsonStr | None | MISSING, Field(max_length=50)] = MISSING
    """
    Business type, free text.
    """
    status: ProjectStatus | MISSING = MISSING
    value: Annotated[NumberMultipleOf_0_01 | MISSING, Field(ge=0, le=999999999999.99)] = MISSING
    """
    The project's worth per value_type period (one-time, per month or per year).
    """
    value_type: ValueType | MISSING = MISSING
    start_date: NullableDate | None | MISSING = MISSING
    end_date: NullableDate | None | MISSING = MISSING
    """
    Expected or actual close; not before start_date.
    """
    primary_contact_name: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = (
        MISSING
    )
    primary_contact_title: Annotated[NullableJsonStr | None | MISSING, Field(max_length=100)] = (
        MISSING
    )
    primary_contact_email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8 | MISSING = MISSING
    primary_contact_phone: Phone | OneOf_1d8fc6ceb1 | MISSING = MISSING
    primary_contact_phone_label: PhoneLabel | OneOf_1d8fc6ceb1 | MISSING = MISSING
    notes: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING


class RefreshRequest(ContractModel):
    """
    The body of refresh.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    refresh_token: Annotated[JsonStr, Field(max_length=4096, min_length=1)]
    """
    An opaque token string.
    """


class RefreshToken(ContractModel):
    """
    One issued refresh token, stored as the SHA-256 of its secret (the secret is 256 random bits, so a fast hash is enough). Single use: refreshing marks it used and issues the next one; presenting a used one again means it was stolen, and its whole session is revoked. No routes of its own.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    tenant_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    session_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    token_hash: Annotated[JsonStr, Field(max_length=64, min_length=64, pattern="^[0-9a-f]{64}$")]
    """
    Hex SHA-256 of the token's secret part.
    """
    used_at: NullableDateTime
    """
    When it was traded for the next token; null while it is the current one.
    """
    created_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    updated_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """


class RevenueByClientReport(ContractModel):
    """
    Clients with projects, by the summed value of their projects, highest total_value first, at most limit rows.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    clients: list[RevenueByClientRow]


class RevenueForecastReport(ContractModel):
    """
    Weighted pipeline of annualised project value (monthly x 12; yearly and one_time as is). Weights: pending 0.3, active 0.6, completed 1.0, cancelled 0.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    forecast: RevenueForecastSummary
    by_month: list[RevenueForecastMonthRow]
    """
    One row per month, ascending, for the next months months; a project counts in the month of its end_date.
    """


class SearchGroup(ContractModel):
    """
    The matches of one resource type, newest first, at most `limit` of them; has_more tells that there are more.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    type: Annotated[JsonStr, Field(max_length=64, min_length=1)]
    """
    The resource, e.g. Lead.
    """
    path: Annotated[JsonStr, Field(max_length=100, min_length=1)]
    """
    Its collection under /api, e.g. /leads.
    """
    items: Annotated[list[SearchHit], Field(max_length=50)]
    has_more: JsonBool


class SearchResults(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    q: Annotated[JsonStr, Field(max_length=200, min_length=1)]
    groups: Annotated[list[SearchGroup], Field(max_length=20)]


class Task(ContractModel):
    """
    A to-do with an optional due time and assignee, optionally about a client, a lead or a project. Visible to whoever can see that record; a task with no parent is visible to its creator and assignee.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    tenant_id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    title: Annotated[
        JsonStr, Field(examples=["Call back about the quote"], max_length=200, min_length=1)
    ]
    description: Annotated[NullableJsonStr, Field(max_length=20000)]
    due_at: NullableDateTime
    status: TaskStatus
    assigned_to: NullableUuid
    """
    Who should do it; any user who can edit the task may set it.
    """
    completed_at: NullableDateTime
    """
    Set by the server when the status becomes done; cleared when it leaves done.
    """
    client_id: NullableUuid
    lead_id: NullableUuid
    project_id: NullableUuid
    created_by: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    created_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    updated_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    deleted_at: NullableDateTime
    deleted_by: NullableUuid
    """
    Who moved it to the trash; null while live.
    """


class TaskBulkStatus(ContractModel):
    """
    The body of a bulk status change: every listed Task gets this status.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    ids: Annotated[list[Uuid], Field(max_length=500, min_length=1)]
    """
    The records a bulk operation acts on: each id gets its own result.
    """
    status: TaskStatus


class TaskCreate(ContractModel):
    """
    The body that creates a Task.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    title: Annotated[
        JsonStr, Field(examples=["Call back about the quote"], max_length=200, min_length=1)
    ]
    description: Annotated[NullableJsonStr | None | MISSING, Field(max_length=20000)] = MISSING
    due_at: NullableDateTime | None | MISSING = MISSING
    status: TaskStatus = "todo"
    assigned_to: NullableUuid | None | MISSING = MISSING
    """
    Who should do it; any user who can edit the task may set it.
    """
    client_id: NullableUuid | None | MISSING = MISSING
    lead_id: NullableUuid | None | MISSING = MISSING
    project_id: NullableUuid | None | MISSING = MISSING


class TaskEnvelope(ContractModel):
    """
    One Task record.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    data: Task
    message: Annotated[JsonStr | MISSING, Field(max_length=500)] = MISSING


class TaskPage(ContractModel):
    """
    One page of Task records.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    items: Annotated[list[Task], Field(max_length=100)]
    limit: Annotated[JsonInt, Field(ge=1, le=100)]
    """
    Page size; 25 unless asked otherwise.
    """
    offset: Annotated[JsonInt, Field(ge=0, le=1000000000)]
    total: Annotated[JsonInt | MISSING, Field(ge=0, le=1000000000)] = MISSING
    """
    Number of matching records; present only when include_total=true.
    """
    next_cursor: NullableUuid | None | MISSING = MISSING
    """
    The cursor of the next page (the id of this page's last record); absent when the page is not full.
    """


class Tenant(ContractModel):
    """
    An organisation using the CRM. Every tenant table hangs off it. Tenants are created and changed by the crm CLI, never through the API; login and me return the caller's tenant (id, name, slug).
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    Server-generated opaque identifier (UUID, time-ordered).
    """
    name: Annotated[JsonStr, Field(max_length=100, min_length=1)]
    """
    Display name, e.g. the company name.
    """
    slug: Annotated[JsonStr, Field(max_length=50, min_length=1, pattern="^[a-z0-9]+(-[a-z0-9]+)*$")]
    """
    URL-safe short name, unique across the installation: lowercase letters and digits in dash-separated words.
    """
    is_active: JsonBool
    """
    An inactive tenant's users cannot log in or use the API.
    """
    created_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """
    updated_at: DateTime
    """
    RFC 3339 date-time with a mandatory offset, e.g. 2026-01-31T09:30:00Z.
    """


class UpcomingTaskRow(ContractModel):
    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    id: Uuid
    """
    The task's or the interaction's id, as source says.
    """
    source: UpcomingTaskSource
    interaction_type: InteractionType | OneOf_1d8fc6ceb1
    """
    The interaction's type; null for a task (source task).
    """
    contact_date: DateTime
    """
    When it is due: the task's due_at, the interaction's contact_date or its follow_up_at.
    """
    notes: Annotated[JsonStr, Field(max_length=255, min_length=1)]
    """
    The task's title or the interaction's summary.
    """
    client_id: NullableUuid
    client_name: Annotated[NullableJsonStr, Field(max_length=100)]
    lead_id: NullableUuid
    lead_name: Annotated[NullableJsonStr, Field(max_length=100)]
    project_id: NullableUuid
    project_name: Annotated[NullableJsonStr, Field(max_length=255)]
    assigned_to: NullableUuid
    """
    The task's assignee; for an interaction, the assignee of its client, lead or project.
    """
    assigned_to_email: OneOf_1d8fc6ceb1 | EmailText_0b336843f8


class UpcomingTasksReport(ContractModel):
    """
    What is due between now and days_ahead days from now, soonest first: open tasks by due_at, interactions scheduled by contact_date, and open follow-ups (pending, rescheduled) by follow_up_at.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    tasks: list[UpcomingTaskRow]


class UserActivityReport(ContractModel):
    """
    Per active user of the tenant: current workload and activity in the date range. Admins only.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    users: list[UserActivityRow]


class BulkAssignRequest(ContractModel):
    """
    The body of a bulk assign (admin only): every listed record gets this assignee.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    ids: Annotated[list[Uuid], Field(max_length=500, min_length=1)]
    """
    The records a bulk operation acts on: each id gets its own result.
    """
    assigned_to: NullableUuid
    """
    The user to assign to; null unassigns.
    """


class ClientRetentionReport(ContractModel):
    """
    Clients per client status (every status, in the order of shared_types.json), with how many had an interaction in the last recent_days, and retention / churn between active and inactive clients.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    retention_rate: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=100)]
    """
    active / (active + inactive) clients as a percentage; 0 when there are none.
    """
    churn_rate: Annotated[NumberMultipleOf_0_01, Field(ge=0, le=100)]
    """
    inactive / (active + inactive) clients as a percentage; 0 when there are none.
    """
    status_breakdown: list[ClientRetentionStatusRow]


class ConversionRateReport(ContractModel):
    """
    Lead conversion overall and per assignee. The by_user rows (one per assignee, plus one with user_id and user_email null for unassigned leads) add up to overall; a non-admin sees only their own row.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    overall: ConversionRateOverall
    by_user: list[ConversionRateUserRow]


class Me(ContractModel):
    """
    The caller and their tenant.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    user: User
    tenant: Tenant


class MeEnvelope(ContractModel):
    """
    The answer of me.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    data: Me
    message: Annotated[JsonStr | MISSING, Field(max_length=500)] = MISSING


class SearchResult(ContractModel):
    """
    The answer of a search.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    data: SearchResults


class Session(ContractModel):
    """
    Tokens for a logged-in user, with the user and their tenant.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    access_token: Annotated[JsonStr, Field(max_length=4096, min_length=1)]
    """
    An opaque token string.
    """
    refresh_token: Annotated[JsonStr, Field(max_length=4096, min_length=1)]
    """
    An opaque token string.
    """
    token_type: TokenType
    expires_in: Annotated[JsonInt, Field(ge=1, le=31536000)]
    """
    Seconds until access_token expires.
    """
    user: User
    tenant: Tenant


class SessionEnvelope(ContractModel):
    """
    The answer of login and refresh.
    """

    model_config = ConfigDict(
        extra="forbid",
        arbitrary_types_allowed=True,
    )
    data: Session
    message: Annotated[JsonStr | MISSING, Field(max_length=500)] = MISSING
"""What the contracts' x- keywords say, as data for handlers, the scope and the tests.

generated from contracts/ by python -m codegen; do not edit
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Parent:
    field: str  # the referencing column, e.g. "client_id"
    resource: str  # e.g. "Client"
    table: str


@dataclass(frozen=True)
class ResourceInfo:
    name: str
    table: str
    path: str | None
    tenant_scoped: bool
    operations: tuple[str, ...]
    soft_delete: bool
    visibility: str  # owner | parent | tenant | admin
    filterable: tuple[str, ...]
    sortable: tuple[str, ...]
    searchable: tuple[str, ...]
    parents: tuple[Parent, ...]
    fields: tuple[str, ...]
    read_only: tuple[str, ...]
    nullable: tuple[str, ...]


@dataclass(frozen=True)
class ReportInfo:
    name: str
    path: str
    admin_only: bool
    parameters: tuple[str, ...]
    csv: str | None


RESOURCES: dict[str, ResourceInfo] = {
    'Account': ResourceInfo(
        name='Account',
        table='accounts',
        path='/accounts',
        tenant_scoped=True,
        operations=('list', 'create', 'get', 'update', 'delete'),
        soft_delete=False,
        visibility='parent',
        filterable=('status', 'client_id', 'created_by', 'created_at', 'updated_at'),
        sortable=('account_number', 'account_name', 'status', 'opened_on', 'created_at', 'updated_at'),
        searchable=('account_number', 'account_name'),
        parents=(
            Parent('client_id', 'Client', 'clients'),
        ),
        fields=('id', 'tenant_id', 'client_id', 'account_number', 'account_name', 'status', 'opened_on', 'notes', 'created_by', 'created_at', 'updated_at'),
        read_only=('id', 'tenant_id', 'created_by', 'created_at', 'updated_at'),
        nullable=('account_name', 'opened_on', 'notes'),
    ),
    'AuthSession': ResourceInfo(
        name='AuthSession',
        table='auth_sessions',
        path=None,
        tenant_scoped=True,
        operations=(),
        soft_delete=False,
        visibility='tenant',
        filterable=(),
        sortable=(),
        searchable=(),
        parents=(
        ),
        fields=('id', 'tenant_id', 'user_id', 'expires_at', 'revoked_at', 'created_at', 'updated_at'),
        read_only=('id', 'tenant_id', 'created_at', 'updated_at'),
        nullable=('revoked_at',),
    ),
    'Client': ResourceInfo(
        name='Client',
        table='clients',
        path='/clients',
        tenant_scoped=True,
        operations=('list', 'create', 'get', 'update', 'delete', 'restore', 'purge', 'bulk', 'assign'),
        soft_delete=True,
        visibility='owner',
        filterable=('status', 'assigned_to', 'created_by', 'source_lead_id', 'created_at', 'updated_at'),
        sortable=('name', 'status', 'city', 'state', 'converted_at', 'created_at', 'updated_at'),
        searchable=('name', 'contact_person', 'email'),
        parents=(
        ),
        fields=('id', 'tenant_id', 'name', 'contact_person', 'contact_title', 'email', 'phone', 'phone_label', 'secondary_phone', 'secondary_phone_label', 'address', 'city', 'state', 'zip', 'type', 'notes', 'status', 'source_lead_id', 'converted_at', 'assigned_to', 'created_by', 'created_at', 'updated_at', 'deleted_at'),
        read_only=('id', 'tenant_id', 'converted_at', 'assigned_to', 'created_by', 'created_at', 'updated_at', 'deleted_at'),
        nullable=('contact_person', 'contact_title', 'email', 'phone', 'secondary_phone', 'secondary_phone_label', 'address', 'city', 'state', 'zip', 'type', 'notes', 'source_lead_id', 'converted_at', 'assigned_to', 'deleted_at'),
    ),
    'Contact': ResourceInfo(
        name='Contact',
        table='contacts',
        path='/contacts',
        tenant_scoped=True,
        operations=('list', 'create', 'get', 'update', 'delete'),
        soft_delete=False,
        visibility='parent',
        filterable=('client_id', 'lead_id', 'created_by', 'created_at', 'updated_at'),
        sortable=('first_name', 'last_name', 'email', 'created_at', 'updated_at'),
        searchable=('first_name', 'last_name', 'email'),
        parents=(
            Parent('client_id', 'Client', 'clients'),
            Parent('lead_id', 'Lead', 'leads'),
        ),
        fields=('id', 'tenant_id', 'client_id', 'lead_id', 'first_name', 'last_name', 'title', 'email', 'phone', 'phone_label', 'secondary_phone', 'secondary_phone_label', 'notes', 'created_by', 'created_at', 'updated_at'),
        read_only=('id', 'tenant_id', 'created_by', 'created_at', 'updated_at'),
        nullable=('client_id', 'lead_id', 'last_name', 'title', 'email', 'phone', 'secondary_phone', 'secondary_phone_label', 'notes'),
    ),
    'Interaction': ResourceInfo(
        name='Interaction',
        table='interactions',
        path='/interactions',
        tenant_scoped=True,
        operations=('list', 'create', 'get', 'update', 'delete'),
        soft_delete=False,
        visibility='parent',
        filterable=('interaction_type', 'follow_up_status', 'client_id', 'lead_id', 'project_id', 'created_at'),
        sortable=('contact_date', 'follow_up_at', 'created_at'),
        searchable=('summary', 'contact_person'),
        parents=(
            Parent('client_id', 'Client', 'clients'),
            Parent('lead_id', 'Lead', 'leads'),
            Parent('project_id', 'Project', 'projects'),
        ),
        fields=('id', 'tenant_id', 'client_id', 'lead_id', 'project_id', 'interaction_type', 'contact_date', 'summary', 'outcome', 'notes', 'follow_up_at', 'follow_up_status', 'contact_person', 'email', 'phone', 'created_by', 'created_at', 'updated_at'),
        read_only=('id', 'tenant_id', 'created_by', 'created_at', 'updated_at'),
        nullable=('client_id', 'lead_id', 'project_id', 'outcome', 'notes', 'follow_up_at', 'follow_up_status', 'contact_person', 'email', 'phone'),
    ),
    'Lead': ResourceInfo(
        name='Lead',
        table='leads',
        path='/leads',
        tenant_scoped=True,
        operations=('list', 'create', 'get', 'update', 'delete', 'restore', 'purge', 'bulk', 'assign'),
        soft_delete=True,
        visibility='owner',
        filterable=('status', 'source', 'assigned_to', 'created_by', 'created_at'),
        sortable=('name', 'status', 'source', 'created_at', 'updated_at'),
        searchable=('name', 'contact_person', 'email'),
        parents=(
        ),
        fields=('id', 'tenant_id', 'name', 'contact_person', 'contact_title', 'email', 'phone', 'phone_label', 'secondary_phone', 'secondary_phone_label', 'address', 'city', 'state', 'zip', 'type', 'notes', 'status', 'source', 'assigned_to', 'converted_at', 'created_by', 'created_at', 'updated_at', 'deleted_at'),
        read_only=('id', 'tenant_id', 'assigned_to', 'converted_at', 'created_by', 'created_at', 'updated_at', 'deleted_at'),
        nullable=('contact_person', 'contact_title', 'email', 'phone', 'secondary_phone', 'secondary_phone_label', 'address', 'city', 'state', 'zip', 'type', 'notes', 'source', 'assigned_to', 'converted_at', 'deleted_at'),
    ),
    'Note': ResourceInfo(
        name='Note',
        table='notes',
        path='/notes',
        tenant_scoped=True,
        operations=('list', 'create', 'get', 'update', 'delete'),
        soft_delete=False,
        visibility='parent',
        filterable=('client_id', 'lead_id', 'project_id', 'created_by', 'created_at', 'updated_at'),
        sortable=('created_at', 'updated_at'),
        searchable=('body',),
        parents=(
            Parent('client_id', 'Client', 'clients'),
            Parent('lead_id', 'Lead', 'leads'),
            Parent('project_id', 'Project', 'projects'),
        ),
        fields=('id', 'tenant_id', 'client_id', 'lead_id', 'project_id', 'body', 'created_by', 'created_at', 'updated_at'),
        read_only=('id', 'tenant_id', 'created_by', 'created_at', 'updated_at'),
        nullable=('client_id', 'lead_id', 'project_id'),
    ),
    'Project': ResourceInfo(
        name='Project',
        table='projects',
        path='/projects',
        tenant_scoped=True,
        operations=('list', 'create', 'get', 'update', 'delete', 'restore', 'purge', 'bulk', 'assign'),
        soft_delete=True,
        visibility='parent',
        filterable=('status', 'value_type', 'client_id', 'lead_id', 'assigned_to', 'created_by', 'created_at', 'updated_at'),
        sortable=('name', 'status', 'value', 'start_date', 'end_date', 'created_at', 'updated_at'),
        searchable=('name', 'primary_contact_name', 'primary_contact_email'),
        parents=(
            Parent('client_id', 'Client', 'clients'),
            Parent('lead_id', 'Lead', 'leads'),
        ),
        fields=('id', 'tenant_id', 'client_id', 'lead_id', 'name', 'description', 'type', 'status', 'value', 'value_type', 'start_date', 'end_date', 'primary_contact_name', 'primary_contact_title', 'primary_contact_email', 'primary_contact_phone', 'primary_contact_phone_label', 'notes', 'assigned_to', 'created_by', 'created_at', 'updated_at', 'deleted_at'),
        read_only=('id', 'tenant_id', 'assigned_to', 'created_by', 'created_at', 'updated_at', 'deleted_at'),
        nullable=('client_id', 'lead_id', 'description', 'type', 'start_date', 'end_date', 'primary_contact_name', 'primary_contact_title', 'primary_contact_email', 'primary_contact_phone', 'primary_contact_phone_label', 'notes', 'assigned_to', 'deleted_at'),
    ),
    'RefreshToken': ResourceInfo(
        name='RefreshToken',
        table='refresh_tokens',
        path=None,
        tenant_scoped=True,
        operations=(),
        soft_delete=False,
        visibility='tenant',
        filterable=(),
        sortable=(),
        searchable=(),
        parents=(
        ),
        fields=('id', 'tenant_id', 'session_id', 'token_hash', 'used_at', 'created_at', 'updated_at'),
        read_only=('id', 'tenant_id', 'created_at', 'updated_at'),
        nullable=('used_at',),
    ),
    'Task': ResourceInfo(
        name='Task',
        table='tasks',
        path='/tasks',
        tenant_scoped=True,
        operations=('list', 'create', 'get', 'update', 'delete'),
        soft_delete=False,
        visibility='parent',
        filterable=('status', 'assigned_to', 'client_id', 'lead_id', 'project_id', 'created_by', 'created_at', 'updated_at'),
        sortable=('title', 'status', 'due_at', 'completed_at', 'created_at', 'updated_at'),
        searchable=('title',),
        parents=(
            Parent('client_id', 'Client', 'clients'),
            Parent('lead_id', 'Lead', 'leads'),
            Parent('project_id', 'Project', 'projects'),
        ),
        fields=('id', 'tenant_id', 'title', 'description', 'due_at', 'status', 'assigned_to', 'completed_at', 'client_id', 'lead_id', 'project_id', 'created_by', 'created_at', 'updated_at'),
        read_only=('id', 'tenant_id', 'completed_at', 'created_by', 'created_at', 'updated_at'),
        nullable=('description', 'due_at', 'assigned_to', 'completed_at', 'client_id', 'lead_id', 'project_id'),
    ),
    'Tenant': ResourceInfo(
        name='Tenant',
        table='tenants',
        path=None,
        tenant_scoped=False,
        operations=(),
        soft_delete=False,
        visibility='tenant',
        filterable=(),
        sortable=(),
        searchable=(),
        parents=(
        ),
        fields=('id', 'name', 'slug', 'is_active', 'created_at', 'updated_at'),
        read_only=('id', 'created_at', 'updated_at'),
        nullable=(),
    ),
    'User': ResourceInfo(
        name='User',
        table='users',
        path='/users',
        tenant_scoped=True,
        operations=('list', 'create', 'get', 'update'),
        soft_delete=False,
        visibility='admin',
        filterable=('role', 'is_active', 'created_at'),
        sortable=('email', 'name', 'created_at'),
        searchable=('email', 'name'),
        parents=(
        ),
        fields=('id', 'tenant_id', 'email', 'name', 'role', 'is_active', 'password', 'last_login_at', 'created_at', 'updated_at'),
        read_only=('id', 'tenant_id', 'last_login_at', 'created_at', 'updated_at'),
        nullable=('name', 'last_login_at'),
    ),
}

REPORTS: dict[str, ReportInfo] = {
    'ClientRetentionReport': ReportInfo(
        name='ClientRetentionReport',
        path='/reports/client-retention',
        admin_only=False,
        parameters=('start_date', 'end_date', 'user_id', 'recent_days'),
        csv='status_breakdown',
    ),
    'ConversionRateReport': ReportInfo(
        name='ConversionRateReport',
        path='/reports/conversion-rate',
        admin_only=False,
        parameters=('start_date', 'end_date', 'user_id'),
        csv='by_user',
    ),
    'FollowUpsReport': ReportInfo(
        name='FollowUpsReport',
        path='/reports/follow-ups',
        admin_only=False,
        parameters=('start_date', 'end_date', 'user_id', 'inactive_days'),
        csv='overdue',
    ),
    'LeadSourceReport': ReportInfo(
        name='LeadSourceReport',
        path='/reports/lead-source',
        admin_only=False,
        parameters=('start_date', 'end_date', 'user_id'),
        csv='sources',
    ),
    'PipelineReport': ReportInfo(
        name='PipelineReport',
        path='/reports/pipeline',
        admin_only=False,
        parameters=('start_date', 'end_date', 'user_id'),
        csv='leads',
    ),
    'ProjectPerformanceReport': ReportInfo(
        name='ProjectPerformanceReport',
        path='/reports/project-performance',
        admin_only=False,
        parameters=('start_date', 'end_date', 'user_id'),
        csv=None,
    ),
    'RevenueByClientReport': ReportInfo(
        name='RevenueByClientReport',
        path='/reports/revenue-by-client',
        admin_only=False,
        parameters=('start_date', 'end_date', 'user_id', 'limit'),
        csv='clients',
    ),
    'RevenueForecastReport': ReportInfo(
        name='RevenueForecastReport',
        path='/reports/revenue-forecast',
        admin_only=False,
        parameters=('start_date', 'end_date', 'user_id', 'months'),
        csv='by_month',
    ),
    'UpcomingTasksReport': ReportInfo(
        name='UpcomingTasksReport',
        path='/reports/upcoming-tasks',
        admin_only=False,
        parameters=('days_ahead', 'user_id'),
        csv='tasks',
    ),
    'UserActivityReport': ReportInfo(
        name='UserActivityReport',
        path='/reports/user-activity',
        admin_only=True,
        parameters=('start_date', 'end_date', 'user_id'),
        csv='users',
    ),
}

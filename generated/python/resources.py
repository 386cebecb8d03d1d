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
class Reference:
    field: str  # the referencing column, e.g. "source_lead_id"
    resource: str  # the referenced resource, e.g. "Lead"
    on_delete: str  # restrict | cascade | set-null
    parent: bool  # visibility follows the referenced record


@dataclass(frozen=True)
class ListFilter:
    param: str  # the query parameter, e.g. "created_after"
    column: str  # the field it compares, e.g. "created_at"
    op: str  # "=", ">=" or "<"


@dataclass(frozen=True)
class Conversion:
    to: str  # the resource a record converts into, e.g. "Client"
    status: str  # the status the converted record takes
    link: str  # the new record's field pointing back, e.g. "source_lead_id"
    at: str  # the timestamp both records carry, set once, e.g. "converted_at"


@dataclass(frozen=True)
class Operation:
    kind: str  # list, list_all, list_children, create, get, update, delete, restore, purge, ...
    resource: str
    parent: str | None  # list_children: the parent field the list is narrowed by


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
    references: tuple[Reference, ...]  # to other tenant resources (not tenants)
    filters: tuple[ListFilter, ...]
    edit: str  # visible | author
    parent_count: str  # at-most-one | exactly-one
    global_search: bool
    converts_to: Conversion | None


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
        filterable=('status', 'client_id', 'created_by', 'opened_on', 'created_at', 'updated_at'),
        sortable=('account_number', 'account_name', 'status', 'opened_on', 'created_at', 'updated_at'),
        searchable=('account_number', 'account_name'),
        parents=(
            Parent('client_id', 'Client', 'clients'),
        ),
        fields=('id', 'tenant_id', 'client_id', 'account_number', 'account_name', 'status', 'opened_on', 'notes', 'created_by', 'created_at', 'updated_at'),
        read_only=('id', 'tenant_id', 'created_by', 'created_at', 'updated_at'),
        nullable=('account_name', 'opened_on', 'notes'),
        references=(
            Reference('client_id', 'Client', 'cascade', True),
            Reference('created_by', 'User', 'restrict', False),
        ),
        filters=(
            ListFilter('status', 'status', '='),
            ListFilter('client_id', 'client_id', '='),
            ListFilter('created_by', 'created_by', '='),
            ListFilter('opened_after', 'opened_on', '>='),
            ListFilter('opened_before', 'opened_on', '<'),
            ListFilter('created_after', 'created_at', '>='),
            ListFilter('created_before', 'created_at', '<'),
            ListFilter('updated_after', 'updated_at', '>='),
            ListFilter('updated_before', 'updated_at', '<'),
        ),
        edit='visible',
        parent_count='at-most-one',
        global_search=True,
        converts_to=None,
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
        references=(
            Reference('user_id', 'User', 'cascade', False),
        ),
        filters=(
        ),
        edit='visible',
        parent_count='at-most-one',
        global_search=False,
        converts_to=None,
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
        fields=('id', 'tenant_id', 'name', 'contact_person', 'contact_title', 'email', 'phone', 'phone_label', 'secondary_phone', 'secondary_phone_label', 'address', 'city', 'state', 'zip', 'type', 'notes', 'status', 'source_lead_id', 'converted_at', 'assigned_to', 'created_by', 'created_at', 'updated_at', 'deleted_at', 'deleted_by'),
        read_only=('id', 'tenant_id', 'converted_at', 'assigned_to', 'created_by', 'created_at', 'updated_at', 'deleted_at', 'deleted_by'),
        nullable=('contact_person', 'contact_title', 'email', 'phone', 'secondary_phone', 'secondary_phone_label', 'address', 'city', 'state', 'zip', 'type', 'notes', 'source_lead_id', 'converted_at', 'assigned_to', 'deleted_at', 'deleted_by'),
        references=(
            Reference('source_lead_id', 'Lead', 'set-null', False),
            Reference('assigned_to', 'User', 'restrict', False),
            Reference('created_by', 'User', 'restrict', False),
            Reference('deleted_by', 'User', 'restrict', False),
        ),
        filters=(
            ListFilter('status', 'status', '='),
            ListFilter('assigned_to', 'assigned_to', '='),
            ListFilter('created_by', 'created_by', '='),
            ListFilter('source_lead_id', 'source_lead_id', '='),
            ListFilter('created_after', 'created_at', '>='),
            ListFilter('created_before', 'created_at', '<'),
            ListFilter('updated_after', 'updated_at', '>='),
            ListFilter('updated_before', 'updated_at', '<'),
        ),
        edit='visible',
        parent_count='at-most-one',
        global_search=True,
        converts_to=None,
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
        references=(
            Reference('client_id', 'Client', 'cascade', True),
            Reference('lead_id', 'Lead', 'cascade', True),
            Reference('created_by', 'User', 'restrict', False),
        ),
        filters=(
            ListFilter('client_id', 'client_id', '='),
            ListFilter('lead_id', 'lead_id', '='),
            ListFilter('created_by', 'created_by', '='),
            ListFilter('created_after', 'created_at', '>='),
            ListFilter('created_before', 'created_at', '<'),
            ListFilter('updated_after', 'updated_at', '>='),
            ListFilter('updated_before', 'updated_at', '<'),
        ),
        edit='visible',
        parent_count='at-most-one',
        global_search=True,
        converts_to=None,
    ),
    'Interaction': ResourceInfo(
        name='Interaction',
        table='interactions',
        path='/interactions',
        tenant_scoped=True,
        operations=('list', 'create', 'get', 'update', 'delete'),
        soft_delete=False,
        visibility='parent',
        filterable=('interaction_type', 'follow_up_status', 'client_id', 'lead_id', 'project_id', 'created_by', 'contact_date', 'follow_up_at', 'created_at'),
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
        references=(
            Reference('client_id', 'Client', 'cascade', True),
            Reference('lead_id', 'Lead', 'cascade', True),
            Reference('project_id', 'Project', 'cascade', True),
            Reference('created_by', 'User', 'restrict', False),
        ),
        filters=(
            ListFilter('interaction_type', 'interaction_type', '='),
            ListFilter('follow_up_status', 'follow_up_status', '='),
            ListFilter('client_id', 'client_id', '='),
            ListFilter('lead_id', 'lead_id', '='),
            ListFilter('project_id', 'project_id', '='),
            ListFilter('created_by', 'created_by', '='),
            ListFilter('contact_date_after', 'contact_date', '>='),
            ListFilter('contact_date_before', 'contact_date', '<'),
            ListFilter('follow_up_after', 'follow_up_at', '>='),
            ListFilter('follow_up_before', 'follow_up_at', '<'),
            ListFilter('created_after', 'created_at', '>='),
            ListFilter('created_before', 'created_at', '<'),
        ),
        edit='visible',
        parent_count='exactly-one',
        global_search=False,
        converts_to=None,
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
        fields=('id', 'tenant_id', 'name', 'contact_person', 'contact_title', 'email', 'phone', 'phone_label', 'secondary_phone', 'secondary_phone_label', 'address', 'city', 'state', 'zip', 'type', 'notes', 'status', 'source', 'assigned_to', 'converted_at', 'created_by', 'created_at', 'updated_at', 'deleted_at', 'deleted_by'),
        read_only=('id', 'tenant_id', 'assigned_to', 'converted_at', 'created_by', 'created_at', 'updated_at', 'deleted_at', 'deleted_by'),
        nullable=('contact_person', 'contact_title', 'email', 'phone', 'secondary_phone', 'secondary_phone_label', 'address', 'city', 'state', 'zip', 'type', 'notes', 'source', 'assigned_to', 'converted_at', 'deleted_at', 'deleted_by'),
        references=(
            Reference('assigned_to', 'User', 'restrict', False),
            Reference('created_by', 'User', 'restrict', False),
            Reference('deleted_by', 'User', 'restrict', False),
        ),
        filters=(
            ListFilter('status', 'status', '='),
            ListFilter('source', 'source', '='),
            ListFilter('assigned_to', 'assigned_to', '='),
            ListFilter('created_by', 'created_by', '='),
            ListFilter('created_after', 'created_at', '>='),
            ListFilter('created_before', 'created_at', '<'),
        ),
        edit='visible',
        parent_count='at-most-one',
        global_search=True,
        converts_to=Conversion('Client', 'converted', 'source_lead_id', 'converted_at'),
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
        references=(
            Reference('client_id', 'Client', 'cascade', True),
            Reference('lead_id', 'Lead', 'cascade', True),
            Reference('project_id', 'Project', 'cascade', True),
            Reference('created_by', 'User', 'restrict', False),
        ),
        filters=(
            ListFilter('client_id', 'client_id', '='),
            ListFilter('lead_id', 'lead_id', '='),
            ListFilter('project_id', 'project_id', '='),
            ListFilter('created_by', 'created_by', '='),
            ListFilter('created_after', 'created_at', '>='),
            ListFilter('created_before', 'created_at', '<'),
            ListFilter('updated_after', 'updated_at', '>='),
            ListFilter('updated_before', 'updated_at', '<'),
        ),
        edit='author',
        parent_count='at-most-one',
        global_search=False,
        converts_to=None,
    ),
    'Project': ResourceInfo(
        name='Project',
        table='projects',
        path='/projects',
        tenant_scoped=True,
        operations=('list', 'create', 'get', 'update', 'delete', 'restore', 'purge', 'bulk', 'assign'),
        soft_delete=True,
        visibility='parent',
        filterable=('status', 'value_type', 'client_id', 'lead_id', 'assigned_to', 'created_by', 'start_date', 'end_date', 'created_at', 'updated_at'),
        sortable=('name', 'status', 'value', 'start_date', 'end_date', 'created_at', 'updated_at'),
        searchable=('name', 'primary_contact_name', 'primary_contact_email'),
        parents=(
            Parent('client_id', 'Client', 'clients'),
            Parent('lead_id', 'Lead', 'leads'),
        ),
        fields=('id', 'tenant_id', 'client_id', 'lead_id', 'name', 'description', 'type', 'status', 'value', 'value_type', 'start_date', 'end_date', 'primary_contact_name', 'primary_contact_title', 'primary_contact_email', 'primary_contact_phone', 'primary_contact_phone_label', 'notes', 'assigned_to', 'created_by', 'created_at', 'updated_at', 'deleted_at', 'deleted_by'),
        read_only=('id', 'tenant_id', 'assigned_to', 'created_by', 'created_at', 'updated_at', 'deleted_at', 'deleted_by'),
        nullable=('client_id', 'lead_id', 'description', 'type', 'start_date', 'end_date', 'primary_contact_name', 'primary_contact_title', 'primary_contact_email', 'primary_contact_phone', 'primary_contact_phone_label', 'notes', 'assigned_to', 'deleted_at', 'deleted_by'),
        references=(
            Reference('client_id', 'Client', 'restrict', True),
            Reference('lead_id', 'Lead', 'restrict', True),
            Reference('assigned_to', 'User', 'restrict', False),
            Reference('created_by', 'User', 'restrict', False),
            Reference('deleted_by', 'User', 'restrict', False),
        ),
        filters=(
            ListFilter('status', 'status', '='),
            ListFilter('value_type', 'value_type', '='),
            ListFilter('client_id', 'client_id', '='),
            ListFilter('lead_id', 'lead_id', '='),
            ListFilter('assigned_to', 'assigned_to', '='),
            ListFilter('created_by', 'created_by', '='),
            ListFilter('start_date_after', 'start_date', '>='),
            ListFilter('start_date_before', 'start_date', '<'),
            ListFilter('end_date_after', 'end_date', '>='),
            ListFilter('end_date_before', 'end_date', '<'),
            ListFilter('created_after', 'created_at', '>='),
            ListFilter('created_before', 'created_at', '<'),
            ListFilter('updated_after', 'updated_at', '>='),
            ListFilter('updated_before', 'updated_at', '<'),
        ),
        edit='visible',
        parent_count='at-most-one',
        global_search=True,
        converts_to=None,
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
        references=(
            Reference('session_id', 'AuthSession', 'cascade', False),
        ),
        filters=(
        ),
        edit='visible',
        parent_count='at-most-one',
        global_search=False,
        converts_to=None,
    ),
    'Task': ResourceInfo(
        name='Task',
        table='tasks',
        path='/tasks',
        tenant_scoped=True,
        operations=('list', 'create', 'get', 'update', 'delete', 'restore', 'purge', 'bulk'),
        soft_delete=True,
        visibility='parent',
        filterable=('status', 'assigned_to', 'client_id', 'lead_id', 'project_id', 'created_by', 'due_at', 'completed_at', 'created_at', 'updated_at'),
        sortable=('title', 'status', 'due_at', 'completed_at', 'created_at', 'updated_at'),
        searchable=('title',),
        parents=(
            Parent('client_id', 'Client', 'clients'),
            Parent('lead_id', 'Lead', 'leads'),
            Parent('project_id', 'Project', 'projects'),
        ),
        fields=('id', 'tenant_id', 'title', 'description', 'due_at', 'status', 'assigned_to', 'completed_at', 'client_id', 'lead_id', 'project_id', 'created_by', 'created_at', 'updated_at', 'deleted_at', 'deleted_by'),
        read_only=('id', 'tenant_id', 'completed_at', 'created_by', 'created_at', 'updated_at', 'deleted_at', 'deleted_by'),
        nullable=('description', 'due_at', 'assigned_to', 'completed_at', 'client_id', 'lead_id', 'project_id', 'deleted_at', 'deleted_by'),
        references=(
            Reference('assigned_to', 'User', 'restrict', False),
            Reference('client_id', 'Client', 'cascade', True),
            Reference('lead_id', 'Lead', 'cascade', True),
            Reference('project_id', 'Project', 'cascade', True),
            Reference('created_by', 'User', 'restrict', False),
            Reference('deleted_by', 'User', 'restrict', False),
        ),
        filters=(
            ListFilter('status', 'status', '='),
            ListFilter('assigned_to', 'assigned_to', '='),
            ListFilter('client_id', 'client_id', '='),
            ListFilter('lead_id', 'lead_id', '='),
            ListFilter('project_id', 'project_id', '='),
            ListFilter('created_by', 'created_by', '='),
            ListFilter('due_after', 'due_at', '>='),
            ListFilter('due_before', 'due_at', '<'),
            ListFilter('completed_after', 'completed_at', '>='),
            ListFilter('completed_before', 'completed_at', '<'),
            ListFilter('created_after', 'created_at', '>='),
            ListFilter('created_before', 'created_at', '<'),
            ListFilter('updated_after', 'updated_at', '>='),
            ListFilter('updated_before', 'updated_at', '<'),
        ),
        edit='visible',
        parent_count='at-most-one',
        global_search=False,
        converts_to=None,
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
        references=(
        ),
        filters=(
        ),
        edit='visible',
        parent_count='at-most-one',
        global_search=False,
        converts_to=None,
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
        references=(
        ),
        filters=(
            ListFilter('role', 'role', '='),
            ListFilter('is_active', 'is_active', '='),
            ListFilter('created_after', 'created_at', '>='),
            ListFilter('created_before', 'created_at', '<'),
        ),
        edit='visible',
        parent_count='at-most-one',
        global_search=False,
        converts_to=None,
    ),
}

# operationId -> the standard operation it names (crm.resolver binds it when the handler
# module has no function of that name)
OPERATIONS: dict[str, Operation] = {
    'handlers.accounts.list_accounts': Operation('list', 'Account', None),
    'handlers.accounts.list_all_accounts': Operation('list_all', 'Account', None),
    'handlers.accounts.create_account': Operation('create', 'Account', None),
    'handlers.accounts.get_account': Operation('get', 'Account', None),
    'handlers.accounts.update_account': Operation('update', 'Account', None),
    'handlers.accounts.delete_account': Operation('delete', 'Account', None),
    'handlers.clients.list_clients': Operation('list', 'Client', None),
    'handlers.clients.list_all_clients': Operation('list_all', 'Client', None),
    'handlers.clients.create_client': Operation('create', 'Client', None),
    'handlers.clients.bulk_clients': Operation('bulk', 'Client', None),
    'handlers.clients.bulk_assign_clients': Operation('bulk_assign', 'Client', None),
    'handlers.clients.bulk_status_clients': Operation('bulk_status', 'Client', None),
    'handlers.clients.get_client': Operation('get', 'Client', None),
    'handlers.clients.update_client': Operation('update', 'Client', None),
    'handlers.clients.delete_client': Operation('delete', 'Client', None),
    'handlers.clients.restore_client': Operation('restore', 'Client', None),
    'handlers.clients.purge_client': Operation('purge', 'Client', None),
    'handlers.clients.assign_client': Operation('assign', 'Client', None),
    'handlers.contacts.list_contacts': Operation('list', 'Contact', None),
    'handlers.contacts.list_all_contacts': Operation('list_all', 'Contact', None),
    'handlers.contacts.create_contact': Operation('create', 'Contact', None),
    'handlers.contacts.get_contact': Operation('get', 'Contact', None),
    'handlers.contacts.update_contact': Operation('update', 'Contact', None),
    'handlers.contacts.delete_contact': Operation('delete', 'Contact', None),
    'handlers.interactions.list_interactions': Operation('list', 'Interaction', None),
    'handlers.interactions.list_all_interactions': Operation('list_all', 'Interaction', None),
    'handlers.interactions.create_interaction': Operation('create', 'Interaction', None),
    'handlers.interactions.get_interaction': Operation('get', 'Interaction', None),
    'handlers.interactions.update_interaction': Operation('update', 'Interaction', None),
    'handlers.interactions.delete_interaction': Operation('delete', 'Interaction', None),
    'handlers.leads.list_leads': Operation('list', 'Lead', None),
    'handlers.leads.list_all_leads': Operation('list_all', 'Lead', None),
    'handlers.leads.create_lead': Operation('create', 'Lead', None),
    'handlers.leads.bulk_leads': Operation('bulk', 'Lead', None),
    'handlers.leads.bulk_assign_leads': Operation('bulk_assign', 'Lead', None),
    'handlers.leads.bulk_status_leads': Operation('bulk_status', 'Lead', None),
    'handlers.leads.get_lead': Operation('get', 'Lead', None),
    'handlers.leads.update_lead': Operation('update', 'Lead', None),
    'handlers.leads.delete_lead': Operation('delete', 'Lead', None),
    'handlers.leads.restore_lead': Operation('restore', 'Lead', None),
    'handlers.leads.purge_lead': Operation('purge', 'Lead', None),
    'handlers.leads.assign_lead': Operation('assign', 'Lead', None),
    'handlers.leads.convert_lead': Operation('convert', 'Lead', None),
    'handlers.notes.list_notes': Operation('list', 'Note', None),
    'handlers.notes.list_all_notes': Operation('list_all', 'Note', None),
    'handlers.notes.create_note': Operation('create', 'Note', None),
    'handlers.notes.get_note': Operation('get', 'Note', None),
    'handlers.notes.update_note': Operation('update', 'Note', None),
    'handlers.notes.delete_note': Operation('delete', 'Note', None),
    'handlers.projects.list_projects': Operation('list', 'Project', None),
    'handlers.projects.list_all_projects': Operation('list_all', 'Project', None),
    'handlers.projects.create_project': Operation('create', 'Project', None),
    'handlers.projects.bulk_projects': Operation('bulk', 'Project', None),
    'handlers.projects.bulk_assign_projects': Operation('bulk_assign', 'Project', None),
    'handlers.projects.bulk_status_projects': Operation('bulk_status', 'Project', None),
    'handlers.projects.get_project': Operation('get', 'Project', None),
    'handlers.projects.update_project': Operation('update', 'Project', None),
    'handlers.projects.delete_project': Operation('delete', 'Project', None),
    'handlers.projects.restore_project': Operation('restore', 'Project', None),
    'handlers.projects.purge_project': Operation('purge', 'Project', None),
    'handlers.projects.assign_project': Operation('assign', 'Project', None),
    'handlers.tasks.list_tasks': Operation('list', 'Task', None),
    'handlers.tasks.list_all_tasks': Operation('list_all', 'Task', None),
    'handlers.tasks.create_task': Operation('create', 'Task', None),
    'handlers.tasks.bulk_tasks': Operation('bulk', 'Task', None),
    'handlers.tasks.bulk_assign_tasks': Operation('bulk_assign', 'Task', None),
    'handlers.tasks.bulk_status_tasks': Operation('bulk_status', 'Task', None),
    'handlers.tasks.get_task': Operation('get', 'Task', None),
    'handlers.tasks.update_task': Operation('update', 'Task', None),
    'handlers.tasks.delete_task': Operation('delete', 'Task', None),
    'handlers.tasks.restore_task': Operation('restore', 'Task', None),
    'handlers.tasks.purge_task': Operation('purge', 'Task', None),
    'handlers.users.list_users': Operation('list', 'User', None),
    'handlers.users.create_user': Operation('create', 'User', None),
    'handlers.users.get_user': Operation('get', 'User', None),
    'handlers.users.update_user': Operation('update', 'User', None),
    'handlers.accounts.list_accounts_of_client': Operation('list_children', 'Account', 'client_id'),
    'handlers.contacts.list_contacts_of_client': Operation('list_children', 'Contact', 'client_id'),
    'handlers.interactions.list_interactions_of_client': Operation('list_children', 'Interaction', 'client_id'),
    'handlers.notes.list_notes_of_client': Operation('list_children', 'Note', 'client_id'),
    'handlers.projects.list_projects_of_client': Operation('list_children', 'Project', 'client_id'),
    'handlers.tasks.list_tasks_of_client': Operation('list_children', 'Task', 'client_id'),
    'handlers.contacts.list_contacts_of_lead': Operation('list_children', 'Contact', 'lead_id'),
    'handlers.interactions.list_interactions_of_lead': Operation('list_children', 'Interaction', 'lead_id'),
    'handlers.notes.list_notes_of_lead': Operation('list_children', 'Note', 'lead_id'),
    'handlers.projects.list_projects_of_lead': Operation('list_children', 'Project', 'lead_id'),
    'handlers.tasks.list_tasks_of_lead': Operation('list_children', 'Task', 'lead_id'),
    'handlers.interactions.list_interactions_of_project': Operation('list_children', 'Interaction', 'project_id'),
    'handlers.notes.list_notes_of_project': Operation('list_children', 'Note', 'project_id'),
    'handlers.tasks.list_tasks_of_project': Operation('list_children', 'Task', 'project_id'),
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
        parameters=('start_date', 'end_date', 'user_id', 'limit'),
        csv='by_user',
    ),
    'FollowUpsReport': ReportInfo(
        name='FollowUpsReport',
        path='/reports/follow-ups',
        admin_only=False,
        parameters=('start_date', 'end_date', 'user_id', 'inactive_days', 'limit'),
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
        parameters=('days_ahead', 'user_id', 'limit'),
        csv='tasks',
    ),
    'UserActivityReport': ReportInfo(
        name='UserActivityReport',
        path='/reports/user-activity',
        admin_only=True,
        parameters=('start_date', 'end_date', 'user_id', 'limit'),
        csv='users',
    ),
}

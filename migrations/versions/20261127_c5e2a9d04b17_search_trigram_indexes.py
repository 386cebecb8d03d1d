"""search: trigram indexes for the searchable fields

Revision ID: c5e2a9d04b17
Revises: a34b73bd255f
Create Date: 2026-11-27 06:10:00

Written by hand from generated/tables.py (the `trigram: true` indexes of lead, client, project,
contact and account; issue 8 point 8), then checked by tests/db/test_migrations.py against the
generated tables on both databases.

- PostgreSQL: one GIN index per searchable resource over (tenant_id, its searchable text
  columns), tenant_id through btree_gin's uuid operator class, the text through pg_trgm's
  gin_trgm_ops, so `tenant_id = :t AND (name ILIKE '%q%' OR email ILIKE '%q%' ...)` (search and
  the lists' `q`) reads the index instead of every row of the tenant. Both extensions are
  trusted (PostgreSQL 13+): a database owner without superuser may create them.
- SQLite ignores the PostgreSQL options and gets a plain index on the same columns, so the
  metadata stays one for both databases (it serves no contains-search there).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c5e2a9d04b17"
down_revision: str | None = "a34b73bd255f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "deleted_at IS NULL"
INDEXES = [
    # (table, name, text columns, live)
    (
        "leads",
        "ix_leads_tenant_id_name_contact_person_email_trgm_live_90a4c0de",
        ["name", "contact_person", "email"],
        True,
    ),
    (
        "clients",
        "ix_clients_tenant_id_name_contact_person_email_trgm_li_dde31ae3",
        ["name", "contact_person", "email"],
        True,
    ),
    (
        "accounts",
        "ix_accounts_tenant_id_account_number_account_name_trgm",
        ["account_number", "account_name"],
        False,
    ),
    (
        "contacts",
        "ix_contacts_tenant_id_first_name_last_name_email_trgm",
        ["first_name", "last_name", "email"],
        False,
    ),
    (
        "projects",
        "ix_projects_tenant_id_name_primary_contact_name_primar_f6d50db3",
        ["name", "primary_contact_name", "primary_contact_email"],
        True,
    ),
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    for table, name, columns, live in INDEXES:
        where = {"postgresql_where": sa.text(LIVE), "sqlite_where": sa.text(LIVE)} if live else {}
        op.create_index(
            name,
            table,
            ["tenant_id", *columns],
            unique=False,
            postgresql_using="gin",
            postgresql_ops={c: "gin_trgm_ops" for c in columns},
            **where,
        )


def downgrade() -> None:
    for table, name, _, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    # the extensions stay: other objects of the database may use them

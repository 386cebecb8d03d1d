"""lists: ordered indexes for an owner's visible rows

Revision ID: d7f3b1a6e2c8
Revises: c5e2a9d04b17
Create Date: 2026-11-27 08:40:00

Written by hand from generated/tables.py (the indexes lead.json and client.json declare for
issue 12), then checked by tests/db/test_migrations.py against the generated tables on both
databases.

A user's list of an owner-visible resource (leads, clients) is two ordered index scans merged
(`crm/listing.py`: created by the caller, or assigned to them and created by someone else), so
each scan needs its owner column followed by the sort column and `id`: (tenant_id, created_by
| assigned_to, created_at | status [| source], id), live rows only; the assigned_to ones end
with created_by, which that branch's filter reads (an index-only count). They replace the live
(tenant_id, created_by) and (tenant_id, assigned_to) indexes, which they start with.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d7f3b1a6e2c8"
down_revision: str | None = "c5e2a9d04b17"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "deleted_at IS NULL"
# (table, name, columns after tenant_id), as generated/tables.py names them
INDEXES = [
    ("leads", "ix_leads_tenant_id_created_by_created_at_id_live_90a4c0de",
     ["created_by", "created_at", "id"]),
    ("leads", "ix_leads_tenant_id_assigned_to_created_at_id_created_b_3ef748f7",
     ["assigned_to", "created_at", "id", "created_by"]),
    ("leads", "ix_leads_tenant_id_created_by_status_id_live_90a4c0de",
     ["created_by", "status", "id"]),
    ("leads", "ix_leads_tenant_id_assigned_to_status_id_created_by_li_5d60e964",
     ["assigned_to", "status", "id", "created_by"]),
    ("leads", "ix_leads_tenant_id_created_by_source_id_live_90a4c0de",
     ["created_by", "source", "id"]),
    ("leads", "ix_leads_tenant_id_assigned_to_source_id_created_by_li_2f91b9b3",
     ["assigned_to", "source", "id", "created_by"]),
    ("clients", "ix_clients_tenant_id_created_by_created_at_id_live_90a4c0de",
     ["created_by", "created_at", "id"]),
    ("clients", "ix_clients_tenant_id_assigned_to_created_at_id_created_5e681fde",
     ["assigned_to", "created_at", "id", "created_by"]),
    ("clients", "ix_clients_tenant_id_created_by_status_id_live_90a4c0de",
     ["created_by", "status", "id"]),
    ("clients", "ix_clients_tenant_id_assigned_to_status_id_created_by__db4199a5",
     ["assigned_to", "status", "id", "created_by"]),
]  # fmt: skip
# the live (tenant_id, owner) indexes the new ones start with
REPLACED = [
    (table, f"ix_{table}_tenant_id_{owner}_live_90a4c0de", [owner])
    for table in ("leads", "clients")
    for owner in ("assigned_to", "created_by")
]


def _live(table: str, name: str, columns: list[str]) -> None:
    op.create_index(
        name,
        table,
        ["tenant_id", *columns],
        postgresql_where=sa.text(LIVE),
        sqlite_where=sa.text(LIVE),
    )


def upgrade() -> None:
    for table, name, _ in REPLACED:
        op.drop_index(name, table_name=table)
    for table, name, columns in INDEXES:
        _live(table, name, columns)


def downgrade() -> None:
    for table, name, _ in INDEXES:
        op.drop_index(name, table_name=table)
    for table, name, columns in REPLACED:
        _live(table, name, columns)

"""reports: indexes for a user's view, chosen from the report plans (bench/results/reports.md)

Revision ID: e7a07c8a3003
Revises: d7f3b1e92a60
Create Date: 2026-11-27 11:40:00

Written by hand from generated/tables.py (contracts lead.json and client.json), checked by
tests/db/test_migrations.py against the generated tables on both databases.

- leads and clients (tenant_id, created_by) and (tenant_id, assigned_to), the indexes of their
  foreign keys, become (tenant_id, created_by, id) and (tenant_id, assigned_to, created_by,
  id): a user's report reads the ids of the leads and clients they can see
  (crm.statements.visible_ids, any trash state) as two index-only scans, where the OR of the
  owner rule read a heap page per lead (6,000 of them for the bench user). Still the foreign
  keys' indexes: the old columns lead.
- leads and clients (tenant_id, created_by, name, id) and (tenant_id, assigned_to, name, id,
  created_by), live: follow-ups lists a user's never-contacted leads and clients by name, one
  ordered walk per branch of the owner rule, stopping at `limit` (as a user's lists do).
- interactions (tenant_id, follow_up_status, follow_up_at) gains the parents, created_by and
  id: follow-ups counts a user's overdue follow-ups (visibility goes through the parents and
  the creator) in an index-only scan, instead of a heap page per open follow-up of the tenant
  (4,000 pages for the bench tenant). Still the index of upcoming-tasks' follow-up window.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e7a07c8a3003"
down_revision: str | None = "d7f3b1e92a60"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "deleted_at IS NULL"
TABLES = ("leads", "clients")
# (old name, old columns) -> (new name, new columns), per table
OWNERS = [
    (("created_by", ["created_by"]), ("created_by_id", ["created_by", "id"])),
    (("assigned_to", ["assigned_to"]), ("assigned_to_created_by_id", ["assigned_to", "created_by", "id"])),
]
FOLLOW_UPS_OLD = "ix_interactions_tenant_id_follow_up_status_follow_up_at"
FOLLOW_UPS_NEW = "ix_interactions_tenant_id_follow_up_status_follow_up_a_acae8f7e"
FOLLOW_UPS = ["tenant_id", "follow_up_status", "follow_up_at"]
FOLLOW_UPS_COVERING = [*FOLLOW_UPS, "client_id", "lead_id", "project_id", "created_by", "id"]
BY_NAME = {
    "leads": [
        ("ix_leads_tenant_id_created_by_name_id_live_90a4c0de", ["created_by", "name", "id"]),
        (
            "ix_leads_tenant_id_assigned_to_name_id_created_by_live_90a4c0de",
            ["assigned_to", "name", "id", "created_by"],
        ),
    ],
    "clients": [
        ("ix_clients_tenant_id_created_by_name_id_live_90a4c0de", ["created_by", "name", "id"]),
        (
            "ix_clients_tenant_id_assigned_to_name_id_created_by_li_70f96d54",
            ["assigned_to", "name", "id", "created_by"],
        ),
    ],
}


def upgrade() -> None:
    for table in TABLES:
        for (old, _), (new, columns) in OWNERS:
            op.create_index(f"ix_{table}_tenant_id_{new}", table, ["tenant_id", *columns])
            op.drop_index(f"ix_{table}_tenant_id_{old}", table_name=table)
        for name, columns in BY_NAME[table]:
            op.create_index(
                name,
                table,
                ["tenant_id", *columns],
                postgresql_where=sa.text(LIVE),
                sqlite_where=sa.text(LIVE),
            )
    op.create_index(FOLLOW_UPS_NEW, "interactions", FOLLOW_UPS_COVERING)
    op.drop_index(FOLLOW_UPS_OLD, table_name="interactions")


def downgrade() -> None:
    op.create_index(FOLLOW_UPS_OLD, "interactions", FOLLOW_UPS)
    op.drop_index(FOLLOW_UPS_NEW, table_name="interactions")
    for table in TABLES:
        for name, _ in BY_NAME[table]:
            op.drop_index(name, table_name=table)
        for (old, columns), (new, _) in OWNERS:
            op.create_index(f"ix_{table}_tenant_id_{old}", table, ["tenant_id", *columns])
            op.drop_index(f"ix_{table}_tenant_id_{new}", table_name=table)

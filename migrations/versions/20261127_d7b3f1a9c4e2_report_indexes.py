"""reports: indexes chosen from the report plans (bench/results/reports.md)

Revision ID: d7b3f1a9c4e2
Revises: d7f3b1a6e2c8
Create Date: 2026-11-27 08:35:00

Written by hand from generated/tables.py (contracts lead.json and interaction.json), checked
by tests/db/test_migrations.py against the generated tables on both databases.

- leads (tenant_id, status) live becomes (tenant_id, status, source, assigned_to, created_at,
  converted_at) live: still the status filter's index, and now it holds every column the lead
  figures of pipeline, lead-source and conversion-rate read, so an admin's report over a
  100k-lead tenant is an index-only scan instead of a visit to every heap page.
- interactions (tenant_id, client_id) and (tenant_id, lead_id) gain contact_date: the latest
  contact and "any contact since the cutoff" of follow-ups and client-retention become one
  index probe per client or lead (and the children lists still use the prefix).
- leads and clients (tenant_id, name) live: follow-ups lists the never-contacted by name and
  stops at `limit` (and the lists sorted by name read it too).
- interactions (tenant_id, follow_up_status, follow_up_at): open follow-ups due before now
  (follow-ups) or within the window (upcoming-tasks) without reading closed ones.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d7b3f1a9c4e2"
down_revision: str | None = "d7f3b1a6e2c8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "deleted_at IS NULL"
LEADS_STATUS_OLD = "ix_leads_tenant_id_status_live_90a4c0de"
LEADS_STATUS_NEW = "ix_leads_tenant_id_status_source_assigned_to_created_a_9ef9c17f"
LEADS_STATUS_COLUMNS = [
    "tenant_id",
    "status",
    "source",
    "assigned_to",
    "created_at",
    "converted_at",
]
# (old name, old columns) -> (new name, new columns) on interactions
INTERACTIONS = [
    (
        ("ix_interactions_tenant_id_client_id", ["tenant_id", "client_id"]),
        (
            "ix_interactions_tenant_id_client_id_contact_date",
            ["tenant_id", "client_id", "contact_date"],
        ),
    ),
    (
        ("ix_interactions_tenant_id_lead_id", ["tenant_id", "lead_id"]),
        (
            "ix_interactions_tenant_id_lead_id_contact_date",
            ["tenant_id", "lead_id", "contact_date"],
        ),
    ),
]
FOLLOW_UPS = "ix_interactions_tenant_id_follow_up_status_follow_up_at"
BY_NAME = {
    "leads": "ix_leads_tenant_id_name_live_90a4c0de",
    "clients": "ix_clients_tenant_id_name_live_90a4c0de",
}


def _live(name: str, columns: list[str], table: str = "leads") -> None:
    op.create_index(
        name, table, columns, postgresql_where=sa.text(LIVE), sqlite_where=sa.text(LIVE)
    )


def upgrade() -> None:
    _live(LEADS_STATUS_NEW, LEADS_STATUS_COLUMNS)
    op.drop_index(LEADS_STATUS_OLD, table_name="leads")
    for (old, _), (new, columns) in INTERACTIONS:
        op.create_index(new, "interactions", columns)
        op.drop_index(old, table_name="interactions")
    op.create_index(FOLLOW_UPS, "interactions", ["tenant_id", "follow_up_status", "follow_up_at"])
    for table, name in BY_NAME.items():
        _live(name, ["tenant_id", "name"], table)


def downgrade() -> None:
    for table, name in BY_NAME.items():
        op.drop_index(name, table_name=table)
    op.drop_index(FOLLOW_UPS, table_name="interactions")
    for (old, columns), (new, _) in INTERACTIONS:
        op.create_index(old, "interactions", columns)
        op.drop_index(new, table_name="interactions")
    _live(LEADS_STATUS_OLD, ["tenant_id", "status"])
    op.drop_index(LEADS_STATUS_NEW, table_name="leads")

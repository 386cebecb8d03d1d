"""row-level security: the second tenancy wall (PostgreSQL only)

Revision ID: d7f3b1e92a60
Revises: d7b3f1a9c4e2
Create Date: 2026-11-27 08:30:00

Written by hand (docs/architecture.md, "Tenancy and visibility", wall 2). On PostgreSQL:

- every tenant table (each table with `tenant_id`, and `tenants` itself by `id`) gets row-level
  security, FORCEd so that even the tables' owner is held by it, and one policy `tenant_wall`
  for every role: a row is visible, and may be written, only when its tenant is the
  transaction's `app.tenant_id` (crm.db sets it with `set_config(..., true)` in the same
  transaction as the statements of a request). No setting, no rows: a statement that forgets
  its tenant filter returns nothing rather than every tenant's data.
- `crm_app` (NOLOGIN): the privileges the application needs (rows, never DDL). The application
  logs in as a role that is a member of it and owns nothing (`CREATE ROLE crm_web LOGIN
  PASSWORD '...' IN ROLE crm_app`); migrations and operator commands run as the owner
  (MIGRATION_DATABASE_URL), a superuser or a role with BYPASSRLS.
- `crm_login` (NOLOGIN): the one narrow way across the wall. Login knows only an email (and
  perhaps a tenant slug) before it knows the tenant. `crm_login_tenants(email, slug)`, a
  SECURITY DEFINER function owned by `crm_login`, answers the ids of the tenants where that
  email has an account, and nothing else; `crm_login` may read only users' (tenant_id, email)
  and tenants' (id, slug), through a SELECT-only policy for that role. The application then
  reads each candidate under that tenant's wall. Refresh needs nothing of the kind: a refresh
  token names its tenant.

Roles belong to the cluster, not the database: they are created when missing and never
dropped by the downgrade (other databases of the cluster may use them). SQLite: nothing.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "d7f3b1e92a60"
down_revision: str | None = "d7b3f1a9c4e2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, the column holding its tenant) at this revision; a later migration that adds a tenant
# table adds its policy too (tests/db/test_row_level_security.py fails otherwise).
TABLES = [
    ("tenants", "id"),
    ("users", "tenant_id"),
    ("auth_sessions", "tenant_id"),
    ("refresh_tokens", "tenant_id"),
    ("leads", "tenant_id"),
    ("clients", "tenant_id"),
    ("accounts", "tenant_id"),
    ("contacts", "tenant_id"),
    ("projects", "tenant_id"),
    ("interactions", "tenant_id"),
    ("notes", "tenant_id"),
    ("tasks", "tenant_id"),
]
# '' once a transaction-local value has ended; NULL when never set: both mean "no tenant".
CURRENT_TENANT = "NULLIF(current_setting('app.tenant_id', true), '')::uuid"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_app') THEN
                CREATE ROLE crm_app NOLOGIN;
            END IF;
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_login') THEN
                CREATE ROLE crm_login NOLOGIN;
            END IF;
            -- ALTER FUNCTION ... OWNER TO needs membership unless the migrator is a superuser.
            IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                EXECUTE format('GRANT crm_login TO %I', current_user);
            END IF;
        END
        $$
        """
    )
    for table, column in TABLES:
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO crm_app")
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY tenant_wall ON {table} "
            f"USING ({column} = {CURRENT_TENANT}) WITH CHECK ({column} = {CURRENT_TENANT})"
        )
    # `crm serve` checks the schema is migrated.
    op.execute("GRANT SELECT ON alembic_version TO crm_app")

    # Login's one way across: tenant ids for an email, nothing more.
    op.execute("GRANT SELECT (tenant_id, email) ON users TO crm_login")
    op.execute("GRANT SELECT (id, slug) ON tenants TO crm_login")
    for table in ("users", "tenants"):
        op.execute(f"CREATE POLICY login_lookup ON {table} FOR SELECT TO crm_login USING (true)")
    op.execute(
        """
        CREATE FUNCTION crm_login_tenants(p_email text, p_slug text) RETURNS TABLE (tenant_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, public
        AS $$
            SELECT u.tenant_id
            FROM public.users u JOIN public.tenants t ON t.id = u.tenant_id
            WHERE u.email = p_email AND (p_slug IS NULL OR t.slug = p_slug)
        $$
        """
    )
    op.execute("ALTER FUNCTION crm_login_tenants(text, text) OWNER TO crm_login")
    op.execute("REVOKE ALL ON FUNCTION crm_login_tenants(text, text) FROM PUBLIC")
    op.execute("GRANT EXECUTE ON FUNCTION crm_login_tenants(text, text) TO crm_app")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION IF EXISTS crm_login_tenants(text, text)")
    for table in ("users", "tenants"):
        op.execute(f"DROP POLICY IF EXISTS login_lookup ON {table}")
    op.execute("REVOKE ALL ON users, tenants FROM crm_login")
    op.execute("REVOKE ALL ON alembic_version FROM crm_app")
    for table, _ in TABLES:
        op.execute(f"DROP POLICY IF EXISTS tenant_wall ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute(f"REVOKE ALL ON {table} FROM crm_app")

"""The row-level-security switch and the owner URL (crm.settings, crm.db.for_tenant)."""

from __future__ import annotations

import uuid

import pytest

from crm.db import PostgresDatabase, open_database
from crm.settings import Settings, SettingsError

PG = "postgresql://crm_web@127.0.0.1:1/crm"


def test_row_security_is_on_unless_switched_off() -> None:
    assert Settings.from_env({}).db_row_security is True
    assert Settings.from_env({"DB_ROW_SECURITY": "OFF"}).db_row_security is False
    with pytest.raises(SettingsError, match="DB_ROW_SECURITY"):
        Settings.from_env({"DB_ROW_SECURITY": "maybe"})


def test_for_tenant_binds_a_tenant_only_when_the_wall_is_on() -> None:
    tenant = uuid.uuid4()
    walled = open_database(Settings.from_env({"DATABASE_URL": PG}))
    assert isinstance(walled, PostgresDatabase)
    assert walled.row_security
    assert walled.for_tenant(tenant) is not walled
    open_ = open_database(Settings.from_env({"DATABASE_URL": PG, "DB_ROW_SECURITY": "off"}))
    assert open_.for_tenant(tenant) is open_
    sqlite = open_database(Settings.from_env({"DATABASE_URL": "sqlite:///:memory:"}))
    assert not sqlite.row_security
    assert sqlite.for_tenant(tenant) is sqlite


def test_operator_commands_use_the_owner_url() -> None:
    owner = "postgresql://owner@127.0.0.1:1/crm"
    settings = Settings.from_env({"DATABASE_URL": PG, "MIGRATION_DATABASE_URL": owner})
    assert settings.owner_database_url == owner
    assert Settings.from_env({"DATABASE_URL": PG}).owner_database_url == PG

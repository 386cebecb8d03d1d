"""Shared pytest setup. Fixtures live in tests/fixtures/ and are loaded as plugins."""

pytest_plugins = ["tests.fixtures.postgres", "tests.fixtures.redis"]

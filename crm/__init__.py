"""The runtime core: app factory, settings, database, tenant scope, auth, errors."""

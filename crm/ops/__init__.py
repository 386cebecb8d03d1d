"""Operator tools behind the `crm` command that act on a whole database or a whole tenant.

```
backup.py        crm backup / crm restore: pg_dump custom format, a .sha256 beside it, retention
tenant_data.py   crm tenant export (JSON lines) / crm tenant delete (one transaction)
```
"""

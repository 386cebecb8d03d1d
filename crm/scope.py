"""The one door to tenant tables: a `Scope` per request, built from the verified token.

Handlers read and write tenant data only through a Scope. Every statement it runs
(`crm.statements`, `crm.listing`) carries, from the Scope and never from the request:

- `tenant_id = <token's tenant>` — another tenant's record does not exist for the caller;
- the visibility rule of the contract (`x-resource.visibility`) — for leads and clients, the
  records the caller created or is assigned to, on list, get, update, delete and restore alike;
- the session guard — the session is live, the user active with the token's role, the tenant
  active — so revocation and deactivation take effect on the very next request.

Admins: normal lists show them the same as anyone (their own and assigned records); the
admin-only `.../all` lists show the whole tenant (`everyone=True`), and operations by id
(get, update, delete, restore, purge, assign) reach any record of their tenant, as in the
original backend (an admin must be able to open what the tenant-wide list shows them).

A record that is not there, belongs to another tenant or is invisible answers 404, never 403,
so its existence does not leak. When a statement matches nothing, one extra statement tells a
missing record (404) from a session that is no longer valid (401).
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any, NoReturn

from crm import listing, statements
from crm.db import Database, Row
from crm.errors import BadRequest, Forbidden, NotFound, Unauthorized
from crm.ids import new_id
from crm.listing import ListRequest
from generated import tables
from generated.python.models import Role
from generated.python.resources import RESOURCES, ResourceInfo
from generated.python.schemas import schema_for

ADMIN = Role.admin.value


@dataclass(frozen=True)
class Page:
    items: list[Row]
    total: int | None
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class Scope:
    db: Database
    tenant_id: uuid.UUID
    user_id: uuid.UUID
    role: str
    session_id: uuid.UUID

    @classmethod
    def from_claims(cls, db: Database, claims: Mapping[str, Any]) -> Scope:
        """The Scope of a verified token (crm.auth.decode_token checked every claim)."""
        try:
            return cls(
                db=db,
                tenant_id=uuid.UUID(claims["tenant_id"]),
                user_id=uuid.UUID(claims["sub"]),
                role=claims["role"],
                session_id=uuid.UUID(claims["sid"]),
            )
        except (KeyError, ValueError, TypeError):
            raise Unauthorized() from None

    @property
    def is_admin(self) -> bool:
        return bool(self.role == ADMIN)

    def require_admin(self) -> None:
        if not self.is_admin:
            raise Forbidden("Only an administrator can do this.")

    def params(self, **values: Any) -> dict[str, Any]:
        """The Scope's own parameters, which every scoped statement takes, plus `values`."""
        return {
            "_tid": self.tenant_id,
            "_uid": self.user_id,
            "_sid": self.session_id,
            "_role": self.role,
            **values,
        }

    async def ensure_session(self) -> None:
        """401 unless the session, the user (with this role) and the tenant are all live."""
        row = await self.db.fetch_one(statements.guard_only(), self.params())
        if row is None or not row["ok"]:
            raise Unauthorized()

    async def _missing(self) -> NoReturn:
        await self.ensure_session()
        raise NotFound("There is no such record, or you cannot see it.")

    def _list_visibility(self, resource: ResourceInfo, everyone: bool) -> bool:
        """Whether a list applies the visibility predicate: not for the admin-wide `/all`
        lists, nor for admin-only resources (users), both of which need an admin."""
        if everyone or resource.visibility == "admin":
            self.require_admin()
            return False
        return True

    def _by_id_visibility(self, resource: ResourceInfo) -> bool:
        """Whether operations by id on `resource` apply the visibility predicate."""
        if resource.visibility == "admin":
            self.require_admin()
        return not self.is_admin

    # --- reading ------------------------------------------------------------------------

    async def list(
        self, resource: ResourceInfo, request: ListRequest, *, everyone: bool = False
    ) -> Page:
        """One page. At most 3 statements: the page, the total if asked, and the session
        check only when the page is empty (an empty page cannot tell "no rows" from "no
        session")."""
        visible = self._list_visibility(resource, everyone)
        params = self.params(**request.params())
        items = await self.db.fetch_all(
            listing.page_query(resource, request, visible=visible), params
        )
        total = None
        if request.include_total:
            row = await self.db.fetch_one(
                listing.count_query(resource, request, visible=visible), params
            )
            total = int(row["total"]) if row else 0
        if not items:
            await self.ensure_session()
        return Page(items, total, request.next_cursor(items))

    async def export(
        self, resource: ResourceInfo, request: ListRequest, *, everyone: bool = False
    ) -> builtins.list[Row]:
        """Every matching record, for text/csv."""
        visible = self._list_visibility(resource, everyone)
        rows = await self.db.fetch_all(
            listing.export_query(resource, request, visible=visible),
            self.params(**request.params()),
        )
        if not rows:
            await self.ensure_session()
        return rows

    async def get(self, resource: ResourceInfo, id: str | uuid.UUID) -> Row:
        visible = self._by_id_visibility(resource)
        row = await self.db.fetch_one(statements.get(resource, visible=visible), self.params(id=id))
        return row if row is not None else await self._missing()

    # --- writing ------------------------------------------------------------------------

    async def create(
        self,
        resource: ResourceInfo,
        values: Mapping[str, Any],
        *,
        server_values: Mapping[str, Any] | None = None,
    ) -> Row:
        """Insert `values` (a validated body) plus `server_values` (set by the handler, e.g.
        converted_at); id, tenant_id, created_by and the timestamps come from here. The
        contract's Create variant refuses server fields in a body (readOnly); so does this."""
        if resource.visibility == "admin":
            self.require_admin()
        _refuse_server_fields(resource, values)
        now = datetime.now(UTC)
        values = {**create_defaults(resource.name), **values, **(server_values or {})}
        row = await self.db.fetch_one(
            statements.insert(resource, list(values)),
            self.params(**values, id=new_id(), created_at=now, updated_at=now),
        )
        if row is None:
            raise Unauthorized()  # nothing inserted: only the session guard can refuse
        return row

    async def update(
        self,
        resource: ResourceInfo,
        id: str | uuid.UUID,
        values: Mapping[str, Any],
        *,
        set_if_null: Mapping[str, Any] | None = None,
    ) -> Row:
        """Change `values`; `set_if_null` columns change only while they are still null."""
        _refuse_server_fields(resource, values)
        return await self._update(resource, id, values, set_if_null or {})

    async def _update(
        self,
        resource: ResourceInfo,
        id: str | uuid.UUID,
        values: Mapping[str, Any],
        set_if_null: Mapping[str, Any],
    ) -> Row:
        visible = self._by_id_visibility(resource)
        row = await self.db.fetch_one(
            statements.update(
                resource, list(values), visible=visible, set_if_null=list(set_if_null)
            ),
            self.params(**values, **set_if_null, id=id, _now=datetime.now(UTC)),
        )
        return row if row is not None else await self._missing()

    async def delete(self, resource: ResourceInfo, id: str | uuid.UUID) -> None:
        """Soft delete: the record moves to the trash (restore and purge act on it there)."""
        visible = self._by_id_visibility(resource)
        row = await self.db.fetch_one(
            statements.set_deleted(resource, visible=visible, delete=True),
            self.params(id=id, _now=datetime.now(UTC)),
        )
        if row is None:
            await self._missing()

    async def restore(self, resource: ResourceInfo, id: str | uuid.UUID) -> Row:
        visible = self._by_id_visibility(resource)
        row = await self.db.fetch_one(
            statements.set_deleted(resource, visible=visible, delete=False),
            self.params(id=id, _now=datetime.now(UTC)),
        )
        return row if row is not None else await self._missing()

    async def purge(self, resource: ResourceInfo, id: str | uuid.UUID) -> None:
        """Delete a trashed record for good (admins), clearing set-null references first."""
        self.require_admin()
        params = self.params(id=id, id_0=id)
        async with self.db.transaction() as tx:
            for table_name, column in tables.SET_NULL_ON_DELETE.get(resource.table, ()):
                await tx.execute(
                    statements.clear_references(table_name, column, resource, 1), params
                )
            row = await tx.fetch_one(statements.purge(resource), params)
        if row is None:
            await self._missing()

    async def assign(self, resource: ResourceInfo, id: str | uuid.UUID, user_id: str | None) -> Row:
        """Set or clear `assigned_to` (admins); the assignee must be an active user here."""
        self.require_admin()
        if user_id is not None:
            user = await self.db.fetch_one(
                statements.get(_USER, visible=False, deleted=None), self.params(id=user_id)
            )
            if user is None or not user["is_active"]:
                raise BadRequest(
                    "The assignee must be an active user of your organisation.",
                    {"errors": [{"in": "body", "path": "/assigned_to"}]},
                )
        return await self._update(resource, id, {"assigned_to": user_id}, {})

    async def bulk(self, resource: ResourceInfo, action: str, ids: Sequence[str]) -> int:
        """Bulk delete / restore / purge (admins); how many records changed.

        Ids that are not in the tenant, or not in the state the action needs, are skipped:
        the count says how many were acted on.
        """
        self.require_admin()
        unique = list(dict.fromkeys(ids))
        params = self.params(**{f"id_{i}": v for i, v in enumerate(unique)}, _now=datetime.now(UTC))
        async with self.db.transaction() as tx:
            if action == "purge":
                for table_name, column in tables.SET_NULL_ON_DELETE.get(resource.table, ()):
                    await tx.execute(
                        statements.clear_references(table_name, column, resource, len(unique)),
                        params,
                    )
            rows = await tx.fetch_all(statements.bulk(resource, action, len(unique)), params)
        if not rows:
            await self.ensure_session()
        return len(rows)


_USER = RESOURCES["User"]


@cache
def create_defaults(name: str) -> dict[str, Any]:
    """The contract's defaults for a create body (`LeadCreate`: status new, phone_label work).

    Request validation checks a body but does not fill its defaults; the database has none
    (the contract is the one place that says them), so they are applied here.
    """
    schema = schema_for(f"{name}Create")["$defs"][f"{name}Create"]
    return {k: v["default"] for k, v in schema["properties"].items() if "default" in v}


def _refuse_server_fields(resource: ResourceInfo, values: Mapping[str, Any]) -> None:
    """Defence in depth behind the contract: a body never sets a readOnly field."""
    server = sorted(set(values) & set(resource.read_only))
    if server:
        raise BadRequest(
            "These fields are set by the server and cannot be sent.",
            {"errors": [{"in": "body", "path": f"/{name}"} for name in server]},
        )

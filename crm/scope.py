"""The one door to tenant tables: a `Scope` per request, built from the verified token.

Handlers read and write tenant data only through a Scope. Every statement it runs
(`crm.statements`, `crm.listing`) carries, from the Scope and never from the request:

- `tenant_id = <token's tenant>` — another tenant's record does not exist for the caller;
- the visibility rule of the contract (`x-resource.visibility`, `crm.statements.
  visible_to_caller`) — leads and clients: the records the caller created or is assigned to;
  the records hanging off them (projects, contacts, interactions, notes, tasks...): whoever
  sees the parent — on list, get, update, delete and restore alike;
- the session guard — the session is live, the user active with the token's role, the tenant
  active — so revocation and deactivation take effect on the very next request.

Admins: normal lists show them the same as anyone (their own and assigned records); the
admin-only `.../all` lists show the whole tenant (`everyone=True`), and operations by id
(get, update, delete, restore, purge, assign) reach any record of their tenant, as in the
original backend (an admin must be able to open what the tenant-wide list shows them).

A record that is not there, belongs to another tenant or is invisible answers 404, never 403,
so its existence does not leak. When a statement matches nothing, one extra statement tells a
missing record (404) from a session that is no longer valid (401). A reference in a body or a
list filter (a parent's id, a source lead, an assignee) must name a record the caller may use:
400 naming the field otherwise, so nothing is ever linked to what the caller cannot see.

Operations of several statements run in one unit of work, `async with scope.atomic() as uow:`
(bulk, purge with dependents, conversion, an update that moves a record to another parent).
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any, NoReturn

from crm import listing, statements
from crm.db import Database, Executor, Row
from crm.errors import BadRequest, Conflict, Forbidden, NotFound, Unauthorized
from crm.ids import new_id
from crm.listing import Cursor, ListRequest
from generated.python.models import Role
from generated.python.resources import RESOURCES, ResourceInfo
from generated.python.schemas import schema_for

ADMIN = Role.admin.value
EXPORT_BATCH = 1000  # rows per statement of a CSV export
NOT_VISIBLE = "There is no such record, or you cannot see it."


@dataclass(frozen=True)
class Page:
    items: list[Row]
    total: int | None
    next_cursor: str | None


# What a bulk action needs of each record: (trashed state, or None for any)
BULK_STATE: dict[str, bool | None] = {
    "delete": False,
    "restore": True,
    "purge": True,
    "assign": False,
    "status": False,
}


@lru_cache(maxsize=4096)
def _token_ids(tenant: str, user: str, session: str) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    # A client sends the same token on every request of its session: its ids are parsed once.
    return uuid.UUID(tenant), uuid.UUID(user), uuid.UUID(session)


@dataclass(frozen=True, slots=True)
class Scope:
    db: Executor
    tenant_id: uuid.UUID
    user_id: uuid.UUID
    role: str
    session_id: uuid.UUID

    @classmethod
    def from_claims(cls, db: Executor, claims: Mapping[str, Any]) -> Scope:
        """The Scope of a verified token (crm.auth.decode_token checked every claim).

        The one place a request's tenant reaches the database: besides the `tenant_id = :tenant`
        of every statement (wall 1), the Scope's executor opens PostgreSQL's row-level security
        for this tenant only, in every transaction it runs (wall 2, `Database.for_tenant`)."""
        try:
            tenant_id, user_id, session_id = _token_ids(
                claims["tenant_id"], claims["sub"], claims["sid"]
            )
            return cls(
                db=db.for_tenant(tenant_id) if isinstance(db, Database) else db,
                tenant_id=tenant_id,
                user_id=user_id,
                role=claims["role"],
                session_id=session_id,
            )
        except (KeyError, ValueError, TypeError):
            raise Unauthorized() from None

    @asynccontextmanager
    async def atomic(self) -> AsyncIterator[Scope]:
        """A unit of work: the Scope it yields runs every statement in one transaction,
        committed at the end of the block and rolled back on any error. Every statement still
        carries the tenant, the visibility and the session guard. Nested blocks join the
        outer transaction. Inside the block use only the yielded Scope (on SQLite, the outer
        one would wait for the transaction's own lock: crm.db refuses that instead)."""
        async with self.db.transaction() as tx:
            yield replace(self, db=tx)

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
        raise NotFound(NOT_VISIBLE)

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
        """One page. At most 3 statements: the check of the referenced records the filters
        name (when they name any: a parent's children are listed only when the caller sees
        the parent), the page, and the total if asked; a cursor adds the read of its record.
        Without such a check, an empty page is followed by a session check (an empty page
        cannot tell "no rows" from "no session")."""
        visible = self._list_visibility(resource, everyone)
        checked = await self._check_filter_references(resource, request, visible)
        if request.after is not None:
            request = await self._position(resource, request, visible)
            checked = True
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
        if not items and not checked:
            await self.ensure_session()
        return Page(items, total, request.next_cursor(items))

    async def _position(
        self, resource: ResourceInfo, request: ListRequest, visible: bool
    ) -> ListRequest:
        """The request with the keyset position of its cursor: the sort value and id of the
        record it names, read under the list's own visibility, live or in the trash (a record
        deleted since its page was read still marks the place). A record the caller cannot
        see is a 404, as by id: its sort value must not leak through the page that follows."""
        row = await self.db.fetch_one(
            statements.get(resource, visible=visible, deleted=None),
            self.params(id=request.after),
        )
        if row is None:
            await self.ensure_session()
            raise NotFound(
                "The cursor names no record you can see: request the first page again.",
                {"in": "parameters", "errors": [{"in": "query", "path": "/cursor"}]},
            )
        return replace(request, cursor=Cursor(row[request.sort_by], str(row["id"])))

    async def export(
        self, resource: ResourceInfo, request: ListRequest, *, everyone: bool = False
    ) -> AsyncIterator[builtins.list[Row]]:
        """Every matching record, for text/csv, in batches of EXPORT_BATCH rows: keyset pages
        in the list's order, each one statement (tenant, visibility, guard), so memory stays
        flat however many rows match and no connection is held between batches.

        The checks and the first batch run before this returns, so a refusal (401, 403, a
        filter naming an invisible record) is an error answer, not a broken stream."""
        visible = self._list_visibility(resource, everyone)
        checked = await self._check_filter_references(resource, request, visible)
        page = replace(request, limit=EXPORT_BATCH, offset=0, cursor=None)
        first = await self._export_batch(resource, page, visible)
        if not first and not checked:
            await self.ensure_session()

        async def batches() -> AsyncIterator[builtins.list[Row]]:
            rows, current = first, page
            while rows:
                yield rows
                if len(rows) < current.limit:
                    return
                last = rows[-1]
                current = replace(current, cursor=Cursor(last[current.sort_by], str(last["id"])))
                rows = await self._export_batch(resource, current, visible)

        return batches()

    async def _export_batch(
        self, resource: ResourceInfo, page: ListRequest, visible: bool
    ) -> builtins.list[Row]:
        return await self.db.fetch_all(
            listing.page_query(resource, page, visible=visible), self.params(**page.params())
        )

    async def _check_filter_references(
        self, resource: ResourceInfo, request: ListRequest, visible: bool
    ) -> bool:
        """Refuse a filter naming a record the caller cannot see (e.g. client_id=<another
        user's client>): 404 for the parent of a children list, else a 400 naming the
        parameter. Whether a statement ran (it also proved the session valid)."""
        values = request.reference_filters(resource)
        if not values:
            return False
        bad = await self._invisible_references(resource, values, visible=visible)
        if bad and request.parent in bad:
            raise NotFound(NOT_VISIBLE)
        if bad:
            # 404 as for the children list /clients/{id}/tasks, which asks the same question
            raise NotFound(
                "These filters name records that do not exist or that you cannot see.",
                {"in": "parameters", "errors": [{"in": "query", "path": f"/{f}"} for f in bad]},
            )
        return True

    async def _invisible_references(
        self, resource: ResourceInfo, values: Mapping[str, Any], *, visible: bool
    ) -> builtins.list[str]:
        """Which of the referenced ids in `values` the caller may not link to or filter by."""
        row = await self.db.fetch_one(
            statements.references_visible(resource, list(values), visible=visible),
            self.params(**values),
        )
        if row is None:
            raise Unauthorized()  # the statement only returns no row when the guard fails
        return sorted(f for f in values if not row[f])

    async def get(self, resource: ResourceInfo, id: str | uuid.UUID) -> Row:
        visible = self._by_id_visibility(resource)
        row = await self.db.fetch_one(statements.get(resource, visible=visible), self.params(id=id))
        return row if row is not None else await self._missing()

    async def search(
        self, resources: Sequence[ResourceInfo], q: str, limit: int
    ) -> builtins.list[dict[str, Any]]:
        """GET /api/search: per resource, up to `limit` live matches, newest first, with the
        first searchable field that matched. One statement per resource. Users see what their
        lists show them; admins the whole tenant (they may open any record of it by id)."""
        params = self.params(q=listing.like_pattern(q), limit=limit + 1, offset=0)
        groups = []
        for resource in resources:
            rows = await self.db.fetch_all(
                listing.search_query(resource, visible=not self.is_admin), params
            )
            items = []
            for row in rows[:limit]:
                field = next(f for f in resource.searchable if row[f"m_{f}"])
                first = row[resource.searchable[0]]
                items.append(
                    {
                        "id": row["id"],
                        "label": first if first is not None else "",
                        "field": field,
                        "text": row[field],
                    }
                )
            groups.append(
                {
                    "type": resource.name,
                    "path": resource.path,
                    "items": items,
                    "has_more": len(rows) > limit,
                }
            )
        if not any(g["items"] for g in groups):
            await self.ensure_session()
        return groups

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
        contract's Create variant refuses server fields in a body (readOnly); so does this.
        Referenced records (a parent, a source lead, an assignee) must be ones the caller may
        link to: a 409 naming the field otherwise, never a link."""
        if resource.visibility == "admin":
            self.require_admin()
        _refuse_server_fields(resource, values)
        now = datetime.now(UTC)
        values = {**create_defaults(resource.name), **values, **(server_values or {})}
        await self._check_body_references(resource, values)
        row = await self.db.fetch_one(
            statements.insert(resource, list(values)),
            self.params(**values, id=new_id(), created_at=now, updated_at=now),
        )
        if row is None:
            raise Unauthorized()  # nothing inserted: only the session guard can refuse
        return row

    async def _check_body_references(
        self, resource: ResourceInfo, values: Mapping[str, Any]
    ) -> None:
        linked = {
            ref.field: values[ref.field]
            for ref in resource.references
            if values.get(ref.field) is not None
        }
        if not linked:
            return
        bad = await self._invisible_references(resource, linked, visible=not self.is_admin)
        if bad:
            # The body is well formed (the spec says a uuid); what it names is not usable in
            # the current state: 409, the same whether it never existed or is not the
            # caller's to see (existence does not leak). Not 404: the target resource (the
            # collection, the record being changed) exists.
            raise Conflict(
                "These fields refer to records that do not exist or that you cannot use here.",
                {"errors": [{"in": "body", "path": f"/{f}"} for f in bad]},
            )

    async def update(
        self,
        resource: ResourceInfo,
        id: str | uuid.UUID,
        values: Mapping[str, Any],
        *,
        server_values: Mapping[str, Any] | None = None,
        set_if_null: Mapping[str, Any] | None = None,
    ) -> Row:
        """Change `values` (a validated body) and `server_values` (set by the handler, e.g. a
        task's completed_at); `set_if_null` columns change only while they are still null.

        A body that changes a parent is checked against the stored record (how many parents
        it then has), in one unit of work with the update: the body alone already obeys the
        parent count (the spec states it), so a breach here comes from the stored state (409)."""
        _refuse_server_fields(resource, values)
        values = {**values, **(server_values or {})}
        if not any(f in values for f in _parent_fields(resource)):
            await self._check_body_references(resource, values)
            return await self._update(resource, id, values, set_if_null or {})
        async with self.atomic() as uow:
            current = await uow.get(resource, id)
            _check_parent_count(resource, {**current, **values})
            await uow._check_body_references(resource, values)
            return await uow._update(resource, id, values, set_if_null or {})

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
        return row if row is not None else await self._not_changed(resource, id)

    async def _not_changed(self, resource: ResourceInfo, id: str | uuid.UUID) -> NoReturn:
        """A change by id matched nothing: 404, or 403 when the record is visible but only
        its author may change it (`edit: author`)."""
        if resource.edit == "author" and not self.is_admin:
            visible = await self.db.fetch_one(
                statements.get(resource, visible=True, deleted=None), self.params(id=id)
            )
            if visible is not None:
                raise Forbidden(
                    f"Only its author or an administrator can change this {noun(resource)}."
                )
        await self._missing()

    async def delete(self, resource: ResourceInfo, id: str | uuid.UUID) -> None:
        """Soft delete (the record moves to the trash, deleted_by the caller), or, for a
        resource without a trash, delete for good (its cascading records go with it)."""
        visible = self._by_id_visibility(resource)
        if resource.soft_delete:
            query = statements.set_deleted(resource, visible=visible, delete=True)
        else:
            query = statements.hard_delete(resource, visible=visible)
        row = await self.db.fetch_one(query, self.params(id=id, _now=datetime.now(UTC)))
        if row is None:
            await self._not_changed(resource, id)

    async def restore(self, resource: ResourceInfo, id: str | uuid.UUID) -> Row:
        """Bring a record back from the trash; idempotent: a live record is returned as is."""
        visible = self._by_id_visibility(resource)
        row = await self.db.fetch_one(
            statements.set_deleted(resource, visible=visible, delete=False),
            self.params(id=id, _now=datetime.now(UTC)),
        )
        if row is None:
            row = await self.db.fetch_one(
                statements.get(resource, visible=visible, deleted=False), self.params(id=id)
            )
        return row if row is not None else await self._missing()

    async def purge(
        self, resource: ResourceInfo, id: str | uuid.UUID, *, dependents: bool = False
    ) -> None:
        """Delete a trashed record for good (admins). Records that reference it with
        `on-delete: restrict` block it (409 listing them) unless `dependents` asks to purge
        them too; `set-null` references are cleared; `cascade` ones go with it. One unit of
        work: a failure anywhere changes nothing."""
        self.require_admin()
        key = _uuid(id)
        async with self.atomic() as uow:
            state = await uow.db.fetch_one(
                statements.get(resource, visible=False, deleted=None), uow.params(id=key)
            )
            if state is None:
                await uow._missing()
            if resource.soft_delete and state["deleted_at"] is None:
                raise Conflict("Only a record in the trash can be purged: delete it first.", {})
            blocked = await uow._purge([key], resource, dependents=dependents)
        if blocked:
            raise Conflict(
                "Other records depend on this one: purge them first, or with dependents=true.",
                {"dependents": blocked[key]},
            )

    async def _purge(
        self, ids: Sequence[uuid.UUID], resource: ResourceInfo, *, dependents: bool
    ) -> dict[uuid.UUID, builtins.list[dict[str, Any]]]:
        """Purge `ids` (in this unit of work); the ids that dependents block, with them."""
        blocked: dict[uuid.UUID, builtins.list[dict[str, Any]]] = {}
        slots = statements.id_slots(len(ids))
        params = self.params(**statements.ids_params(ids))
        for child, field in _dependents_of(resource, "restrict"):
            rows = await self.db.fetch_all(statements.referencing(child, field, slots), params)
            if rows and dependents:
                await self._purge([r["id"] for r in rows], child, dependents=True)
                continue
            for ref in dict.fromkeys(r["ref"] for r in rows):
                found = [r["id"] for r in rows if r["ref"] == ref]
                blocked.setdefault(ref, []).append(
                    {"type": child.name, "field": field, "count": len(found), "ids": found[:20]}
                )
        remaining = [i for i in ids if i not in blocked]
        if not remaining:
            return blocked
        slots = statements.id_slots(len(remaining))
        params = self.params(**statements.ids_params(remaining))
        for child, field in _dependents_of(resource, "set-null"):
            await self.db.execute(statements.clear_many(child, field, slots), params)
        await self.db.execute(statements.delete_many(resource, slots), params)
        return blocked

    async def assign(self, resource: ResourceInfo, id: str | uuid.UUID, user_id: str | None) -> Row:
        """Set or clear `assigned_to` (admins); the assignee must be an active user here."""
        self.require_admin()
        await self._check_assignee(resource, user_id)
        return await self._update(resource, id, {"assigned_to": user_id}, {})

    async def _check_assignee(self, resource: ResourceInfo, user_id: str | None) -> None:
        if user_id is None:
            return
        if await self._invisible_references(resource, {"assigned_to": user_id}, visible=False):
            raise Conflict(  # as any body reference (_check_body_references)
                "The assignee must be an active user of your organisation.",
                {"errors": [{"in": "body", "path": "/assigned_to"}]},
            )

    async def bulk(
        self,
        resource: ResourceInfo,
        action: str,
        ids: Sequence[str],
        *,
        values: Mapping[str, Any] | None = None,
        set_if_null: Mapping[str, Any] | None = None,
    ) -> builtins.list[tuple[uuid.UUID, str]]:
        """One action on many records in one unit of work; a result per distinct id, in the
        order sent: done, not_found (not the tenant's, or not visible to the caller),
        not_allowed (visible, but only its author may change it, or dependents block a
        purge), invalid (not in the state the action needs: deleting a trashed record,
        restoring or purging a live one).

        delete, restore and status act on what the caller can see; purge and assign are
        admin-only, as their single-record forms are. A failure anywhere changes nothing.
        """
        if action in ("purge", "assign"):
            self.require_admin()
        if action == "assign":
            assert values is not None
            await self._check_assignee(resource, values["assigned_to"])
        unique = list(dict.fromkeys(_uuid(i) for i in ids))
        results: dict[uuid.UUID, str] = {}
        async with self.atomic() as uow:
            candidates = await uow._bulk_candidates(resource, action, unique, results)
            if candidates and action == "purge":
                blocked = await uow._purge(candidates, resource, dependents=False)
                results.update(dict.fromkeys(blocked, "not_allowed"))
                results.update({i: "done" for i in candidates if i not in blocked})
            elif candidates:
                changed = await uow._bulk_update(resource, action, candidates, values, set_if_null)
                results.update({i: "done" if i in changed else "invalid" for i in candidates})
        return [(i, results[i]) for i in unique]

    async def _bulk_candidates(
        self,
        resource: ResourceInfo,
        action: str,
        ids: builtins.list[uuid.UUID],
        results: dict[uuid.UUID, str],
    ) -> builtins.list[uuid.UUID]:
        """Classify `ids` into `results`; the ones the action may change."""
        visible = self._by_id_visibility(resource)
        rows = await self.db.fetch_all(
            statements.states(resource, statements.id_slots(len(ids)), visible=visible),
            self.params(**statements.ids_params(ids)),
        )
        if not rows:
            await self.ensure_session()
        state = {row["id"]: row for row in rows}
        needed = BULK_STATE[action]
        candidates = []
        for i in ids:
            row = state.get(i)
            if row is None or not row["visible"]:
                results[i] = "not_found"
            elif not row["editable"]:
                results[i] = "not_allowed"
            elif resource.soft_delete and needed is not None and bool(row["trashed"]) != needed:
                results[i] = "invalid"
            else:
                candidates.append(i)
        return candidates

    async def _bulk_update(
        self,
        resource: ResourceInfo,
        action: str,
        ids: builtins.list[uuid.UUID],
        values: Mapping[str, Any] | None,
        set_if_null: Mapping[str, Any] | None,
    ) -> set[uuid.UUID]:
        slots = statements.id_slots(len(ids))
        trash = {"delete": True, "restore": False}.get(action)
        values = values or {}
        set_if_null = set_if_null or {}
        query = statements.update_many(
            resource,
            slots,
            columns=list(values),
            set_if_null=list(set_if_null),
            trash=trash,
            deleted=BULK_STATE[action] if resource.soft_delete else None,
        )
        rows = await self.db.fetch_all(
            query,
            self.params(
                **statements.ids_params(ids), **values, **set_if_null, _now=datetime.now(UTC)
            ),
        )
        return {row["id"] for row in rows}


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


@cache
def _parent_fields(resource: ResourceInfo) -> tuple[str, ...]:
    return tuple(ref.field for ref in resource.references if ref.parent)


def _check_parent_count(resource: ResourceInfo, record: Mapping[str, Any]) -> None:
    """A record hangs off at most one parent (`parent-count: exactly-one`: exactly one), so
    that whose records it follows is never ambiguous. A body on its own is held to this by the
    spec (codegen/emit/openapi.py states it in the Create and Update schemas: a 400); what is
    left is an update whose body, merged with the stored record, breaks it (adding a second
    parent, clearing the only one): a conflict with the record's current state."""
    fields = _parent_fields(resource)
    if len(fields) < 2 and resource.parent_count != "exactly-one":
        return
    given = [f for f in fields if record.get(f) is not None]
    exactly = resource.parent_count == "exactly-one"
    if len(given) > 1 or (exactly and not given):
        need = "exactly one" if exactly else "at most one"
        raise Conflict(
            f"{noun(resource).capitalize()}s belong to {need} of {', '.join(fields)}.",
            {"errors": [{"in": "body", "path": f"/{f}"} for f in (given if given else fields)]},
        )


@cache
def _dependents_of(resource: ResourceInfo, on_delete: str) -> tuple[tuple[ResourceInfo, str], ...]:
    """(resource, field) of every reference to `resource` with this on-delete rule."""
    return tuple(
        (other, ref.field)
        for other in RESOURCES.values()
        for ref in other.references
        if ref.resource == resource.name and ref.on_delete == on_delete
    )


def noun(resource: ResourceInfo) -> str:
    """The resource in words, singular: "note", "client" (for messages and detail keys)."""
    return str(resource.table.removesuffix("s").replace("_", " "))


def _uuid(value: str | uuid.UUID) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)

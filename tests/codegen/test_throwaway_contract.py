"""A throwaway contract gets working CRUD with no handler module (issue 8, acceptance).

contracts/ is copied to a temporary root with one more entity, `widget.json`; codegen
generates into that root; then, in a subprocess whose PYTHONPATH puts the temporary root's
`generated` package first, the tables are created on a temporary SQLite database and the real
app (crm.app.create_app) answers create / list / get / update / delete of /api/widgets through
httpx's ASGI transport. Nothing in handlers/ knows widgets: every operation is the standard one.

One seam is patched in the subprocess: crm.openapi31 reads openapi.yaml from the repository
root (SPEC_PATH, bound as load_spec's default), so the app is pointed at the temporary root's
openapi.yaml through crm.app.load_spec. See the report: the app has no way to be given a spec.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from codegen.run import generate, write

ROOT = Path(__file__).resolve().parents[2]

WIDGET = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "widget.json",
    "title": "Widget",
    "description": "A throwaway entity: a contract and nothing else.",
    "type": "object",
    "additionalProperties": False,
    "x-resource": {
        "path": "/widgets",
        "table": "widgets",
        "tenant-scoped": True,
        "operations": ["list", "create", "get", "update", "delete"],
        "visibility": "owner",
        "filterable": ["created_by", "created_at"],
        "sortable": ["name", "created_at", "updated_at"],
        "searchable": ["name"],
        "indexes": [{"columns": ["created_by"]}],
    },
    "required": [
        "id",
        "tenant_id",
        "name",
        "size",
        "assigned_to",
        "created_by",
        "created_at",
        "updated_at",
    ],
    "properties": {
        "id": {"$ref": "shared_types.json#/$defs/Id", "readOnly": True},
        "tenant_id": {
            "$ref": "shared_types.json#/$defs/Id",
            "readOnly": True,
            "x-references": {"to": "tenant.json"},
        },
        "name": {"type": "string", "minLength": 1, "maxLength": 100},
        "size": {"type": ["integer", "null"], "minimum": 0, "maximum": 1000000},
        "assigned_to": {
            "type": ["string", "null"],
            "format": "uuid",
            "readOnly": True,
            "x-references": {"to": "user.json", "on-delete": "restrict"},
        },
        "created_by": {
            "$ref": "shared_types.json#/$defs/Id",
            "readOnly": True,
            "x-references": {"to": "user.json", "on-delete": "restrict"},
        },
        "created_at": {"$ref": "shared_types.json#/$defs/Timestamp", "readOnly": True},
        "updated_at": {"$ref": "shared_types.json#/$defs/Timestamp", "readOnly": True},
    },
}

SCRIPT = r"""
import asyncio, json, sys
from pathlib import Path

root = Path(sys.argv[1])
import generated
where = Path(generated.__file__).resolve().parent
assert where == (root / "generated").resolve(), where

import httpx
import sqlalchemy as sa

import crm.app
from crm.openapi31 import load_spec
from crm.settings import Settings
from crm import provision, passwords
from generated.tables import metadata

crm.app.load_spec = lambda: load_spec(root / "openapi.yaml")
url = f"sqlite:///{root / 'crm.sqlite3'}"
settings = Settings.from_env({"CRM_ENV": "test", "DATABASE_URL": url})
engine = sa.create_engine(url)
metadata.create_all(engine)
passwords.configure(settings)
people = {}
with engine.begin() as conn:
    tenant = provision.create_tenant(conn, name="Acme", slug="acme")
    for key in ("alice", "bob"):
        provision.create_user(conn, tenant_id=tenant, email=f"{key}@acme.example", name=key,
                              role="user", password=f"{key}-password-1")
engine.dispose()

import importlib.util
assert importlib.util.find_spec("handlers.widgets") is None

async def main():
    app = crm.app.create_app(settings)
    out = {}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        h = {}
        for key in ("alice", "bob"):
            r = await c.post("/api/auth/login", json={"email": f"{key}@acme.example",
                                                      "password": f"{key}-password-1"})
            assert r.status_code == 200, r.text
            h[key] = {"Authorization": "Bearer " + r.json()["data"]["access_token"]}
        r = await c.post("/api/widgets", json={"name": "Sprocket", "size": 3}, headers=h["alice"])
        out["create"] = [r.status_code, r.json()]
        wid = r.json()["data"]["id"]
        r = await c.post("/api/widgets", json={"name": "X", "colour": "red"}, headers=h["alice"])
        out["create_unknown_field"] = r.status_code
        r = await c.get("/api/widgets", headers=h["alice"])
        out["list"] = [r.status_code, r.json()]
        r = await c.get("/api/widgets", headers=h["bob"])
        out["list_bob"] = [r.status_code, r.json()]
        r = await c.get(f"/api/widgets/{wid}", headers=h["alice"])
        out["get"] = [r.status_code, r.json()]
        r = await c.get(f"/api/widgets/{wid}", headers=h["bob"])
        out["get_bob"] = r.status_code
        r = await c.patch(f"/api/widgets/{wid}", json={"size": 5}, headers=h["alice"])
        out["update"] = [r.status_code, r.json()]
        r = await c.delete(f"/api/widgets/{wid}", headers=h["bob"])
        out["delete_bob"] = r.status_code
        r = await c.delete(f"/api/widgets/{wid}", headers=h["alice"])
        out["delete"] = r.status_code
        r = await c.get(f"/api/widgets/{wid}", headers=h["alice"])
        out["get_after"] = r.status_code
    print(json.dumps(out))

asyncio.run(main())
"""


def test_a_contract_alone_yields_working_crud(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "contracts", root / "contracts")
    shutil.copytree(
        ROOT / "generated",
        root / "generated",
        ignore=shutil.ignore_patterns("node_modules", "__pycache__"),
    )
    shutil.copy(ROOT / "openapi.yaml", root / "openapi.yaml")
    (root / "contracts" / "widget.json").write_text(json.dumps(WIDGET, indent=2))
    files = generate(root)
    changed = write(root, files)
    assert "generated/tables.py" in changed
    assert "widgets" in (root / "generated" / "tables.py").read_text()
    assert "/widgets" in (root / "openapi.yaml").read_text()
    # the repository itself is untouched
    assert "widgets" not in (ROOT / "generated" / "tables.py").read_text()

    script = tmp_path / "run_widgets.py"
    script.write_text(SCRIPT)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(ROOT)])}
    result = subprocess.run(
        [sys.executable, str(script), str(root)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])

    status, body = out["create"]
    assert status == 201, body
    widget = body["data"]
    assert (widget["name"], widget["size"], widget["assigned_to"]) == ("Sprocket", 3, None)
    assert out["create_unknown_field"] == 400
    status, page = out["list"]
    assert status == 200
    assert [w["id"] for w in page["items"]] == [widget["id"]]
    assert out["list_bob"][1]["items"] == []  # owner visibility
    assert out["get"] == [200, {"data": widget}]
    assert out["get_bob"] == 404
    status, body = out["update"]
    assert status == 200, body
    assert body["data"]["size"] == 5
    assert body["data"]["name"] == "Sprocket"
    assert out["delete_bob"] == 404
    assert out["delete"] == 204
    assert out["get_after"] == 404

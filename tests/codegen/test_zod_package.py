"""generated/zod as the npm package a frontend installs: packed, installed, imported, type-checked.

`npm pack` runs the package's prepack (tsc: ES modules + .d.ts into dist/); the tarball goes
into a fresh project beside nothing else, which imports it in plain Node and compiles against
its types with `tsc --strict` under common `lib` settings, with TypeScript 5 and the latest.
"""

from __future__ import annotations

import json
import re
import subprocess
import tarfile
from pathlib import Path

import pytest

from codegen.emit import zod as zod_emitter
from tests.support.zod import (
    NODE,
    NODE_MODULES,
    TSC,
    TSC_LATEST,
    install_into_fresh_project,
    pack_package,
    run_tsc,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = json.loads((ROOT / "generated" / "zod" / "package.json").read_text(encoding="utf-8"))
TS_LIBS = [
    p
    for p in sorted((NODE_MODULES / "typescript" / "lib").glob("lib.*.d.ts"))
    if re.match(r"lib\.(es|dom|decorators|scripthost)", p.name)
]
DECLARED = re.compile(
    r"^(?:declare (?:var|function|const|class|namespace)|interface|type) ([A-Z][A-Za-z0-9_]*)",
    re.MULTILINE,
)

# What a consumer writes: the value exports, the types, a client call with a typed body.
CONSUMER_TS = """
import { ApiError, LeadCreate, LeadEnvelope, createClient, type ApiClient, type Lead }
  from "@pathsix/crm-contracts";

const api: ApiClient = createClient({ baseUrl: "http://127.0.0.1:1/api", token: () => "t" });
export async function make(): Promise<Lead> {
  const body = LeadCreate.parse({ name: "Ada" });
  const answer = await api.createLead(body);
  return LeadEnvelope.parse(answer).data;
}
export function message(err: unknown): string {
  return err instanceof ApiError ? `${err.status} ${err.error}` : String(err);
}
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("zod-package")
    tarball = pack_package(work)
    return tarball, install_into_fresh_project(tarball, work / "consumer")


def test_the_tarball_holds_compiled_modules_and_types_only(
    installed: tuple[Path, Path],
) -> None:
    tarball, _ = installed
    with tarfile.open(tarball) as tar:
        names = {n.removeprefix("package/") for n in tar.getnames()}
    assert {"package.json", "README.md", "dist/index.js", "dist/index.d.ts"} <= names
    assert {"dist/client.js", "dist/client.d.ts", "dist/schemas.js", "dist/rules.js"} <= names
    assert not [n for n in names if n.endswith(".ts") and not n.endswith(".d.ts")], names
    assert PACKAGE["exports"]["."] == {"types": "./dist/index.d.ts", "default": "./dist/index.js"}


def test_a_fresh_project_imports_it_in_plain_node(installed: tuple[Path, Path]) -> None:
    _, project = installed
    script = """
      const m = await import("@pathsix/crm-contracts");
      const lead = { ...m.LeadCreate.parse({ name: "Ada" }) };
      console.log(JSON.stringify({
        exports: Object.keys(m).sort(),
        client: typeof m.createClient({ baseUrl: "http://x/api" }).listLeads,
        lead,
        strict: m.LeadCreate.safeParse({ name: "Ada", extra: 1 }).success,
      }));
    """
    result = subprocess.run(
        [NODE, "--input-type=module", "-e", script],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["client"] == "function"
    assert out["lead"]["name"] == "Ada"
    assert out["strict"] is False
    assert "createClient" in out["exports"]
    assert "ApiError" in out["exports"]


@pytest.mark.parametrize("tsc", [TSC, TSC_LATEST], ids=["typescript-5", "typescript-latest"])
@pytest.mark.parametrize(
    "options",
    [
        {"lib": ["ES2020"], "module": "NodeNext", "moduleResolution": "NodeNext"},
        {"lib": ["ES2022", "DOM"], "module": "ESNext", "moduleResolution": "Bundler"},
        {"lib": ["ESNext", "DOM", "DOM.Iterable"], "module": "Node16", "skipLibCheck": False},
    ],
    ids=["es2020-nodenext", "es2022-dom-bundler", "esnext-dom-node16-libcheck"],
)
def test_a_fresh_project_type_checks_against_it(
    installed: tuple[Path, Path], tsc: Path, options: dict[str, object]
) -> None:
    _, project = installed
    (project / "consumer.ts").write_text(CONSUMER_TS, encoding="utf-8")
    config = {
        "compilerOptions": {
            "target": "ES2020",
            "strict": True,
            "noEmit": True,
            "skipLibCheck": True,
            "types": [],
            **options,
        },
        "files": ["consumer.ts"],
    }
    (project / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = run_tsc(["-p", "tsconfig.json"], cwd=project, tsc=tsc)
    assert result.returncode == 0, result.stdout + result.stderr


def test_js_globals_lists_every_global_a_name_could_shadow() -> None:
    """codegen/js_globals.json is what Node and TypeScript's libs declare today."""
    node = subprocess.run(
        [NODE, "-e", "console.log(JSON.stringify(Object.getOwnPropertyNames(globalThis)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    found = {n for n in json.loads(node.stdout) if n[:1].isupper()}
    for lib in TS_LIBS:
        found |= set(DECLARED.findall(lib.read_text(encoding="utf-8")))
    assert {"Date", "Error", "Response", "Node", "Event", "Map"} <= found
    missing = sorted(found - zod_emitter.js_globals())
    assert not missing, f"add to codegen/js_globals.json: {missing}"


def test_no_export_of_the_package_shadows_a_global(installed: tuple[Path, Path]) -> None:
    _, project = installed
    result = subprocess.run(
        [
            NODE,
            "--input-type=module",
            "-e",
            'console.log(JSON.stringify(Object.keys(await import("@pathsix/crm-contracts"))))',
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    exported = set(json.loads(result.stdout))
    assert not exported & zod_emitter.js_globals()
    types = (project / "node_modules" / "@pathsix" / "crm-contracts" / "dist").glob("*.d.ts")
    declared = {
        m
        for p in types
        for m in re.findall(
            r"export (?:type|interface|declare const|declare class|declare function) (\w+)",
            p.read_text(),
        )
    }
    assert "CrmDate" in declared
    assert "CrmError" in declared
    assert not declared & zod_emitter.js_globals()

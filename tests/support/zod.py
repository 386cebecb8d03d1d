"""Compile emitted Zod schemas with the project's TypeScript and ask Node for their verdicts.

`build_zod` turns the emitter's .ts files into an ES module directory (strict tsc: a type
error in the generated code fails the build); `ZodRunner` keeps one Node process running
`zod_verdicts.mjs` and exchanges JSON lines with it, in batches, so 100k cases take seconds.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
# Named by package: node_modules/.bin/tsc may be either of the two TypeScript versions installed.
TSC = NODE_MODULES / "typescript" / "bin" / "tsc"
TSC_LATEST = NODE_MODULES / "typescript-latest" / "bin" / "tsc"
VERDICTS_SCRIPT = Path(__file__).with_name("zod_verdicts.mjs")
NODE = os.environ.get("NODE", "node")
BATCH = 5000

TSCONFIG = {
    "compilerOptions": {
        "target": "ES2022",
        "lib": ["ES2022"],
        "module": "NodeNext",
        "moduleResolution": "NodeNext",
        "strict": True,
        "exactOptionalPropertyTypes": True,
        "noUncheckedIndexedAccess": True,
        "skipLibCheck": True,
        "noEmitOnError": True,
        "types": [],
        "rootDir": "src",
        "outDir": "dist",
    },
    "include": ["src/*.ts"],
}


class ZodBuildError(RuntimeError):
    """tsc refused the generated TypeScript."""


def run_tsc(args: Sequence[str], cwd: Path, tsc: Path = TSC) -> subprocess.CompletedProcess[str]:
    if not tsc.exists():
        raise ZodBuildError(f"{tsc} is missing: run `npm ci` in {ROOT}")
    return subprocess.run(
        [NODE, str(tsc), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def build_zod(ts_files: dict[str, str], out_dir: Path) -> Path:
    """Write `ts_files` (name or path -> text; only .ts entries are used) and compile them.

    Returns the directory holding the compiled `index.js` (ES modules; `zod` resolves through
    a `node_modules` link to the repository's own).
    """
    src = out_dir / "src"
    src.mkdir(parents=True, exist_ok=True)
    sources = {Path(name).name: text for name, text in ts_files.items() if name.endswith(".ts")}
    if "index.ts" not in sources:
        raise ZodBuildError(f"no index.ts among {sorted(ts_files)}")
    for name, text in sources.items():
        (src / name).write_text(text, encoding="utf-8")
    (out_dir / "tsconfig.json").write_text(json.dumps(TSCONFIG, indent=2))
    (out_dir / "package.json").write_text(json.dumps({"type": "module", "private": True}))
    link = out_dir / "node_modules"
    if not link.exists():
        link.symlink_to(NODE_MODULES, target_is_directory=True)
    result = run_tsc(["-p", str(out_dir / "tsconfig.json")], cwd=out_dir)
    if result.returncode != 0:
        raise ZodBuildError(f"tsc failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    dist = out_dir / "dist"
    if not (dist / "index.js").exists():
        raise ZodBuildError(f"tsc wrote no {dist / 'index.js'}")
    return dist


class ZodRunner:
    """One Node process answering `verdicts([(schema name, JSON instance), ...])`."""

    def __init__(self, compiled_dir: Path, batch: int = BATCH) -> None:
        self.compiled_dir = compiled_dir
        self.batch = batch
        self._proc: subprocess.Popen[str] | None = None
        self._stderr: IO[str] | None = None

    def __enter__(self) -> Self:
        self._stderr = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._proc = subprocess.Popen(
            [NODE, str(VERDICTS_SCRIPT), str(self.compiled_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
        )
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.stdin is not None:
                proc.stdin.close()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def _node_stderr(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.flush()
        self._stderr.seek(0)
        return self._stderr.read()[-4000:]

    def parse(self, cases: Sequence[tuple[str, Any]]) -> list[tuple[bool, Any]]:
        """(accepted, Zod's output) per case: what a caller of `schema.parse` gets back."""
        answers = self._exchange({"parse": [[name, instance] for name, instance in cases]})
        problems = [a for a in answers if not isinstance(a, list)]
        if problems:
            raise RuntimeError("zod_verdicts.mjs could not parse:\n" + "\n".join(problems[:10]))
        return [(bool(ok), data) for ok, data in answers]

    def _exchange(self, request: Any) -> list[Any]:
        proc = self._proc
        if proc is None or proc.stdin is None or proc.stdout is None:
            raise RuntimeError("ZodRunner is not started: use it as a context manager")
        try:
            proc.stdin.write(json.dumps(request, ensure_ascii=True, allow_nan=False) + "\n")
            proc.stdin.flush()
        except BrokenPipeError as exc:
            raise RuntimeError(f"node exited:\n{self._node_stderr()}") from exc
        answer = proc.stdout.readline()
        if not answer:
            raise RuntimeError(f"node exited ({proc.poll()}):\n{self._node_stderr()}")
        result: list[Any] = json.loads(answer)
        return result

    def text_verdicts(self, cases: Sequence[tuple[str, str]]) -> list[bool]:
        """True where Zod accepts `JSON.parse(text)`: the instance as Node reads the text."""
        out: list[bool] = []
        for start in range(0, len(cases), self.batch):
            chunk = [[name, text] for name, text in cases[start : start + self.batch]]
            results = self._exchange({"texts": chunk})
            problems = [
                f"{chunk[i][0]} {chunk[i][1]}: {r}"
                for i, r in enumerate(results)
                if not isinstance(r, bool)
            ]
            if problems:
                raise RuntimeError("zod_verdicts.mjs could not judge:\n" + "\n".join(problems[:10]))
            out.extend(results)
        return out

    def verdicts(self, cases: Sequence[tuple[str, Any]]) -> list[bool]:
        """True where Zod accepts the instance. Raises on an unknown schema or a crash."""
        proc = self._proc
        if proc is None or proc.stdin is None or proc.stdout is None:
            raise RuntimeError("ZodRunner is not started: use it as a context manager")
        out: list[bool] = []
        for start in range(0, len(cases), self.batch):
            chunk = [[name, instance] for name, instance in cases[start : start + self.batch]]
            # ASCII escapes keep lone surrogates intact; NaN/Infinity are not JSON.
            line = json.dumps(chunk, ensure_ascii=True, allow_nan=False)
            try:
                proc.stdin.write(line + "\n")
                proc.stdin.flush()
            except BrokenPipeError as exc:
                raise RuntimeError(f"node exited:\n{self._node_stderr()}") from exc
            answer = proc.stdout.readline()
            if not answer:
                raise RuntimeError(f"node exited ({proc.poll()}):\n{self._node_stderr()}")
            results = json.loads(answer)
            if len(results) != len(chunk):
                raise RuntimeError(f"node answered {len(results)} verdicts for {len(chunk)} cases")
            problems = [
                f"{chunk[i][0]}: {r}" for i, r in enumerate(results) if not isinstance(r, bool)
            ]
            if problems:
                raise RuntimeError("zod_verdicts.mjs could not judge:\n" + "\n".join(problems[:10]))
            out.extend(results)
        return out


NPM = os.environ.get("NPM", "npm")
PACKAGE_DIR = ROOT / "generated" / "zod"


def npm(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [NPM, *args, "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0:
        raise ZodBuildError(f"npm {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result


def pack_package(work: Path) -> Path:
    """`npm pack` of a copy of generated/zod (its prepack compiles dist/): the tarball's path.

    The copy keeps the repository's tree clean; its `node_modules` link gives tsc and zod.
    """
    copy = work / "package"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("dist", "node_modules"))
    (copy / "node_modules").symlink_to(NODE_MODULES, target_is_directory=True)
    npm(["pack", "--pack-destination", str(work)], cwd=copy)
    tarballs = sorted(work.glob("*.tgz"))
    if len(tarballs) != 1:
        raise ZodBuildError(f"npm pack wrote {tarballs}")
    return tarballs[0]


def zod_version() -> str:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    return str(lock["packages"]["node_modules/zod"]["version"])


def install_into_fresh_project(tarball: Path, project: Path) -> Path:
    """A new npm project with the tarball and its peer zod installed; the project's path."""
    project.mkdir(parents=True)
    manifest = {"name": "fresh-consumer", "private": True, "type": "module"}
    (project / "package.json").write_text(json.dumps(manifest))
    npm(["install", "--prefer-offline", str(tarball), f"zod@{zod_version()}"], cwd=project)
    return project

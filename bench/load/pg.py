"""A PostgreSQL cluster for the load benchmark that can outlive one run (`--reuse`).

The same approach as tests/fixtures/postgres.py (Debian's binaries, `runuser -u postgres`
because we run as root, trust auth on 127.0.0.1), but the data directory is kept under
`--cluster-dir` (default /var/tmp/crm-bench-pg) so the 1M-row seed is paid once. Settings
differ from the test cluster: a bigger shared_buffers (the 1M-lead table fits in memory, as
it would on a production box), synchronous_commit=off (commit latency of this VM's disk
would otherwise dominate `create` on both sides alike), jit=off (OLTP: JIT only adds
compile time to the report queries). fsync and full_page_writes stay on.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
DB_USER = "postgres"
OS_USER = "postgres"
DEFAULT_DIR = Path("/var/tmp/crm-bench-pg")  # noqa: S108 - the postgres user must reach it
SETTINGS = (
    "max_connections=200",
    "shared_buffers=1GB",
    "effective_cache_size=8GB",
    "work_mem=16MB",
    "maintenance_work_mem=512MB",
    "synchronous_commit=off",
    "jit=off",
    "max_wal_size=4GB",
)


def find_bindir() -> Path:
    def version(path: str) -> float:
        try:
            return float(Path(path).parent.name)
        except ValueError:
            return 0.0

    explicit = [os.environ["PG_BINDIR"]] if os.environ.get("PG_BINDIR") else []
    for candidate in explicit + sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version)[::-1]:
        if (Path(candidate) / "initdb").is_file():
            return Path(candidate)
    raise RuntimeError("PostgreSQL binaries not found: apt-get install postgresql")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    base: Path
    bindir: Path
    port: int = 0

    @property
    def data(self) -> Path:
        return self.base / "data"

    def url(self, dbname: str = "crm_bench", driver: str = "psycopg", user: str = DB_USER) -> str:
        return f"postgresql+{driver}://{user}@{HOST}:{self.port}/{dbname}"

    def conninfo(self, dbname: str = "crm_bench") -> str:
        return f"postgresql://{DB_USER}@{HOST}:{self.port}/{dbname}"

    def _run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / tool), *args]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", OS_USER, "--", *cmd]
        result = subprocess.run(cmd, cwd=self.base, capture_output=True, text=True, check=False)
        if check and result.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)}: {result.returncode}\n{result.stderr}")
        return result

    @property
    def initialised(self) -> bool:
        return (self.data / "PG_VERSION").is_file()

    def init(self) -> None:
        """A fresh, empty cluster (removes an old one in `base`)."""
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)
        self.base.mkdir(parents=True)
        if os.geteuid() == 0:
            pw = pwd.getpwnam(OS_USER)
            os.chown(self.base, pw.pw_uid, pw.pw_gid)
        self._run(
            "initdb", "-D", str(self.data), "-U", DB_USER, "--auth=trust", "--no-sync",
            "-E", "UTF8", "--no-locale", "--no-instructions",
        )  # fmt: skip

    def start(self) -> None:
        self.stop()  # a cluster left running by a killed run
        options = " ".join(
            [f"-c listen_addresses={HOST}", f"-k {self.base}", *(f"-c {s}" for s in SETTINGS)]
        )
        for _ in range(5):
            self.port = free_port()
            log = self.base / "server.log"
            result = self._run(
                "pg_ctl", "-D", str(self.data), "-l", str(log), "-w", "-t", "60",
                "-o", f"-p {self.port} {options}", "start", check=False,
            )  # fmt: skip
            if result.returncode == 0:
                return
            time.sleep(0.5)
        raise RuntimeError(f"pg_ctl start failed: {result.stderr}")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    def postmaster_pid(self) -> int | None:
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

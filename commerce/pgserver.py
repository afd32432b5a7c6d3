"""A local PostgreSQL cluster for development, tests and benchmarks: ``initdb`` + ``pg_ctl``.

No Docker and no system service: the cluster lives in one folder (``models/pg`` for
development, a temp dir for tests), listens on 127.0.0.1 at its own port and on a unix socket
inside that folder, and trusts local connections. PostgreSQL refuses to run as root, so
under root its commands run as the ``postgres`` system user (which Debian's package creates).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

from commerce.errors import PostgresUnavailable

SYSTEM_USER = "postgres"
DATABASE = "voicecart"
# A throwaway cluster trades durability for speed; a development cluster keeps the defaults.
FAST = ("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")


def pg_bin_dir() -> Path:
    """The newest installed server's ``bin`` (``/usr/lib/postgresql/<v>/bin`` on Debian)."""
    found = shutil.which("pg_ctl")
    if found:  # a symlink (/usr/local/bin) leads to the folder with psql and initdb too
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                      key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    if not versions:
        raise PostgresUnavailable("the postgresql package is not installed (make sysdeps).")
    return versions[-1].parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class LocalPostgres:
    """One cluster in ``directory`` (its data in ``directory/data``) on ``port``."""

    directory: Path
    port: int = 5433
    fast: bool = False

    @property
    def data_dir(self) -> Path:
        return self.directory / "data"

    def url(self, database: str = DATABASE) -> str:
        return f"postgresql+psycopg2://{SYSTEM_USER}@127.0.0.1:{self.port}/{database}"

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(pg_bin_dir() / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", SYSTEM_USER, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0 and tool != "pg_ctl":
            raise PostgresUnavailable(f"{tool} failed: {(result.stderr or result.stdout).strip()}")
        return result

    def _own(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            closed = [p for p in self.directory.resolve().parents
                      if not os.stat(p).st_mode & 0o001]
            if closed:
                raise PostgresUnavailable(f"the {SYSTEM_USER} user cannot enter {closed[0]}; "
                                          "put the cluster in a folder others may traverse.")
            shutil.chown(self.directory, SYSTEM_USER, SYSTEM_USER)
            for path in self.directory.rglob("*"):
                shutil.chown(path, SYSTEM_USER, SYSTEM_USER)

    def running(self) -> bool:
        return self._run("pg_ctl", "status", "-D", str(self.data_dir)).returncode == 0

    def start(self) -> LocalPostgres:
        """Create the cluster if needed, start it (waiting until it accepts connections) and
        create the ``voicecart`` database. Does nothing to a running cluster."""
        self._own()
        if not (self.data_dir / "PG_VERSION").exists():
            self._run("initdb", "-D", str(self.data_dir), "-U", SYSTEM_USER, "--auth=trust",
                      "-E", "UTF8", "--locale=C.UTF-8")
        if not self.running():
            options = " ".join(("-c", "listen_addresses=127.0.0.1", "-p", str(self.port),
                                "-k", str(self.directory), *(FAST if self.fast else ())))
            result = self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data_dir),
                               "-l", str(self.directory / "server.log"), "-o", options)
            if result.returncode != 0:
                log = self.directory / "server.log"
                tail = log.read_text(errors="replace")[-400:] if log.exists() else result.stderr
                raise PostgresUnavailable(f"pg_ctl start failed: {tail.strip()}")
        self.create_database(DATABASE)
        return self

    def stop(self) -> None:
        if self.data_dir.exists() and self.running():
            self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data_dir))

    def _psql(self, sql: str) -> str:
        return self._run("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", SYSTEM_USER,
                         "-d", "postgres", "-tAc", sql).stdout.strip()

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create ``name`` (from ``template`` when given) unless it exists; its URL."""
        if self._psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'") != "1":
            suffix = f" TEMPLATE {template}" if template else ""
            self._psql(f'CREATE DATABASE "{name}"{suffix}')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self._psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

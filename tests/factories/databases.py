"""Test databases on both backends, built once per test session and copied for each test.

A template (migrated, or migrated and seeded from data/) is built the first time a test asks
for it: a SQLite file, or a database in the session's throwaway PostgreSQL cluster (started on
first use, stopped when the session ends even when tests fail, or when the run is killed
with SIGTERM). Each test gets its own copy:
a file copy, or ``CREATE DATABASE … TEMPLATE …`` (dropped after the test).
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from sqlalchemy.engine import make_url

from commerce.db import upgrade
from commerce.pgserver import LocalPostgres, free_port

BACKENDS = ("sqlite", "postgresql")
Build = Callable[[str], None]


class TemplateDatabases:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._server: LocalPostgres | None = None
        self._built: set[tuple[str, str]] = set()
        self._count = itertools.count(1)

    @property
    def server(self) -> LocalPostgres:
        if self._server is None:  # a short path: the unix socket lives in it
            folder = Path(tempfile.mkdtemp(prefix="vcpg-"))
            self._server = LocalPostgres(folder, free_port(), fast=True).start()
            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGTERM, self._terminated)  # a CI timeout, a kill
        return self._server

    def _terminated(self, signum: int, _frame: FrameType | None) -> None:
        """Killed (pytest runs no teardown then): stop the cluster, then die as asked."""
        self.close()
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    def copy(self, backend: str, template: str, where: Path, build: Build = upgrade) -> str:
        """The URL of a fresh copy of ``template`` (built by ``build(url)`` the first time)."""
        if backend == "sqlite":
            source = self.root / f"{template}.sqlite"
            if (backend, template) not in self._built:
                build(f"sqlite:///{source}")
                self._built.add((backend, template))
            target = where / f"{template}.sqlite"
            shutil.copy(source, target)
            return f"sqlite:///{target}"
        if backend != "postgresql":
            raise ValueError(f"unknown backend {backend}")
        server = self.server
        source_name = f"template_{template}"
        if (backend, template) not in self._built:
            server.drop_database(source_name)
            build(server.create_database(source_name))
            self._built.add((backend, template))
        return server.create_database(f"test_{next(self._count)}", template=source_name)

    def drop(self, url: str) -> None:
        parsed = make_url(url)
        if parsed.get_backend_name() == "postgresql" and self._server is not None:
            self._server.drop_database(parsed.database or "")

    def close(self) -> None:
        if self._server is not None:
            self._server.stop()
            shutil.rmtree(self._server.directory, ignore_errors=True)
            self._server = None

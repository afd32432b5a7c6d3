"""A real API server (uvicorn) on a free local port, on a fresh seeded shop of each backend,
with a staff key and a reporting key; requests go through a real HTTP client."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests
import uvicorn
from sqlalchemy.orm import sessionmaker

from assistant.api.app import create_app
from commerce.apikeys import create_key
from commerce.db import make_engine, session_factory
from commerce.pgserver import free_port


@dataclass
class Api:
    url: str
    sessions: sessionmaker
    staff: str
    reporting: str

    def call(self, method: str, path: str, key: str | None = None, *,
             headers: dict[str, str] | None = None, **kwargs: object) -> requests.Response:
        sent = {**(headers or {}), **({"X-API-Key": key} if key else {})}
        return requests.request(method, self.url + path, headers=sent, timeout=10,
                                **kwargs)  # type: ignore[arg-type]


@pytest.fixture()
def api(seeded_url: str) -> Iterator[Api]:
    engine = make_engine(seeded_url)
    sessions = session_factory(engine)
    with sessions() as session:
        _, staff = create_key(session, "Barista Bob", "staff")
        _, reporting = create_key(session, "Books", "reporting")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(sessions), host="127.0.0.1", port=port,
                                           ws="none", log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the API server did not start")
        time.sleep(0.05)
    yield Api(f"http://127.0.0.1:{port}", sessions, staff, reporting)
    server.should_exit = True
    thread.join(timeout=10)
    engine.dispose()

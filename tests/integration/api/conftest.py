"""A real API server (uvicorn) on a free local port, on a fresh seeded shop of each backend,
with a staff key and a reporting key; requests go through a real HTTP client."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
import uvicorn
from sqlalchemy.orm import sessionmaker

from assistant.api.app import create_app
from commerce.apikeys import create_key
from commerce.db import make_engine, session_factory
from commerce.pgserver import free_port

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"  # Debian's packages


@dataclass
class Api:
    url: str
    db_url: str
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
    yield Api(f"http://127.0.0.1:{port}", seeded_url, sessions, staff, reporting)
    server.should_exit = True
    thread.join(timeout=10)
    engine.dispose()


@pytest.fixture()
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, through its chromedriver (Selenium)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                 "--window-size=1200,800"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def artifacts(repo_root: Path) -> Path:
    """Where screenshots go (git-ignored), kept after the run."""
    folder = repo_root / "models" / "test-artifacts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder

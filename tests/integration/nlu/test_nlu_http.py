"""HttpParser against a real `rasa run --enable-api` server on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from nlu.errors import ServerUnavailable
from nlu.http import HttpParser
from nlu.local import LocalParser
from nlu.types import FALLBACK_INTENT

pytestmark = pytest.mark.slow
START_TIMEOUT = 240.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HttpParser]:
    port = _free_port()
    rasa = Path(sys.executable).with_name("rasa")
    log = tmp_path_factory.mktemp("rasa") / "server.log"
    env = {**os.environ, "TF_INTRA_OP_PARALLELISM_THREADS": "2", "TF_INTER_OP_PARALLELISM_THREADS": "1"}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(rasa), "run", "--enable-api", "-m", str(model_path), "-i", "127.0.0.1",
             "-p", str(port)],
            stdout=out, stderr=subprocess.STDOUT, cwd=log.parent, env=env,
        )
    client = HttpParser(f"http://127.0.0.1:{port}", timeout=10)
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while not client.ready():
            if proc.poll() is not None:
                pytest.skip(f"rasa run exited with {proc.returncode}: {log.read_text()[-500:]}")
            if time.monotonic() > deadline:
                pytest.skip(f"rasa run did not start in {START_TIMEOUT:.0f} s: {log.read_text()[-500:]}")
            time.sleep(1)
        yield client
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.mark.parametrize("text", ["add two bananas", "can i get a large double shot mocha with lots of cream",
                                  "what's your return policy", "my pin is 2468"])
def test_http_parse_matches_local(server: HttpParser, parser: LocalParser, text: str) -> None:
    remote, local = server.parse(text), parser.parse(text)
    assert remote.intent == local.intent
    assert [(e.entity, e.value, e.start, e.end, e.role) for e in remote.entities] == [
        (e.entity, e.value, e.start, e.end, e.role) for e in local.entities]
    assert remote.alternatives and remote.alternatives[0].intent == remote.intent


def test_http_bad_input_is_fallback(server: HttpParser) -> None:
    assert server.parse("").intent == FALLBACK_INTENT
    assert server.parse("🙂" * 3).intent == FALLBACK_INTENT


def test_unreachable_server_is_a_clear_error() -> None:
    client = HttpParser(f"http://127.0.0.1:{_free_port()}", timeout=2)
    with pytest.raises(ServerUnavailable) as err:
        client.parse("hello")
    assert err.value.code == "nlu_server_unavailable"
    assert "did not answer" in err.value.message


def test_cli_uses_the_server_with_nlu_url(server: HttpParser, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from assistant.cli import main

    try:
        main(["nlu", "--nlu-url", server.url, "parse", "--json", "speak slower"])
    except SystemExit as exc:
        assert exc.code in (0, None)
    row = json.loads(capsys.readouterr().out.strip())
    assert row["intent"] == "speech_rate"
    assert row["entities"][0]["value"] == "slower"

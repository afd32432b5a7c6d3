"""One NLU server for the store (issue #17): ``nlu.server.NluServer`` runs the real
``rasa run --enable-api``; kiosks parse on it with ``HttpParser``, check it at start-up, and a
server that goes down or hangs mid-session costs one spoken sentence and nothing else.

No mocks: the server is the real Rasa process on a free loopback port (the session's
``nlu_server``, tests/integration/nlu/conftest.py), stopped, hung (SIGSTOP) and started again
by the tests; "unreachable" is a port nothing listens on, "slow" a socket that never answers.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant import app
from assistant.cli import main
from assistant.dialogue.manager import DialogueManager
from assistant.dialogue.replies import Replies
from assistant.dialogue.understand import NLU_UNREACHABLE
from assistant.pipeline.run import Pipeline
from assistant.settings import DATA_DIR, Settings
from commerce.seed import seed_database
from nlu.errors import NluServerError, PortInUse, ServerUnavailable
from nlu.http import HttpParser
from nlu.server import NluServer, free_port
from nlu.types import NluParser

UNREACHABLE = Replies.load().text(NLU_UNREACHABLE)
TIMEOUT = 2.0  # the kiosk's parse timeout in these tests


@pytest.fixture(scope="module")
def shop_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A real seeded SQLite shop (the commerce seeding code, data/)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('server-shop') / 'shop.sqlite'}"
    seed_database(url, DATA_DIR)
    return url


@pytest.fixture()
def silent_port() -> Iterator[int]:
    """A port that accepts connections (the kernel's backlog) and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield int(sock.getsockname()[1])


# -- reaching the server: quick, clear failures (no model needed) ------------------------------
def test_a_port_nothing_listens_on_fails_fast_and_clearly() -> None:
    client = HttpParser(f"http://127.0.0.1:{free_port()}", timeout=TIMEOUT, retries=2)
    started = time.monotonic()
    with pytest.raises(ServerUnavailable) as err:
        client.parse("add milk")
    assert time.monotonic() - started < 1.5  # two short backoffs, not the timeout
    assert err.value.code == "nlu_server_unavailable"
    assert "did not answer (connection refused)" in err.value.message


def test_a_server_that_never_answers_times_out(silent_port: int) -> None:
    client = HttpParser(f"http://127.0.0.1:{silent_port}", timeout=0.5, retries=2)
    started = time.monotonic()
    with pytest.raises(ServerUnavailable) as err:
        client.parse("add milk")
    assert time.monotonic() - started < 1.5  # the timeout bounds the retries too
    assert "no reply in 0.5 s" in err.value.message


def test_the_health_check_says_how_to_start_the_server() -> None:
    with pytest.raises(ServerUnavailable) as err:
        HttpParser(f"http://127.0.0.1:{free_port()}", timeout=1).check()
    assert err.value.message.endswith("start it with: voicecart nlu serve.")


def test_chat_with_no_server_is_one_line_and_no_traceback(
        shop_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "lines.txt"
    script.write_text("add milk\n")
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(SystemExit) as done:
        main(["--db", shop_url, "chat", "--nlu-url", url, "--script", str(script)])
    assert done.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"Error: The NLU server at {url} did not answer (connection refused); "
        "start it with: voicecart nlu serve."]


@pytest.mark.parametrize("command", ["run", "listen"])
def test_run_and_listen_check_the_server_first(command: str, shop_url: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    import numpy as np
    import soundfile

    wav = tmp_path / "tone.wav"  # never heard: the server is checked before anything listens
    tone = 0.3 * np.sin(np.arange(8000) * 2 * np.pi * 440 / 16000)
    soundfile.write(wav, tone.astype(np.float32), 16000, subtype="PCM_16")
    url = f"http://127.0.0.1:{free_port()}"
    args = [str(wav)] if command == "run" else ["--input-file", str(wav), "--max-turns", "0"]
    with pytest.raises(SystemExit) as done:
        main(["--db", shop_url, command, "--nlu-url", url, *args])
    assert done.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"Error: The NLU server at {url} did not answer (connection refused); "
        "start it with: voicecart nlu serve.")


def test_a_busy_port_is_refused_before_rasa_starts(tmp_path: Path) -> None:
    model = tmp_path / "nlu-unused.tar.gz"  # never loaded: the port is checked first
    model.write_bytes(b"")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        server = NluServer(model, port=int(sock.getsockname()[1]))
        with pytest.raises(PortInUse):
            server.start()
    assert not server.running


# -- the real server -------------------------------------------------------------------------
@pytest.mark.slow
def test_the_server_is_healthy_and_serves_the_model(nlu_server: NluServer,
                                                    model_path: Path) -> None:
    client = HttpParser(nlu_server.url).check()
    assert client.status()["model_file"] == model_path.name
    assert client.ready()


@pytest.mark.slow
@pytest.mark.parametrize("text", ["add milk", "check out", "what's in my cart",
                                  "do you have oat milk", "yes please",
                                  "a large latte with oat milk", "speak slower"])
def test_parses_over_http_equal_in_process_ones(nlu_server: NluServer, parser: NluParser,
                                                text: str) -> None:
    remote = HttpParser(nlu_server.url).parse(text)
    assert remote.intent == parser.parse(text).intent
    assert remote.text == text


def _kiosk(nlu_server: NluServer, shop_url: str) -> DialogueManager:
    """A kiosk's dialogue on the real seeded shop, parsing on the store's server."""
    settings = Settings.load(db_url=shop_url, customer="guest", store="grocery")
    manager = app.build_dialogue(settings, HttpParser(nlu_server.url, timeout=TIMEOUT))
    manager.start()
    return manager


def _snapshot(manager: DialogueManager) -> tuple[list[tuple[str, int]], dict[str, Any]]:
    """The cart in the database and the conversation's state (less its clock)."""
    with manager.session_factory() as session:
        from commerce.cart import view_cart

        cart = view_cart(session, manager.customer_id, store=manager.store_code)
    state = manager.state.to_dict()
    state.pop("updated_at", None)
    return [(line.sku, line.quantity) for line in cart.lines], state


def _pending_checkout(manager: DialogueManager) -> None:
    """Something in the cart, and "Shall I place the order?" waiting for its answer."""
    added = manager.handle_text("add milk")
    assert added.cart, added.reply
    asked = manager.handle_text("check out")
    assert manager.state.confirm is not None and manager.state.confirm.kind == "checkout", \
        asked.reply


@pytest.mark.slow
def test_a_server_down_mid_session_loses_nothing(nlu_server: NluServer, shop_url: str) -> None:
    manager = _kiosk(nlu_server, shop_url)
    _pending_checkout(manager)
    before = _snapshot(manager)
    asked = manager.state.last_reply
    nlu_server.stop()
    try:
        started = time.monotonic()
        turn = manager.handle_text("yes")
        assert time.monotonic() - started < TIMEOUT
        assert (turn.reply, turn.intent) == (UNREACHABLE, NLU_UNREACHABLE)
        assert _snapshot(manager) == before  # the cart, the pending checkout, its wording
        spoken = Pipeline(None, manager).run_text("yes")  # run and listen: the same turn
        assert spoken.reply == UNREACHABLE
        assert _snapshot(manager) == before and manager.state.last_reply == asked
    finally:
        nlu_server.start()  # the same port: the kiosk's URL is unchanged
    done = manager.handle_text("yes")
    assert done.order is not None, done.reply
    assert done.cart == [] and manager.state.confirm is None


@pytest.mark.slow
def test_a_hung_server_mid_session_times_out_and_loses_nothing(
        nlu_server: NluServer, shop_url: str) -> None:
    manager = _kiosk(nlu_server, shop_url)
    _pending_checkout(manager)
    before = _snapshot(manager)
    assert nlu_server.pid is not None
    os.kill(nlu_server.pid, signal.SIGSTOP)  # alive, listening, and answering nothing
    try:
        started = time.monotonic()
        turn = manager.handle_text("yes")
        waited = time.monotonic() - started
    finally:
        os.kill(nlu_server.pid, signal.SIGCONT)
    assert TIMEOUT - 0.2 < waited < TIMEOUT + 1.0
    assert turn.reply == UNREACHABLE
    assert _snapshot(manager) == before
    done = manager.handle_text("yes")
    assert done.order is not None, done.reply


@pytest.mark.slow
def test_bench_nlu_http_runs_with_tiny_settings(nlu_server: NluServer, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nlu-http.json"
    try:
        main(["--nlu-url", nlu_server.url, "bench", "nlu-http", "--kiosks", "2",
              "--requests", "5", "--out", str(out)])
    except SystemExit as exc:
        assert exc.code in (0, None)
    result = json.loads(out.read_text())
    assert json.loads(capsys.readouterr().out) == result
    assert result["http"]["processes"] == 2 and result["http"]["parses"] == 10
    assert result["http"]["errors"] == 0
    assert result["http"]["p50_ms"] <= result["http"]["p95_ms"] <= result["http"]["p99_ms"]
    assert result["in_process"]["parses"] == 5
    assert result["server"]["started_here"] is False
    assert "cores" in result["machine"]


@pytest.mark.slow
def test_nlu_serve_prints_one_line_and_stops_on_sigterm(model_path: Path) -> None:
    port = free_port()
    cmd = [sys.executable, "-m", "assistant.cli", "nlu", "serve", "--port", str(port),
           "--model", str(model_path)]
    env = {**os.environ, "VOICECART_NLU_TOKEN": "kiosk-secret"}  # the store's shared secret
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # blocks until the model is loaded (or it fails)
        assert line.startswith(f"NLU server ready at http://127.0.0.1:{port} "), line
        assert model_path.name in line and "kiosk-secret" not in line
        url = f"http://127.0.0.1:{port}"
        assert HttpParser(url, token="kiosk-secret").parse("add milk").intent
        with pytest.raises(NluServerError) as refused:  # no token, or a wrong one: refused
            HttpParser(url, retries=0).parse("add milk")
        assert "kiosk-secret" not in refused.value.message
        with pytest.raises(NluServerError):
            HttpParser(url, retries=0, token="guess").check()
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    assert out == ""
    assert err.splitlines() == ["NLU server stopped."]  # nothing of Rasa's on the screen
    with pytest.raises(ServerUnavailable):
        HttpParser(f"http://127.0.0.1:{port}", timeout=1).parse("add milk")

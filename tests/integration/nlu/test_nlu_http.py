"""HttpParser against a real `rasa run --enable-api` server on a free loopback port."""

from __future__ import annotations

import pytest

from nlu.errors import ServerUnavailable
from nlu.http import HttpParser
from nlu.local import LocalParser
from nlu.server import NluServer, free_port
from nlu.types import FALLBACK_INTENT

pytestmark = pytest.mark.slow


@pytest.fixture()
def server(nlu_server: NluServer) -> HttpParser:
    """A client of the session's one server (tests/integration/nlu/conftest.py)."""
    return HttpParser(nlu_server.url, timeout=10)


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
    client = HttpParser(f"http://127.0.0.1:{free_port()}", timeout=2)
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

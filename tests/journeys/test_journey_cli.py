"""``voicecart chat --script FILE --json``: one JSON object per turn, checked by machine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.cli import main

Shop = Any  # the ``shop`` fixture (conftest.py)
pytestmark = pytest.mark.slow  # the real trained NLU model


def test_chat_script_json(shop: Shop, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "session.txt"
    script.write_text("add bananas\nsix\nwhat's in my cart\ngoodbye\nadd eggs\n",
                      encoding="utf-8")
    monkeypatch.setenv("VOICECART_SUGGESTIONS", "false")
    main(["--db", shop.db_url, "--customer", "guest", "chat",
          "--script", str(script), "--json"])
    turns = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(turns) == 4  # stops at goodbye
    assert [set(t) for t in turns] == [{"user", "intent", "entities", "reply", "cart", "order"}] * 4
    assert turns[0]["reply"].startswith("Added one Bananas")  # a missing count is one
    assert turns[1]["cart"] == [{"name": "Bananas", "quantity": 6, "line_total_cents": 390,
                                 "modifiers": [], "sku": "GRO-0001"}]
    assert turns[2]["intent"] == "view_cart"
    assert turns[3]["intent"] == "goodbye"


def _voicecart(*args: str, stdin: str = "", env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).with_name("voicecart")), *args]
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONWARNINGS")}
    return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=300,
                          env={**clean, **(env or {})}, check=False)


def test_a_typed_session_shows_people_only_the_assistant(shop: Shop, tmp_path: Path) -> None:
    """A real process, as a shopper runs it: no library warning on either stream."""
    script = tmp_path / "session.txt"
    script.write_text("how much are the bananas\nadd two bananas\ngoodbye\n", encoding="utf-8")
    done = _voicecart("--db", shop.db_url, "chat", "--script", str(script),
                      env={"XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 4 and all(line.startswith("assistant: ") for line in lines), lines
    assert done.stderr == ""
    verbose = _voicecart("--verbose", "--db", shop.db_url, "chat", "--script",
                         str(script), env={"XDG_DATA_HOME": str(tmp_path / "xdg2")})
    assert "Warning" in verbose.stderr  # the libraries' own, shown when asked for


def test_end_of_input_ends_a_typed_session_with_a_goodbye(shop: Shop, tmp_path: Path) -> None:
    done = _voicecart("--db", shop.db_url, "chat", stdin="add two bananas\n",
                      env={"XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("assistant: Thanks for shopping with us. Goodbye!")
    assert "Stopped" not in done.stderr and "Traceback" not in done.stderr


def test_each_kiosk_has_its_own_guest_and_a_customer_one_conversation(
        shop: Shop, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two kiosks of one store on one database: their guests' carts are apart; a signed-in
    customer's question asked at one kiosk is answered at the other."""
    monkeypatch.setenv("VOICECART_SUGGESTIONS", "false")

    def kiosk(name: str, customer: str, *lines: str) -> dict[str, Any]:
        script = tmp_path / f"{name}.txt"
        script.write_text("\n".join(lines) + "\n", encoding="utf-8")
        main(["--db", shop.db_url, "--kiosk", name, "--customer", customer, "chat",
              "--script", str(script), "--json"])
        return json.loads(capsys.readouterr().out.splitlines()[-1])

    assert kiosk("aisle-1", "guest", "add two bananas")["cart"][0]["quantity"] == 2
    assert kiosk("aisle-2", "guest", "what's in my cart")["cart"] == []
    asked = kiosk("aisle-1", "bob", "add two bananas", "empty my cart")
    assert asked["cart"] and asked["intent"] == "clear_cart"
    assert kiosk("aisle-2", "bob", "yes")["cart"] == []

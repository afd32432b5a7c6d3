"""``voicecart chat --script FILE --json``: one JSON object per turn, checked by machine."""

from __future__ import annotations

import json
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
    main(["--db", f"sqlite:///{shop.db_path}", "--customer", "guest", "chat",
          "--script", str(script), "--json"])
    turns = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(turns) == 4  # stops at goodbye
    assert [set(t) for t in turns] == [{"user", "intent", "entities", "reply", "cart", "order"}] * 4
    assert turns[0]["reply"] == "How many Bananas would you like?"
    assert turns[1]["cart"] == [{"name": "Bananas", "quantity": 6, "line_total_cents": 390,
                                 "modifiers": [], "sku": "GRO-0001"}]
    assert turns[2]["intent"] == "view_cart"
    assert turns[3]["intent"] == "goodbye"

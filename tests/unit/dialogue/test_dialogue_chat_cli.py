"""``voicecart chat`` refuses clearly when there is no database (it never creates one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli import main


def test_chat_without_database_says_how_to_make_one(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "none.sqlite"
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", f"sqlite:///{db}", "chat", "--script", __file__])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Error: ")
    assert err[0].endswith("run: voicecart db init --seed")
    assert not db.exists()


def test_chat_on_empty_file_without_schema(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "empty.sqlite"
    db.touch()
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", f"sqlite:///{db}", "chat", "--script", __file__])
    assert exit_info.value.code == 2
    assert "voicecart db init --seed" in capsys.readouterr().err

"""Settings: defaults < environment < options, every value checked with one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import Settings, SettingsError


def test_options_override_the_environment_which_overrides_defaults() -> None:
    assert Settings.load({}).store == "grocery"
    assert Settings.load({"VOICECART_STORE": "cafe"}).store == "cafe"
    assert Settings.load({"VOICECART_STORE": "cafe"}, store="grocery").store == "grocery"
    assert Settings.load({"VOICECART_TTS_RATE": "150"}).tts_rate == 150
    assert Settings.load({"VOICECART_SUGGESTIONS": "no"}).suggestions is False
    assert Settings.load({"VOICECART_NLU_MODEL": "/m"}).nlu_model == Path("/m")


def test_each_bad_value_is_named_with_where_it_came_from() -> None:
    with pytest.raises(SettingsError) as err:
        Settings.load({"VOICECART_TTS_RATE": "fast", "VOICECART_STORE": "pharmacy"})
    lines = err.value.message.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("VOICECART_STORE: 'pharmacy'") and "cafe, grocery" in lines[0]
    assert lines[1].startswith("VOICECART_TTS_RATE: 'fast'")
    with pytest.raises(SettingsError, match="^--store: 'bakery'"):
        Settings.load({}, store="bakery")
    with pytest.raises(SettingsError, match="VOICECART_TTS_VOLUME"):
        Settings.load({"VOICECART_TTS_VOLUME": "3"})
    with pytest.raises(SettingsError, match="database URL"):
        Settings.load({"VOICECART_DB_URL": "shop.sqlite"})


def test_a_copy_with_changes_is_checked_and_the_original_stays() -> None:
    base = Settings.load({})
    assert base.replace(store="cafe", customer=None).store == "cafe"
    assert base.store == "grocery"
    with pytest.raises(SettingsError):
        base.replace(tts_rate=-5)
    with pytest.raises(TypeError):
        base.store = "cafe"  # type: ignore[misc]


def test_a_bad_setting_stops_the_command_line_with_one_line(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.cli import main

    monkeypatch.setenv("VOICECART_TTS_RATE", "fast")
    with pytest.raises(SystemExit) as exit_info:
        main(["catalog", "search", "milk"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["Error: VOICECART_TTS_RATE: 'fast' is not usable "
                   "(value is not a valid integer)."]

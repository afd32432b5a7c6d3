"""`voicecart bench search | pipeline | startup`: real components, small runs, JSON saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.settings import DATA_DIR
from commerce.seed import seed_database

pytestmark = pytest.mark.slow


def _bench(args: list[str], out: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    try:
        main([*args, "--out", str(out)])
    except SystemExit as exc:
        assert exc.code in (0, None), capsys.readouterr()
    printed = json.loads(capsys.readouterr().out)
    assert json.loads(out.read_text()) == printed
    return printed


def test_search_on_a_generated_and_on_the_seeded_catalog(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    generated = _bench(["bench", "search", "--products", "400", "--repeat", "1"],
                       tmp_path / "gen.json", capsys)
    assert generated["n_products"] > 300 and 0 < generated["p50_ms"] <= generated["p95_ms"]
    url = f"sqlite:///{tmp_path / 'shop.sqlite'}"
    seed_database(url, DATA_DIR)
    seeded = _bench(["--db", url, "bench", "search", "--seeded", "--repeat", "1"],
                    tmp_path / "seeded.json", capsys)
    assert seeded["n_products"] > 500 and seeded["machine"]


def test_search_of_a_missing_database_is_one_clear_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", f"sqlite:///{tmp_path / 'none.sqlite'}", "bench", "search", "--seeded"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip().startswith("Error: There is no shop database")
    assert not (tmp_path / "none.sqlite").exists()


def test_pipeline_latency_through_the_kiosk_loop(
        corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = _bench(["bench", "pipeline", "--corpus", str(corpus_dir), "--limit", "2",
                     "--speed", "4"], tmp_path / "pipeline.json", capsys)
    (variant,) = result["variants"]
    assert result["files"] == 2 and variant["turns"] >= 2, variant
    assert result["peak_rss_mb"] > 0 and result["machine"]


def test_startup_reaches_ready(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = _bench(["bench", "startup", "--runs", "1"], tmp_path / "startup.json", capsys)
    assert result["ready_seconds"]["median"] > 0 and result["rss_mb_at_ready"] > 0

"""The shop CLI through click's CliRunner on assistant.cli.cli, on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from assistant.cli import cli, main
from commerce.errors import CommerceError

DATA = Path(__file__).resolve().parents[3] / "data"
pytestmark = pytest.mark.skipif(not (DATA / "stores" / "grocery.json").exists(),
                                reason="store data not written yet")


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(cli, ["--db", url, *args], catch_exceptions=False)

    return invoke


@pytest.fixture
def seeded(run):  # type: ignore[no-untyped-def]
    result = run("db", "init", "--seed")
    assert result.exit_code == 0, result.output
    assert "grocery" in result.output and "cafe" in result.output
    return run


def test_init_seed_then_json_search(seeded) -> None:  # type: ignore[no-untyped-def]
    result = seeded("--json", "catalog", "search", "oat milk")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["confident"] is True
    hits = data["hits"]
    assert "oat milk" in hits[0]["product"]["name"].lower()
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert isinstance(hits[0]["product"]["price_cents"], int)


@pytest.mark.parametrize("query", ["bananna", "tropicanna"])
def test_misheard_queries_still_find_the_product(seeded, query: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(seeded("catalog", "search", query, "--json").output)
    assert data["confident"]
    top = data["hits"][0]["product"]
    assert query[:5] in f"{top['brand']} {top['name']}".lower()


def test_init_if_missing_keeps_data(seeded) -> None:  # type: ignore[no-untyped-def]
    seeded("--customer", "guest", "cart", "add", "bananas", "--qty", "2")
    result = seeded("db", "init", "--seed", "--if-missing")
    assert result.exit_code == 0 and "ready" in result.output
    assert seeded("--json", "--customer", "guest", "cart", "show").output.count('"quantity": 2')


def test_cart_add_show_remove_clear(seeded) -> None:  # type: ignore[no-untyped-def]
    add = seeded("--customer", "guest", "--json", "cart", "add", "GRO-0001", "--qty", "3")
    assert add.exit_code == 0, add.output
    cart = json.loads(add.output)
    assert cart["lines"][0]["quantity"] == 3
    assert cart["total_cents"] == cart["subtotal_cents"] + cart["tax_cents"]
    shown = seeded("--customer", "guest", "cart", "show")
    assert "Total $" in shown.output
    assert seeded("--customer", "guest", "cart", "remove", "bananas").exit_code == 0
    assert seeded("--customer", "guest", "cart", "clear").exit_code != 0  # needs --yes
    assert "empty" in seeded("--customer", "guest", "cart", "clear", "--yes").output


def test_cafe_drink_with_modifiers(seeded) -> None:  # type: ignore[no-untyped-def]
    result = seeded("--store", "cafe", "--customer", "guest", "--json", "cart", "add", "latte",
                    "--modifier", "size=large", "--modifier", "milk=a lot of soy milk")
    assert result.exit_code == 0, result.output
    line = json.loads(result.output)["lines"][0]
    assert {"group": "milk", "option": "soy milk", "amount": "a lot of"} in line["modifiers"]


def test_checkout_orders_and_cancel(seeded) -> None:  # type: ignore[no-untyped-def]
    seeded("--customer", "alice", "cart", "add", "bananas")
    with pytest.raises(CommerceError) as err:
        seeded("--customer", "alice", "cart", "checkout", "--yes", "--pin", "0000")
    assert err.value.code == "wrong_pin"
    placed = seeded("--customer", "alice", "--json", "cart", "checkout", "--yes", "--pin", "2468",
                    "--key", "k-1")
    assert placed.exit_code == 0, placed.output
    order = json.loads(placed.output)
    again = json.loads(seeded("--customer", "alice", "--json", "cart", "checkout", "--yes",
                              "--pin", "2468", "--key", "k-1").output)
    assert again["id"] == order["id"]
    status = json.loads(seeded("--customer", "alice", "--json", "orders", "status").output)
    assert status["id"] == order["id"] and status["status"] == "placed"
    listed = json.loads(seeded("--customer", "alice", "--json", "orders", "list").output)
    assert listed[0]["id"] == order["id"]
    cancelled = seeded("--customer", "alice", "--json", "orders", "cancel", str(order["id"]),
                       "--yes")
    assert json.loads(cancelled.output)["status"] == "cancelled"


def test_reorder_shows_then_adds(seeded) -> None:  # type: ignore[no-untyped-def]
    shown = json.loads(seeded("--customer", "alice", "--json", "reorder", "usual").output)
    assert shown["added"] is False and shown["proposal"]["lines"]
    cart = json.loads(seeded("--customer", "alice", "--json", "cart", "show").output)
    before = sum(line["quantity"] for line in cart["lines"])
    added = json.loads(seeded("--customer", "alice", "--json", "reorder", "usual",
                              "--yes").output)
    assert added["added"] is True
    assert sum(x["quantity"] for x in added["cart"]["lines"]) > before


def test_expected_errors_are_one_line_with_exit_2(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'none.sqlite'}"
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", url, "catalog", "search", "milk"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error:") and "voicecart db init" in err and "\n" not in err
    main(["--db", url, "db", "init", "--seed"])
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", url, "--customer", "guest", "cart", "add", "bananas", "--qty", "100"])
    assert exit_info.value.code == 2
    assert "between 1 and 99" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--db", url, "--customer", "nobody", "cart", "show"])
    assert "nobody" in capsys.readouterr().err


def test_db_upgrade_then_unknown_store(run) -> None:  # type: ignore[no-untyped-def]
    result = run("db", "upgrade")
    assert result.exit_code == 0 and "up to date" in result.output
    assert "Nothing found" in run("catalog", "search", "milk").output
    from commerce.errors import StoreNotFound

    run("db", "init", "--seed", "--store", "grocery")
    with pytest.raises(StoreNotFound):
        run("--store", "cafe", "--customer", "guest", "cart", "show")

"""Kiosk processes (not threads) race for the last units of the same products at once, on
each backend: the load benchmark's own run, small, with its audit of the database."""

from __future__ import annotations

from assistant.bench.load import HOT, LoadOptions, audit, prepare, run_kiosks
from assistant.bench.load_report import summarise


def test_kiosk_processes_never_oversell_or_order_twice(db_url: str) -> None:
    options = LoadOptions(kiosks=3, orders=60, hot_stock=2)
    initial = prepare(db_url, options)
    results, wall = run_kiosks(db_url, options)
    checks = audit(db_url, initial)
    summary = summarise(results, wall, checks, db_url, options)
    assert summary["errors"] == {}
    assert summary["oversells"] == 0 and checks["stock_mismatch"] == 0
    assert summary["double_orders"] == 0
    # Demand for the hot products is several times their stock: most sell out, never beyond
    # it, and every shopper refused was told which item ran out.
    assert checks["hot_units_sold"] <= checks["hot_units_stocked"] == 2 * HOT
    assert checks["sold_out_products"] >= HOT // 2
    assert summary["refused"].get("out_of_stock", 0) > 0
    assert summary["refusals_without_the_item"] == 0
    assert summary["orders_placed"] == checks["orders_in_db"] > 0

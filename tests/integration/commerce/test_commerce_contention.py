"""Kiosk processes (not threads) race for the last units of the same products at once, on
each backend: the load benchmark's own run, small, with its audit of the database."""

from __future__ import annotations

from assistant.bench.load import (
    HOT,
    SHOPPERS_PER_KIOSK,
    LoadOptions,
    audit,
    prepare,
    run_kiosks,
)
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
    gone = summary["refused"].get("out_of_stock", 0)  # at checkout: another kiosk was first
    assert gone + summary["refused_when_added"].get("out_of_stock", 0) > 0
    assert summary["refusals_without_the_item"] == 0
    assert summary["orders_placed"] + summary["rush"]["placed"] == checks["orders_in_db"]
    # The rush: 60 shoppers hold one of 6 last units and check out at the same moment.
    rush = summary["rush"]
    assert rush["shoppers"] == 3 * SHOPPERS_PER_KIOSK
    assert rush["placed"] == checks["last_units_sold"] == checks["last_units_stocked"] == 6
    assert rush["refused_naming_the_item"] == rush["shoppers"] - 6

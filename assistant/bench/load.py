"""Many kiosks, one store: N kiosk *processes* fill carts and check out at the same moment,
racing for the last units of a few hot products, then all at the same moment for the last few
units of one.

    voicecart bench load --kiosks 8 --orders 2000 [--db URL | --backend postgresql]

Each kiosk has its own shoppers. An order is one to three lines, half of them with a hot
product (stock for a fraction of the demand); one checkout in ten is said twice at once (two
threads, the same idempotency key: a repeated "yes"), and one in ten is sent again afterwards.
Afterwards the database is audited: units sold against the starting stock (oversells), orders
per idempotency key and duplicates that got a second order (double orders), and every refused
shopper must have heard which item ran out. Last, the rush: every shopper holds one "Last
Item" (two per kiosk in stock) and all kiosks check out together.
"""

from __future__ import annotations

import multiprocessing
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from commerce.cart import add_to_cart, clear_cart
from commerce.catalog.models import Product
from commerce.customers import create_customer
from commerce.db import make_engine, session_factory, unit_of_work, upgrade
from commerce.errors import CommerceError, OutOfStock
from commerce.orders.checkout import checkout
from commerce.orders.models import Order, OrderLine
from commerce.seed import apply_store
from storedata.storefile import parse_store

STORE = "loadbench"
HOT, PLAIN = 8, 40
SHOPPERS_PER_KIOSK = 20
# Hot demand is half the orders × 1.5 units; stocked: a third of it, so most hot items sell out.
HOT_SHARE = 0.25
# The rush: every shopper of every kiosk holds one of these, two per kiosk are in stock, and
# they all check out at the same moment.
LAST = "LAST-00"
LAST_PER_KIOSK = 2


@dataclass(frozen=True)
class LoadOptions:
    kiosks: int = 8
    orders: int = 2000
    hot_stock: int = 0  # units of each hot product (0: a third of the expected demand)
    seed: int = 11


@dataclass
class KioskResult:
    """What one kiosk process saw."""

    kiosk: int
    latencies_ms: list[float] = field(default_factory=list)  # one per checkout attempt
    finished_at: list[float] = field(default_factory=list)  # seconds since the start
    placed: list[tuple[str, int]] = field(default_factory=list)  # (key, order id)
    refused: Counter[str] = field(default_factory=Counter)  # checkout refusals by code
    refused_at_add: Counter[str] = field(default_factory=Counter)  # an item already gone
    orders_refused: int = 0  # orders that ended without an order (the cart given up)
    main_seconds: float = 0.0  # the ordering phase, before the rush
    rush_placed: int = 0  # the last units: every shopper holds one, all check out at once
    rush_refused: int = 0
    rush_unnamed: int = 0  # refused without naming the item
    unnamed_refusals: int = 0  # out of stock without saying which item
    duplicate_mismatch: int = 0  # the same key answered with two different orders
    errors: Counter[str] = field(default_factory=Counter)  # unexpected exceptions by class


def store_document(hot_stock: int, last_units: int) -> dict[str, Any]:
    products = [{"sku": f"HOT-{i:02d}", "name": f"Hot Item {i}", "category": "load",
                 "price_cents": 199 + i, "stock": hot_stock}
                for i in range(HOT)]
    products.append({"sku": LAST, "name": "Last Item", "category": "load", "price_cents": 999,
                     "stock": last_units})
    products += [{"sku": f"PLN-{i:02d}", "name": f"Plain Item {i}", "category": "load",
                  "price_cents": 299 + i, "stock": 1_000_000} for i in range(PLAIN)]
    return {"store": {"code": STORE, "name": "Load bench", "currency": "USD",
                      "tax_rate_bp": 825},
            "categories": [{"name": "load"}], "products": products}


def prepare(url: str, options: LoadOptions) -> dict[str, int]:
    """Schema, the bench store and every kiosk's shoppers; the starting stock by SKU."""
    upgrade(url)
    hot_stock = options.hot_stock or max(1, round(options.orders * HOT_SHARE / HOT))
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            document = store_document(hot_stock, LAST_PER_KIOSK * options.kiosks)
            unit_of_work(session, lambda: apply_store(session, parse_store(
                document, "the load bench store")))
            for kiosk in range(options.kiosks):
                for n in range(SHOPPERS_PER_KIOSK):
                    create_customer(session, f"k{kiosk}-s{n}", f"Shopper {n}", store=STORE)
            rows = session.execute(select(Product.sku, Product.stock)
                                   .where(Product.store_code == STORE)).all()
            return {sku: int(stock) for sku, stock in rows}
    finally:
        engine.dispose()


def _fill(session: Any, shopper: str, ids: dict[str, int], rng: random.Random,
          result: KioskResult) -> None:
    """One to three lines; a line refused (a hot item already sold out) leaves the others."""
    wanted = [(f"HOT-{rng.randrange(HOT):02d}", rng.randint(1, 2))] if rng.random() < 0.5 else []
    wanted += [(f"PLN-{rng.randrange(PLAIN):02d}", rng.randint(1, 3))
               for _ in range(rng.randint(1, 2))]
    for sku, quantity in wanted:
        try:
            add_to_cart(session, shopper, ids[sku], quantity, store=STORE)
        except CommerceError as exc:
            result.refused_at_add[exc.code] += 1


def _checkout(factory: Any, shopper: str, key: str, result: KioskResult, t0: float,
              seen: list[int]) -> None:
    start = time.perf_counter()
    with factory() as session:
        try:
            order = checkout(session, shopper, store=STORE, idempotency_key=key)
            seen.append(order.id)
        except OutOfStock as exc:
            result.refused[exc.code] += 1
            result.unnamed_refusals += 0 if exc.items and all(exc.items) else 1
            clear_cart(session, shopper, store=STORE)  # the shopper gives up this order
        except CommerceError as exc:
            result.refused[exc.code] += 1
        except Exception as exc:  # noqa: BLE001 - counted by kind: the figure the bench reports
            result.errors[type(exc).__name__] += 1
    end = time.perf_counter()
    result.latencies_ms.append((end - start) * 1000)
    result.finished_at.append(end - t0)


def kiosk_run(url: str, kiosk: int, orders: int, seed: int, start: Any, rush: Any,
              queue: Any) -> None:
    """One kiosk process: its own engine, its shoppers in turn, ``orders`` checkouts."""
    rng = random.Random(seed * 1000 + kiosk)
    engine = make_engine(url)
    factory = session_factory(engine)
    with factory() as session:
        ids = dict(session.execute(select(Product.sku, Product.id)
                                   .where(Product.store_code == STORE)).all())
    result = KioskResult(kiosk)
    start.wait()
    t0 = time.perf_counter()
    for n in range(orders):
        shopper = f"k{kiosk}-s{n % SHOPPERS_PER_KIOSK}"
        with factory() as session:
            _fill(session, shopper, ids, rng, result)
        key = f"k{kiosk}-o{n}"
        seen: list[int] = []
        if rng.random() < 0.1:  # "yes" said twice at once: two threads, one key
            twins = [threading.Thread(target=_checkout,
                                      args=(factory, shopper, key, result, t0, seen))
                     for _ in range(2)]
            for thread in twins:
                thread.start()
            for thread in twins:
                thread.join()
        else:
            _checkout(factory, shopper, key, result, t0, seen)
        if rng.random() < 0.1:  # the kiosk sends the same "yes" again later
            _checkout(factory, shopper, key, result, t0, seen)
        if len(set(seen)) > 1:
            result.duplicate_mismatch += 1
        if seen:
            result.placed.append((key, seen[0]))
        else:
            result.orders_refused += 1
    result.main_seconds = time.perf_counter() - t0
    _rush(factory, kiosk, ids[LAST], rush, result)
    engine.dispose()
    queue.put(result)


def _rush(factory: Any, kiosk: int, last_id: int, rush: Any, result: KioskResult) -> None:
    """Each shopper adds the last item (in stock for a few); all kiosks check out together."""
    shoppers = [f"k{kiosk}-s{n}" for n in range(SHOPPERS_PER_KIOSK)]
    with factory() as session:
        for shopper in shoppers:
            clear_cart(session, shopper, store=STORE)
            add_to_cart(session, shopper, last_id, 1, store=STORE)
    rush.wait()
    for shopper in shoppers:
        with factory() as session:
            try:
                checkout(session, shopper, store=STORE, idempotency_key=f"{shopper}-last")
                result.rush_placed += 1
            except OutOfStock as exc:
                result.rush_refused += 1
                result.rush_unnamed += 0 if exc.items == ["Last Item"] else 1


def run_kiosks(url: str, options: LoadOptions) -> tuple[list[KioskResult], float]:
    """Start every kiosk process, release them together; their results and the wall time."""
    context = multiprocessing.get_context("spawn")  # no engine or thread state is inherited
    start, queue = context.Event(), context.Queue()
    rush = context.Barrier(options.kiosks)
    share, extra = divmod(options.orders, options.kiosks)
    processes = [context.Process(target=kiosk_run, args=(url, k, share + (k < extra),
                                                         options.seed, start, rush, queue))
                 for k in range(options.kiosks)]
    for process in processes:
        process.start()
    time.sleep(0.5)
    t0 = time.perf_counter()
    start.set()
    results = [queue.get() for _ in processes]
    wall = time.perf_counter() - t0
    for process in processes:
        process.join()
    return sorted(results, key=lambda r: r.kiosk), wall


def audit(url: str, initial: dict[str, int]) -> dict[str, int]:
    """Oversold products and keys with more than one order, from the database itself."""
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            sold = dict(session.execute(
                select(OrderLine.sku, func.sum(OrderLine.quantity))
                .join(Order, Order.id == OrderLine.order_id)
                .where(Order.store_code == STORE).group_by(OrderLine.sku)).all())
            stock = dict(session.execute(select(Product.sku, Product.stock)
                                         .where(Product.store_code == STORE)).all())
            keys = session.execute(
                select(Order.idempotency_key).where(Order.store_code == STORE)
                .group_by(Order.idempotency_key).having(func.count(Order.id) > 1)).all()
            orders = session.execute(select(func.count(Order.id))
                                     .where(Order.store_code == STORE)).scalar_one()
    finally:
        engine.dispose()
    oversold = sum(1 for sku, units in sold.items() if units > initial[sku])
    drift = sum(1 for sku in initial if stock[sku] != initial[sku] - int(sold.get(sku, 0)))
    sold_out = sum(1 for sku in initial if stock[sku] == 0)
    return {"orders_in_db": int(orders), "oversold_products": oversold,
            "negative_stock": sum(1 for v in stock.values() if v < 0),
            "stock_mismatch": drift, "keys_with_two_orders": len(keys),
            "hot_units_sold": int(sum(v for k, v in sold.items() if k.startswith("HOT"))),
            "hot_units_stocked": sum(v for k, v in initial.items() if k.startswith("HOT")),
            "last_units_sold": int(sold.get(LAST, 0)), "last_units_stocked": initial[LAST],
            "sold_out_products": sold_out}

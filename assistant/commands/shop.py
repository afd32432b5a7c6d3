"""`voicecart catalog|cart|orders|reorder`: the shop from the command line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click
from sqlalchemy.orm import Session

from assistant.settings import Settings
from commerce import cart as carts
from commerce import orders as order_service
from commerce import reorder as reorders
from commerce.catalog import ChosenModifier, ProductInfo, resolve_product, search
from commerce.customers import get_customer, verify_pin
from commerce.db import open_shop, session_factory
from commerce.errors import CartLineNotFound, CommerceError, InvalidData
from commerce.money import format_cents, parse_price_to_cents
from commerce.serialize import to_data

JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")


@contextmanager
def shop_session(settings: Settings) -> Iterator[Session]:
    engine = open_shop(settings.db_url)
    session = session_factory(engine)()
    try:
        yield session
    finally:
        session.close()
        engine.dispose()


def emit(settings: Settings, as_json: bool, value: Any, text: str) -> None:
    click.echo(json.dumps(to_data(value), indent=2) if settings.json_output or as_json else text)


def cart_text(view: carts.CartView) -> str:
    if view.is_empty:
        return "Your cart is empty."
    rows = [f"{line.line_id:>4}  {line.quantity} x {line.description}"
            f"  {format_cents(line.line_total_cents, view.currency)}"
            + ("" if line.in_stock else "  (out of stock)") for line in view.lines]
    money = [f"Subtotal {format_cents(view.subtotal_cents, view.currency)}",
             f"Tax {format_cents(view.tax_cents, view.currency)}",
             f"Total {format_cents(view.total_cents, view.currency)}"]
    return "\n".join([*rows, "      " + " | ".join(money)])


def order_text(order: order_service.OrderView) -> str:
    head = (f"Order {order.id} ({order.store}): {order.status}. Placed "
            f"{order.placed_at:%Y-%m-%d %H:%M} UTC, {order.item_count} items, "
            f"total {format_cents(order.total_cents, order.currency)}")
    return "\n".join([head, *(f"    {x.quantity} x {x.name}  "
                              f"{format_cents(x.line_total_cents, order.currency)}"
                              for x in order.lines)])


@click.group()
def catalog() -> None:
    """Browse the catalog."""


@catalog.command(name="search")
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 50))
@click.option("--category", default=None)
@click.option("--brand", default=None)
@click.option("--max-price", default=None, help="Price bound, e.g. 7.50")
@JSON_OPTION
@click.pass_obj
def search_cmd(settings: Settings, query: tuple[str, ...], limit: int, category: str | None,
               brand: str | None, max_price: str | None, as_json: bool) -> None:
    """Search products as you would say it: "tropicana orange juice", "coffee under $10"."""
    bound = parse_price_to_cents(max_price) if max_price else None
    with shop_session(settings) as session:
        result = search(session, " ".join(query), store=settings.store, category=category,
                        brand=brand, max_price_cents=bound, limit=limit)
    lines = [f"{i}. {h.product.display_name}"
             f"{' (' + h.product.size + ')' if h.product.size else ''}"
             f"  {format_cents(h.product.price_cents, h.product.currency)}  [{h.product.sku}, "
             f"score {h.score:.0f}]{'' if h.product.in_stock else '  out of stock'}"
             for i, h in enumerate(result.hits, 1)]
    if not result.hits:
        lines.append(f"Nothing found for {result.query!r}.")
    if result.did_you_mean:
        lines.append("Did you mean: " + "; ".join(result.did_you_mean) + "?")
    emit(settings, as_json, result, "\n".join(lines))


@click.group()
def cart() -> None:
    """Look at and change your cart."""


@cart.command()
@JSON_OPTION
@click.pass_obj
def show(settings: Settings, as_json: bool) -> None:
    """Show the cart with line totals, tax and total."""
    with shop_session(settings) as session:
        view = carts.view_cart(session, settings.customer, store=settings.store)
    emit(settings, as_json, view, cart_text(view))


def parse_modifiers(product: ProductInfo, specs: tuple[str, ...]) -> list[ChosenModifier]:
    chosen = []
    for spec in specs:
        group, sep, option = spec.partition("=")
        if not sep or not group.strip() or not option.strip():
            raise InvalidData(f"Write a modifier as group=option, not {spec!r}.",
                              code="bad_modifier_syntax")
        amount = None
        info = product.group(group)
        for phrase in sorted(info.amounts if info else [], key=len, reverse=True):
            if option.strip().lower().startswith(phrase + " "):
                amount, option = phrase, option.strip()[len(phrase):]
                break
        chosen.append(ChosenModifier(group.strip(), option.strip(), amount))
    return chosen


@cart.command()
@click.argument("item", nargs=-1, required=True)
@click.option("--qty", "quantity", default=1, show_default=True, type=int)
@click.option("--modifier", "modifiers", multiple=True, help="group=option, e.g. size=large")
@JSON_OPTION
@click.pass_obj
def add(settings: Settings, item: tuple[str, ...], quantity: int, modifiers: tuple[str, ...],
        as_json: bool) -> None:
    """Add a product by SKU or by name."""
    with shop_session(settings) as session:
        product = resolve_product(session, " ".join(item), store=settings.store)
        view = carts.add_to_cart(session, settings.customer, product.id, quantity,
                                 parse_modifiers(product, modifiers), store=settings.store)
    emit(settings, as_json, view, f"Added {quantity} x {product.display_name}.\n"
                                  + cart_text(view))


@cart.command()
@click.argument("line", nargs=-1, required=True)
@JSON_OPTION
@click.pass_obj
def remove(settings: Settings, line: tuple[str, ...], as_json: bool) -> None:
    """Remove a line by its number or by name."""
    text = " ".join(line)
    with shop_session(settings) as session:
        view = carts.view_cart(session, settings.customer, store=settings.store)
        target = (next((x for x in view.lines if str(x.line_id) == text), None)
                  or carts.find_line(view, text))
        if target is None:
            raise CartLineNotFound(text)
        view = carts.remove_line(session, settings.customer, target.line_id, store=settings.store)
    emit(settings, as_json, view, f"Removed {target.description}.\n" + cart_text(view))


@cart.command()
@click.option("--yes", is_flag=True, help="Really empty the cart.")
@JSON_OPTION
@click.pass_obj
def clear(settings: Settings, yes: bool, as_json: bool) -> None:
    """Empty the cart (needs --yes)."""
    if not yes:
        raise click.UsageError("Add --yes to empty the cart.")
    with shop_session(settings) as session:
        view = carts.clear_cart(session, settings.customer, store=settings.store)
    emit(settings, as_json, view, "Your cart is empty.")


@cart.command(name="checkout")
@click.option("--yes", is_flag=True, help="Really place the order.")
@click.option("--pin", default=None, help="Your PIN (when the account has one).")
@click.option("--key", default=None, help="Idempotency key (repeat it to retry safely).")
@JSON_OPTION
@click.pass_obj
def checkout_cmd(settings: Settings, yes: bool, pin: str | None, key: str | None,
                 as_json: bool) -> None:
    """Place the cart as an order (needs --yes)."""
    with shop_session(settings) as session:
        if not yes:
            check = order_service.can_checkout(session, settings.customer, store=settings.store)
            view = carts.view_cart(session, settings.customer, store=settings.store)
            note = "Add --yes to place the order." if check.ok else check.message
            emit(settings, as_json, {"cart": view, "check": check}, cart_text(view) + "\n" + note)
            return
        if get_customer(session, settings.customer).has_pin:
            result = verify_pin(session, settings.customer, pin or "")
            if not result.ok:
                raise CommerceError(result.message, code=result.reason)
        order = order_service.checkout(session, settings.customer, store=settings.store,
                                       idempotency_key=key or order_service.new_idempotency_key())
    emit(settings, as_json, order, order_text(order))


@click.group()
def orders() -> None:
    """Your orders: history, status, cancel."""


@orders.command(name="list")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@JSON_OPTION
@click.pass_obj
def list_cmd(settings: Settings, limit: int, as_json: bool) -> None:
    """Your past orders, newest first."""
    with shop_session(settings) as session:
        found = order_service.list_orders(session, settings.customer, limit=limit)
    emit(settings, as_json, found,
         "\n".join(order_text(o) for o in found) or "You have no orders yet.")


@orders.command()
@click.argument("order_id", required=False, type=int)
@JSON_OPTION
@click.pass_obj
def status(settings: Settings, order_id: int | None, as_json: bool) -> None:
    """Status of an order (default: your latest open order)."""
    with shop_session(settings) as session:
        if order_id is None:
            order = order_service.latest_open_order(session, settings.customer)
            if order is None:
                emit(settings, as_json, None, "You have no open orders.")
                return
        else:
            order = order_service.get_order(session, settings.customer, order_id)
    emit(settings, as_json, order, order_text(order))


@orders.command()
@click.argument("order_id", type=int)
@click.option("--yes", is_flag=True, help="Really cancel.")
@JSON_OPTION
@click.pass_obj
def cancel(settings: Settings, order_id: int, yes: bool, as_json: bool) -> None:
    """Cancel an order that is not yet ready or shipped (needs --yes)."""
    if not yes:
        raise click.UsageError("Add --yes to cancel the order.")
    with shop_session(settings) as session:
        order = order_service.cancel_order(session, settings.customer, order_id)
    emit(settings, as_json, order, f"Cancelled.\n{order_text(order)}")


@click.command()
@click.argument("target", nargs=-1)
@click.option("--yes", is_flag=True, help="Add the proposal to the cart.")
@JSON_OPTION
@click.pass_obj
def reorder(settings: Settings, target: tuple[str, ...], yes: bool, as_json: bool) -> None:
    """Reorder: last (default), usual, or an item from past orders. Shows; --yes adds."""
    with shop_session(settings) as session:
        proposal = reorders.propose(session, settings.customer, " ".join(target) or "last",
                                    store=settings.store)
        lines = [f"    {x.quantity} x {x.name}  {format_cents(x.unit_price_cents * x.quantity)}"
                 for x in proposal.lines]
        if proposal.unavailable:
            lines.append("Not available now: " + ", ".join(proposal.unavailable))
        if not yes:
            emit(settings, as_json, {"proposal": proposal, "added": False},
                 "\n".join([f"Reorder ({proposal.kind}):", *lines,
                            "Add --yes to put these in your cart."]))
            return
        view = reorders.apply_proposal(session, settings.customer, proposal,
                                       store=settings.store)
    emit(settings, as_json, {"proposal": proposal, "added": True, "cart": view},
         "Added to your cart:\n" + "\n".join(lines) + "\n" + cart_text(view))

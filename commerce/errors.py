"""Typed errors of the commerce core: each has a short ``code`` and a ``message`` to read aloud."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from storedata.errors import ExpectedError
from storedata.words import join_words


class CommerceError(ExpectedError):
    """Base of every expected commerce failure."""

    code: str = "commerce_error"


class SchemaMissing(CommerceError):
    code = "schema_missing"

    def __init__(self, url: str) -> None:
        super().__init__(
            f"The database at {url} has no shop in it yet. "
            "Create it with: voicecart db init --seed."
        )
        self.url = url


class DatabaseMissing(SchemaMissing):
    """No shop database at all (a SQLite file that does not exist), or one with no schema."""

    code = "database_missing"

    def __init__(self, where: str) -> None:
        CommerceError.__init__(
            self, f"There is no shop database at {where} yet; run: voicecart db init --seed")
        self.url = where


class DatabaseUnavailable(CommerceError):
    """The database server does not answer (down, wrong address, no such database)."""

    code = "database_unavailable"

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"I can't reach the shop database at {where}: {reason}")
        self.where = where


class PostgresUnavailable(CommerceError):
    """The local development or test cluster (commerce.pgserver) cannot be created or started."""

    code = "postgres_unavailable"

    def __init__(self, detail: str) -> None:
        super().__init__(f"The local PostgreSQL cluster cannot be used: {detail}")


class StoreNotFound(CommerceError):
    code = "store_not_found"

    def __init__(self, store: str) -> None:
        super().__init__(f"I don't know a store called {store}.")
        self.store = store


class ProductNotFound(CommerceError):
    code = "product_not_found"

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        message = f"I couldn't find {query}."
        if suggestions:
            message += f" Did you mean {join_words([*suggestions][:3], 'or')}?"
        super().__init__(message)
        self.query = query
        self.suggestions = list(suggestions)


class OutOfStock(CommerceError):
    code = "out_of_stock"

    def __init__(self, items: Sequence[str]) -> None:
        names = list(items)
        verb = "is" if len(names) == 1 else "are"
        super().__init__(f"Sorry, {join_words(list(names))} {verb} out of stock.")
        self.items = names


class QuantityOutOfRange(CommerceError):
    code = "quantity_out_of_range"

    def __init__(self, quantity: int, minimum: int = 1, maximum: int = 99) -> None:
        super().__init__(f"The quantity must be between {minimum} and {maximum}; {quantity} is not.")
        self.quantity = quantity
        self.minimum = minimum
        self.maximum = maximum


class InvalidModifier(CommerceError):
    code = "invalid_modifier"

    def __init__(self, group: str, option: str, choices: Sequence[str] = ()) -> None:
        message = f"{option} is not a choice for {group}."
        if choices:
            message += f" You can choose {join_words(list(choices), 'or')}."
        super().__init__(message)
        self.group = group
        self.option = option
        self.choices = list(choices)


class MissingModifier(CommerceError):
    code = "missing_modifier"

    def __init__(self, group: str, choices: Sequence[str] = ()) -> None:
        message = f"Please choose a {group}."
        if choices:
            message = f"Which {group} would you like: {join_words(list(choices), 'or')}?"
        super().__init__(message)
        self.group = group
        self.choices = list(choices)


class CartEmpty(CommerceError):
    code = "cart_empty"

    def __init__(self) -> None:
        super().__init__("Your cart is empty.")


class CartLineNotFound(CommerceError):
    code = "cart_line_not_found"

    def __init__(self, line_id: int | str) -> None:
        super().__init__(f"That item is not in your cart ({line_id}).")
        self.line_id = line_id


class SpendingLimitExceeded(CommerceError):
    code = "spending_limit_exceeded"

    def __init__(self, limit_cents: int, total_cents: int, formatted: tuple[str, str]) -> None:
        super().__init__(
            f"This order comes to {formatted[1]}, above your spending limit of {formatted[0]}."
        )
        self.limit_cents = limit_cents
        self.total_cents = total_cents


class OrderNotFound(CommerceError):
    code = "order_not_found"

    def __init__(self, order_id: int | str) -> None:
        super().__init__(f"I couldn't find order {order_id}.")
        self.order_id = order_id


class OrderNotCancellable(CommerceError):
    code = "order_not_cancellable"

    def __init__(self, order_id: int, status: str) -> None:
        super().__init__(f"Order {order_id} is already {status}, so it can't be cancelled.")
        self.order_id = order_id
        self.status = status


class InvalidStatusChange(CommerceError):
    code = "invalid_status_change"

    def __init__(self, order_id: int, status: str, new_status: str) -> None:
        super().__init__(f"Order {order_id} is {status}; it can't become {new_status}.")
        self.order_id = order_id
        self.status = status
        self.new_status = new_status


class NotAuthenticated(CommerceError):
    """No API key, or one that is unknown or revoked."""

    code = "not_authenticated"


class NotPermitted(CommerceError):
    """A valid key whose role may not do this."""

    code = "not_permitted"

    def __init__(self, role: str, action: str) -> None:
        super().__init__(f"A {role} key may not {action}.")
        self.role = role


class ApiKeyNotFound(CommerceError):
    code = "api_key_not_found"

    def __init__(self, key_id: int) -> None:
        super().__init__(f"There is no API key {key_id}.")


class SubscriptionNotFound(CommerceError):
    code = "subscription_not_found"

    def __init__(self, subscription_id: int) -> None:
        super().__init__(f"There is no webhook subscription {subscription_id}.")


class UnknownCustomer(CommerceError):
    code = "unknown_customer"

    def __init__(self, customer_id: str) -> None:
        super().__init__(f"I don't know a customer called {customer_id}.")
        self.customer_id = customer_id


class PurchaseLocked(CommerceError):
    code = "purchase_locked"

    def __init__(self, until: datetime) -> None:
        super().__init__(
            "Purchases are locked after too many wrong PINs. "
            f"Please try again after {until:%H:%M} UTC."
        )
        self.until = until


class WrongPin(CommerceError):
    code = "wrong_pin"

    def __init__(self, attempts_left: int) -> None:
        left = "attempt" if attempts_left == 1 else "attempts"
        super().__init__(f"That PIN is not right. {attempts_left} {left} left.")
        self.attempts_left = attempts_left


class NothingToReorder(CommerceError):
    code = "nothing_to_reorder"

    def __init__(self, what: str = "") -> None:
        detail = f" matching {what}" if what else ""
        super().__init__(f"I found nothing in your past orders{detail} to reorder.")


class InvalidData(CommerceError):
    code = "invalid_data"

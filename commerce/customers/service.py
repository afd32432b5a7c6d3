"""Customers: look-up, creation, PIN verification with lock-out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from commerce.checks import Check
from commerce.clock import utc
from commerce.customers.models import Customer
from commerce.customers.pins import hash_pin, pin_matches
from commerce.db import reads, unit_of_work
from commerce.errors import PurchaseLocked, UnknownCustomer, WrongPin

MAX_PIN_ATTEMPTS = 3
LOCKOUT = timedelta(minutes=15)


@dataclass(frozen=True)
class CustomerInfo:
    id: str
    name: str
    store: str | None
    has_pin: bool
    spending_limit_cents: int | None
    locked_until: datetime | None


def _info(customer: Customer) -> CustomerInfo:
    return CustomerInfo(customer.id, customer.name, customer.store_code,
                        customer.pin_hash is not None, customer.spending_limit_cents,
                        customer.locked_until)


def load_customer(session: Session, customer_id: str) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise UnknownCustomer(customer_id)
    return customer


@reads
def get_customer(session: Session, customer_id: str) -> CustomerInfo:
    return _info(load_customer(session, customer_id))


def create_customer(
    session: Session, customer_id: str, name: str, *, store: str | None = "grocery",
    pin: str | None = None, spending_limit_cents: int | None = None,
) -> CustomerInfo:
    def create() -> CustomerInfo:
        customer = Customer(id=customer_id, name=name, store_code=store,
                            pin_hash=hash_pin(pin) if pin else None,
                            spending_limit_cents=spending_limit_cents, failed_pin_attempts=0)
        session.add(customer)
        session.flush()
        return _info(customer)

    return unit_of_work(session, create)


def set_pin(session: Session, customer_id: str, pin: str) -> None:
    def change() -> None:
        customer = load_customer(session, customer_id)
        customer.pin_hash = hash_pin(pin)
        customer.failed_pin_attempts = 0
        customer.locked_until = None

    unit_of_work(session, change)


@reads
def is_locked(session: Session, customer_id: str, now: datetime | None = None) -> datetime | None:
    """The time purchases unlock, or None when not locked."""
    customer = load_customer(session, customer_id)
    if customer.locked_until is not None and customer.locked_until > utc(now):
        return customer.locked_until
    return None


def verify_pin(session: Session, customer_id: str, pin: str, now: datetime | None = None) -> Check:
    """Check a spoken PIN. Raises PurchaseLocked while locked; the 3rd wrong PIN locks."""
    moment = utc(now)

    def verify() -> Check:
        customer = load_customer(session, customer_id)
        if customer.locked_until is not None and customer.locked_until > moment:
            raise PurchaseLocked(customer.locked_until)
        if customer.pin_hash is None:
            return Check.no("no_pin", "This account has no PIN set.")
        if pin_matches(pin, customer.pin_hash):
            customer.failed_pin_attempts = 0
            customer.locked_until = None
            return Check.yes()
        customer.failed_pin_attempts = (customer.failed_pin_attempts or 0) + 1
        if customer.failed_pin_attempts >= MAX_PIN_ATTEMPTS:
            customer.failed_pin_attempts = 0
            customer.locked_until = moment + LOCKOUT
            minutes = int(LOCKOUT.total_seconds() // 60)
            return Check.no(PurchaseLocked.code, f"That PIN is not right. Purchases are locked "
                                                 f"for {minutes} minutes.")
        wrong = WrongPin(MAX_PIN_ATTEMPTS - customer.failed_pin_attempts)
        return Check.no(wrong.code, wrong.message)

    return unit_of_work(session, verify)

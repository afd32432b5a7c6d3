"""PIN hashing, verification and lock-out."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from commerce.customers import get_customer, is_locked, set_pin, verify_pin
from commerce.customers.models import Customer
from commerce.errors import PurchaseLocked, UnknownCustomer

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)


def test_pin_is_stored_salted_and_hashed(shop: Session) -> None:
    stored = shop.execute(select(Customer.pin_hash).where(Customer.id == "alice")).scalar_one()
    assert "2468" not in stored and stored.startswith("scrypt$")
    set_pin(shop, "alice", "2468")
    again = shop.execute(select(Customer.pin_hash).where(Customer.id == "alice")).scalar_one()
    assert again != stored  # a fresh salt each time
    assert get_customer(shop, "alice").has_pin


def test_right_and_wrong_pins(shop: Session) -> None:
    assert verify_pin(shop, "alice", "2468", NOW).ok
    wrong = verify_pin(shop, "alice", "1111", NOW)
    assert not wrong.ok and wrong.reason == "wrong_pin" and "2 attempts left" in wrong.message
    assert verify_pin(shop, "alice", "2 4 6 8", NOW).ok  # spoken digits with spaces
    assert verify_pin(shop, "alice", "1111", NOW).reason == "wrong_pin"  # counter was reset


def test_three_wrong_pins_lock_for_fifteen_minutes(shop: Session) -> None:
    assert verify_pin(shop, "alice", "1", NOW).reason == "wrong_pin"
    assert verify_pin(shop, "alice", "2", NOW).reason == "wrong_pin"
    third = verify_pin(shop, "alice", "3", NOW)
    assert third.reason == "purchase_locked" and "15 minutes" in third.message
    with pytest.raises(PurchaseLocked) as err:
        verify_pin(shop, "alice", "2468", NOW + timedelta(minutes=14))
    assert err.value.until == (NOW + timedelta(minutes=15)).replace(tzinfo=None)
    assert is_locked(shop, "alice", NOW + timedelta(minutes=5)) is not None
    assert is_locked(shop, "alice", NOW + timedelta(minutes=16)) is None
    assert verify_pin(shop, "alice", "2468", NOW + timedelta(minutes=16)).ok


def test_no_pin_and_unknown_customer(shop: Session) -> None:
    from commerce_factories import customer

    customer(shop, "dan")
    assert verify_pin(shop, "dan", "1234", NOW).reason == "no_pin"
    with pytest.raises(UnknownCustomer):
        verify_pin(shop, "nobody", "1234", NOW)

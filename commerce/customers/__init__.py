"""Customers: PIN hashes, lock-out after wrong PINs, spending limits."""

from commerce.customers.service import (
    LOCKOUT,
    MAX_PIN_ATTEMPTS,
    CustomerInfo,
    create_customer,
    get_customer,
    is_locked,
    set_pin,
    verify_pin,
)

__all__ = ["LOCKOUT", "MAX_PIN_ATTEMPTS", "CustomerInfo", "create_customer", "get_customer",
           "is_locked", "set_pin", "verify_pin"]

"""Cart per customer and store: lines with quantity and modifiers, totals in cents."""

from commerce.cart.pricing import MAX_QUANTITY, MIN_QUANTITY, price_line, validate_modifiers
from commerce.cart.service import (
    CartLineView,
    CartView,
    add_to_cart,
    clear_cart,
    find_line,
    remove_line,
    set_quantity,
    sounding_line,
    view_cart,
)

__all__ = ["MAX_QUANTITY", "MIN_QUANTITY", "CartLineView", "CartView", "add_to_cart",
           "clear_cart", "find_line", "price_line", "remove_line", "set_quantity", "sounding_line",
           "validate_modifiers", "view_cart"]

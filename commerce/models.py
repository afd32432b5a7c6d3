"""Every table of the commerce core, registered on ``commerce.db.Base.metadata``."""

from __future__ import annotations

from commerce.apikeys.models import ApiKey
from commerce.cart.models import Cart, CartLine
from commerce.catalog.models import (
    Category,
    ModifierGroup,
    ModifierOption,
    Product,
    ProductAlias,
    Store,
)
from commerce.conversations import Conversation
from commerce.customers.models import Customer
from commerce.orders.models import Order, OrderLine

__all__ = [
    "ApiKey", "Cart", "CartLine", "Category", "Conversation", "Customer", "ModifierGroup", "ModifierOption", "Order",
    "OrderLine", "Product", "ProductAlias", "Store",
]

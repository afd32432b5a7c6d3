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
from commerce.feedback import Feedback
from commerce.orders.models import Order, OrderLine
from commerce.webhooks.models import Attempt, Delivery, OutboxEvent, Subscription

__all__ = [
    "ApiKey", "Attempt", "Cart", "CartLine", "Category", "Conversation", "Customer", "Delivery",
    "Feedback", "ModifierGroup", "ModifierOption", "Order", "OrderLine", "OutboxEvent", "Product",
    "ProductAlias", "Store", "Subscription",
]

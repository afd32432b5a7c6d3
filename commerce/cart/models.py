"""Cart tables: one cart per customer and store; lines with quantity and chosen modifiers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import relationship

from commerce.db import Base


class Cart(Base):
    __tablename__ = "carts"
    __table_args__ = (UniqueConstraint("customer_id", "store_code", name="uq_cart_customer_store"),)
    id = Column(Integer, primary_key=True)
    customer_id = Column(String(64), ForeignKey("customers.id", ondelete="CASCADE"),
                         nullable=False)
    store_code = Column(String(32), ForeignKey("stores.code"), nullable=False)
    updated_at = Column(DateTime, nullable=False, default=datetime.utcnow)
    abandoned_reported_at = Column(DateTime, nullable=True)  # cart.abandoned sent for it

    lines: Any = relationship("CartLine", cascade="all, delete-orphan", order_by="CartLine.id")


class CartLine(Base):
    __tablename__ = "cart_lines"
    __table_args__ = (
        UniqueConstraint("cart_id", "product_id", "modifiers_key", name="uq_cart_line_merge"),
        CheckConstraint("quantity BETWEEN 1 AND 99", name="ck_cart_line_quantity"),
    )
    id = Column(Integer, primary_key=True)
    cart_id = Column(Integer, ForeignKey("carts.id", ondelete="CASCADE"), nullable=False,
                     index=True)
    product_id = Column(Integer, ForeignKey("products.id"), nullable=False)
    quantity = Column(Integer, nullable=False)
    modifiers = Column(JSON, nullable=False, default=list)
    modifiers_key = Column(String(500), nullable=False, default="")

    product: Any = relationship("Product")

"""Catalog tables: stores, categories, products, aliases, modifier groups and options."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    inspect,
    update,
)
from sqlalchemy.orm import Session, relationship

from commerce.db import Base


class Store(Base):
    __tablename__ = "stores"
    code = Column(String(32), primary_key=True)
    name = Column(String(200), nullable=False)
    currency = Column(String(3), nullable=False, default="USD")
    tax_rate_bp = Column(Integer, nullable=False, default=0)
    catalog_version = Column(Integer, nullable=False, default=0)


class Category(Base):
    __tablename__ = "categories"
    __table_args__ = (UniqueConstraint("store_code", "name", name="uq_category_store_name"),)
    id = Column(Integer, primary_key=True)
    store_code = Column(String(32), ForeignKey("stores.code"), nullable=False, index=True)
    name = Column(String(100), nullable=False)
    aliases = Column(JSON, nullable=False, default=list)
    keywords = Column(JSON, nullable=False, default=list)


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("stock >= 0", name="ck_product_stock_nonnegative"),
        CheckConstraint("price_cents >= 0", name="ck_product_price_nonnegative"),
    )
    id = Column(Integer, primary_key=True)
    sku = Column(String(64), nullable=False, unique=True)
    store_code = Column(String(32), ForeignKey("stores.code"), nullable=False, index=True)
    category_id = Column(Integer, ForeignKey("categories.id"), nullable=False, index=True)
    name = Column(String(200), nullable=False)
    brand = Column(String(100), nullable=True)
    size = Column(String(50), nullable=True)
    unit = Column(String(30), nullable=True)
    price_cents = Column(Integer, nullable=False)
    stock = Column(Integer, nullable=False, default=0)
    active = Column(Boolean, nullable=False, default=True)
    tags = Column(JSON, nullable=False, default=list)
    description = Column(Text, nullable=False, default="")
    popularity = Column(Integer, nullable=False, default=0, server_default="0")
    updated_at = Column(DateTime, nullable=False, default=datetime.utcnow)

    store: Any = relationship("Store")
    category: Any = relationship("Category")
    aliases: Any = relationship("ProductAlias", cascade="all, delete-orphan",
                                order_by="ProductAlias.id")
    modifier_groups: Any = relationship("ModifierGroup", cascade="all, delete-orphan",
                                        order_by="ModifierGroup.position")


class ProductAlias(Base):
    __tablename__ = "product_aliases"
    id = Column(Integer, primary_key=True)
    product_id = Column(Integer, ForeignKey("products.id", ondelete="CASCADE"), nullable=False,
                        index=True)
    alias = Column(String(200), nullable=False)


class ModifierGroup(Base):
    __tablename__ = "modifier_groups"
    id = Column(Integer, primary_key=True)
    product_id = Column(Integer, ForeignKey("products.id", ondelete="CASCADE"), nullable=False,
                        index=True)
    name = Column(String(50), nullable=False)
    required = Column(Boolean, nullable=False, default=False)
    multi = Column(Boolean, nullable=False, default=False)
    default_option = Column(String(100), nullable=True)
    amounts = Column(JSON, nullable=False, default=list)
    position = Column(Integer, nullable=False, default=0)

    options: Any = relationship("ModifierOption", cascade="all, delete-orphan",
                                order_by="ModifierOption.position")


class ModifierOption(Base):
    __tablename__ = "modifier_options"
    id = Column(Integer, primary_key=True)
    group_id = Column(Integer, ForeignKey("modifier_groups.id", ondelete="CASCADE"),
                      nullable=False, index=True)
    name = Column(String(100), nullable=False)
    price_delta_cents = Column(Integer, nullable=False, default=0)
    position = Column(Integer, nullable=False, default=0)


_CATALOG_TYPES = (Store, Category, Product, ProductAlias, ModifierGroup, ModifierOption)
_LIVE_FIELDS = {"stock", "updated_at", "catalog_version"}


def _catalog_changed(session: Session) -> bool:
    for obj in list(session.new) + list(session.deleted):
        if isinstance(obj, _CATALOG_TYPES):
            return True
    for obj in session.dirty:
        if not isinstance(obj, _CATALOG_TYPES):
            continue
        state = inspect(obj)
        changed = {a.key for a in state.attrs if a.history.has_changes()}
        if changed - _LIVE_FIELDS:
            return True
    return False


@event.listens_for(Session, "before_flush")
def _bump_catalog_version(session: Session, _context: Any, _instances: Any) -> None:
    """Any change to catalog rows (but not stock) invalidates the search index."""
    if _catalog_changed(session):
        session.execute(update(Store).values(catalog_version=Store.catalog_version + 1))

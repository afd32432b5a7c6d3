"""Customer table: salted PIN hash, failed-PIN counter, lock-out and spending limit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String

from commerce.db import Base


class Customer(Base):
    __tablename__ = "customers"
    id = Column(String(64), primary_key=True)
    name = Column(String(200), nullable=False)
    store_code = Column(String(32), ForeignKey("stores.code"), nullable=True)
    pin_hash = Column(String(255), nullable=True)  # "scrypt$n$r$p$salt_hex$hash_hex"
    failed_pin_attempts = Column(Integer, nullable=False, default=0)
    locked_until = Column(DateTime, nullable=True)
    spending_limit_cents = Column(Integer, nullable=True)
    created_at = Column(DateTime, nullable=False, default=datetime.utcnow)

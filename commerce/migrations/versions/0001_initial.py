"""Initial schema: stores, catalog, customers, carts and orders.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stores",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("tax_rate_bp", sa.Integer, nullable=False),
        sa.Column("catalog_version", sa.Integer, nullable=False),
    )
    op.create_table(
        "categories",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("store_code", sa.String(32), sa.ForeignKey("stores.code"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("keywords", sa.JSON, nullable=False),
        sa.UniqueConstraint("store_code", "name", name="uq_category_store_name"),
    )
    op.create_index("ix_categories_store_code", "categories", ["store_code"])
    op.create_table(
        "products",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sku", sa.String(64), nullable=False, unique=True),
        sa.Column("store_code", sa.String(32), sa.ForeignKey("stores.code"), nullable=False),
        sa.Column("category_id", sa.Integer, sa.ForeignKey("categories.id"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("brand", sa.String(100), nullable=True),
        sa.Column("size", sa.String(50), nullable=True),
        sa.Column("unit", sa.String(30), nullable=True),
        sa.Column("price_cents", sa.Integer, nullable=False),
        sa.Column("stock", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("stock >= 0", name="ck_product_stock_nonnegative"),
        sa.CheckConstraint("price_cents >= 0", name="ck_product_price_nonnegative"),
    )
    op.create_index("ix_products_store_code", "products", ["store_code"])
    op.create_index("ix_products_category_id", "products", ["category_id"])
    op.create_table(
        "product_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("product_id", sa.Integer,
                  sa.ForeignKey("products.id", ondelete="CASCADE"), nullable=False),
        sa.Column("alias", sa.String(200), nullable=False),
    )
    op.create_index("ix_product_aliases_product_id", "product_aliases", ["product_id"])
    op.create_table(
        "modifier_groups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("product_id", sa.Integer,
                  sa.ForeignKey("products.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("required", sa.Boolean, nullable=False),
        sa.Column("multi", sa.Boolean, nullable=False),
        sa.Column("default_option", sa.String(100), nullable=True),
        sa.Column("amounts", sa.JSON, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_modifier_groups_product_id", "modifier_groups", ["product_id"])
    op.create_table(
        "modifier_options",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("group_id", sa.Integer,
                  sa.ForeignKey("modifier_groups.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("price_delta_cents", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_modifier_options_group_id", "modifier_options", ["group_id"])
    op.create_table(
        "customers",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("store_code", sa.String(32), sa.ForeignKey("stores.code"), nullable=True),
        sa.Column("pin_hash", sa.String(255), nullable=True),
        sa.Column("failed_pin_attempts", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.DateTime, nullable=True),
        sa.Column("spending_limit_cents", sa.Integer, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "carts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("customer_id", sa.String(64),
                  sa.ForeignKey("customers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("store_code", sa.String(32), sa.ForeignKey("stores.code"), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("customer_id", "store_code", name="uq_cart_customer_store"),
    )
    op.create_table(
        "cart_lines",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cart_id", sa.Integer, sa.ForeignKey("carts.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("product_id", sa.Integer, sa.ForeignKey("products.id"), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("modifiers", sa.JSON, nullable=False),
        sa.Column("modifiers_key", sa.String(500), nullable=False),
        sa.UniqueConstraint("cart_id", "product_id", "modifiers_key", name="uq_cart_line_merge"),
        sa.CheckConstraint("quantity BETWEEN 1 AND 99", name="ck_cart_line_quantity"),
    )
    op.create_index("ix_cart_lines_cart_id", "cart_lines", ["cart_id"])
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("customer_id", sa.String(64), sa.ForeignKey("customers.id"), nullable=False),
        sa.Column("store_code", sa.String(32), sa.ForeignKey("stores.code"), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("placed_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("subtotal_cents", sa.Integer, nullable=False),
        sa.Column("tax_cents", sa.Integer, nullable=False),
        sa.Column("total_cents", sa.Integer, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("idempotency_key", sa.String(100), nullable=True, unique=True),
    )
    op.create_index("ix_orders_customer_id", "orders", ["customer_id"])
    op.create_table(
        "order_lines",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("order_id", sa.Integer, sa.ForeignKey("orders.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("product_id", sa.Integer,
                  sa.ForeignKey("products.id", ondelete="SET NULL"), nullable=True),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("unit_price_cents", sa.Integer, nullable=False),
        sa.Column("line_total_cents", sa.Integer, nullable=False),
        sa.Column("modifiers", sa.JSON, nullable=False),
    )
    op.create_index("ix_order_lines_order_id", "order_lines", ["order_id"])
    op.create_index("ix_order_lines_product_id", "order_lines", ["product_id"])


def downgrade() -> None:
    for table in ("order_lines", "orders", "cart_lines", "carts", "customers",
                  "modifier_options", "modifier_groups", "product_aliases", "products",
                  "categories", "stores"):
        op.drop_table(table)

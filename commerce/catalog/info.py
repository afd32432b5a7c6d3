"""Plain dataclasses the catalog returns, and their construction from ORM rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from commerce.catalog.models import Product


@dataclass(frozen=True)
class ModifierOptionInfo:
    name: str
    price_delta_cents: int


@dataclass(frozen=True)
class ModifierGroupInfo:
    name: str
    required: bool
    multi: bool
    default: str | None
    amounts: list[str]
    options: list[ModifierOptionInfo]

    def option(self, name: str) -> ModifierOptionInfo | None:
        wanted = name.strip().lower()
        return next((o for o in self.options if o.name.lower() == wanted), None)


@dataclass(frozen=True)
class ChosenModifier:
    group: str
    option: str
    amount: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"group": self.group, "option": self.option}
        if self.amount:
            data["amount"] = self.amount
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ChosenModifier:
        return cls(str(data["group"]), str(data["option"]), data.get("amount"))


@dataclass(frozen=True)
class ProductInfo:
    id: int
    sku: str
    store: str
    name: str
    brand: str | None
    category: str
    size: str | None
    unit: str | None
    price_cents: int
    currency: str
    stock: int
    active: bool
    in_stock: bool
    aliases: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    description: str = ""
    modifier_groups: list[ModifierGroupInfo] = field(default_factory=list)
    popularity: int = 0  # units sold in a typical week

    @property
    def display_name(self) -> str:
        if self.brand and not self.name.lower().startswith(self.brand.lower()):
            return f"{self.brand} {self.name}"
        return self.name

    def group(self, name: str) -> ModifierGroupInfo | None:
        wanted = name.strip().lower()
        return next((g for g in self.modifier_groups if g.name.lower() == wanted), None)


def product_info(product: Product) -> ProductInfo:
    """Convert an ORM product (with store, category, aliases, groups loaded) to ProductInfo."""
    groups = [
        ModifierGroupInfo(
            name=g.name, required=bool(g.required), multi=bool(g.multi),
            default=g.default_option, amounts=list(g.amounts or []),
            options=[ModifierOptionInfo(o.name, int(o.price_delta_cents)) for o in g.options],
        )
        for g in product.modifier_groups
    ]
    return ProductInfo(
        id=int(product.id), sku=product.sku, store=product.store_code, name=product.name,
        brand=product.brand, category=product.category.name, size=product.size,
        unit=product.unit, price_cents=int(product.price_cents),
        currency=product.store.currency if product.store else "USD",
        stock=int(product.stock), active=bool(product.active),
        in_stock=bool(product.active) and int(product.stock) > 0,
        aliases=[a.alias for a in product.aliases], tags=list(product.tags or []),
        description=product.description or "", modifier_groups=groups,
        popularity=int(product.popularity or 0),
    )

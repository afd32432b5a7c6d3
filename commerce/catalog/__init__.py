"""Catalog: products, categories, aliases, modifiers, and search as people speak."""

from commerce.catalog.index import catalog_version
from commerce.catalog.info import (
    ChosenModifier,
    ModifierGroupInfo,
    ModifierOptionInfo,
    ProductInfo,
)
from commerce.catalog.search import SearchHit, SearchResult, search
from commerce.catalog.service import (
    NamedItem,
    catalog_names,
    customizable_products,
    get_product,
    get_product_by_sku,
    list_categories,
    products_by_id,
    resolve_product,
)

__all__ = [
    "ChosenModifier", "ModifierGroupInfo", "ModifierOptionInfo", "ProductInfo", "SearchHit",
    "SearchResult", "NamedItem", "catalog_names", "catalog_version", "customizable_products", "get_product", "get_product_by_sku",
    "list_categories", "products_by_id", "resolve_product", "search",
]

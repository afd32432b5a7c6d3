"""Factories for NLU unit tests: stores, products and Rasa-style parse dicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def make_store(code: str, products: list[dict[str, Any]], categories: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"store": {"code": code, "name": code, "currency": "USD", "tax_rate_bp": 0},
            "categories": categories or [{"name": "pantry", "aliases": ["dry goods"], "keywords": ["dinner"]}], "products": products}


def make_product(name: str, brand: str = "Acme", category: str = "pantry", **extra: Any) -> dict[str, Any]:
    product = {"sku": name.upper()[:8], "name": name, "brand": brand, "category": category,
               "size": "16 oz", "unit": "oz", "price_cents": 100, "stock": 5, "active": True,
               "aliases": [], "tags": [], "description": "", "modifier_groups": []}
    product.update(extra)
    return product


def write_store(data_dir: Path, store: dict[str, Any]) -> None:
    stores = data_dir / "stores"
    stores.mkdir(exist_ok=True)
    (stores / f"{store['store']['code']}.json").write_text(json.dumps(store))


def rasa_dict(intent: str, confidence: float = 0.9, entities: list[dict[str, Any]] | None = None,
              ranking: list[tuple[str, float]] | None = None) -> dict[str, Any]:
    return {
        "intent": {"name": intent, "confidence": confidence},
        "entities": entities or [],
        "intent_ranking": [{"name": n, "confidence": c} for n, c in (ranking or [(intent, confidence)])],
    }


def rasa_entity(text: str, word: str, entity: str, value: str | None = None, **extra: Any) -> dict[str, Any]:
    start = text.index(word)
    return {"entity": entity, "start": start, "end": start + len(word),
            "value": value if value is not None else word, "confidence_entity": 0.99, **extra}

"""Build ``data/stores/cafe.json``: the coffee bar behind the coffee-order speech benchmark.

Plain Python, standard library only, deterministic.

    python data/stores/build_cafe.py [OUTPUT]

Every option name is spelled exactly as in the corpus menu
(``/work/shared/speech/coffee-orders/menu.json``): the benchmark writes them back.
Drink prices are for an eight ounce cup; bigger cups add the size option's delta.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parent / "cafe.json"
STORE: dict[str, Any] = {
    "code": "cafe",
    "name": "Voicecart Cafe",
    "currency": "USD",
    "tax_rate_bp": 825,
}
BRAND = "Voicecart Cafe"
DRINKS_CATEGORY = "coffee drinks"
PASTRY_CATEGORY = "pastries"
CATEGORIES: list[dict[str, Any]] = [
    {"name": DRINKS_CATEGORY, "aliases": ["drinks", "coffees", "espresso drinks", "hot drinks"],
     "keywords": ["caffeine", "pick me up", "something hot", "wake me up"]},
    {"name": PASTRY_CATEGORY, "aliases": ["bakery", "baked goods", "pastry"],
     "keywords": ["something to eat", "breakfast", "snack"]},
]
# The menu's amount phrases, in menu order.
AMOUNTS = ["a little bit of", "a bit of", "some", "a lot of", "lots of"]
# group name -> (required, [(option, price delta in cents)]), options in menu order.
GROUPS: dict[str, tuple[bool, list[tuple[str, int]]]] = {
    # small = twelve ounce, medium = sixteen ounce, large = twenty ounce.
    "size": (True, [("small", 50), ("medium", 100), ("large", 150), ("eight ounce", 0),
                    ("twelve ounce", 50), ("sixteen ounce", 100), ("twenty ounce", 150)]),
    "roast": (False, [("light roast", 0), ("medium roast", 0), ("dark roast", 0)]),
    "shots": (False, [("single shot", 0), ("double shot", 80), ("triple shot", 160)]),
    "milk": (False, [("milk", 0), ("skim milk", 0), ("whole milk", 0), ("soy milk", 60),
                     ("almond milk", 60), ("cream", 0)]),
    "sweetener": (False, [("sugar", 0), ("brown sugar", 0), ("sweetener", 0)]),
}
GROUPS_WITH_AMOUNTS = {"milk", "sweetener"}
# (menu drink name, base price in cents, aliases, description), in menu order.
DRINKS: list[tuple[str, int, list[str], str]] = [
    ("americano", 295, ["caffe americano", "long black"],
     "Espresso topped up with hot water."),
    ("cappuccino", 375, [],
     "Espresso with steamed milk under a thick cap of foam."),
    ("espresso", 250, ["expresso"],
     "A short, strong shot of our espresso blend."),
    ("iced mocha", 445, ["iced cafe mocha", "iced chocolate coffee"],
     "Espresso, chocolate and cold milk over ice."),
    ("latte", 375, ["caffe latte", "cafe latte", "cafe au lait"],
     "Espresso with plenty of steamed milk and a little foam."),
    ("mocha", 425, ["cafe mocha", "caffe mocha", "mochaccino"],
     "Espresso with chocolate and steamed milk."),
    ("coffee", 225, ["regular coffee", "cup of coffee", "cup of joe"],
     "A plain cup of freshly brewed coffee."),
    ("drip coffee", 225, ["drip", "filter coffee", "brewed coffee"],
     "Slow drip brewed coffee, made by the pot."),
    ("house coffee", 245, ["house blend", "house brew"],
     "Our own house blend, brewed fresh all day."),
    ("iced coffee", 295, ["cold coffee"],
     "Chilled brewed coffee poured over ice."),
]
# (name, price in cents, size, aliases, tags, description)
PASTRIES: list[tuple[str, int, str, list[str], list[str], str]] = [
    ("Butter Croissant", 325, "each", [], ["pastry"], "A flaky all-butter croissant."),
    ("Blueberry Muffin", 295, "each", [], ["pastry"], "A soft muffin packed with blueberries."),
    ("Plain Bagel", 250, "each", [], ["vegan"],
     "A chewy plain bagel, toasted on request."),
    ("Bagel with Cream Cheese", 375, "each", [], [], "A toasted plain bagel with cream cheese."),
    ("Chocolate Chip Cookie", 225, "each", [], ["pastry"],
     "A big chewy chocolate chip cookie."),
    ("Banana Bread", 325, "slice", ["banana loaf"], ["pastry"],
     "A thick slice of moist banana bread."),
]


def modifier_groups() -> list[dict[str, Any]]:
    return [
        {
            "name": name,
            "required": required,
            "multi": False,
            "default": None,
            "amounts": list(AMOUNTS) if name in GROUPS_WITH_AMOUNTS else [],
            "options": [{"name": option, "price_delta_cents": delta} for option, delta in options],
        }
        for name, (required, options) in GROUPS.items()
    ]


def build() -> dict[str, Any]:
    products: list[dict[str, Any]] = []
    for name, price, aliases, description in DRINKS:
        tags = ["iced", "cold"] if name.startswith("iced") else ["hot"]
        products.append({
            "sku": "", "name": name.title(), "brand": BRAND, "category": DRINKS_CATEGORY,
            "size": "cup", "unit": "cup", "price_cents": price, "stock": 999,
            "active": True, "aliases": aliases, "tags": tags, "description": description,
            "modifier_groups": modifier_groups(),
        })
    for name, price, size, aliases, tags, description in PASTRIES:
        products.append({
            "sku": "", "name": name, "brand": BRAND, "category": PASTRY_CATEGORY,
            "size": size, "unit": size, "price_cents": price, "stock": 24, "active": True,
            "aliases": aliases, "tags": tags, "description": description,
            "modifier_groups": [],
        })
    for index, product in enumerate(products):
        product["sku"] = f"CAF-{index + 1:04d}"
    return {"store": STORE, "categories": CATEGORIES, "products": products}


def render(store: dict[str, Any]) -> str:
    return json.dumps(store, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    store = build()
    output.write_text(render(store), encoding="utf-8")
    print(f"wrote {len(store['products'])} products to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

"""The cafe menu: drinks and modifier groups spelled exactly as the coffee-order corpus."""

from __future__ import annotations

from typing import Any

GROUP_TO_MENU = {"size": "size", "roast": "roast", "shots": "numberOfShots", "milk": "milk",
                 "sweetener": "sugar"}


def drinks(cafe: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in cafe["products"] if p["category"] == "coffee drinks"]


def test_one_drink_per_menu_value(cafe: dict[str, Any], menu: dict[str, list[str]]) -> None:
    names = [p["name"].lower() for p in drinks(cafe)]
    assert sorted(names) == sorted(menu["coffeeDrink"])


def test_option_names_are_the_menu_values(cafe: dict[str, Any],
                                          menu: dict[str, list[str]]) -> None:
    for product in drinks(cafe):
        groups = {g["name"]: g for g in product["modifier_groups"]}
        assert list(groups) == list(GROUP_TO_MENU), product["name"]
        for name, menu_key in GROUP_TO_MENU.items():
            options = [o["name"] for o in groups[name]["options"]]
            assert options == menu[menu_key], (product["name"], name)
        for name in ("milk", "sweetener"):
            assert groups[name]["amounts"] == menu["amount"]


def test_modifier_group_rules(cafe: dict[str, Any]) -> None:
    for product in drinks(cafe):
        groups = {g["name"]: g for g in product["modifier_groups"]}
        for group in groups.values():
            assert set(group) == {"name", "required", "multi", "default", "amounts", "options"}
            assert group["required"] is (group["name"] == "size")
            assert group["multi"] is False and group["default"] is None
            if group["name"] not in ("milk", "sweetener"):
                assert group["amounts"] == []
            for option in group["options"]:
                delta = option["price_delta_cents"]
                assert isinstance(delta, int) and not isinstance(delta, bool) and delta >= 0
        deltas = {g: {o["name"]: o["price_delta_cents"] for o in groups[g]["options"]}
                  for g in groups}
        assert deltas["shots"]["single shot"] < deltas["shots"]["double shot"] \
            < deltas["shots"]["triple shot"]
        assert deltas["milk"]["soy milk"] > deltas["milk"]["milk"]
        assert deltas["milk"]["almond milk"] > deltas["milk"]["milk"]
        size = deltas["size"]
        assert size["eight ounce"] < size["twelve ounce"] < size["sixteen ounce"] \
            < size["twenty ounce"]
        assert size["small"] < size["medium"] < size["large"]


def test_drink_aliases_and_food(cafe: dict[str, Any]) -> None:
    by_name = {p["name"].lower(): p for p in cafe["products"]}
    assert "drip" in by_name["drip coffee"]["aliases"]
    assert "regular coffee" in by_name["coffee"]["aliases"]
    food = [p for p in cafe["products"] if p["category"] != "coffee drinks"]
    assert len(food) >= 3 and all(p["modifier_groups"] == [] for p in food)
    names = " ".join(p["name"].lower() for p in food)
    for word in ("croissant", "muffin", "bagel"):
        assert word in names

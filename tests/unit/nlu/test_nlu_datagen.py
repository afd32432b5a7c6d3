from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml
from nlu_factories import make_product, make_store, write_store

from nlu.datagen import generate
from nlu.errors import TrainingDataError
from nlu.examples import parse_markup
from nlu.rasa_yaml import write

INTENTS = {"greet", "goodbye", "help", "affirm", "deny", "cancel", "repeat", "stop", "more",
           "search_product", "product_info", "add_to_cart", "remove_from_cart", "change_quantity",
           "view_cart", "clear_cart", "checkout", "reorder", "order_status", "cancel_order",
           "recommend", "faq", "order_drink", "provide_pin", "speech_rate", "nlu_fallback"}
ENTITIES = {"product", "brand", "category", "quantity", "unit", "price_bound", "drink", "size",
            "roast", "shots", "milk", "sweetener", "amount", "ordinal", "pin", "faq_topic",
            "info_type", "reorder_target", "rate"}
CAFE_SLOTS = ("size", "roast", "shots", "milk", "sweetener")


@pytest.fixture(scope="module")
def real() -> object:
    return generate(Path(__file__).resolve().parents[3] / "data")


def test_every_intent_and_entity_is_trained(real) -> None:  # type: ignore[no-untyped-def]
    assert set(real.examples) == INTENTS
    seen = {s.entity for items in real.examples.values() for m in items for s in parse_markup(m).entities}
    assert seen == ENTITIES
    assert 2000 <= real.total <= 3500


def test_generation_is_deterministic(sample_data_dir: Path) -> None:
    first, second = generate(sample_data_dir), generate(sample_data_dir)
    assert first == second
    assert generate(sample_data_dir, seed=1) != first


def test_written_files_are_valid_yaml_and_match_committed_files(real, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = write(real, tmp_path)
    committed = Path(__file__).resolve().parents[3] / "data" / "lang" / "en" / "nlu" / "generated"
    for path in paths:
        doc = yaml.safe_load(path.read_text())
        assert doc["version"] == "3.1" and doc["nlu"]
        assert path.read_text() == (committed / path.name).read_text(), (
            f"{path.name} is stale: run `voicecart nlu data`")


def test_every_cafe_slot_combination_is_covered(real) -> None:  # type: ignore[no-untyped-def]
    combos = set()
    for markup in real.examples["order_drink"]:
        ents = {s.entity for s in parse_markup(markup).entities}
        assert "drink" in ents
        combos.add(frozenset(ents & set(CAFE_SLOTS)))
    wanted = {frozenset(c) for n in range(len(CAFE_SLOTS) + 1) for c in itertools.combinations(CAFE_SLOTS, n)}
    assert wanted <= combos


def test_spoken_variants_map_to_the_menu_phrase(real) -> None:  # type: ignore[no-untyped-def]
    assert {"12-ounce", "12 ounce", "twelve-ounce", "12 oz"} <= set(real.synonyms["twelve ounce"])
    assert {"double", "two shots"} <= set(real.synonyms["double shot"])
    assert "lots of" not in real.synonyms.get("a lot of", [])
    medium_roast = [m for m in real.examples["order_drink"] if "[medium roast](roast)" in m]
    assert medium_roast, "medium roast must be trained as a roast"


def test_store_aliases_become_synonyms(sample_data_dir: Path) -> None:
    write_store(sample_data_dir, make_store("grocery", [
        make_product("Tropicana Pure Premium Orange Juice", "Tropicana", aliases=["oj"])]))
    gen = generate(sample_data_dir)
    assert "oj" in gen.synonyms["Tropicana Pure Premium Orange Juice"]
    assert "pure premium orange juice" in gen.synonyms["Tropicana Pure Premium Orange Juice"]
    assert "oj" in gen.lookups["product"]


def test_unknown_placeholder_is_a_clear_error(sample_data_dir: Path) -> None:
    templates = sample_data_dir / "lang" / "en" / "nlu" / "templates.yml"
    templates.write_text(templates.read_text().replace('    - "{pre} hi"', '    - "{nonsense} hi"'))
    with pytest.raises(TrainingDataError, match="nonsense"):
        generate(sample_data_dir)


def test_broken_store_file_is_a_clear_error(sample_data_dir: Path) -> None:
    (sample_data_dir / "stores").mkdir()
    (sample_data_dir / "stores" / "grocery.json").write_text("{not json")
    with pytest.raises(TrainingDataError, match="grocery.json"):
        generate(sample_data_dir)


def test_one_spoken_form_has_one_value() -> None:
    from nlu.conflicts import resolve_conflicts

    banks = {
        "size": {"twelve ounce": ["twelve ounce", "12 ounce"]},
        "unit": {"12 oz": ["12 oz", "12 ounce"]},
        "category": {"coffee and tea": ["coffee and tea", "coffee"]},
        "drink": {"coffee": ["coffee"]},
        "product": {"No Pulp Orange Juice": ["no pulp orange juice", "oj"],
                    "Pulp Free Orange Juice": ["pulp free orange juice", "oj"]},
    }
    banks["product"]["snacks"] = ["snacks"]
    banks["category"]["snacks"] = ["snacks", "chips"]
    banks["product"]["chips"] = ["chips"]
    overrides = resolve_conflicts(banks)
    assert banks["size"]["twelve ounce"] == ["twelve ounce", "12 ounce"]
    assert banks["unit"]["12 oz"] == ["12 oz", "12 ounce"]  # still trained as a unit ...
    assert overrides["12 ounce"] == "twelve ounce"  # ... valued like the cafe size
    assert overrides["coffee"] == "coffee"
    assert banks["product"]["oj"] == ["oj"]  # shared alias: a value of its own
    assert "oj" not in banks["product"]["No Pulp Orange Juice"] and overrides["oj"] == "oj"
    assert "chips" not in banks["product"]  # a category word is not a product word
    assert banks["category"]["snacks"] == ["snacks", "chips"]  # its name kept its aliases


def test_generated_synonyms_are_unambiguous(real) -> None:  # type: ignore[no-untyped-def]
    owner: dict[str, str] = {}
    for canonical, forms in real.synonyms.items():
        for form in forms:
            assert owner.setdefault(form, canonical) == canonical, form


def test_item_words_are_product_heads_named_elsewhere() -> None:
    from nlu.itemwords import item_words

    banks = {
        "product": {"Large Brown Eggs": ["large brown eggs"], "Whole Milk": ["whole milk"],
                    "Sea Salt Chips": ["sea salt chips"]},
        "category": {"dairy and eggs": ["dairy and eggs", "eggs"], "snacks": ["snacks", "chips"],
                     "bakery": ["bakery", "bread"]},
        "keyword": {},
        "milk": {"whole milk": ["whole milk"], "oat milk": ["oat milk"]},
    }
    general, shared = item_words(banks)
    assert general == {"eggs", "chips"}  # "bread" names no product here
    assert shared == {"whole milk"}  # "oat milk" is not sold in this store


def _spans(examples: list[str], entity: str) -> set[str]:
    found = set()
    for markup in examples:
        example = parse_markup(markup)
        found |= {example.text[s.start:s.end] for s in example.entities if s.entity == entity}
    return found


def test_category_words_are_products_in_cart_intents(real) -> None:  # type: ignore[no-untyped-def]
    cart = [m for intent in ("add_to_cart", "remove_from_cart", "change_quantity", "product_info")
            for m in real.examples[intent]]
    assert {"eggs", "chips"} & _spans(cart, "product")
    assert not _spans(cart, "category") & {"eggs", "chips"}
    assert "eggs" not in {f for forms in real.synonyms.values() for f in forms}  # said = meant


def test_reorder_targets_have_one_determiner(real) -> None:  # type: ignore[no-untyped-def]
    for markup in real.examples["reorder"]:
        text = parse_markup(markup).text
        assert "my my" not in text and "the the" not in text and "my the" not in text, text


def test_a_bare_number_is_a_quantity_not_a_pin(real) -> None:  # type: ignore[no-untyped-def]
    bare = [parse_markup(m) for m in real.examples["change_quantity"]]
    assert any(len(e.entities) == 1 and e.entities[0].entity == "quantity"
               and e.entities[0].end - e.entities[0].start == len(e.text) for e in bare)
    for markup in real.examples["provide_pin"]:
        pin = next(s for s in parse_markup(markup).entities if s.entity == "pin")
        assert len(pin.value) >= 4, markup


def test_foreign_sentences_are_out_of_scope(real) -> None:  # type: ignore[no-untyped-def]
    texts = [parse_markup(m).text for m in real.examples["nlu_fallback"]]
    assert sum(any(ch in t for ch in "äöüßéèçñá") for t in texts) >= 10


def test_singular_of_product_names() -> None:
    from nlu.catalog import singular

    assert [singular(w) for w in ("avocados", "berries", "tomatoes", "peaches", "limes")] == [
        "avocado", "berry", "tomato", "peach", "lime"]
    assert [singular(w) for w in ("hummus", "glass", "rice", "gas")] == [None, None, None, None]


def test_shoppers_words_for_a_product_are_its_aliases(repo_data: Path) -> None:
    from nlu.catalog import grocery_banks, load_sources

    products = grocery_banks(load_sources(repo_data)[0])["product"]
    assert {"avocados", "avocado"} <= set(products["Hass Avocados"])
    assert "lime" in products["Limes"]

"""The catalog spotter and its merge with Rasa's entities: our own logic on a small catalog."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from nlu.products import Lexicon, head_word, spot, with_catalog
from nlu.types import Entity, Parse


@dataclass(frozen=True)
class P:
    name: str
    brand: str | None = None
    aliases: list[str] = field(default_factory=list)
    popularity: int = 0
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class C:
    name: str
    aliases: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


CATALOG = [
    P("Bananas", "Dole", popularity=50), P("Organic Bananas", "Market Basics", tags=["organic"]),
    P("Hass Avocados", "Mission"), P("Nacho Cheese Tortilla Chips", "Doritos"),
    P("Original Cola", "Coca-Cola", ["coke"]), P("Classic Pate Wet Cat Food Variety Pack", "Acme"),
    P("Swaddlers Diapers Size 1", "Pampers"), P("Cruisers Diapers Size 3", "Pampers"),
    P("Atlantic Salmon Fillet", "Market Basics"), P("Honeycrisp Apples", "Market Basics"),
    P("No Pulp Orange Juice", "Tropicana", ["OJ"]), P("Whole Milk", "Market Basics"),
    P("White Sandwich Bread", "Wonder"), P("Salted Butter", "Land O Lakes"),
    P("Sriracha Hot Chili Sauce", "Huy Fong"), P("Dark Chocolate Bars", "KIND"),
    P("Half and Half", "Market Basics"), P("2% Reduced Fat Milk", "Market Basics"),
    P("Sparkling Water Lime", "LaCroix"), P("Vitamin D3 Softgels", "Nature Made"),
    P("Plant Based Burger Patties", "Beyond Meat"), P("Roasted Salted Pistachios", "Wonderful"),
    P("Instant Oatmeal", "Quaker"), P("Old Fashioned Oats", "Quaker"),
    P("Pure Maple Syrup", "Market Basics"), P("Real Mayonnaise", "Hellmann's"),
    P("Original Dog Biscuits", "Milk-Bone"), P("Sweet Peas", "Birds Eye"),
    P("Chicken Flavor Ramen", "Maruchan"),
]
CATEGORIES = [C("pain relief and health", ["medicine"], ["headache"]),
              C("pet", ["pet supplies"], ["dog", "cat"]), C("frozen", ["freezer"]),
              C("produce", ["veggies"])]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_catalog(CATALOG, CATEGORIES)


def found(text: str, lexicon: Lexicon) -> list[str]:
    return [s.text.lower() for s in spot(text, lexicon)]


@pytest.mark.parametrize("text, expected", [
    ("put three avocados in my cart", ["avocado"]),
    ("add a bag of doritos", ["doritos"]),  # the brand
    ("add a twelve pack of coke", ["coke"]),  # "pack" is a unit, never a product
    ("pick up some salmon fillets", ["salmon fillet"]),
    ("add two honey crisp apples", ["honeycrisp apples"]),  # a split word
    ("add two dorados", ["doritos"]),  # a near miss that sounds alike
    ("do you guys have any sriracha", ["sriracha"]),  # a word few names share
    ("something for a headache", ["pain relief and health"]),
    ("and some half and half", ["half and half"]),  # a name of function words
    ("throw a case of la croix in the cart", ["lacroix"]),  # a name heard as two words
    ("add vitamin d to my order", ["vitamin d3"]),  # a letter said for a letter and a number
    ("add two beyond burgers", ["beyond meat", "burger"]),  # a brand's own first word
    ("how many ounces is it", []),  # units of measure are no names ("bounce")
])
def test_products_are_found_as_said_or_misheard(lexicon: Lexicon, text: str,
                                                expected: list[str]) -> None:
    assert found(text, lexicon) == expected


@pytest.mark.parametrize("text", [
    "is it organic", "tell me about the order", "what kind do you have", "add a pack",
    "what size is it",
])
def test_words_around_products_are_no_products(lexicon: Lexicon, text: str) -> None:
    assert found(text, lexicon) == []


def test_a_names_head_is_the_word_it_is_about() -> None:
    assert head_word("Swaddlers Diapers Size 1") == "diaper"
    assert head_word("No Pulp Orange Juice") == "juice"
    assert head_word("Variety Pack") is None


def test_likely_products_of_a_misheard_transcript(lexicon: Lexicon) -> None:
    names = lexicon.likely(["add two pounds of honey crisp apples", "at two dorados"])
    assert "Market Basics Honeycrisp Apples" in names
    assert "Doritos Nacho Cheese Tortilla Chips" in names  # by brand and name: a hint
    assert not any("Milk" in n for n in names)  # "of" and "two" are in no product's favour


def test_a_word_the_store_lacks_hints_at_the_words_that_sound_like_it(lexicon: Lexicon) -> None:
    assert lexicon.near("lakroy") == []  # too far to be taken for LaCroix ...
    assert "lacroix" in dict(lexicon.sounding("lakroy"))  # ... near enough to hear again
    assert lexicon.sounding("banana") == []  # a catalog word is itself, not a hint
    assert lexicon.sounding("please") == []  # a request's word is no hint
    assert "LaCroix Sparkling Water Lime" in lexicon.likely(["a case of lakroy please"])


def _parse(text: str, *entities: tuple[str, str]) -> Parse:
    ents = [Entity(name, word, text.index(word), text.index(word) + len(word), raw=word)
            for name, word in entities]
    return Parse(text=text, intent="add_to_cart", confidence=0.9, entities=ents)


def items(parse: Parse) -> list[tuple[str, str]]:
    return [(e.entity, e.value) for e in parse.entities]


def test_the_spotter_finds_what_rasa_missed(lexicon: Lexicon) -> None:
    merged = with_catalog(_parse("put three avocados in my cart", ("quantity", "three")), lexicon)
    assert items(merged) == [("quantity", "three"), ("product", "avocados")]


def test_packaging_rasa_took_for_a_product_is_dropped(lexicon: Lexicon) -> None:
    text = "add a twelve pack of coke"
    merged = with_catalog(_parse(text, ("product", "pack"), ("product", "coke")), lexicon)
    assert [v for e, v in items(merged) if e == "product"] == ["coke"]


def test_side_by_side_findings_of_one_product_are_one_item(lexicon: Lexicon) -> None:
    merged = with_catalog(_parse("add the tropicana orange juice"), lexicon)
    assert items(merged) == [("brand", "Tropicana"), ("product", "orange juice")]
    merged = with_catalog(_parse("i need milk bread and butter"), lexicon)
    assert [v for _, v in items(merged)] == ["milk", "bread", "butter"]


def test_words_rasa_put_before_a_name_stay_with_it(lexicon: Lexicon) -> None:
    text = "add two unicorn avocados"
    merged = with_catalog(_parse(text, ("product", "unicorn avocados")), lexicon)
    assert ("product", "unicorn avocados") in items(merged)


def test_what_an_item_is_for_is_no_item(lexicon: Lexicon) -> None:
    merged = with_catalog(_parse("add salted butter for the sandwich bread"), lexicon)
    assert [v for _, v in items(merged)] == ["salted butter"]


def test_a_misheard_name_takes_the_catalogs_spelling(lexicon: Lexicon) -> None:
    merged = with_catalog(_parse("add two dorados"), lexicon)
    product = next(e for e in merged.entities if e.entity == "product")
    assert product.value == "Doritos" and product.raw == "dorados"
    assert product.confidence is not None and product.confidence < 1.0


def test_words_the_catalog_does_not_know_before_a_name_stay_whatever_rasa_tagged(
        lexicon: Lexicon) -> None:
    merged = with_catalog(_parse("add two unicorn avocados", ("product", "avocados")), lexicon)
    assert ("product", "unicorn avocados") in items(merged)
    merged = with_catalog(_parse("add two ripe avocados"), lexicon)  # "ripe": near no name
    assert ("product", "ripe avocados") in items(merged)
    merged = with_catalog(_parse("add two organic avocados"), lexicon)  # a catalog word
    assert ("product", "avocados") in items(merged)


def values(parse: Parse) -> list[str]:
    return [v for e, v in items(parse) if e in ("product", "category", "brand")]


def test_an_item_said_again_after_a_comma_is_that_item_as_exactly_as_said(
        lexicon: Lexicon) -> None:
    text = "uh pistachios, the roasted salted ones"  # one product holds both
    assert values(with_catalog(_parse(text), lexicon)) == ["pistachios roasted salted"]
    text = "we need oatmeal, the old fashioned oats"  # the later words say which
    merged = with_catalog(_parse(text, ("product", "oatmeal")), lexicon)
    assert values(merged) == ["old fashioned oats"]
    text = "we need oatmeal, old fashioned oats and pistachios"  # a list stays a list
    assert len(values(with_catalog(_parse(text), lexicon))) == 3


def test_an_aisle_said_before_a_product_without_a_joint_is_what_it_is_for(
        lexicon: Lexicon) -> None:
    assert values(with_catalog(_parse("my dog needs milk bone biscuits"), lexicon)) == [
        "Milk-Bone", "biscuits"]
    assert values(with_catalog(_parse("dog stuff and pure maple syrup"), lexicon)) == [
        "pet", "pure maple syrup"]  # listed: an item of its own


def test_aisles_side_by_side_are_one_aisle_narrowed(lexicon: Lexicon) -> None:
    merged = with_catalog(_parse("a bag of frozen veggies"), lexicon)
    assert [(e.entity, e.value, e.raw) for e in merged.entities] == [
        ("category", "frozen", "frozen veggies")]


def test_a_rare_word_right_before_a_name_qualifies_it(lexicon: Lexicon) -> None:
    text = "let me get a bottle of real maple syrup"  # "real" is a word of a mayonnaise
    assert values(with_catalog(_parse(text), lexicon)) == ["maple syrup"]


def test_a_near_miss_of_a_rare_word_beside_named_products_is_no_item(lexicon: Lexicon) -> None:
    text = "do me a favor and add the instant oatmeal"  # "favor" is near "flavor"
    assert values(with_catalog(_parse(text), lexicon)) == ["instant oatmeal"]


def test_a_brand_or_unit_rasa_heard_in_what_it_is_for_is_dropped(lexicon: Lexicon) -> None:
    text = "some whole milk for the kids lunches"
    merged = with_catalog(_parse(text, ("unit", "lunches")), lexicon)
    assert items(merged) == [("product", "whole milk")]


def test_to_between_a_request_verb_and_a_product_is_the_count_two(lexicon: Lexicon) -> None:
    merged = with_catalog(_parse("I want to hass avocados."), lexicon)
    assert items(merged) == [("quantity", "two"), ("product", "hass avocados")]
    merged = with_catalog(_parse("i'd like to order hass avocados"), lexicon)
    assert ("quantity", "two") not in items(merged)
    merged = with_catalog(_parse("Can I get to more avocados?"), lexicon)
    assert items(merged) == [("quantity", "two"), ("product", "avocados")]


def test_a_number_said_with_percent_is_the_name_s_never_a_count(lexicon: Lexicon) -> None:
    parse = _parse("add two gallons of 2% milk", ("quantity", "two"), ("quantity", "2"),
                   ("product", "milk"))
    assert items(with_catalog(parse, lexicon)) == [("quantity", "two"), ("product", "2% milk")]
    parse = _parse("add a gallon of 2%", ("quantity", "2"))
    assert items(with_catalog(parse, lexicon)) == [("product", "2 percent")]


def test_to_said_last_when_a_line_is_set_is_the_count_two(lexicon: Lexicon) -> None:
    assert items(with_catalog(_parse("Make the whole milk too."), lexicon)) == [
        ("product", "whole milk"), ("quantity", "two")]
    assert ("quantity", "two") not in items(with_catalog(_parse("add the whole milk too"),
                                                         lexicon))  # "too": as well
    assert items(with_catalog(_parse("set the bananas to four"), lexicon)) == [
        ("product", "bananas")]  # the model tags the four; no two is made of the "to"


def test_a_hearing_all_in_the_store_s_words_is_known(lexicon: Lexicon) -> None:
    assert lexicon.all_known("Can you add two whole milk, please?")
    assert not lexicon.all_known("Can you add two dorados?")  # a word to hear again


def test_a_single_word_said_first_before_an_article_is_the_verb(lexicon: Lexicon) -> None:
    assert values(with_catalog(_parse("coke a bag of doritos in there"), lexicon)) == [
        "doritos"]  # as "pop a box of ..." is no soda


def test_the_end_of_a_brand_names_it() -> None:
    lexicon = Lexicon.from_catalog([P("Semi Sweet Chocolate Chips", "Nestle Toll House")])
    assert found("the toll house chocolate chips", lexicon) == [
        "nestle toll house", "chocolate chip"]


def test_a_need_said_with_a_word_of_its_own_is_the_need(lexicon: Lexicon) -> None:
    merged = with_catalog(_parse("i've got a splitting headache, add something for it"),
                          lexicon)
    assert items(merged) == [("category", "pain relief and health")]
    merged = with_catalog(_parse("which hass avocados do you sell"), lexicon)
    assert items(merged) == [("product", "hass avocados")]  # "which" is the question's

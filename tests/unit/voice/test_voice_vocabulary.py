"""Domain vocabulary: grammars, phrase lists, hashing and the grammar cache."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assistant.vocabulary import vocabulary_from_menu, vocabulary_from_store
from storedata.corpus import parse_corpus_menu
from storedata.storefile import parse_store
from voice.vocabulary import (
    DomainVocabulary,
    cached,
    normalize,
    to_jsgf,
    to_phrase_list,
    to_sentences,
)

MENU = parse_corpus_menu({"coffeeDrink": ["latte", "iced mocha"], "size": ["small", "twelve ounce"],
                          "milk": ["soy milk"], "amount": ["a lot of"]})


def test_menu_vocabulary_has_slots_prompt_and_command_words() -> None:
    vocab = vocabulary_from_menu(MENU)
    assert vocab.grammar["drink"] == ["latte", "iced mocha"]
    assert vocab.grammar["size"] == ["small", "twelve ounce"]
    assert "iced mocha" in vocab.prompt and "twelve ounce" in vocab.prompt
    assert "can i get" in vocab.carriers


def test_store_vocabulary_reads_names_brands_modifiers_and_amounts() -> None:
    store = {"store": {"code": "cafe", "name": "Cafe"}, "categories": [
        {"name": "drinks", "aliases": ["beverages"], "keywords": ["thirsty"]}],
        "products": [{"sku": "C-1", "category": "drinks", "price_cents": 300,
                      "name": "Latte", "brand": "House", "aliases": ["caffe latte"],
                      "modifier_groups": [{"name": "milk", "amounts": ["a bit of"],
                                           "options": [{"name": "oat milk"}]}]},
                     {"sku": "C-2", "category": "drinks", "price_cents": 300,
                      "name": "Retired", "active": False}]}
    vocab = vocabulary_from_store(parse_store(store))
    assert vocab.grammar["product"] == ["Latte", "caffe latte"]
    assert vocab.grammar["brand"] == ["House"]
    assert vocab.grammar["category"] == ["drinks", "beverages", "thirsty"]
    assert vocab.grammar["milk"] == ["oat milk"] and vocab.grammar["amount"] == ["a bit of"]
    assert "Retired" not in vocab.all_phrases()


def test_jsgf_loops_over_known_phrases_only() -> None:
    vocab = DomainVocabulary(["latte"], grammar={"drink": ["Latte", "Flat-White"]},
                             carriers=["can i get", "zzyzx"])
    grammar = to_jsgf(vocab, known=lambda w: w != "zzyzx")
    assert grammar.startswith("#JSGF V1.0;")
    assert "public <utterance> = <part>+;" in grammar
    assert "<drink> = latte | flat white;" in grammar
    assert "<carrier> = can i get;" in grammar  # latte is a slot phrase, zzyzx is unknown
    with pytest.raises(ValueError):
        to_jsgf(vocab, known=lambda w: False)


def test_phrase_list_and_sentences() -> None:
    vocab = vocabulary_from_menu(MENU)
    phrases = to_phrase_list(vocab, known=lambda w: w != "mocha")
    assert phrases[-1] == "[unk]" and "latte" in phrases and "iced mocha" not in phrases
    assert "[unk]" not in to_phrase_list(vocab, known=lambda w: w != "[unk]")
    assert "a lot of" in to_sentences(vocab).splitlines()


def test_key_changes_with_any_word_and_cache_rebuilds(tmp_path: Path) -> None:
    one = vocabulary_from_menu(MENU)
    two = vocabulary_from_menu(replace(MENU, groups={**MENU.groups, "milk": ("oat milk",)}))
    assert one.key() == vocabulary_from_menu(MENU).key() and one.key() != two.key()
    builds: list[str] = []

    def build() -> str:
        builds.append("x")
        return "grammar"

    first = cached(tmp_path, one, ".jsgf", build)
    again = cached(tmp_path, one, ".jsgf", build)
    other = cached(tmp_path, two, ".jsgf", build)
    assert first == again != other and len(builds) == 2
    assert first.read_text() == "grammar"


def test_normalize() -> None:
    assert normalize("  Café-Latte, please! ") == "café latte please"
    assert normalize("커피 한 잔_주세요") == "커피 한 잔 주세요"
    assert normalize("I'd like") == "i'd like"


def test_example_sentences_are_seeded_and_built_from_the_slots() -> None:
    vocab = vocabulary_from_menu(MENU)
    again = vocabulary_from_menu(MENU)
    assert vocab.sentences == again.sentences and len(vocab.sentences) == 3000
    assert all(any(d in s for d in ("latte", "iced mocha")) for s in vocab.sentences)
    assert any("with a lot of soy milk" in s for s in vocab.sentences)
    assert any("twelve ounce" in s for s in vocab.sentences)
    assert vocab.sentences[0] in to_sentences(vocab).splitlines()
    no_drinks = parse_corpus_menu({"coffeeDrink": [], "size": ["small"]})
    assert vocabulary_from_menu(no_drinks).sentences == []  # nothing to order

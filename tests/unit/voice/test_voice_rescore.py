"""Re-ranking a recognizer's n-best against the store's vocabulary."""

from __future__ import annotations

import pytest

from assistant.vocabulary import vocabulary_from_menu
from storedata.corpus import parse_corpus_menu
from voice.engines.whisper_direct import compression_ratio, fits_window
from voice.rescore import fit, rerank
from voice.vocabulary import DomainVocabulary

MENU = parse_corpus_menu({"coffeeDrink": ["latte", "iced coffee"],
                          "size": ["small", "twenty ounce"], "milk": ["soy milk"],
                          "sugar": ["sweetener"], "amount": ["a lot of", "lots of"]})


@pytest.fixture(scope="module")
def vocab() -> DomainVocabulary:
    return vocabulary_from_menu(MENU)


def test_fit_counts_unknown_words_and_whether_an_item_is_named(vocab: DomainVocabulary) -> None:
    assert fit("Give me a latte with chicken.", vocab).unknown_words == 1  # "give me" is known
    assert fit("Give me a latte with chicken.", vocab).names_item
    assert not fit("a twenty ounce, a lot of, lots of soy milk", vocab).names_item
    assert fit("a 20-ounce latte", vocab).unknown_words == 0  # digits are the spoken form
    assert fit("a 20-ounce latte", vocab).value == 1


def test_rerank_prefers_the_hypothesis_in_the_store_s_words(vocab: DomainVocabulary) -> None:
    beam = ["I want a latte with chicken.", "I want a latte with sweetener."]
    assert rerank(beam, vocab) == [beam[1], beam[0]]
    # an order that names no drink loses to one that does, even ranked lower by the engine
    beam = ["Can I have a twenty ounce, a lot of, lots of soy milk?",
            "Can I have a twenty ounce latte with lots of soy milk?"]
    assert rerank(beam, vocab)[0] == beam[1]


def test_rerank_keeps_the_engine_s_order_on_ties_and_drops_punctuation_twins(
    vocab: DomainVocabulary,
) -> None:
    beam = ["A small latte.", "a small latte", "A small, latte!", "A small iced coffee."]
    assert rerank(beam, vocab) == ["A small latte.", "A small iced coffee."]
    assert rerank(["zebra crossing", "A small latte"], None) == ["zebra crossing",
                                                                  "A small latte"]
    assert rerank([], vocab) == []


def test_a_looping_hypothesis_compresses_well_and_a_command_does_not() -> None:
    assert compression_ratio("Can I get a large mocha with lots of cream?") < 2.4
    assert compression_ratio("a lot of, " * 12) > 2.4
    assert compression_ratio("") == 0.0


def test_one_window_is_thirty_seconds() -> None:
    import numpy as np

    assert fits_window(np.zeros(30 * 16000, np.float32))
    assert not fits_window(np.zeros(30 * 16000 + 1, np.float32))


def test_whisper_s_silence_rule() -> None:
    from voice.engines.whisper_direct import Hypothesis, nothing_said

    assert nothing_said([Hypothesis(". . .", -0.2)], 0.1)
    assert nothing_said([Hypothesis("you", -1.4)], 0.8)
    assert not nothing_said([Hypothesis("you", -1.4)], 0.3)  # speech was likely
    assert not nothing_said([Hypothesis("a latte", -0.3)], 0.8)  # the text is sure of itself


def test_a_fragment_the_beam_cut_short_never_wins_by_holding_fewer_words(
        vocab: DomainVocabulary) -> None:
    # "Can" has no word the store lacks; the whole request names an unknown brand
    beam = ["Can", "Can I have a zorbulon latte?", "Can I have a zorbulon latte."]
    assert rerank(beam, vocab)[0] == beam[1]
    # a complete sentence that happens to be shorter stays in the running
    beam = ["I want a latte with zorbulon.", "I want a latte."]
    assert rerank(beam, vocab)[0] == beam[1]



def test_the_words_shoppers_say_around_names_are_the_store_s_words() -> None:
    from assistant.settings import DATA_DIR
    from assistant.vocabulary import vocabulary_from_store
    from storedata.lang import load_pack
    from storedata.storefile import read_store

    store = read_store(DATA_DIR / "stores" / "grocery.json")
    bare = vocabulary_from_store(store)
    said = vocabulary_from_store(store, load_pack(DATA_DIR).request_words())
    beam = ["Price check on the tide pods.", "Place check on the tide pods."]
    assert rerank(beam, bare)[0] == beam[1]  # "place" is a name's word (Pike Place), "price" not
    assert rerank(beam, said)[0] == beam[0]  # both the store's now: the engine's order stands
    assert fit("What does a 12 pack of sprite go for?", said).unknown_words == 0
    assert fit("What does a 12 pack of sprite gopher?", said).unknown_words == 1
    assert fit("Can I get two more yogurts?", said).unknown_words == 0  # plural as singular
    beam = ["3.", "Could you put a bottle of cranberry juice in?"]
    assert fit(beam[1], said).unknown_words == 0  # packaging is the store's word too


def test_a_menu_that_fits_one_prompt_keeps_its_closed_words() -> None:
    from assistant.settings import DATA_DIR
    from assistant.vocabulary import vocabulary_from_store
    from storedata.lang import load_pack
    from storedata.storefile import read_store

    said = load_pack(DATA_DIR).request_words()
    cafe = vocabulary_from_store(read_store(DATA_DIR / "stores" / "cafe.json"), said)
    assert fit("a latte with sweetener and on the milk", cafe).unknown_words >= 1

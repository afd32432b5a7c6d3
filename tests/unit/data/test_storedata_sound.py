"""How alike words sound (storedata.sound): what a recognizer writes for a name it missed."""

from __future__ import annotations

import pytest

from storedata.sound import sound_key, sounds_alike


def test_words_that_sound_the_same_share_a_key() -> None:
    assert sound_key("crust") == sound_key("crest")
    assert sound_key("carigold") == sound_key("kerrygold")
    assert sound_key("milk") != sound_key("bread")


@pytest.mark.parametrize(("heard", "word"), [("crust", "crest"), ("rouse", "raos"),
                                             ("carigold", "kerrygold"), ("quorox", "clorox"),
                                             ("infamel", "enfamil")])
def test_a_misheard_name_sounds_like_it(heard: str, word: str) -> None:
    assert sounds_alike(heard, word) >= 70


@pytest.mark.parametrize(("heard", "word"), [("unicorn", "horizon"), ("apple", "advil"),
                                             ("dragon", "organic")])
def test_other_words_do_not(heard: str, word: str) -> None:
    assert sounds_alike(heard, word) < 60


def test_the_same_word_is_alike_in_full_and_nothing_is_alike_to_nothing() -> None:
    assert sounds_alike("bananas", "bananas") == 100
    assert sounds_alike("", "milk") == 0

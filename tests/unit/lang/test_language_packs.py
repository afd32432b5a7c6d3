"""Every language pack is complete: the same replies, FAQ topics and intents as English, its
names only for values the store has, and its generated training data up to date."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
import yaml

from assistant.dialogue.replies import Replies
from assistant.settings import DATA_DIR, Settings, SettingsError
from nlu.datagen import build_banks, generate, load_templates
from nlu.rasa_yaml import write
from storedata.lang import NAME_BANKS, LanguagePackError, available, load_pack

OTHERS = [code for code in available(DATA_DIR) if code != "en"]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_packs_here() -> None:
    assert {"en", "ko", "ja"} <= set(available(DATA_DIR))
    assert load_pack(DATA_DIR, "ja").tokenizer == "japanese"


@pytest.mark.parametrize("code", OTHERS)
def test_replies_have_every_key_and_only_fields_the_code_gives(code: str) -> None:
    english = yaml.safe_load(load_pack(DATA_DIR, "en").replies.read_text(encoding="utf-8"))
    other = yaml.safe_load(load_pack(DATA_DIR, code).replies.read_text(encoding="utf-8"))
    assert set(other) == set(english)
    for key, template in other.items():  # a language may leave out "items" or "verb"
        assert _fields(template) <= _fields(english[key]), key


@pytest.mark.parametrize("code", OTHERS)
def test_faq_topics_and_intents_are_the_english_ones(code: str) -> None:
    pack, en = load_pack(DATA_DIR, code), load_pack(DATA_DIR, "en")
    topics = yaml.safe_load(pack.faq.read_text(encoding="utf-8"))["topics"]
    assert set(topics) == set(yaml.safe_load(en.faq.read_text(encoding="utf-8"))["topics"])
    assert all(t["answer"] and t["keywords"] for t in topics.values())
    intents = load_templates(pack.nlu_dir / "templates.yml")["intents"]
    assert set(intents) == set(load_templates(en.nlu_dir / "templates.yml")["intents"])


@pytest.mark.parametrize("code", OTHERS)
def test_names_are_for_values_the_store_has_and_none_is_empty(code: str) -> None:
    en = load_pack(DATA_DIR, "en")
    banks, _ = build_banks(DATA_DIR, load_templates(en.nlu_dir / "templates.yml"), en)
    names = load_pack(DATA_DIR, code).names()
    assert set(names) == set(NAME_BANKS)
    for bank, values in names.items():
        known = set(banks["product"] if bank == "item_word" else banks.get(bank, {}))
        if bank == "item_word":
            known |= set(banks.get("item_word", {}))
        assert set(values) <= known, (bank, sorted(set(values) - known)[:5])
        assert all(values.values()), bank


@pytest.mark.parametrize("code", OTHERS)
def test_generated_training_data_is_up_to_date(code: str, tmp_path: Path) -> None:
    pack = load_pack(DATA_DIR, code)
    for path in write(generate(DATA_DIR, lang=code), tmp_path):
        assert path.read_text() == (pack.nlu_dir / "generated" / path.name).read_text(), (
            f"{code}: {path.name} is stale: run `voicecart --lang {code} nlu data`")


@pytest.mark.parametrize("code", OTHERS)
def test_every_reply_renders_in_the_language(code: str) -> None:
    from assistant.dialogue.wording import speaking, wording_for

    pack = load_pack(DATA_DIR, code)
    replies = Replies.load(pack.replies, wording_for(pack))
    with speaking(replies.wording):
        for key in replies.keys():
            text = replies.text(key, **{f: "Bananas" for f in replies.fields(key)})
            assert "{" not in text and "Bananas" not in text, key  # the name said in the language


def test_an_unknown_language_is_one_clear_message() -> None:
    with pytest.raises(LanguagePackError, match="no language pack for 'xx'"):
        load_pack(DATA_DIR, "xx")
    with pytest.raises(SettingsError, match="--lang: 'xx' is not usable"):
        Settings.load({}, lang="xx")

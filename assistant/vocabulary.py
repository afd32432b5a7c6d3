"""Build the recognizers' domain vocabulary from the store's own data.

Sources, first found wins: ``data/stores/<store>.json`` (catalog names, brands, aliases,
categories, modifier options and amounts), else a cafe ``menu.json`` in the format of the
shared coffee-orders corpus. Command words common to every store are added to both.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from assistant.settings import PROJECT_ROOT, Settings
from voice.vocabulary import DomainVocabulary

CORPUS_MENU = PROJECT_ROOT.parent / "shared" / "speech" / "coffee-orders" / "menu.json"

# What shoppers say around the names: requests, counts, joins, and the dialogue's answers.
COMMAND_WORDS = [
    "can i get", "can i have", "could i get", "could i have", "i'd like", "i would like",
    "i want", "i'll have", "i'll take", "give me", "let me get", "let me have", "may i have",
    "get me", "make it", "a", "an", "one", "two", "three", "with", "and", "please", "of",
    "no", "extra", "add", "remove", "to", "my", "cart", "the", "yes", "no thanks", "cancel",
    "checkout", "that's all", "what's in my cart", "reorder", "more", "repeat that", "stop",
]

# Menu slot names of the corpus -> the entity names of the design.
MENU_SLOTS = {
    "coffeeDrink": "drink", "size": "size", "roast": "roast", "numberOfShots": "shots",
    "milk": "milk", "sugar": "sweetener", "amount": "amount",
}


def vocabulary_from_menu(menu: dict[str, list[str]]) -> DomainVocabulary:
    """A cafe vocabulary from a ``menu.json`` mapping of slot -> phrases."""
    grammar = {MENU_SLOTS.get(slot, slot): list(values) for slot, values in menu.items()}
    return _assemble(grammar, topic="coffee order")


def vocabulary_from_store(store: dict[str, Any]) -> DomainVocabulary:
    """A vocabulary from a store file in the format of ``data/stores/<code>.json``."""
    grammar: dict[str, list[str]] = {"product": [], "brand": [], "category": []}
    for category in store.get("categories", []):
        grammar["category"] += [category["name"], *category.get("aliases", [])]
        grammar["category"] += category.get("keywords", [])
    for product in store.get("products", []):
        if not product.get("active", True):
            continue
        grammar["product"] += [product["name"], *product.get("aliases", [])]
        if product.get("brand"):
            grammar["brand"].append(product["brand"])
        for group in product.get("modifier_groups", []):
            slot = grammar.setdefault(group["name"], [])
            slot += [option["name"] for option in group.get("options", [])]
            if group.get("amounts"):
                grammar.setdefault("amount", []).extend(group["amounts"])
    grammar = {k: list(dict.fromkeys(v)) for k, v in grammar.items() if v}
    name = store.get("store", {}).get("name", "the store")
    names = [p["name"] for p in store.get("products", []) if p.get("active", True)]
    return _assemble(grammar, topic=f"shopping at {name}", prompt_names=names)


REQUESTS = ["can i get", "can i have", "could i get", "i'd like", "i would like", "i want",
            "i'll have", "give me", "let me get", "may i have", "get me", "make me", ""]
COUNTS = ["a", "an", "one", "two", ""]


def example_sentences(grammar: dict[str, list[str]], count: int = 3000) -> list[str]:
    """Orders as shoppers put them, generated from the store's slots with a fixed seed:
    a request, a count, modifiers in any order, the item, then "with" its add-ins."""
    rng = random.Random(0)
    items = grammar.get("drink") or grammar.get("product") or []
    before = [slot for slot in ("size", "roast", "shots", "brand") if grammar.get(slot)]
    after = [slot for slot in ("milk", "sweetener") if grammar.get(slot)]
    amounts = grammar.get("amount", [])
    sentences = []
    for _ in range(count if items else 0):
        words = [rng.choice(REQUESTS), rng.choice(COUNTS)]
        words += [rng.choice(grammar[s]) for s in rng.sample(before, rng.randint(0, len(before)))]
        words.append(rng.choice(items))
        extras = [(rng.choice(amounts) + " " if amounts and rng.random() < 0.5 else "")
                  + rng.choice(grammar[s]) for s in rng.sample(after, rng.randint(0, len(after)))]
        if extras:
            words += ["with", " and ".join(extras)]
        if rng.random() < 0.2:
            words.append("please")
        sentences.append(" ".join(w for w in words if w))
    return sentences


# Slots that name what is sold, and slots left out of the Whisper prompt: aliases, brands and
# category words made the prompt long and noisy, and tiny.en then misheard more in noise
# (measured on the coffee corpus at 6 dB: 90% with them, 97.5% with names and options only).
NAME_SLOTS = ("drink", "product")
NOT_PROMPTED = ("brand", "category")


def whisper_prompt(topic: str, names: list[str], options: list[str]) -> str:
    """A short text Whisper reads as what came before: the topic, the names, the options."""
    prompt = f"A {topic}. " if not topic.startswith("shopping") else f"{topic.capitalize()}. "
    prompt += "Menu: " + ", ".join(dict.fromkeys(n.lower() for n in names)) + ". " if names else ""
    if options:
        prompt += "Options: " + ", ".join(dict.fromkeys(o.lower() for o in options)) + "."
    return prompt.strip()


def _assemble(
    grammar: dict[str, list[str]], topic: str, prompt_names: list[str] | None = None,
) -> DomainVocabulary:
    named = [p for slot in NAME_SLOTS for p in grammar.get(slot, [])]
    modifiers = [p for slot, values in grammar.items()
                 if slot not in (*NAME_SLOTS, *NOT_PROMPTED) for p in values]
    prompt = whisper_prompt(topic, named if prompt_names is None else prompt_names, modifiers)
    return DomainVocabulary(
        phrases=named, prompt=prompt, grammar=grammar, carriers=list(COMMAND_WORDS),
        sentences=example_sentences(grammar),
    )


def store_file(settings: Settings) -> Path | None:
    path = settings.data_dir / "stores" / f"{settings.store}.json"
    return path if path.is_file() else None


def load_vocabulary(settings: Settings, menu: Path | None = None) -> DomainVocabulary | None:
    """The vocabulary for the settings' store, or None with ``--open-vocabulary``."""
    if settings.open_vocabulary:
        return None
    if menu is None:
        path = store_file(settings)
        if path is not None:
            return vocabulary_from_store(json.loads(path.read_text(encoding="utf-8")))
        menu = CORPUS_MENU if CORPUS_MENU.is_file() else None
    if menu is None:
        return None
    return vocabulary_from_menu(json.loads(menu.read_text(encoding="utf-8")))

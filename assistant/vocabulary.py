"""Build the recognizers' domain vocabulary from the store's own data.

Sources: ``data/stores/<store>.json`` (catalog names, brands, aliases, categories, modifier
options and amounts), or a cafe ``menu.json`` in the format of the shared coffee-orders
corpus when one is given. Command words common to every store are added to both.
"""

from __future__ import annotations

import random
from pathlib import Path

from assistant.settings import Settings
from nlu.products import Lexicon
from storedata.corpus import CorpusMenu, read_corpus_menu
from storedata.lang import DEFAULT_LANG, LanguagePack
from storedata.numbers import COUNT_WORDS, PACKAGING_WORDS
from storedata.storefile import StoreFile, read_store
from voice.vocabulary import DomainVocabulary, SecondPrompt

# What products come in and counts ("a bag of", "a dozen"): said around a store's names.
_MEASURES = PACKAGING_WORDS | COUNT_WORDS

# What shoppers say around the names: requests, counts, joins, and the dialogue's answers.
COMMAND_WORDS = [
    "can i get", "can i have", "could i get", "could i have", "i'd like", "i would like",
    "i want", "i'll have", "i'll take", "give me", "let me get", "let me have", "may i have",
    "get me", "make it", "a", "an", "one", "two", "three", "with", "and", "please", "of",
    "no", "extra", "add", "remove", "to", "my", "cart", "the", "yes", "no thanks", "cancel",
    "checkout", "that's all", "what's in my cart", "reorder", "more", "repeat that", "stop",
]

def vocabulary_from_menu(menu: CorpusMenu) -> DomainVocabulary:
    """A cafe vocabulary from a corpus ``menu.json`` (``storedata.corpus``)."""
    return _assemble(menu.slots(), topic="coffee order")


def vocabulary_from_store(store: StoreFile, said: frozenset[str] = frozenset()
                          ) -> DomainVocabulary:
    """A vocabulary from a store file (``storedata.storefile``); ``said``: the words shoppers
    put around the names (the language pack's ``request_words``), so that re-ranking counts
    "price check" as the store's words and "place check" no better. Only a catalog too large
    for one prompt takes them: its requests are open sentences, while a menu's orders are a
    closed grammar where any word off the menu ("and on the milk") tells a mishearing."""
    grammar: dict[str, list[str]] = {"product": [], "brand": [], "category": []}
    for category in store.categories:
        grammar["category"] += [category.name, *category.aliases, *category.keywords]
    for product in store.active_products:
        grammar["product"] += [product.name, *product.aliases]
        if product.brand:
            grammar["brand"].append(product.brand)
        for group in product.modifier_groups:
            grammar.setdefault(group.name, []).extend(o.name for o in group.options)
            if group.amounts:
                grammar.setdefault("amount", []).extend(group.amounts)
    grammar = {k: list(dict.fromkeys(v)) for k, v in grammar.items() if v}
    return _assemble(grammar, topic=f"shopping at {store.store.name}",
                     prompt_names=prompt_names(store),
                     said=frozenset() if fits_one_prompt(store) else said)


# Whisper keeps only the last ~223 tokens of its prompt: the names are cut to this many
# characters (about 170 tokens, with room for the topic and the options), best sellers first,
# so that nothing the store sells most is cut off.
PROMPT_CHARS = 700


def prompt_names(store: StoreFile, budget: int = PROMPT_CHARS) -> list[str]:
    """The store's product names for the prompt: best sellers first, as many as fit."""
    ranked = sorted(store.active_products, key=lambda p: -p.popularity)  # stable
    names: list[str] = []
    used = 0
    for name in dict.fromkeys(p.name.lower() for p in ranked):
        if used + len(name) + 2 > budget:
            break
        names.append(name)
        used += len(name) + 2
    return names


def fits_one_prompt(store: StoreFile) -> bool:
    """Every product name of the store fits Whisper's one prompt (a cafe's menu does)."""
    return len(prompt_names(store)) >= len({p.name.lower() for p in store.active_products})


def second_prompt(store: StoreFile, limit: int = 20) -> SecondPrompt | None:
    """For a catalog whose names do not all fit one prompt: from the first pass's
    hypotheses, a prompt of the products they most likely named (``Lexicon.likely``); none
    when every word of the best one is a word of the catalog or of a request."""
    if fits_one_prompt(store):
        return None
    lexicon = Lexicon.from_catalog(store.active_products, store.categories)
    topic = f"shopping at {store.store.name}"

    def prompt(heard: list[str]) -> str | None:
        if heard and lexicon.all_known(heard[0]):
            return None  # every word of the best hearing is the store's: nothing to hear again
        names = lexicon.likely(heard, limit)
        return whisper_prompt(topic, names, []) if names else None

    return prompt


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
    said: frozenset[str] = frozenset(),
) -> DomainVocabulary:
    named = [p for slot in NAME_SLOTS for p in grammar.get(slot, [])]
    modifiers = [p for slot, values in grammar.items()
                 if slot not in (*NAME_SLOTS, *NOT_PROMPTED) for p in values]
    prompt = whisper_prompt(topic, named if prompt_names is None else prompt_names, modifiers)
    return DomainVocabulary(
        phrases=named, prompt=prompt, grammar=grammar,
        carriers=list(dict.fromkeys([*COMMAND_WORDS, *sorted(said | _MEASURES if said
                                                             else frozenset())])),
        sentences=example_sentences(grammar),
    )


def load_second_prompt(settings: Settings) -> SecondPrompt | None:
    """The second pass of the settings' store, when its catalog needs one."""
    if settings.open_vocabulary:
        return None
    path = settings.data_dir / "stores" / f"{settings.store}.json"
    return second_prompt(read_store(path)) if path.is_file() else None


def load_vocabulary(settings: Settings, menu: Path | None = None) -> DomainVocabulary | None:
    """The vocabulary of the settings' store file (or of a corpus ``menu``), in the settings'
    language; None with ``--open-vocabulary`` or when there is neither."""
    if settings.open_vocabulary:
        return None
    if menu is not None:
        return vocabulary_from_menu(read_corpus_menu(menu))
    path = settings.data_dir / "stores" / f"{settings.store}.json"
    if not path.is_file():
        return None
    if settings.lang != DEFAULT_LANG:
        return vocabulary_in_language(read_store(path), settings.pack)
    return vocabulary_from_store(read_store(path), settings.pack.request_words())


# Whisper's prompt in another language: its names only (an English frame pulls the decoder
# to English), best sellers first. Hangul and kana take more tokens a character than English.
LOCAL_PROMPT_CHARS = 160


def vocabulary_in_language(store: StoreFile, pack: LanguagePack) -> DomainVocabulary:
    """The store's names as the pack says them: the prompt (best sellers first) and the
    phrases; no carriers (the command words are English) and no n-best re-ranking words."""
    said = pack.display_names()
    ranked = sorted(store.active_products, key=lambda p: -p.popularity)
    names = list(dict.fromkeys(said[p.name] for p in ranked if p.name in said))
    prompt, used = [], 0
    for name in names:
        if used + len(name) + 2 > LOCAL_PROMPT_CHARS:
            break
        prompt.append(name)
        used += len(name) + 2
    return DomainVocabulary(phrases=names, prompt=", ".join(prompt))

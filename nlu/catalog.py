"""Entity values for training data, read from the store files and the FAQ.

A *bank* maps each canonical value of an entity to the ways a shopper may say it:
``{"product": {"Tropicana Pure Premium Orange Juice": ["tropicana ...", "oj"]}}``.
The first spoken form of each canonical value is the canonical value itself, lower case.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from nlu.errors import TrainingDataError
from nlu.variants import drink_variants, option_variants
from storedata.storefile import StoreDataError, StoreFile, parse_store, read_store
from storedata.text import fold, singular

Bank = dict[str, list[str]]
Banks = dict[str, Bank]
CAFE_GROUPS = ("size", "roast", "shots", "milk", "sweetener")
# Words that do not start a short product name ("half and half" is not "half").
NOT_SHORT_NAMES = {"and", "of", "with", "in", "half", "free", "original", "plain", "classic",
                   "regular", "size", "pack", "count", "large", "small", "medium", "extra",
                   "ultra", "mix", "blend", "fat", "chip", "bean", "crust", "the", "for"}
UNIT_WORDS = {"lb": "pound", "oz": "ounce", "gal": "gallon", "qt": "quart"}
QUESTION_WORDS = {"what", "when", "how", "where", "why", "who", "speak"}
# Verbs and adjectives among the FAQ keywords: fine in hand-written phrasings, odd after
# "tell me about ...", so they are left to the templates' literal examples.
NOT_TOPIC_NOUNS = {"pay", "open", "close", "deliver", "ship", "arrive", "charge", "charged",
                   "private", "accessible", "replace", "swap", "substitute", "listening",
                   "send back", "damaged", "broken", "blind"}


def load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TrainingDataError(f"Cannot read {path.name}: {exc}") from exc


def load_sources(data_dir: Path, faq_path: Path | None = None,
                 ) -> tuple[StoreFile, StoreFile, dict[str, list[str]]]:
    """Grocery store, cafe store and FAQ topics (with keywords; English unless ``faq_path``
    is another pack's FAQ); the bundled sample fills any missing file."""
    fallback = load_json(data_dir / "lang" / "en" / "nlu" / "fallback_catalog.json")
    stores: dict[str, StoreFile] = {}
    for code in ("grocery", "cafe"):
        path = data_dir / "stores" / f"{code}.json"
        try:
            stores[code] = read_store(path) if path.exists() else \
                parse_store(fallback[code], source=f"the bundled {code} sample")
        except StoreDataError as exc:
            raise TrainingDataError(exc.message) from exc
    faq_path = faq_path or data_dir / "lang" / "en" / "faq.yml"
    faq: Any = {"topics": fallback["faq"]}
    if faq_path.exists():
        try:
            faq = yaml.safe_load(faq_path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise TrainingDataError(f"Cannot read faq.yml: {exc}") from exc
    topics: dict[str, list[str]] = {}
    inner = faq.get("topics", faq) if isinstance(faq, dict) else {}
    for key, body in (inner if isinstance(inner, dict) else {}).items():
        words = body.get("keywords", []) if isinstance(body, dict) else []
        topics[str(key)] = [str(w) for w in words if _topic_word(str(w))]
    return stores["grocery"], stores["cafe"], topics


def _topic_word(word: str) -> bool:
    """FAQ keywords usable as a topic span: short nouns, not questions ("what time")."""
    first = word.split()[0] if word.split() else ""
    return (0 < len(word.split()) <= 2 and first not in QUESTION_WORDS
            and word not in NOT_TOPIC_NOUNS)


def spoken(text: str) -> str:
    """How an ASR would print a name: the one normaliser's form, keeping "%" and "-"."""
    return fold(text, keep="%-")


def _add(bank: Bank, canonical: str, *forms: str) -> None:
    seen = bank.setdefault(canonical, [])
    for form in (spoken(canonical), *(spoken(f) for f in forms)):
        if form and form not in seen:
            seen.append(form)


def grocery_banks(store: StoreFile) -> Banks:
    products: Bank = {}
    brands: Bank = {}
    categories: Bank = {}
    keywords: Bank = {}
    units: Bank = {}
    for cat in store.categories:
        _add(categories, cat.name, *cat.aliases)
        for kw in cat.keywords:
            _add(keywords, cat.name, kw)
    for p in store.active_products:
        name, brand = p.name, p.brand or ""
        forms = list(p.aliases)
        if brand and spoken(name).startswith(spoken(brand) + " "):
            forms.append(spoken(name)[len(spoken(brand)) + 1 :])
        _add(products, name, *forms)
        if brand:
            _add(brands, brand)
        size = re.fullmatch(r"(\d+|half) (lb|oz|gal|qt|pint|pack|liter)( bag)?", p.size or "")
        if size and p.size:
            word = UNIT_WORDS.get(size.group(2), size.group(2))
            _add(units, p.size, f"{size.group(1)} {word}", f"{size.group(1)}-{word}")
    for extra in ("gallon", "half gallon", "pound", "pounds", "ounce", "bag", "box", "bottle",
                  "pack", "carton", "can", "jar", "loaf", "bunch", "six pack", "quart",
                  "liter", "roll", "case", "cans", "boxes", "bags", "bottles", "jars",
                  "loaves", "packs", "cartons", "gallons", "bunches", "rolls"):
        _add(units, extra)
    _add_short_names(products, {f for forms in units.values() for f in forms})
    keywords = {k: [f for f in v if f != spoken(k)] for k, v in keywords.items()}
    return {"product": products, "brand": brands, "category": categories,
            "keyword": {k: v for k, v in keywords.items() if v}, "unit": units}


def _add_short_names(products: Bank, units: set[str]) -> None:
    """What shoppers say instead of the full name: its last one or two words.

    "plain greek yogurt" -> "greek yogurt", "yogurt". A short name of one product only becomes
    its alias; one shared by several products stays a product word of its own (its value is
    what was said, and the catalog search resolves it).
    """
    owners: dict[str, set[str]] = {}
    for canonical, forms in products.items():
        words = forms[0].split()
        one = singular(words[-1])
        for n in (1, 2):
            if (len(words) > n and len(words[-1]) > 2 and not words[-1].isdigit()
                    and words[-n] not in NOT_SHORT_NAMES):
                owners.setdefault(" ".join(words[-n:]), set()).add(canonical)
                if one:  # "an avocado", "one hass avocado"
                    owners.setdefault(" ".join([*words[-n:-1], one]), set()).add(canonical)
        if one:  # "a lime"
            owners.setdefault(" ".join([*words[:-1], one]), set()).add(canonical)
    taken = {f for forms in products.values() for f in forms} | units  # "boxes" is a unit
    for short, names in sorted(owners.items()):
        if short in taken:
            continue
        if len(names) == 1:
            products[next(iter(names))].append(short)
        else:
            products[short] = [short]
        taken.add(short)


def cafe_food_banks(store: StoreFile) -> Bank:
    """Cafe items without modifiers (pastries) are products."""
    products: Bank = {}
    for p in store.active_products:
        if not p.modifier_groups:
            _add(products, p.name, *p.aliases)
    return products


def cafe_banks(store: StoreFile) -> Banks:
    """Drinks and every modifier option, each with the variants an ASR may print."""
    banks: Banks = {"drink": {}, "amount": {}, **{g: {} for g in CAFE_GROUPS}}
    for p in store.products:
        if not p.modifier_groups:
            continue
        _add(banks["drink"], spoken(p.name), *drink_variants(spoken(p.name)))
        for group in p.modifier_groups:
            gname = group.name
            if gname not in banks:
                continue
            for opt in group.options:
                _add(banks[gname], spoken(opt.name), *option_variants(gname, spoken(opt.name)))
            for amount in group.amounts:
                _add(banks["amount"], spoken(amount), *option_variants("amount", spoken(amount)))
    if not banks["drink"]:
        raise TrainingDataError("The cafe store has no drinks with modifier groups.")
    return banks

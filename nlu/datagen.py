"""Training data generator: fills a language pack's ``nlu/templates.yml`` with values from the
store data (``data/lang/<code>/``; another language than the store files' says the store's names
as its ``names.yml`` gives them, each form annotated with the shared canonical value).

Writes ``data/lang/<code>/nlu/generated/{nlu,synonyms,lookups}.yml`` (Rasa 3.x YAML).
Deterministic: the same inputs and seed give byte-identical files.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from nlu.annotate import Banks, annotate, pick
from nlu.cafe import drink_order
from nlu.catalog import (
    cafe_banks,
    cafe_food_banks,
    grocery_banks,
    load_sources,
    spoken,
)
from nlu.conflicts import resolve_conflicts
from nlu.errors import TrainingDataError
from nlu.itemwords import item_words
from storedata.lang import DEFAULT_LANG, LanguagePack, load_pack, shared_words

SEED = 20240
DEFAULT_COUNT = 90
PLACEHOLDER = re.compile(r"\{([a-z_]+)(?:\.([^}#]+))?(?:#([a-z_]+))?\}")
ENTITY_OF = {"money": "price_bound", "keyword": "category", "item_word": "product"}
PIN_WORDS = "zero one two three four five six seven eight nine".split()
SYNONYM_BANKS = ("product", "brand", "category", "keyword", "unit", "drink", "size", "roast",
                 "shots", "milk", "sweetener", "amount", "ordinal", "faq_topic", "info_type",
                 "reorder_target", "rate")
# Intents about one product of the shop (not a search): there "eggs" or "chips" is a product,
# however the store files name the category.
ITEM_INTENTS = {"add_to_cart", "remove_from_cart", "change_quantity", "product_info", "reorder"}
ITEM_WORD_SHARE = 0.15  # of {product} in those intents: a head word such as "eggs"
FULL_NAME_SHARE = 0.35  # of {product}: the catalog's full name (else an alias or short name)
CONTAINER_SHARE = 0.6  # of {unit}: a container word ("box"), else a size ("64 oz")
LOOKUP_BANKS = ("product", "brand", "category", "drink", "size", "roast", "shots", "milk",
                "sweetener", "amount")


@dataclass(frozen=True)
class Generated:
    examples: dict[str, list[str]]
    synonyms: dict[str, list[str]]
    lookups: dict[str, list[str]]

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.examples.values())


def load_templates(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TrainingDataError(f"Cannot read the NLU templates {path.name}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("intents"), dict):
        raise TrainingDataError(f"{path.name} needs an 'intents' mapping.")
    return data


def build_banks(data_dir: Path, templates: dict[str, Any],
                pack: LanguagePack | None = None) -> tuple[Banks, dict[str, str]]:
    """Value banks for every placeholder, and the spoken forms whose value is overridden."""
    pack = pack or load_pack(data_dir, DEFAULT_LANG)
    grocery, cafe, topics = load_sources(data_dir, pack.faq)
    banks: Banks = {**grocery_banks(grocery), **cafe_banks(cafe)}
    for name, forms in cafe_food_banks(cafe).items():
        banks["product"].setdefault(name, forms)
    names = pack.names()
    if names:
        return _localized_banks(banks, names, templates, topics, grocery)
    for name, values in (templates.get("banks") or {}).items():
        if isinstance(values, dict):
            banks[name] = {str(k): [str(f) for f in v] for k, v in values.items()}
    faq = banks.setdefault("faq_topic", {})
    for topic, words in topics.items():
        forms = faq.setdefault(topic, [spoken(topic.replace("_", " "))])
        forms += [spoken(w) for w in words if spoken(w) not in forms]
    general_items, shared_items = item_words(banks)
    overrides = resolve_conflicts(banks)
    for word in general_items:  # said, meant: "eggs" in a cart is whatever eggs the search finds
        overrides[word] = word
    banks["item_word"] = {w: [w] for w in sorted(general_items | shared_items)}
    pairs = {}
    for p in grocery.active_products:
        if p.brand:
            pairs[f"{p.brand}|{p.name}"] = [p.name]
    banks["brand_product"] = pairs
    return banks, overrides


def _localized_banks(banks: Banks, names: dict[str, dict[str, list[str]]],
                     templates: dict[str, Any], topics: dict[str, list[str]],
                     grocery: Any) -> tuple[Banks, dict[str, str]]:
    """The store's canonical values said as the pack's ``names.yml`` says them; values it
    leaves out are not in the training data."""
    out: Banks = {}
    for name, bank in names.items():
        out[name] = {k: list(forms) for k, forms in bank.items() if forms and k in banks.get(name, {})}
    for name, values in (templates.get("banks") or {}).items():
        if isinstance(values, dict):
            out[name] = {str(k): [str(f) for f in v] for k, v in values.items()}
    faq = out.setdefault("faq_topic", {})
    for topic, words in topics.items():
        forms = faq.setdefault(topic, [])
        forms += [w for w in words if w not in forms]
    out["faq_topic"] = {k: v for k, v in faq.items() if v}
    items = out.pop("item_word", {})
    said_items = {f for forms in items.values() for f in forms}
    for aisle in ("category", "keyword"):  # as in English: "eggs" is whatever eggs the search finds
        out[aisle] = {k: kept for k, v in out.get(aisle, {}).items()
                      if (kept := [f for f in v if f not in said_items])}
    for word, forms in items.items():
        out["product"].setdefault(word, forms)
    out["brand_product"] = {f"{p.brand}|{p.name}": [p.name] for p in grocery.active_products
                           if p.brand and p.brand in out.get("brand", {}) and p.name in out["product"]}
    claims: dict[str, list[str]] = {}
    for bank in out.values():
        for canonical, forms in bank.items():
            for form in forms:
                claims.setdefault(form, []).append(canonical)
    overrides = resolve_conflicts(out)
    for form, value in overrides.items():
        if value == form:  # said of several values: what their canonical names share
            overrides[form] = shared_words(claims.get(form, [])) or form
    return out, overrides


class Filler:
    """Expands one template into an annotated example."""

    def __init__(self, banks: Banks, fillers: dict[str, list[str]], rng: random.Random,
                 overrides: dict[str, str], spaced: bool = True) -> None:
        self.banks, self.fillers, self.rng, self.overrides = banks, fillers, rng, overrides
        # Japanese: "チョバニのギリシャヨーグルト" (said together, MeCab would glue the katakana)
        self.spaced, self.joiner = spaced, " " if spaced else "の"
        self.roles = False  # roles ({money#max}) in the data: see _sub
        # PIN digits said as words only where the templates give the language's ten words
        self.pin_words = fillers.pop("pin_words", PIN_WORDS if spaced else [])
        self.intent = ""
        self.products = sorted(banks["product"])
        self.items = sorted(banks.get("item_word", {}))
        units = sorted(banks.get("unit", {}))
        self.containers = [u for u in units if not u[0].isdigit()]

    def expand(self, template: str) -> str:
        text = PLACEHOLDER.sub(self._sub, template)
        return re.sub(r"\s+", " ", text).strip()

    def _sub(self, m: re.Match[str]) -> str:
        name, canonical = m.group(1), m.group(2)
        if name in self.fillers:
            return self.rng.choice(self.fillers[name])
        if name == "drink_order":
            return drink_order(self.banks, self.rng)
        if name == "pin":
            return self._pin()
        if name == "brand_product":
            return self._brand_product()
        if name == "product" and not canonical:
            return self._product()
        if name == "unit" and not canonical and self.containers and self.rng.random() < CONTAINER_SHARE:
            canonical = self.rng.choice(self.containers)
        if name not in self.banks:
            raise TrainingDataError(f"Unknown placeholder {{{name}}} in templates.yml.")
        value, text = pick(self.banks, name, self.rng, canonical)
        # Roles ({money#max}) are left out of the English training data: nlu.types derives
        # them from the words before the span, which is exact and keeps DIET small. Another
        # language says them where it likes ("5ドル以下", "5달러 이하"): DIET learns them there.
        role = m.group(3) if self.roles else None
        return annotate(text, ENTITY_OF.get(name, name), self.overrides.get(text, value), role)

    def _product(self) -> str:
        """Mostly what shoppers say (an alias or short name); head words in item intents."""
        if self.items and self.intent in ITEM_INTENTS and self.rng.random() < ITEM_WORD_SHARE:
            text = self.rng.choice(self.items)
            return annotate(text, "product", self.overrides.get(text, text))
        canonical = self.rng.choice(self.products)
        forms = self.banks["product"][canonical]
        full = len(forms) == 1 or self.rng.random() < FULL_NAME_SHARE
        text = forms[0] if full else self.rng.choice(forms[1:])
        return annotate(text, "product", self.overrides.get(text, canonical))

    def _pin(self) -> str:
        digits = "".join(self.rng.choice("0123456789") for _ in range(self.rng.choice([4, 4, 4, 6])))
        style = self.rng.choice(["digits", "digits", "spaced", "words", "words"])
        if style == "spaced" and self.spaced:
            return annotate(" ".join(digits), "pin", digits)
        if style == "words" and len(self.pin_words) == 10:
            return annotate(" ".join(self.pin_words[int(d)] for d in digits), "pin", digits)
        return annotate(digits, "pin")

    def _brand_product(self) -> str:
        key = self.rng.choice(sorted(self.banks["brand_product"]))
        brand, name = key.split("|", 1)
        said = self.banks["brand"].get(brand, [spoken(brand)])[0]
        forms = [f for f in self.banks["product"].get(name, [spoken(name)]) if not f.startswith(said)]
        text = self.rng.choice(forms) if forms else spoken(name)
        value = self.overrides.get(text, name)
        return f"{annotate(said, 'brand', brand)}{self.joiner}{annotate(text, 'product', value)}"


def generate(data_dir: Path, seed: int = SEED, lang: str = DEFAULT_LANG) -> Generated:
    """The training data of the pack ``lang`` (the store files are in ``data_dir``)."""
    pack = load_pack(data_dir, lang)
    templates = load_templates(pack.nlu_dir / "templates.yml")
    banks, overrides = build_banks(data_dir, templates, pack)
    fillers = {k: [str(x) for x in v] for k, v in (templates.get("fillers") or {}).items()}
    for k, v in (templates.get("banks") or {}).items():
        if isinstance(v, list):
            fillers[k] = [str(x) for x in v]
    counts = templates.get("counts") or {}
    rng = random.Random(seed)
    filler = Filler(banks, fillers, rng, overrides, spaced=pack.tokenizer != "japanese")
    filler.roles = pack.code != DEFAULT_LANG
    examples: dict[str, list[str]] = {}
    for intent, items in templates["intents"].items():
        filler.intent = intent
        target = int(counts.get(intent, DEFAULT_COUNT))
        seen: dict[str, None] = {}
        for template in items:  # every template at least once
            seen.setdefault(filler.expand(str(template)), None)
        attempts = 0
        while len(seen) < target and attempts < target * 20:
            seen.setdefault(filler.expand(str(rng.choice(items))), None)
            attempts += 1
        examples[intent] = list(seen)
    return Generated(examples, _synonyms(banks, overrides), _lookups(banks))


def _synonyms(banks: Banks, overrides: dict[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in SYNONYM_BANKS:
        for canonical, forms in sorted(banks.get(name, {}).items()):
            for form in forms:
                value = overrides.get(form, canonical)
                if value != form and form not in out.setdefault(value, []):
                    out[value].append(form)
    return {k: v for k, v in out.items() if v}


def _lookups(banks: Banks) -> dict[str, list[str]]:
    return {name: sorted({f for forms in banks[name].values() for f in forms})
            for name in LOOKUP_BANKS if banks.get(name)}

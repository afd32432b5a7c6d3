"""The pack's tokenizer against character n-grams alone, on the same data and held-out set.

Each variant is the pack's NLU config with its tokenizer swapped: ``pack`` (as committed: its
model is the language's own, in ``models/nlu-<lang>/``) and ``whitespace`` (Rasa's
WhitespaceTokenizer: words between spaces, so the char n-gram featurizer does all the work
inside them; Japanese, without spaces, is then one token per phrase), trained on the same
generated data into ``models/bench/tokenizers-<lang>/whitespace/``. Both are hash-skipped when
unchanged and scored on the pack's held-out set.
"""

from __future__ import annotations

import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from storedata.lang import LanguagePack

VARIANTS = ("pack", "whitespace")


@dataclass(frozen=True)
class TokenizerScore:
    variant: str
    tokenizer: str
    intent_accuracy: float
    entity_f1: float
    product_f1: float
    train_seconds: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def variant_dir(pack: LanguagePack, variant: str, root: Path) -> Path:
    """A pack folder for training: the variant's config beside the pack's generated data."""
    target = root / variant / "pack"
    nlu = target / "nlu"
    shutil.rmtree(nlu, ignore_errors=True)
    (nlu / "generated").mkdir(parents=True)
    for path in (pack.nlu_dir / "generated").glob("*.yml"):
        shutil.copy(path, nlu / "generated" / path.name)
    config = yaml.safe_load((pack.nlu_dir / "config.yml").read_text(encoding="utf-8"))
    if variant == "whitespace":
        config["pipeline"][0] = {"name": "WhitespaceTokenizer"}
        if config.get("language") in ("ja", "zh", "th"):  # refused by name; the data decides
            config["language"] = "xx"
    (nlu / "config.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    return target


def score_variant(pack: LanguagePack, variant: str, root: Path, pack_models: Path) -> TokenizerScore:
    from nlu.evaluation import evaluate
    from nlu.local import LocalParser
    from nlu.model import train

    if variant == "pack":
        data, trained = pack.dir, train(pack.dir, pack_models)
    else:
        data = variant_dir(pack, variant, root)
        trained = train(data, root / variant / "models")
    report = evaluate(LocalParser(trained.model).start().wait(), pack.heldout)
    config = yaml.safe_load((data / "nlu" / "config.yml").read_text(encoding="utf-8"))
    product = report.entities.get("product")
    return TokenizerScore(variant, str(config["pipeline"][0]["name"]),
                          report.intent_accuracy, report.entity_f1,
                          product.f1 if product else 0.0, round(trained.seconds, 1))

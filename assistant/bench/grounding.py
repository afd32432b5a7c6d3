"""The catalog's words at any size: lexicon build time, spotting and the recognizer's
shortlist per sentence, and a whole dialogue turn on SQLite (no NLU: the spotter alone finds
the products), on the seeded grocery store or a generated catalog of N products.

    voicecart bench grounding                 # the seeded grocery store (527 products)
    voicecart bench grounding --products 100000
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from assistant.bench.pipeline import percentiles
from assistant.dialogue.manager import DialogueManager
from assistant.dialogue.types import DialogueOptions
from commerce.bench import generate_catalog
from commerce.cart import clear_cart
from commerce.catalog import catalog_names
from commerce.db import make_engine, session_factory, upgrade
from commerce.seed import ensure_guest, seed_database
from nlu.products import Lexicon, with_catalog
from nlu.types import Parse

SENTENCES = (
    "add two bananas, a dozen eggs and the oat milk", "put three avocados in my cart",
    "add a twelve pack of coke", "how much are the bananas", "i need something for a headache",
    "throw in a box of honey nut cheerios", "grab me some salmon fillets please",
    "add the tropicana orange juice", "we're out of dish soap", "add two dorados",
)


def _ms(seconds: list[float]) -> dict[str, float] | None:
    return percentiles([s * 1000 for s in seconds])


def bench_grounding(data_dir: Path, products: int = 0, repeat: int = 20) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="voicecart-ground-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'shop.sqlite'}"
        if products:
            upgrade(url)
        else:
            seed_database(url, data_dir)
        engine = make_engine(url)
        sessions = session_factory(engine)
        store = "bench" if products else "grocery"
        with sessions() as session:
            if products:
                generate_catalog(session, products)
                ensure_guest(session)
            started = time.perf_counter()
            names, categories = catalog_names(session, store)
            lexicon = Lexicon.from_catalog(names, categories)
            build = time.perf_counter() - started
        spot, likely = [], []
        for _ in range(repeat):
            lexicon.forget()  # every round hears its words for the first time
            for text in SENTENCES:
                parse = Parse(text=text, intent="add_to_cart", confidence=0.95)
                t0 = time.perf_counter()
                with_catalog(parse, lexicon)
                t1 = time.perf_counter()
                lexicon.likely([text, text.replace("a", "e")])
                spot.append(t1 - t0)
                likely.append(time.perf_counter() - t1)
        turns = []
        dialogue = DialogueManager(sessions, None, "guest", store,
                                   options=DialogueOptions(suggestions=False))
        dialogue.handle_parse(Parse(text="add two bananas", intent="add_to_cart",
                                    confidence=0.95))  # the lexicon and the index are built
        for _ in range(max(1, repeat // 4)):
            with sessions() as session:  # a shopper's cart: the round's dozen lines at most
                clear_cart(session, "guest", store=store)
            for text in SENTENCES:
                t0 = time.perf_counter()
                dialogue.handle_parse(Parse(text=text, intent="add_to_cart", confidence=0.95))
                turns.append(time.perf_counter() - t0)
        engine.dispose()
    return {"store": store, "products": len(names), "lexicon_phrases": len(lexicon.phrases),
            "lexicon_build_seconds": round(build, 2), "spot_and_merge_ms": _ms(spot),
            "second_pass_shortlist_ms": _ms(likely), "dialogue_turn_ms": _ms(turns)}

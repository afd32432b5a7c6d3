"""Check the spoken grocery benchmark's requests file against its README and the catalog.

Usage: .venv/bin/python data/bench/shop/check_requests.py [requests.yml]

Prints the number of requests per kind and "ok", or lists every problem and exits 1.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1]
CATALOG = DATA / "stores" / "grocery.json"
CUSTOMERS = DATA / "customers.json"

KINDS = {
    "add", "add_category", "add_multi", "remove", "change", "price", "stock", "size",
    "organic", "cart", "reorder", "checkout", "status", "faq", "search",
}
FORMS = ("added", "removed", "quantity", "answer", "intent")
ASPECTS = {"price", "stock", "size", "organic"}
INTENTS = {
    "view_cart", "checkout", "reorder", "order_status", "cancel_order", "faq", "recommend",
    "help", "search_product",
}
# the form (and, for answers and intents, the value) each kind is expected to carry
KIND_FORM = {
    "add": "added", "add_category": "added", "add_multi": "added",
    "remove": "removed", "change": "quantity",
    "price": "answer", "stock": "answer", "size": "answer", "organic": "answer",
    "cart": "intent", "reorder": "intent", "checkout": "intent", "status": "intent",
    "faq": "intent", "search": "intent",
}
KIND_INTENT = {
    "cart": "view_cart", "reorder": "reorder", "checkout": "checkout",
    "status": "order_status", "faq": "faq", "search": "search_product",
}
ALLOWED_KEYS = {"id", "say", "kind", "customer", "given_cart", "expect"}
MAX_WORDS = 20
SAY_CHARS = re.compile(r"^[a-z][a-z' ,]*$")


def singular(word: str) -> str:
    """Simple plural folding, applied to labels and catalog names alike."""
    if len(word) > 4 and word.endswith(("ses", "xes", "zes", "ches", "shes", "oes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def fold(text: str) -> list[str]:
    """Lower case, punctuation and hyphens to spaces, simple plurals removed."""
    return [singular(w) for w in re.sub(r"[^a-z0-9]+", " ", text.lower()).split()]


class Catalog:
    def __init__(self, path: Path) -> None:
        raw = json.loads(path.read_text())
        self.categories = {c["name"] for c in raw["categories"]}
        self.active = [p for p in raw["products"] if p.get("active", True)]
        self.by_sku = {p["sku"]: p for p in raw["products"]}
        self.words = {p["sku"]: set(fold(p["brand"] + " " + p["name"])) for p in self.active}

    def family(self, label: str) -> list[dict]:
        """Active products (catalog order) matching any `|` alternative of a family."""
        alts = [set(fold(a)) for a in label.split("|")]
        return [p for p in self.active if any(a <= self.words[p["sku"]] for a in alts)]

    def dead_alternatives(self, label: str) -> list[str]:
        out = []
        for alt in label.split("|"):
            words = set(fold(alt))
            if not words or not any(words <= self.words[p["sku"]] for p in self.active):
                out.append(alt.strip() or "(empty)")
        return out

    def matches(self, label: str, product: dict) -> bool:
        return any(p["sku"] == product["sku"] for p in self.family(label))


def check(requests_path: Path) -> tuple[Counter, list[str]]:
    catalog = Catalog(CATALOG)
    customers = {c["id"]: c for c in json.loads(CUSTOMERS.read_text())}
    problems: list[str] = []
    kinds: Counter = Counter()

    try:
        requests = yaml.safe_load(requests_path.read_text())
    except yaml.YAMLError as exc:
        return kinds, [f"{requests_path}: not valid YAML: {exc}"]
    if not isinstance(requests, list):
        return kinds, [f"{requests_path}: the top level must be a list of requests"]

    seen_ids: dict[str, int] = {}
    seen_says: dict[str, str] = {}

    for n, req in enumerate(requests, 1):
        where = f"request #{n}"
        if not isinstance(req, dict):
            problems.append(f"{where}: not a mapping")
            continue
        rid = req.get("id")
        if not isinstance(rid, str) or not re.fullmatch(r"[a-z0-9_-]+", rid or ""):
            problems.append(f"{where}: missing or malformed id {rid!r}")
        else:
            where = f"{rid}"
            if rid in seen_ids:
                problems.append(f"{where}: duplicate id (also request #{seen_ids[rid]})")
            seen_ids[rid] = n
        def bad(msg: str) -> None:
            problems.append(f"{where}: {msg}")

        for key in req:
            if key not in ALLOWED_KEYS:
                bad(f"unknown key {key!r}")

        # say
        say = req.get("say")
        if not isinstance(say, str) or not say.strip():
            bad("missing say")
        else:
            if not SAY_CHARS.match(say):
                bad(f"say must be lower-case spoken words (letters, spaces, commas, apostrophes): {say!r}")
            if len(say.split()) > MAX_WORDS:
                bad(f"say has {len(say.split())} words (more than {MAX_WORDS})")
            norm = " ".join(re.sub(r"[,]", " ", say).split())
            if norm in seen_says:
                bad(f"same say as {seen_says[norm]}")
            seen_says[norm] = str(rid)

        # kind
        kind = req.get("kind")
        if kind not in KINDS:
            bad(f"unknown kind {kind!r}")
        else:
            kinds[kind] += 1

        # customer
        cust_id = req.get("customer", "alice")
        customer = customers.get(cust_id)
        if customer is None:
            bad(f"unknown customer {cust_id!r}")
        saved = [catalog.by_sku[line["sku"]] for line in (customer or {}).get("cart", [])
                 if line["sku"] in catalog.by_sku]

        # given_cart
        placed: list[dict] = []
        given = req.get("given_cart")
        if given is not None:
            if not isinstance(given, list) or not given:
                bad("given_cart must be a non-empty list of {product, quantity}")
                given = []
            for line in given:
                if not isinstance(line, dict) or set(line) != {"product", "quantity"}:
                    bad(f"given_cart line must be {{product, quantity}}: {line!r}")
                    continue
                check_quantity(line["quantity"], bad, "given_cart")
                fam = check_family(catalog, line["product"], bad, "given_cart")
                if fam:
                    placed.append(fam[0])

        # expect
        expect = req.get("expect")
        if not isinstance(expect, dict):
            bad("missing expect")
            continue
        forms = [f for f in FORMS if f in expect]
        extra = [k for k in expect if k not in FORMS and k != "says"]
        if extra:
            bad(f"unknown expect key(s) {extra}")
        if len(forms) != 1:
            bad(f"expect must hold exactly one of {FORMS}, has {forms or 'none'}")
            continue
        form = forms[0]
        if "says" in expect and form != "intent":
            bad("says is only allowed with intent")
        if kind in KIND_FORM and KIND_FORM[kind] != form:
            bad(f"kind {kind} expects the {KIND_FORM[kind]} form, not {form}")
        value = expect[form]

        if form == "added":
            if not isinstance(value, list) or not value:
                bad("added must be a non-empty list of {product|category, quantity}")
                continue
            if kind == "add" and len(value) != 1:
                bad("an add request adds exactly one line")
            if kind == "add_category" and len(value) != 1:
                bad("an add_category request adds exactly one line")
            if kind == "add_multi" and not 2 <= len(value) <= 4:
                bad("an add_multi request adds two to four lines")
            fams = []
            for line in value:
                if not isinstance(line, dict) or "quantity" not in line or len(line) != 2 or not (
                    ("product" in line) ^ ("category" in line)
                ):
                    bad(f"added line must be {{product or category, quantity}}: {line!r}")
                    continue
                check_quantity(line["quantity"], bad, "added")
                if "category" in line:
                    cat = line["category"]
                    if cat not in catalog.categories:
                        bad(f"category {cat!r} is not a catalog category")
                        continue
                    fam = [p for p in catalog.active if p["category"] == cat]
                else:
                    fam = check_family(catalog, line["product"], bad, "added")
                if fam and not any(p["stock"] > 0 for p in fam):
                    bad(f"nothing in stock for {line.get('product') or line.get('category')!r}")
                if "product" in line:
                    for p in saved:
                        if catalog.matches(line["product"], p):
                            bad(f"{line['product']!r} also matches {p['sku']} in {cust_id}'s saved cart")
                fams.append({p["sku"] for p in fam})
            for i in range(len(fams)):
                for j in range(i + 1, len(fams)):
                    if fams[i] & fams[j] and "product" in value[i] and "product" in value[j]:
                        bad(f"lines {value[i]['product']!r} and {value[j]['product']!r} overlap")
            if kind in ("add", "add_category", "add_multi") and given:
                bad("add requests start from the customer's own cart (no given_cart)")

        elif form in ("removed", "quantity"):
            keys = {"product"} if form == "removed" else {"product", "quantity"}
            if not isinstance(value, dict) or set(value) != keys:
                bad(f"{form} must be {{{', '.join(sorted(keys))}}}: {value!r}")
                continue
            if form == "quantity":
                check_quantity(value["quantity"], bad, "quantity")
            if check_family(catalog, value["product"], bad, form):
                hits = [p for p in placed if catalog.matches(value["product"], p)]
                if not hits:
                    bad(f"{value['product']!r} matches no line put in by given_cart")
                elif len(hits) > 1:
                    bad(f"{value['product']!r} matches several given_cart lines")
                for p in saved:
                    if catalog.matches(value["product"], p):
                        bad(f"{value['product']!r} also matches {p['sku']} in {cust_id}'s saved cart")
                if form == "quantity" and hits:
                    before = [l["quantity"] for l in given if catalog.family(l["product"])[:1] == hits[:1]]
                    if before and before[0] == value["quantity"]:
                        bad("the expected quantity equals the given_cart quantity")

        elif form == "answer":
            if not isinstance(value, dict) or set(value) != {"aspect", "product"}:
                bad(f"answer must be {{aspect, product}}: {value!r}")
                continue
            if value["aspect"] not in ASPECTS:
                bad(f"answer.aspect {value['aspect']!r} is not one of {sorted(ASPECTS)}")
            elif kind in ASPECTS and value["aspect"] != kind:
                bad(f"kind {kind} but answer.aspect {value['aspect']}")
            check_family(catalog, value["product"], bad, "answer")

        elif form == "intent":
            if value not in INTENTS:
                bad(f"unknown intent {value!r}")
            elif kind in KIND_INTENT and KIND_INTENT[kind] != value:
                bad(f"kind {kind} expects intent {KIND_INTENT[kind]}, not {value}")
            if "says" in expect:
                says = expect["says"]
                if not isinstance(says, list) or not says or not all(
                    isinstance(w, str) and w.strip() for w in says
                ):
                    bad("says must be a non-empty list of words")
            if kind == "faq" and "says" not in expect:
                bad("a faq request needs says (a distinctive word of the answer)")
            if kind == "checkout" and not (given or saved):
                bad("checkout with an empty cart")
            if kind in ("reorder", "status") and customer is not None and not customer.get("orders"):
                bad(f"{kind} for customer {cust_id} who has no past orders")

    return kinds, problems


def check_quantity(q: object, bad, where: str) -> None:
    if isinstance(q, bool) or not isinstance(q, int) or q < 1:
        bad(f"{where} quantity must be an integer >= 1, not {q!r}")


def check_family(catalog: Catalog, label: object, bad, where: str) -> list[dict]:
    if not isinstance(label, str) or not label.strip():
        bad(f"{where} product must be a non-empty string, not {label!r}")
        return []
    dead = catalog.dead_alternatives(label)
    if dead:
        bad(f"{where} product {label!r}: no active product matches {dead}")
        return []
    return catalog.family(label)


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else HERE / "requests.yml"
    kinds, problems = check(path)
    for kind in sorted(KINDS, key=lambda k: (-kinds[k], k)):
        print(f"{kind:13} {kinds[kind]:4}")
    print(f"{'total':13} {sum(kinds.values()):4}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print(f"  {p}")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

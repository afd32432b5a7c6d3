"""One value per spoken form across all entity banks (Rasa's synonym table is global)."""

from __future__ import annotations

Banks = dict[str, dict[str, list[str]]]

# Rasa's synonym table is global (spoken form -> value, whatever the entity), so one spoken
# form must have one value. Earlier banks win: a cafe size keeps "12 ounce", not a grocery unit.
PRIORITY = ("drink", "size", "roast", "shots", "milk", "sweetener", "amount", "quantity", "money",
            "ordinal", "rate", "info_type", "reorder_target", "faq_topic", "category", "keyword",
            "brand", "product", "unit")
CATALOG = {"category", "keyword", "brand", "product"}


def resolve_conflicts(banks: Banks) -> dict[str, str]:
    """Give every spoken form one value; return the forms whose value is not their bank's.

    A form claimed by several values takes the value of the highest-priority bank. Between
    catalog banks the form is only kept by the winner ("chips" is the snacks category, not a
    product word); elsewhere it stays trainable in each bank, with the winner's value
    ("whole milk" as a grocery product is valued "whole milk", like the cafe's milk). If the top
    bank itself has the form under several values (an alias shared by two products), it becomes
    a value of its own there ("oj" said, "oj" meant: the catalog search resolves it).
    """
    owners: dict[str, list[tuple[int, str, str]]] = {}
    for rank, name in enumerate(PRIORITY):
        for canonical, forms in banks.get(name, {}).items():
            for form in forms:
                owners.setdefault(form, []).append((rank, name, canonical))
    overrides: dict[str, str] = {}
    for form, claims in owners.items():
        catalog_banks = {c[1] for c in claims if c[1] in CATALOG}
        if len({c[2] for c in claims}) < 2 and len(catalog_banks) < 2:
            continue
        top = min(c[0] for c in claims)
        winners = {c[2] for c in claims if c[0] == top}
        keep = next(iter(winners)) if len(winners) == 1 else form
        for rank, name, canonical in claims:
            drop = (rank == top and canonical != keep) or (
                rank != top and name in CATALOG and PRIORITY[top] in CATALOG)
            if drop and form in banks[name][canonical]:
                banks[name][canonical].remove(form)
        if len(winners) > 1:  # not when the form is the winner's own name: keep its other forms
            own = banks[PRIORITY[top]].setdefault(form, [])
            if form not in own:
                own.append(form)
        overrides[form] = keep
    for name in PRIORITY:
        if name in banks:
            banks[name] = {k: v for k, v in banks[name].items() if v}
    return overrides

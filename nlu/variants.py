"""Ways an ASR prints a menu phrase: digits for number words, hyphens, short forms, plurals.

Every variant maps back (by a Rasa synonym) to the menu's exact phrase.
"""

from __future__ import annotations

from text_to_num import text2num

SHOT_COUNTS = {"single": ("one", "1"), "double": ("two", "2"), "triple": ("three", "3")}
SPELLING = {
    "espresso": ["expresso"],
    "cappuccino": ["cappucino", "capuccino"],
    "americano": ["american o"],
    "iced coffee": ["ice coffee", "iced coffees"],
    "iced mocha": ["ice mocha"],
    "drip coffee": ["drip"],
    "house coffee": ["house blend"],
}


def number_digits(word: str) -> str | None:
    try:
        return str(text2num(word, "en"))
    except ValueError:
        return None


def drink_variants(name: str) -> list[str]:
    out = list(SPELLING.get(name, []))
    if not name.endswith("s"):
        out.append(name + "s")
    return out


def option_variants(group: str, name: str) -> list[str]:
    words = name.split()
    if group == "size" and len(words) == 2 and words[1] == "ounce":
        num = words[0]
        digits = number_digits(num)
        forms = [f"{num}-ounce", f"{num} oz", f"{num} ounces"]
        if digits:
            forms += [f"{digits} ounce", f"{digits}-ounce", f"{digits} oz", f"{digits}oz",
                      f"{digits} ounces", f"{digits}-oz"]
        return forms
    if group == "shots" and len(words) == 2 and words[0] in SHOT_COUNTS:
        word, digit = SHOT_COUNTS[words[0]]
        return [words[0], f"{words[0]}-shot", f"{word} shots" if word != "one" else "one shot",
                f"{digit} shots" if digit != "1" else "1 shot", f"{words[0]} shots"]
    # Roasts have no variants: "medium-roast" as one token would teach that "medium" (a size)
    # looks like a roast.
    if group == "milk" and len(words) == 2 and words[1] == "milk":
        extra = {"skim": ["skimmed milk", "nonfat milk", "non-fat milk", "skim"],
                 "soy": ["soy", "soymilk"], "almond": ["almond", "almondmilk"]}
        return extra.get(words[0], [])
    if group == "sweetener" and name == "sweetener":
        return ["sweeteners", "artificial sweetener"]
    if group == "amount":
        extra = {"a little bit of": ["a little", "a little bit", "little bit of"],
                 "a bit of": ["bit of"], "a lot of": ["alot of"]}
        return extra.get(name, [])
    return []

"""The scorer against hand-worked examples."""

from __future__ import annotations

from assistant.bench.scoring import MISSING, command_accepted, score

MOCHA = {
    "intent": "orderDrink",
    "slots": {"coffeeDrink": "mocha", "size": "large", "milkAmount": "lots of cream"},
}


def with_slots(**slots: str) -> dict:
    return {"intent": "orderDrink", "slots": slots}


def test_exact_match_is_accepted() -> None:
    assert command_accepted(MOCHA, with_slots(**MOCHA["slots"]))


def test_wrong_slot_fails_the_command() -> None:
    assert not command_accepted(MOCHA, with_slots(coffeeDrink="mocha", size="medium",
                                                  milkAmount="lots of cream"))


def test_missing_slot_fails_the_command() -> None:
    assert not command_accepted(MOCHA, with_slots(coffeeDrink="mocha", size="large"))


def test_extra_slot_fails_the_command() -> None:
    assert not command_accepted(
        MOCHA, with_slots(coffeeDrink="mocha", size="large", milkAmount="lots of cream",
                          roast="dark roast")
    )


def test_wrong_intent_or_no_prediction_fails() -> None:
    assert not command_accepted(MOCHA, {"intent": "other", "slots": MOCHA["slots"]})
    assert not command_accepted(MOCHA, None)


def test_score_counts_acceptance_slots_and_confusions() -> None:
    labels = {
        "a.wav": MOCHA,
        "b.wav": with_slots(coffeeDrink="latte", size="small"),
        "c.wav": with_slots(coffeeDrink="americano"),
        "d.wav": with_slots(coffeeDrink="espresso"),
    }
    predictions = {
        "a.wav": with_slots(**MOCHA["slots"]),  # accepted
        "b.wav": with_slots(coffeeDrink="latte", size="medium"),  # wrong size
        "c.wav": with_slots(coffeeDrink="americano", roast="dark roast"),  # extra slot
        # d.wav: no prediction at all
    }
    s = score(labels, predictions)
    assert (s.total, s.accepted) == (4, 1)
    assert s.acceptance == 0.25
    assert s.intent_correct == 3
    assert s.failed == ["b.wav", "c.wav", "d.wav"]
    # coffeeDrink: right in a, b, c; missing in d -> 3 of 4
    assert s.slot_accuracy["coffeeDrink"] == 0.75
    # size: a right, b wrong -> 1 of 2; roast: only the extra one in c -> 0 of 1
    assert s.slot_accuracy["size"] == 0.5
    assert s.slot_accuracy["roast"] == 0.0
    found = {(c.slot, c.expected, c.got) for c in s.confusions}
    assert ("size", "small", "medium") in found
    assert ("roast", MISSING, "dark roast") in found
    assert ("coffeeDrink", "espresso", MISSING) in found
    assert s.as_dict()["acceptance"] == 0.25

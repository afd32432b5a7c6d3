"""First turns a model may misroute, answered by what was said: the dialogue's own rules on a
real seeded shop, with hand-made parses (the intent a model might give, right or wrong)."""

from __future__ import annotations

from typing import Any

Shop = Any  # the ``shop`` fixture (conftest.py)


def lines(shop: Shop, customer: str = "guest") -> list[tuple[str, int]]:
    return [(ln.name, ln.quantity) for ln in shop.cart(customer).lines]


def test_a_removal_said_with_no_word_of_removal_is_an_add(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "get some strawberry pop tarts", "remove_from_cart", product="strawberry pop")
    assert t.reply_key == "added_one"
    assert lines(shop) == [("Frosted Strawberry Toaster Pastries", 1)]


def test_everything_in_a_name_empties_nothing(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add bananas", "add_to_cart", product="bananas")
    t = shop.say(m, "let me get a bag of everything bagels", "clear_cart", 0.7)
    assert t.reply_key == "added_one" and ("Everything Bagels", 1) in lines(shop)


def test_a_removal_verb_that_is_also_a_word_of_a_name_still_removes(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add a frozen pizza", "add_to_cart", product="frozen pizza")
    t = shop.say(m, "drop the frozen pizza", "remove_from_cart", product="frozen pizza")
    assert t.reply_key == "removed" and lines(shop) == []


def test_products_said_with_nothing_else_are_added_whatever_the_intent(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "uh pistachios, the roasted salted ones", "search_product",
                 product="pistachios")
    assert lines(shop) == [("Roasted Salted Pistachios", 1)], t.reply
    m = shop.manager()
    t = shop.say(m, "eggo waffles for the freezer", "search_product", product="waffles")
    assert ("Homestyle Waffles", 1) in lines(shop), t.reply


def test_a_word_the_store_files_products_as_finds_them_before_a_name_that_only_holds_it(
        shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "throw in some pasta", "add_to_cart", product="pasta")
    assert lines(shop) == [("Spaghetti", 1)], t.reply  # not the pasta sauce
    m = shop.manager()
    t = shop.say(m, "i need fish food for the tank", "add_to_cart", product="fish food")
    assert ("Tropical Fish Flakes", 1) in lines(shop), t.reply  # not the fish sticks


def test_one_product_found_is_offered_not_asked_about(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "search for sriracha", "search_product", product="sriracha")
    assert t.reply_key == "search_one" and "Which one" not in t.reply
    assert t.reply.endswith("Want one?")
    t = shop.say(m, "yes", "affirm")
    assert lines(shop) == [("Sriracha Hot Chili Sauce", 1)]


def test_organic_asked_of_several_is_answered_for_all_of_them(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "is the gerber baby food organic", "product_info", brand="gerber",
                 product="baby food", info_type="organic")
    assert t.reply_key == "info_organic_all" and "Pear Baby Food Puree" in t.reply


def test_a_question_after_the_product_is_a_question(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "horizon milk, is that organic", "add_to_cart", product="milk")
    assert t.reply_key == "info_organic" and lines(shop) == []


def test_the_last_of_several_store_topics_says_what_is_asked(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "what hours do you deliver", "faq", faq_topic=["store_hours", "delivery"])
    assert "deliver" in t.reply.lower() and "eight in the morning" in t.reply


def test_a_store_question_not_understood_is_answered_by_its_words(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "is there a way to shop if i'm blind", "checkout", 0.3)
    assert t.reply_key == "faq_answer" and "voice" in t.reply
    m = shop.manager()
    t = shop.say(m, "what happens if something i order is out of stock", "product_info",
                 info_type="availability")
    assert t.reply_key == "faq_answer" and "substitute" in t.reply


def test_lets_do_a_count_of_a_product_in_the_cart_sets_it(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add two ramen", "add_to_cart", quantity="two", product="ramen")
    t = shop.say(m, "actually let's do ten packs of ramen", "add_to_cart", quantity="ten",
                 product="ramen")
    assert t.reply_key == "quantity_set" and lines(shop) == [("Chicken Flavor Ramen Noodles", 10)]


def test_more_of_a_product_with_nothing_listed_adds_to_its_line(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add two plain greek yogurts", "add_to_cart", quantity="two",
             product="plain greek yogurts")
    (name, _), = lines(shop)
    t = shop.say(m, "can i get two more yogurts", "more", quantity="two", product="yogurts")
    assert lines(shop) == [(name, 4)], t.reply


def test_a_whole_past_order_asked_for_as_an_add_is_a_reorder(shop: Shop) -> None:
    before = lines(shop, "alice")
    m = shop.manager("alice")
    t = shop.say(m, "put my last order back in the cart", "add_to_cart", ordinal="last")
    assert t.reply_key == "confirm_reorder_last" and lines(shop, "alice") == before
    m = shop.manager("alice")
    t = shop.say(m, "i want to buy my regular groceries again", "reorder", product="regular")
    assert t.reply_key == "confirm_reorder_usual"


def test_the_pick_weighs_what_it_is_for_and_the_packaging_said(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "some treats for the dog", "add_to_cart", product="treats")
    assert lines(shop)[0][0] in ("Dental Chew Treats", "Original Dog Biscuits"), t.reply
    m = shop.manager("bob")
    t = shop.say(m, "um four ears of corn please", "add_to_cart", quantity="four", product="corn")
    assert lines(shop, "bob") == [("Sweet Corn", 1)], t.reply  # fresh, four ears to a pack


def test_a_polite_request_is_no_question(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "can you throw in a couple of limes", "product_info", product="limes")
    assert lines(shop) == [("Limes", 2)], t.reply


def test_forget_and_reduce_to_are_said_of_the_cart(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add bread", "add_to_cart", product="bread")
    shop.say(m, "add three bananas", "add_to_cart", quantity="three", product="bananas")
    t = shop.say(m, "um forget the bread", "nlu_fallback", 0.3)
    assert t.reply_key == "removed" and [n for n, _ in lines(shop)] == ["Bananas"]
    t = shop.say(m, "reduce the bananas to one", "add_to_cart", quantity="one", product="bananas")
    assert lines(shop) == [("Bananas", 1)], t.reply


def test_a_measure_said_of_one_thing_is_its_size_not_a_count(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "hey, add a five pound bag of russet potatoes", "add_to_cart",
                 quantity="five", product="russet potatoes")
    assert lines(shop) == [("Russet Potatoes", 1)], t.reply
    m = shop.manager("bob")
    t = shop.say(m, "add two pounds of bananas", "add_to_cart", quantity="two", product="bananas")
    assert lines(shop, "bob") == [("Bananas", 2)], t.reply  # in the plural it counts


def test_a_count_and_unit_that_are_the_products_own_size_are_one_pack(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "um four ears of corn please", "add_to_cart", quantity="four", product="corn")
    assert lines(shop) == [("Sweet Corn", 1)], t.reply


def test_double_and_only_want_set_the_line(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add two bananas", "add_to_cart", quantity="two", product="bananas")
    t = shop.say(m, "double the bananas", "search_product", product="bananas")
    assert lines(shop) == [("Bananas", 4)], t.reply
    t = shop.say(m, "i only want one bunch of bananas", "add_to_cart", quantity="one",
                 product="bananas")
    assert lines(shop) == [("Bananas", 1)], t.reply


def test_my_total_is_the_cart_not_a_product_named_total(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add bananas", "add_to_cart", product="bananas")
    t = shop.say(m, "how much is my total so far", "product_info", product="total")
    assert t.reply_key == "cart_contents"


def test_a_product_said_twice_without_a_count_is_one(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "my dog needs food, add a bag of dog food", "add_to_cart", product="dog food")
    assert [q for _, q in lines(shop)] == [1], t.reply


def test_never_mind_a_product_in_the_cart_removes_it_whatever_the_intent(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add vanilla ice cream", "add_to_cart", product="vanilla ice cream")
    t = shop.say(m, "actually, never mind the ice cream", "search_product", 0.56,
                 product="ice cream")
    assert t.reply_key == "removed" and lines(shop) == []
    shop.say(m, "add bananas", "add_to_cart", product="bananas")
    t = shop.say(m, "no, do you have the bananas", "search_product", product="bananas")
    assert lines(shop) == [("Bananas", 1)]  # "no" alone takes nothing away


def test_a_product_asked_by_name_and_out_of_stock_is_never_swapped_silently(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "add two green seedless grapes", "add_to_cart", quantity="two",
                 product="green seedless grapes")
    assert t.reply_key == "add_out_of_stock" and lines(shop) == []
    assert "Red Seedless Grapes instead" in t.reply  # offered, not added
    t = shop.say(m, "yes", "affirm")
    assert lines(shop) == [("Red Seedless Grapes", 2)], t.reply


def test_out_of_stock_among_several_is_said_and_the_rest_added(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "add large brown eggs and bananas", "add_to_cart",
                 product=["large brown eggs", "bananas"])
    assert ("Bananas", 1) in lines(shop) and not any("Eggs" in n for n, _ in lines(shop))
    assert "Large Brown Eggs is out of stock" in t.reply


def test_a_line_misheard_and_untagged_is_the_line_that_sounds_like_it(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add limes and bananas", "add_to_cart", product=["limes", "bananas"])
    t = shop.say(m, "set the lines to four", "change_quantity", quantity="four")
    assert ("Limes", 4) in lines(shop) and ("Bananas", 1) in lines(shop), t.reply


def test_forget_said_of_a_line_removes_it_whatever_the_intent(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add bananas", "add_to_cart", product="bananas")
    t = shop.say(m, "i'll forget the bananas", "add_to_cart", product="bananas")
    assert t.reply_key == "removed" and lines(shop) == []
    shop.say(m, "add bananas", "add_to_cart", product="bananas")
    shop.say(m, "don't forget the bananas", "add_to_cart", product="bananas")
    assert lines(shop) != []


def test_dont_forget_a_product_adds_it_even_with_a_question_pending(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "don't forget the bread.", "cancel", 0.51, product="bread")
    assert t.reply_key == "added_one" and len(lines(shop)) == 1, t.reply
    shop.say(m, "checkout", "checkout")  # a confirmation is pending now
    t = shop.say(m, "don't forget the bananas", "cancel", 0.51, product="bananas")
    assert ("Bananas", 1) in lines(shop), t.reply


def test_to_before_a_product_in_the_singular_is_no_two(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "I need to cut bacon.", "add_to_cart", product="cut bacon")
    assert lines(shop) == [("Thick Cut Bacon", 1)], t.reply
    m = shop.manager("bob")
    t = shop.say(m, "i want to ribeye steaks", "add_to_cart", product="ribeye steaks")
    assert [q for _, q in lines(shop, "bob")] == [2], t.reply  # "two" misheard


def test_a_number_before_a_container_after_a_is_the_packs_size(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "Add a 12 bag of Coke.", "add_to_cart", quantity="12", unit="bag",
                 product="coke")
    assert [q for _, q in lines(shop)] == [1], t.reply


def test_a_brand_misheard_finds_the_line_by_its_brand(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add three bags of lay's and bananas", "add_to_cart", quantity="three",
             product=["lay's", "bananas"])
    t = shop.say(m, "I only need one bag of lace.", "change_quantity", quantity="one")
    assert ("Bananas", 1) in lines(shop) and [q for n, q in lines(shop) if n != "Bananas"] == [1], \
        t.reply


def test_a_size_said_with_its_number_names_the_product_not_a_size_question(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "could you add a box of size four diapers", "add_to_cart", unit="box",
                 product="size four diapers")
    assert t.reply_key == "added_one" and "Size 4" in lines(shop)[0][0], t.reply
    t = shop.say(m, "how much are the pampers size one", "product_info", brand="pampers")
    assert "Size 1" in t.reply and "Size 3" not in t.reply, t.reply


def test_the_product_of_a_question_may_be_said_in_two_pieces(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "how many eggs come in the cage free pack", "product_info",
                 product=["eggs", "cage free pack"])
    assert t.reply.startswith("Cage Free Large Eggs"), t.reply


def test_any_of_a_product_left_asks_its_stock(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "any tater tots left", "search_product", product="tater tots")
    assert t.reply_key.startswith("info_") and "stock" in t.reply, t.reply


def test_actually_i_want_a_count_of_a_line_sets_it(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add a vanilla greek yogurt", "add_to_cart", product="vanilla greek yogurt")
    t = shop.say(m, "actually i want four of the greek yogurts", "product_info", 0.73,
                 quantity="four", product="greek yogurts")
    assert lines(shop) == [("Vanilla Greek Yogurt", 4)], t.reply
